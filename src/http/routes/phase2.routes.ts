// Phase-2 routes with legal weight in the pupil file (docs/pupil-file.md, "Phase-2 routes"): the M-document to the
// OCJ or VK, the AgODi report and the copy of its letter, NRTJ through the toegangspoort, the spijbelactieplan with
// the police, and what the section needs to show before a route is chosen (facts, ABSENCE_RISING).
import { z } from 'zod';
import type { Actor } from '../../app/actor.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import {
  phase2Overview,
  recordAgodiLetterCopy,
  recordMDocument,
  referNrtj,
  registerTruancyActionPlan,
  reportToAgodi,
} from '../../app/pupil-file/phase2-routes.service.ts';
import type { Database } from '../../db/database.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const text = (max: number) => z.string().max(max).optional();
const Common = { occurredOn: z.string().max(10).optional(), who: text(200) };

const MDocument = z.object({
  ...Common,
  destination: text(10),
  grounds: z.array(z.string().max(40)).max(3).optional(),
  groundsExplanation: text(4000),
  integrityAtRisk: z.boolean().optional(),
  integrityFacts: text(4000),
  questionClarification: text(4000),
  consultOn: text(10),
  consultOutcome: text(4000),
  truancyPlanAttached: z.boolean().optional(),
});
const AgodiReport = z.object({
  ...Common,
  schoolEfforts: text(4000),
  clbEfforts: text(4000),
  situation: text(4000),
});
const AgodiLetterCopy = z.object({
  ...Common,
  reportEntryId: z.number().int().min(1).optional(),
  receivedOn: text(10),
  copyToSchool: z.boolean().optional(),
  copyToClb: z.boolean().optional(),
  note: text(2000),
});
const NrtjReferral = z.object({
  ...Common,
  sector: text(20),
  submittedOn: text(10),
  motivation: text(4000),
  familyInvolvement: text(4000),
});
const TruancyActionPlan = z.object({
  ...Common,
  registration: text(10),
  registeredOn: text(10),
  policeZone: text(200),
  agreements: text(4000),
});
const Recorded = z.object({ id: z.number().int() });

const Window = z.object({
  from: CivilDate.nullable(),
  until: CivilDate.nullable(),
  schoolHalfDays: z.number().int(),
  absentHalfDays: z.number().int(),
});
const Overview = z.object({
  canRecord: z.boolean().describe('Whether the reader may take the routes (file.legal-route)'),
  facts: z.object({
    clbInvolved: z.boolean(),
    schoolMeasures: z.number().int(),
    clbConsultations: z.number().int(),
    firstTruancyRegistrations: z.number().int(),
    truancyRegistrations: z.number().int(),
    agodiReports: z.array(z.object({ entryId: z.number().int(), occurredOn: CivilDate })),
  }),
  absenceRising: z
    .object({
      ruleId: z.literal('ABSENCE_RISING'),
      holds: z.boolean(),
      evaluated: z.boolean(),
      firstMeasureOn: CivilDate,
      windowSchoolDays: z.number().int(),
      before: Window,
      after: Window,
      rateBefore: z.number().nullable(),
      rateAfter: z.number().nullable(),
      minRisePoints: z.number(),
    })
    .nullable()
    .describe('ABSENCE_RISING (docs/rules.md); null without a measure in the file'),
});

const PupilParams = params('pupilId');

export async function phase2Routes(api: Api, { db, today }: RouteContext) {
  // Access is checked on the pupil before the body is validated: no 400 reveals anything to outsiders.
  const onPupil = {
    ...access('file.legal-route'),
    preValidation: accessBeforeBody('pupilId', (actor, id) =>
      requirePupilAccess(db, actor, 'file.legal-route', id, today()),
    ),
  };

  api.get(
    '/pupils/:pupilId/file/phase2',
    { ...access('file.manage'), schema: { params: PupilParams, response: { 200: Overview } } },
    async (request) => phase2Overview(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  function route<T>(
    name: string,
    schema: z.ZodType<T>,
    record: (db: Database, actor: Actor, pupilId: number, input: T, today: string) => Promise<{ id: number }>,
  ) {
    api.post(
      `/pupils/:pupilId/file/workflows/${name}`,
      { ...onPupil, schema: { params: PupilParams, body: schema, response: { 201: Recorded } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await record(db, requireActor(request), idParam(request.params.pupilId), request.body as T, today())),
    );
  }
  route('m-document', MDocument, recordMDocument);
  route('agodi-report', AgodiReport, reportToAgodi);
  route('agodi-letter-copy', AgodiLetterCopy, recordAgodiLetterCopy);
  route('nrtj-referral', NrtjReferral, referNrtj);
  route('truancy-action-plan', TruancyActionPlan, registerTruancyActionPlan);
}
