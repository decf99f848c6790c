// The pupil file (leerlingendossier): the file, its paginated lists, edits with optimistic locking, the guided
// workflows, the PDF and JSON exports, and handling a signal by recording a timeline entry.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../app/actor.ts';
import type { Action } from '../../app/policy/policy.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import { requireItemAccess } from '../../app/pupil-file/file-access.ts';
import { exportFileJson, exportFilePdf } from '../../app/pupil-file/file-export.service.ts';
import { moveTrackPhase } from '../../app/pupil-file/phase2-routes.service.ts';
import {
  addAgreement,
  addContactAttempt,
  addEntry,
  addPerson,
  editAgreement,
  editEntry,
  editPerson,
  fileTimeline,
  getFile,
  handleSignalWithEntry,
  listAgreements,
  listEdits,
  listPeople,
  setPivot,
} from '../../app/pupil-file/pupil-file.service.ts';
import {
  letGoOfSchool,
  recordHospitalReturn,
  recordPerspectives,
  recordReturnPlan,
  recordSchoolRefusalReview,
  recordSchoolRefusalSignals,
  referToClb,
  reportToPolice,
  signalClb,
} from '../../app/pupil-file/workflows.service.ts';
import type { Database } from '../../db/database.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import { type Api, PageQuery, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const text = (max: number) => z.string().max(max);
const optional = (max: number) => z.string().max(max).nullable().optional();
const version = z.number().int().min(0);
const level = z.enum(['school', 'school+clb', 'clb', 'clb-arts']);

const TimelineQuery = PageQuery.extend({ sources: text(100).optional() });
const AgreementQuery = PageQuery.extend({ status: z.enum(['open', 'done', 'dropped']).optional() });
const HistoryQuery = PageQuery.extend({ item: text(20).optional(), itemId: text(40).optional() });

const Phase = z.object({
  phase: z.number().int(),
  reason: text(2000),
  version,
  // The move into phase 2: the §2.2 update and, without the CLB involved yet, the reason (phase2-routes.service.ts).
  whatWasDone: optional(4000),
  noClbReason: optional(2000),
});
const Pivot = z.object({ name: text(200), role: optional(200), contact: optional(500), version });
const Person = z.object({
  relation: text(20),
  name: text(200),
  phone: optional(100),
  email: optional(200),
  address: optional(500),
  note: optional(2000),
});
const ContactAttempt = z.object({
  attemptedOn: text(10),
  channel: text(20),
  reached: z.boolean(),
  note: optional(2000),
});
const Entry = z.object({
  kind: text(40),
  occurredOn: text(10),
  who: text(200),
  what: text(10_000),
  effect: optional(4000),
  confidentiality: level.optional(),
  handlesSignal: z.object({ id: z.number().int().min(1), version: z.number().int().min(1) }).optional(),
});
const Agreement = z.object({
  what: text(2000),
  who: text(200),
  dueOn: text(10),
  remindOn: optional(10),
  checkNote: optional(2000),
  status: z.enum(['open', 'done', 'dropped']).optional(),
  entryId: z.number().int().min(1).nullable().optional(),
});
const Common = { occurredOn: text(10).optional(), who: text(200).optional(), confidentiality: level.optional() };
const ClbSignal = z.object({
  ...Common,
  checklist: z.record(z.string().max(40), z.string().max(4000)),
  noConversationReason: text(2000).optional(),
});
const ClbReferral = z.object({
  ...Common,
  grounds: z.array(text(40)).max(10),
  answers: z.record(z.string().max(40), z.string().max(4000)),
});
const PoliceReport = z.object({
  ...Common,
  ground: text(40),
  unwillingnessFacts: text(4000).optional(),
  notPowerlessness: z.boolean().optional(),
  unreachability: z
    .object({
      lastKnownAddress: text(500).optional(),
      lastSeenOn: text(10).optional(),
      attemptsSummary: text(4000).optional(),
    })
    .optional(),
});
const HospitalReturn = z.object({
  ...Common,
  dischargeOn: text(10).optional(),
  answers: z.record(z.string().max(40), z.string().max(4000)),
});
const ReturnPlan = z.object({
  ...Common,
  how: z
    .object({ receivedBy: text(200).optional(), where: text(200).optional() })
    .optional()
    .describe('Who receives the pupil and where: asked before the steps’ dates (seed 002 l. 1441–1449)'),
  steps: z
    .array(
      z.object({
        from: text(10),
        load: z.number().min(0).max(100),
        description: text(1000),
        leaveOut: z.array(text(200)).max(20),
      }),
    )
    .max(60),
});
const SchoolRefusalSignals = z.object({
  ...Common,
  answers: z.record(z.string().max(40), z.object({ answer: text(10).optional(), note: text(2000).optional() })),
  followUp: text(4000).optional(),
  recentEvents: text(4000).optional(),
  informationNeeded: text(4000).optional(),
});
const StakeholderRow = { stakeholder: text(40), name: text(200).optional() };
const Perspectives = z.object({
  ...Common,
  rows: z
    .array(
      z.object({ ...StakeholderRow, whatIsGoingOn: text(4000).optional(), pupilExperience: text(4000).optional() }),
    )
    .max(30),
});
const SchoolRefusalReview = z.object({
  ...Common,
  stage: text(20).optional(),
  rows: z
    .array(
      z.object({
        ...StakeholderRow,
        done: text(4000).optional(),
        effect: text(4000).optional(),
        needed: text(4000).optional(),
      }),
    )
    .max(60),
  pivot: text(200).optional(),
  regie: text(200).optional(),
  clbRole: text(2000).optional(),
  channels: z.array(text(20)).max(10).optional(),
  communication: text(2000).optional(),
});
const LetGoOfSchool = z.object({
  ...Common,
  grounds: z.array(text(40)).max(20),
  alternatives: z.array(text(40)).max(30),
  otherAlternative: text(1000).optional(),
  discussedWith: text(1000).optional(),
  term: text(200).optional().describe('How long the alternative runs (seed 002 l. 1866–1874)'),
  reviewOn: text(10).optional().describe('When the alternative is reviewed: a reminder'),
  contactPlan: z
    .object({
      who: text(200).optional(),
      frequency: text(200).optional(),
      nextContactOn: text(10).optional(),
      channel: text(20).optional(),
    })
    .optional(),
});
const HandleWithEntry = z.object({
  version: z.number().int().min(1),
  note: text(4000),
  kind: text(40).optional(),
  occurredOn: text(10).optional(),
});

const PersonChange = Person.extend({ version });
const EntryChange = Entry.omit({ handlesSignal: true }).extend({ version });
const AgreementChange = Agreement.omit({ entryId: true }).extend({ version });
const PupilParams = params('pupilId');

export async function pupilFileRoutes(api: Api, { db, today }: RouteContext) {
  const pupil = (params: { pupilId: string }) => idParam(params.pupilId);
  // Writes check access on the pupil (or item) before the body is validated (preValidation): no 400 reveals anything
  // to outsiders.
  const onPupil = (action: Action) => ({
    ...access(action),
    preValidation: accessBeforeBody('pupilId', (actor, id) => requirePupilAccess(db, actor, action, id, today())),
  });
  const onItem = (action: Action, item: 'person' | 'entry' | 'agreement') => ({
    ...access(action),
    preValidation: async (request: FastifyRequest) => {
      const id = Object.values(request.params as Record<string, string>)[0] ?? '';
      await requireItemAccess(db, requireActor(request), action, item, idParam(id), today());
    },
  });

  api.get('/pupils/:pupilId/file', { ...access('file.read'), schema: { params: PupilParams } }, async (request) =>
    getFile(db, requireActor(request), pupil(request.params), today()),
  );

  api.get(
    '/pupils/:pupilId/file/timeline',
    { ...access('file.read'), schema: { params: PupilParams, querystring: TimelineQuery } },
    async (request) => {
      const q = request.query;
      return fileTimeline(
        db,
        requireActor(request),
        pupil(request.params),
        { limit: q.limit, offset: q.offset, sources: q.sources?.split(',') },
        today(),
      );
    },
  );

  api.get(
    '/pupils/:pupilId/file/agreements',
    { ...access('file.read'), schema: { params: PupilParams, querystring: AgreementQuery } },
    async (request) => listAgreements(db, requireActor(request), pupil(request.params), request.query, today()),
  );

  api.get(
    '/pupils/:pupilId/file/people',
    { ...access('file.read'), schema: { params: PupilParams, querystring: PageQuery } },
    async (request) => listPeople(db, requireActor(request), pupil(request.params), request.query, today()),
  );

  api.get(
    '/pupils/:pupilId/file/history',
    { ...access('file.manage'), schema: { params: PupilParams, querystring: HistoryQuery } },
    async (request) => listEdits(db, requireActor(request), pupil(request.params), request.query, today()),
  );

  api.put(
    '/pupils/:pupilId/file/tracks/:track',
    { ...onPupil('file.manage'), schema: { params: params('pupilId', 'track'), body: Phase } },
    async (request) =>
      moveTrackPhase(db, requireActor(request), pupil(request.params), request.params.track, request.body, today()),
  );

  api.put(
    '/pupils/:pupilId/file/pivot',
    { ...onPupil('file.manage'), schema: { params: PupilParams, body: Pivot } },
    async (request) => setPivot(db, requireActor(request), pupil(request.params), request.body, today()),
  );

  api.post(
    '/pupils/:pupilId/file/people',
    { ...onPupil('file.write'), schema: { params: PupilParams, body: Person } },
    async (request, reply) =>
      reply.status(201).send(await addPerson(db, requireActor(request), pupil(request.params), request.body, today())),
  );

  api.put(
    '/file/people/:personId',
    { ...onItem('file.write', 'person'), schema: { params: params('personId'), body: PersonChange } },
    async (request) => editPerson(db, requireActor(request), idParam(request.params.personId), request.body, today()),
  );

  api.post(
    '/file/people/:personId/contact-attempts',
    { ...onItem('file.write', 'person'), schema: { params: params('personId'), body: ContactAttempt } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addContactAttempt(db, requireActor(request), idParam(request.params.personId), request.body, today()),
        ),
  );

  api.post(
    '/pupils/:pupilId/file/entries',
    { ...onPupil('file.write'), schema: { params: PupilParams, body: Entry } },
    async (request, reply) =>
      reply.status(201).send(await addEntry(db, requireActor(request), pupil(request.params), request.body, today())),
  );

  api.put(
    '/file/entries/:entryId',
    { ...onItem('file.write', 'entry'), schema: { params: params('entryId'), body: EntryChange } },
    async (request) => editEntry(db, requireActor(request), idParam(request.params.entryId), request.body, today()),
  );

  api.post(
    '/pupils/:pupilId/file/agreements',
    { ...onPupil('file.write'), schema: { params: PupilParams, body: Agreement } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addAgreement(db, requireActor(request), pupil(request.params), request.body, today())),
  );

  api.put(
    '/file/agreements/:agreementId',
    { ...onItem('file.write', 'agreement'), schema: { params: params('agreementId'), body: AgreementChange } },
    async (request) =>
      editAgreement(db, requireActor(request), idParam(request.params.agreementId), request.body, today()),
  );

  /** A guided workflow: its preconditions are checked by the use case (422 listing every unmet one). */
  function workflow<T>(
    name: string,
    schema: z.ZodType<T>,
    record: (db: Database, actor: Actor, pupilId: number, input: T, today: string) => Promise<unknown>,
    action: 'file.manage' | 'file.phase1' = 'file.manage',
  ) {
    api.post(
      `/pupils/:pupilId/file/workflows/${name}`,
      { ...onPupil(action), schema: { params: PupilParams, body: schema } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await record(db, requireActor(request), pupil(request.params), request.body as T, today())),
    );
  }
  workflow('clb-signal', ClbSignal, signalClb);
  workflow('police-report', PoliceReport, reportToPolice);
  workflow('hospital-return', HospitalReturn, recordHospitalReturn);
  workflow('return-plan', ReturnPlan, recordReturnPlan);
  // The school-refusal tool (seed 002): signals (§1.1), perspectives (§1.6), what was done (§1.7 / §2.2), phase 3.
  workflow('school-refusal-signals', SchoolRefusalSignals, recordSchoolRefusalSignals, 'file.phase1');
  workflow('perspectives', Perspectives, recordPerspectives, 'file.phase1');
  workflow('school-refusal-review', SchoolRefusalReview, recordSchoolRefusalReview);
  workflow('let-go-of-school', LetGoOfSchool, letGoOfSchool);
  workflow('clb-referral', ClbReferral, referToClb);

  api.get(
    '/pupils/:pupilId/file/export.json',
    { ...access('file.export'), schema: { params: PupilParams } },
    async (request, reply) => {
      const data = await exportFileJson(db, requireActor(request), pupil(request.params), today());
      return reply
        .header('content-disposition', contentDisposition(`dossier-${data.pupil.externalId}.json`))
        .send(data);
    },
  );

  api.get(
    '/pupils/:pupilId/file/export.pdf',
    { ...access('file.export'), schema: { params: PupilParams, produces: ['application/pdf'] } },
    async (request, reply) => {
      const { data, pdf } = await exportFilePdf(db, requireActor(request), pupil(request.params), today());
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`dossier-${data.pupil.externalId}.pdf`))
        .send(pdf);
    },
  );

  /** The attention list's "handled": what was done becomes a timeline entry and the signal links to it. */
  api.post(
    '/signals/:signalId/handle-with-entry',
    { ...access('signal.follow-up'), schema: { params: params('signalId'), body: HandleWithEntry } },
    async (request) =>
      handleSignalWithEntry(db, requireActor(request), idParam(request.params.signalId), request.body, today()),
  );
}
