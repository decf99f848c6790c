// The attention list (per school, or across the schools of a CLB), a pupil's signals, and their follow-up.

import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type AttentionList as AttentionListResult,
  followUpSignal,
  listAttention,
} from '../../app/signals/attention-list.service.ts';
import { pupilSignals } from '../../app/signals/pupil-signals.service.ts';
import { TRACKS } from '../../app/signals/tracks.ts';
import { access } from '../route-access.ts';
import { type Api, Messages, PageQuery, params, SchoolYear, YearQuery } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const AttentionQuery = PageQuery.extend({
  schoolYear: SchoolYear.optional(),
  rule: z.string().max(40).optional(),
  class: z.string().max(100).optional(),
  track: z.enum(TRACKS as [string, ...string[]]).optional(),
  status: z.enum(['open', 'handled', 'all']).optional(),
  group: z
    .enum(['signal', 'pupil'])
    .optional()
    .describe('pupil: one card per pupil with its signals folded in, paged by pupil (default: one item per signal)'),
});

const AttentionItem = z.object({
  id: z.number().int(),
  version: z.number().int(),
  schoolId: z.number().int(),
  schoolName: z.string(),
  pupil: z.object({
    id: z.number().int(),
    externalId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string(),
    className: z.string().nullable(),
  }),
  ruleId: z.string(),
  title: Messages,
  action: Messages,
  obligation: z.string(),
  source: z.string(),
  track: z.enum(TRACKS as [string, ...string[]]),
  triggeredOn: z.string(),
  status: z.enum(['new', 'acknowledged', 'handled']),
  explanation: Messages,
  evidence: z.unknown(),
  daysOpen: z.number().int().nullable().describe('Days a legal obligation has been open; null otherwise'),
  priority: z
    .object({
      rule: z.number(),
      legal: z.boolean(),
      ageYears: z.number().int(),
      parentsUnreachable: z.boolean(),
      recentAbsences: z.number().int(),
      otherOpenSignals: z.number().int(),
    })
    .describe('The facts behind the position in the list, in the order they were applied'),
  handledNote: z.string().nullable(),
  handledAt: z.string().nullable(),
  closedBy: z
    .array(z.string())
    .nullable()
    .describe('Pupil-file kinds whose recorded entry alone closes this legal signal (catalog closedBy); null: any'),
});

const AttentionList = z.object({
  schoolYear: z.string(),
  asOf: z.string(),
  total: z.number().int().describe('Signals, or pupils when group=pupil'),
  items: z.array(AttentionItem).describe('One item per signal (empty when group=pupil)'),
  groups: z
    .array(
      z.object({
        schoolId: z.number().int(),
        schoolName: z.string(),
        pupil: AttentionItem.shape.pupil,
        legal: z.boolean().describe('The pupil has a signal the catalog marks as binding by law'),
        priority: AttentionItem.shape.priority.describe("The priority facts of the pupil's first signal"),
        signals: z.array(AttentionItem).describe("The pupil's signals in priority order (legal items first)"),
      }),
    )
    .optional()
    .describe('Only when group=pupil: one card per pupil'),
  rules: z.array(z.string()).describe('Rule ids present in the list (for the filter)'),
  ruleTitles: z.record(z.string(), Messages).describe('Title of each rule in `rules`'),
  classes: z.array(z.string()),
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
      group: q.group as 'signal' | 'pupil' | undefined,
      limit: q.limit,
      offset: q.offset,
    };
  };

  // The service answers the same object for the same query and data version (cached per process): it goes through
  // the response schema and JSON once, and later requests send that text. Each request is still audited.
  // Kept as UTF-8 bytes: a string of ~60 KB would be measured and encoded again for every answer.
  const serialised = new WeakMap<AttentionListResult, Buffer>();
  const send = (reply: FastifyReply, list: AttentionListResult) => {
    let text = serialised.get(list);
    if (text === undefined) {
      text = Buffer.from(JSON.stringify(AttentionList.parse(list)));
      serialised.set(list, text);
    }
    return reply.type('application/json; charset=utf-8').send(text);
  };

  api.get(
    '/schools/:schoolId/attention',
    {
      ...access('signal.list'),
      schema: { params: params('schoolId'), querystring: AttentionQuery, response: { 200: AttentionList } },
    },
    async (request, reply) =>
      send(
        reply,
        await listAttention(
          db,
          requireActor(request),
          attention(idParam(request.params.schoolId), request.query),
          today(),
        ),
      ),
  );

  /** Across every school the user may see: for a CLB worker, all schools the CLB serves. */
  api.get(
    '/attention',
    { ...access('signal.list'), schema: { querystring: AttentionQuery, response: { 200: AttentionList } } },
    async (request, reply) =>
      send(reply, await listAttention(db, requireActor(request), attention(undefined, request.query), today())),
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
