// Education for sick pupils (issue 14): stays in hospital / type 5 / K-dienst, provisions (TOAH, Bednet/SIO,
// School en ziek zijn), the parents informed, and the entitlement computed from the register and certificates.
import { z } from 'zod';
import {
  addProvision,
  changeProvision,
  dischargeStay,
  recordStay,
  requireProvisionAccess,
  requireStayAccess,
  sickPupilOverview,
  writeInformation,
} from '../../app/medical/sick-pupil.service.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, Created, NoContent, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const Setting = z.enum(['ziekenhuis', 'type-5', 'k-dienst']);
const StayInput = z.object({
  setting: Setting,
  settingName: z.string().min(1).max(200),
  from: CivilDate,
  to: CivilDate.nullable().describe('The discharge date; null while the stay lasts'),
  contactPlan: z.string().min(1).max(2000),
  contactEveryDays: z.number().int().min(1).max(90).describe('The next contact becomes a reminder'),
  dischargeInformant: z.string().min(1).max(200).describe('Who tells the school the discharge date'),
  homeSupport: z.string().max(2000).nullable().describe('The home school’s support: textbooks, programme'),
});
const Stay = StayInput.extend({
  id: z.number().int(),
  pupilId: z.number().int(),
  contactAgreementId: z.number().int().nullable(),
  returnChecklistOn: CivilDate.nullable().describe('The hospital-return checklist recorded since the stay began'),
  version: z.number().int(),
});
const ProvisionInput = z.object({
  kind: z.enum(['toah', 'sio-bednet', 'school-en-ziek-zijn']),
  conditionsCheckedOn: CivilDate.nullable(),
  requestSentOn: CivilDate.nullable(),
  answer: z.enum(['toegekend', 'geweigerd']).nullable(),
  answerOn: CivilDate.nullable(),
  startOn: CivilDate.nullable(),
  endOn: CivilDate.nullable(),
  hoursPerWeek: z.number().min(0).max(40).nullable(),
});
const Provision = ProvisionInput.extend({ id: z.number().int(), version: z.number().int() });
const InformationInput = z.object({
  parentsInformedOn: CivilDate.nullable(),
  informedHow: z.string().max(200).nullable(),
  chronic: z.boolean(),
  distanceKm: z.number().min(0).max(9999).nullable(),
  specialEducation: z.boolean(),
});
const Entitlement = z.object({
  entitled: z.boolean(),
  from: CivilDate.nullable(),
  basis: z.enum(['long', 'chronic', 'weeks', 'half-days']).nullable(),
});
const Overview = z.object({
  stays: z.array(Stay),
  provisions: z.array(Provision),
  information: InformationInput.extend({ version: z.number().int() }).nullable(),
  entitlement: z.object({
    toah: Entitlement.extend({
      chronicBlocks: z.number().int(),
      withinDistance: z.boolean().nullable(),
      distanceLimitKm: z.number(),
    }),
    sio: Entitlement,
    longestIllnessDays: z.number().int(),
    illnessHalfDays: z.number().int(),
  }),
  mayWrite: z.boolean(),
});

export async function sickPupilRoutes(api: Api, { db, today }: RouteContext) {
  const onPupil = {
    ...access('sick-pupil.write'),
    preValidation: accessBeforeBody('pupilId', (actor, id) =>
      requirePupilAccess(db, actor, 'sick-pupil.write', id, today()),
    ),
  };

  api.get(
    '/pupils/:pupilId/sick-pupil',
    { ...access('certificate.read'), schema: { params: params('pupilId'), response: { 200: Overview } } },
    async (request) => sickPupilOverview(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  api.post(
    '/pupils/:pupilId/stays',
    { ...onPupil, schema: { params: params('pupilId'), body: StayInput, response: { 201: Created } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordStay(db, requireActor(request), idParam(request.params.pupilId), request.body, today())),
  );

  api.put(
    '/stays/:stayId/discharge',
    {
      ...access('sick-pupil.write'),
      preValidation: accessBeforeBody('stayId', (actor, id) => requireStayAccess(db, actor, id, today())),
      schema: {
        params: params('stayId'),
        body: z.object({ to: CivilDate, version: z.number().int() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await dischargeStay(db, requireActor(request), idParam(request.params.stayId), request.body, today());
      return reply.status(204).send();
    },
  );

  api.post(
    '/pupils/:pupilId/provisions',
    { ...onPupil, schema: { params: params('pupilId'), body: ProvisionInput, response: { 201: Created } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addProvision(db, requireActor(request), idParam(request.params.pupilId), request.body, today())),
  );

  api.put(
    '/provisions/:provisionId',
    {
      ...access('sick-pupil.write'),
      preValidation: accessBeforeBody('provisionId', (actor, id) => requireProvisionAccess(db, actor, id, today())),
      schema: {
        params: params('provisionId'),
        body: ProvisionInput.extend({ version: z.number().int() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changeProvision(db, requireActor(request), idParam(request.params.provisionId), request.body, today());
      return reply.status(204).send();
    },
  );

  api.put(
    '/pupils/:pupilId/sick-pupil/information',
    {
      ...onPupil,
      schema: {
        params: params('pupilId'),
        body: InformationInput.extend({ version: z.number().int().min(0).describe('0: nothing recorded yet') }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await writeInformation(db, requireActor(request), idParam(request.params.pupilId), request.body, today());
      return reply.status(204).send();
    },
  );
}
