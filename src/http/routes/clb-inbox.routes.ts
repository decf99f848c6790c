// The CLB inbox: a CLB's list of what its schools signalled and referred, its status changes, and the status a
// school reads in the pupil file (with the prompt to signal again).
import { z } from 'zod';
import { changeClbCase, listClbInbox, pupilClbCases } from '../../app/clb-inbox/clb-inbox.service.ts';
import { CLB_CASE_KINDS, CLB_CASE_STATUSES } from '../../domain/clb-inbox.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, Messages, PageQuery, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Status = z.enum(CLB_CASE_STATUSES);
const InboxItem = z.object({
  id: z.number().int(),
  kind: z
    .enum(CLB_CASE_KINDS)
    .describe(
      'signal: CLB signal (5 B half-days); referral: referral for a CLB trajectory; transfer: a file sent by the previous school’s CLB (follow-up required)',
    ),
  clb: z.object({ id: z.number().int(), name: z.string() }),
  school: z.object({ id: z.number().int(), name: z.string() }),
  pupil: z.object({
    id: z.number().int(),
    externalId: z.string(),
    name: z.string(),
    className: z.string().nullable(),
  }),
  receivedOn: CivilDate,
  schoolActions: z.string().describe('What the school had already done when it sent it'),
  grounds: z.array(z.string()).describe('Grounds of a referral (seed 003:266-282)'),
  transferId: z.number().int().nullable().describe('A transfer case: GET /api/file-transfers/{transferId}'),
  status: Status,
  plan: z.string().nullable().describe('Plan van aanpak'),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  closedOn: CivilDate.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
const Inbox = z.object({
  items: z.array(InboxItem),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
const InboxQuery = PageQuery.extend({
  status: Status.optional(),
  schoolId: z.coerce.number().int().min(1).optional(),
  receivedFrom: CivilDate.optional(),
});
const Change = z.object({
  to: z.enum(['in-progress', 'closed']),
  version: z.number().int().min(1),
  plan: z.string().max(4000).optional(),
  outcome: z.string().max(40).optional(),
  outcomeNote: z.string().max(4000).optional(),
});
const PupilCases = z.object({
  items: z.array(InboxItem),
  resignal: z
    .object({
      id: z.string(),
      title: Messages,
      action: Messages,
      source: z.string(),
      closedOn: CivilDate,
      newBHalfDays: z.array(z.object({ date: CivilDate, half: z.string() })),
    })
    .nullable()
    .describe('The CLB closed the latest CLB signal and new B half-days followed: signal again'),
});

export async function clbInboxRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/clbs/:clbId/inbox',
    {
      ...access('clb-inbox.read'),
      schema: { params: params('clbId'), querystring: InboxQuery, response: { 200: Inbox } },
    },
    async (request) => listClbInbox(db, requireActor(request), idParam(request.params.clbId), request.query),
  );

  api.post(
    '/clb-cases/:caseId/status',
    {
      ...access('clb-inbox.manage'),
      schema: { params: params('caseId'), body: Change, response: { 200: InboxItem } },
    },
    async (request) => changeClbCase(db, requireActor(request), idParam(request.params.caseId), request.body, today()),
  );

  api.get(
    '/pupils/:pupilId/clb-cases',
    { ...access('file.read'), schema: { params: params('pupilId'), response: { 200: PupilCases } } },
    async (request) => pupilClbCases(db, requireActor(request), idParam(request.params.pupilId), today()),
  );
}
