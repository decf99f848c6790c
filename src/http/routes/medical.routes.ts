// The medical track (issue 14): a pupil's medical certificates, the doubt route to the CLB doctor, exam periods.
import { z } from 'zod';
import {
  addExamPeriod,
  CERTIFICATE_TEXT_MAX,
  certificateScope,
  changeCertificate,
  listCertificates,
  listExamPeriods,
  recordCertificate,
  recordDoctorAdvice,
  tellClb,
} from '../../app/medical/certificates.service.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import { DOUBT_OUTCOMES, ISSUER_KINDS } from '../../domain/medical/certificates.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, Created, NoContent, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const Half = z.enum(['AM', 'PM']);
const version = z.number().int().min(1);

const CertificateInput = z.object({
  from: CivilDate,
  fromHalf: Half.nullable().describe("'PM': starts in the afternoon"),
  to: CivilDate,
  toHalf: Half.nullable().describe("'AM': ends after the morning"),
  issuerKind: z.enum(ISSUER_KINDS),
  receivedOn: CivilDate,
  dixit: z.boolean().describe('Only "according to the patient": the school may refuse it'),
  doubt: z.boolean(),
  doubtReason: z.string().max(CERTIFICATE_TEXT_MAX).nullable(),
});

const Certificate = CertificateInput.extend({
  id: z.number().int(),
  pupilId: z.number().int(),
  schoolId: z.number().int(),
  clbToldOn: CivilDate.nullable().describe('The school told the CLB about its doubt'),
  consentOn: CivilDate.nullable(),
  doctorContactedOn: CivilDate.nullable(),
  outcome: z.enum(DOUBT_OUTCOMES).nullable(),
  outcomeOn: CivilDate.nullable(),
  doctorNote: z.string().nullable().describe('The CLB doctor’s note: only for readers of clb-arts (or by consent)'),
  version: z.number().int(),
});

const Certificates = z.object({
  certificates: z.array(Certificate),
  mayWrite: z.boolean(),
  mayAdvise: z.boolean(),
});

const ClbTold = z.object({ on: CivilDate, version });
const Advice = z.object({
  version,
  consentOn: CivilDate.nullable(),
  doctorContactedOn: CivilDate.nullable(),
  outcome: z.enum(DOUBT_OUTCOMES).nullable(),
  outcomeOn: CivilDate.nullable(),
  note: z.string().max(CERTIFICATE_TEXT_MAX).nullable(),
});

const ExamPeriod = z.object({ id: z.number().int(), from: CivilDate, to: CivilDate, label: z.string() });
const ExamPeriodInput = z.object({ from: CivilDate, to: CivilDate, label: z.string().min(1).max(200) });

export async function medicalRoutes(api: Api, { db, today }: RouteContext) {
  const onCertificate = (action: 'certificate.write' | 'certificate.advise') => ({
    ...access(action),
    // Access before the body is validated: no 400 tells an outsider that the certificate exists.
    preValidation: accessBeforeBody('certificateId', (actor, id) => certificateScope(db, actor, action, id, today())),
  });

  api.get(
    '/pupils/:pupilId/certificates',
    { ...access('certificate.read'), schema: { params: params('pupilId'), response: { 200: Certificates } } },
    async (request) => listCertificates(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  api.post(
    '/pupils/:pupilId/certificates',
    {
      ...access('certificate.write'),
      preValidation: accessBeforeBody('pupilId', (actor, id) =>
        requirePupilAccess(db, actor, 'certificate.write', id, today()),
      ),
      schema: { params: params('pupilId'), body: CertificateInput, response: { 201: Created } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordCertificate(db, requireActor(request), idParam(request.params.pupilId), request.body, today()),
        ),
  );

  api.put(
    '/certificates/:certificateId',
    {
      ...onCertificate('certificate.write'),
      schema: {
        params: params('certificateId'),
        body: CertificateInput.extend({ version }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changeCertificate(db, requireActor(request), idParam(request.params.certificateId), request.body, today());
      return reply.status(204).send();
    },
  );

  api.post(
    '/certificates/:certificateId/clb-told',
    {
      ...onCertificate('certificate.write'),
      schema: { params: params('certificateId'), body: ClbTold, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await tellClb(db, requireActor(request), idParam(request.params.certificateId), request.body, today());
      return reply.status(204).send();
    },
  );

  api.put(
    '/certificates/:certificateId/advice',
    {
      ...onCertificate('certificate.advise'),
      schema: { params: params('certificateId'), body: Advice, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await recordDoctorAdvice(db, requireActor(request), idParam(request.params.certificateId), request.body, today());
      return reply.status(204).send();
    },
  );

  api.get(
    '/schools/:schoolId/exam-periods',
    { ...access('certificate.read'), schema: { params: params('schoolId'), response: { 200: z.array(ExamPeriod) } } },
    async (request) => listExamPeriods(db, requireActor(request), idParam(request.params.schoolId)),
  );

  api.post(
    '/schools/:schoolId/exam-periods',
    {
      ...access('exam-period.manage'),
      schema: { params: params('schoolId'), body: ExamPeriodInput, response: { 201: Created } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addExamPeriod(db, requireActor(request), idParam(request.params.schoolId), request.body, today())),
  );
}
