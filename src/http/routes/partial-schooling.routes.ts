// Partial schooling at the school's request (issue 15): a pupil's arrangements with their signals, recording one
// and changing one (a review). docs/monitor.md "Partial schooling".
import { z } from 'zod';
import {
  changeArrangement,
  pupilPartialSchooling,
  recordArrangement,
  requirePartialSchoolingAccess,
} from '../../app/partial-schooling.service.ts';
import { PARTIAL_SCHOOLING_LIMITS, WEEK_HALF_DAYS } from '../../domain/monitor/partial-schooling.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const Terms = z.object({
  requestedBy: z.string().max(PARTIAL_SCHOOLING_LIMITS.requestedBy).describe('Who asked (role or name)'),
  reason: z.string().max(PARTIAL_SCHOOLING_LIMITS.reason),
  homeHalfDays: z
    .array(z.enum(WEEK_HALF_DAYS as [string, ...string[]]))
    .max(10)
    .describe('Half-days of the week at home: ISO weekday and half, e.g. 3-PM'),
  since: CivilDate,
  reviewOn: CivilDate,
  endedOn: CivilDate.nullable().optional(),
  parentsAgreed: z.boolean(),
  clbInvolved: z.boolean(),
  clbDoctorInvolved: z.boolean(),
});

const Half = z.enum(['AM', 'PM']);
const Arrangement = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  schoolId: z.number().int(),
  requestedBy: z.string(),
  reason: z.string(),
  homeHalfDays: z.array(z.string()),
  since: CivilDate,
  reviewOn: CivilDate,
  endedOn: CivilDate.nullable(),
  parentsAgreed: z.boolean(),
  clbInvolved: z.boolean(),
  clbDoctorInvolved: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  inForce: z.boolean().describe('In force today'),
  signals: z.array(
    z.object({
      ruleId: z.enum(['PARTIAL_REVIEW_DUE', 'PARTIAL_MORE_THAN_AGREED']),
      since: CivilDate,
      explanation: z.object({ nl: z.string(), en: z.string() }),
      halfDays: z.array(z.object({ date: CivilDate, half: Half })),
    }),
  ),
});

const PupilPartialSchooling = z.object({
  arrangements: z.array(Arrangement),
  proposed: z.boolean().describe('FIXED_SLOT holds and no arrangement is in force: propose recording one'),
});

export async function partialSchoolingRoutes(api: Api, { db, today }: RouteContext) {
  // Access on the pupil before the body is validated: no 400 tells outsiders anything.
  const preValidation = accessBeforeBody('pupilId', (actor, id) =>
    requirePartialSchoolingAccess(db, actor, id, today()),
  );

  api.get(
    '/pupils/:pupilId/partial-schooling',
    {
      ...access('partial-schooling.manage'),
      schema: { params: params('pupilId'), response: { 200: PupilPartialSchooling } },
    },
    async (request) => pupilPartialSchooling(db, requireActor(request), idParam(request.params.pupilId), today()),
  );

  api.post(
    '/pupils/:pupilId/partial-schooling',
    {
      ...access('partial-schooling.manage'),
      schema: { params: params('pupilId'), body: Terms, response: { 201: Arrangement } },
      preValidation,
    },
    async (request, reply) => {
      const created = await recordArrangement(
        db,
        requireActor(request),
        idParam(request.params.pupilId),
        request.body,
        today(),
      );
      return reply.status(201).send(created);
    },
  );

  api.put(
    '/pupils/:pupilId/partial-schooling/:arrangementId',
    {
      ...access('partial-schooling.manage'),
      schema: {
        params: params('pupilId', 'arrangementId'),
        body: Terms.extend({ version: z.number().int().min(1) }),
        response: { 200: Arrangement },
      },
      preValidation,
    },
    async (request) =>
      changeArrangement(
        db,
        requireActor(request),
        idParam(request.params.pupilId),
        idParam(request.params.arrangementId),
        request.body,
        today(),
      ),
  );
}
