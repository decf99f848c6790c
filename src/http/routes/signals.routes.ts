// The attention list (per school, or across the schools of a CLB), a pupil's signals, and their follow-up.
import { z } from 'zod';
import { followUpSignal, listAttention } from '../../app/signals/attention-list.service.ts';
import { pupilSignals } from '../../app/signals/pupil-signals.service.ts';
import { TRACKS } from '../../app/signals/tracks.ts';
import { access } from '../route-access.ts';
import { type Api, PageQuery, params, SchoolYear, YearQuery } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const AttentionQuery = PageQuery.extend({
  schoolYear: SchoolYear.optional(),
  rule: z.string().max(40).optional(),
  class: z.string().max(100).optional(),
  track: z.enum(TRACKS as [string, ...string[]]).optional(),
  status: z.enum(['open', 'handled', 'all']).optional(),
});

const FollowUp = z.object({
  version: z.number().int().min(1),
  note: z.string().max(4000).optional(),
  link: z.string().max(500).optional(),
});

const FollowUpResult = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.string().describe('new, acknowledged or handled'),
});

export async function signalRoutes(api: Api, { db, today }: RouteContext) {
  const attention = (schoolId: number | undefined, q: z.output<typeof AttentionQuery>) => {
    return {
      schoolId,
      schoolYear: q.schoolYear,
      ruleId: q.rule,
      className: q.class,
      track: q.track as (typeof TRACKS)[number] | undefined,
      status: q.status,
      limit: q.limit,
      offset: q.offset,
    };
  };

  api.get(
    '/schools/:schoolId/attention',
    { ...access('signal.list'), schema: { params: params('schoolId'), querystring: AttentionQuery } },
    async (request) =>
      listAttention(db, requireActor(request), attention(idParam(request.params.schoolId), request.query), today()),
  );

  /** Across every school the user may see: for a CLB worker, all schools the CLB serves. */
  api.get('/attention', { ...access('signal.list'), schema: { querystring: AttentionQuery } }, async (request) =>
    listAttention(db, requireActor(request), attention(undefined, request.query), today()),
  );

  api.get(
    '/pupils/:pupilId/signals',
    { ...access('signal.list'), schema: { params: params('pupilId'), querystring: YearQuery } },
    async (request) =>
      pupilSignals(db, requireActor(request), idParam(request.params.pupilId), request.query.schoolYear, today()),
  );

  for (const [verb, to] of [
    ['acknowledge', 'acknowledged'],
    ['handle', 'handled'],
  ] as const) {
    api.post(
      `/signals/:signalId/${verb}`,
      {
        ...access('signal.follow-up'),
        schema: { params: params('signalId'), body: FollowUp, response: { 200: FollowUpResult } },
      },
      async (request) =>
        followUpSignal(db, requireActor(request), idParam(request.params.signalId), { to, ...request.body }),
    );
  }
}
