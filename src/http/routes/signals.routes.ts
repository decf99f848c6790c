// The attention list (per school, or across the schools of a CLB), a pupil's signals, and their follow-up.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import { followUpSignal, listAttention } from '../../app/signals/attention-list.service.ts';
import { pupilSignals } from '../../app/signals/pupil-signals.service.ts';
import { TRACKS } from '../../app/signals/tracks.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const AttentionQuery = z.object({
  schoolYear: z.string().max(9).optional(),
  rule: z.string().max(40).optional(),
  class: z.string().max(100).optional(),
  track: z.enum(TRACKS as [string, ...string[]]).optional(),
  status: z.enum(['open', 'handled', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const FollowUp = z.object({
  version: z.number().int().min(1),
  note: z.string().max(4000).optional(),
  link: z.string().max(500).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${result.error.message}` });
  }
  return result.data;
}

export async function signalRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  const attention = (schoolId: number | undefined, query: unknown) => {
    const q = parse(AttentionQuery, query);
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

  api.get<{ Params: { schoolId: string } }>('/schools/:schoolId/attention', access('signal.list'), async (request) =>
    listAttention(db, requireActor(request), attention(idParam(request.params.schoolId), request.query), today()),
  );

  /** Across every school the user may see: for a CLB worker, all schools the CLB serves. */
  api.get('/attention', access('signal.list'), async (request) =>
    listAttention(db, requireActor(request), attention(undefined, request.query), today()),
  );

  api.get<{ Params: { pupilId: string }; Querystring: { schoolYear?: string } }>(
    '/pupils/:pupilId/signals',
    access('signal.list'),
    async (request) =>
      pupilSignals(db, requireActor(request), idParam(request.params.pupilId), request.query.schoolYear, today()),
  );

  api.post<{ Params: { signalId: string } }>(
    '/signals/:signalId/acknowledge',
    access('signal.follow-up'),
    async (request) => {
      const body = parse(FollowUp, request.body);
      return followUpSignal(db, requireActor(request), idParam(request.params.signalId), {
        to: 'acknowledged',
        ...body,
      });
    },
  );

  api.post<{ Params: { signalId: string } }>(
    '/signals/:signalId/handle',
    access('signal.follow-up'),
    async (request) => {
      const body = parse(FollowUp, request.body);
      return followUpSignal(db, requireActor(request), idParam(request.params.signalId), { to: 'handled', ...body });
    },
  );
}
