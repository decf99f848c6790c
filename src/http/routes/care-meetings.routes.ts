// The care meeting (zorgoverleg, issue 13): agenda proposal from the attention list, meetings, decisions per pupil
// (timeline entries and agreements of the pupil file) and the minutes as PDF.
import { z } from 'zod';
import {
  agendaProposal,
  createMeeting,
  getMeeting,
  listMeetings,
  meetingMinutesPdf,
  recordDecisions,
  requireDecisionAccess,
} from '../../app/care-meeting/care-meeting.service.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, Created, PageQuery, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const Attendee = z.object({
  name: z.string().max(200),
  role: z.string().max(100).describe('e.g. zorgcoördinator, CLB-medewerker'),
  side: z.enum(['school', 'clb']),
});

const Reason = z.object({ ruleId: z.string(), title: z.string() });

const Proposal = z.object({
  total: z.number().int().describe('Pupils with open signals'),
  pupils: z.array(
    z.object({
      pupilId: z.number().int(),
      externalId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      className: z.string().nullable(),
      legal: z.boolean().describe('Has a signal binding by law (these come first)'),
      reasons: z.array(Reason),
    }),
  ),
});

const MeetingSummary = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  schoolName: z.string(),
  heldOn: CivilDate,
  title: z.string(),
  attendees: z.array(Attendee),
  pupils: z.number().int(),
});

const Meeting = MeetingSummary.extend({
  agenda: z.array(
    z.object({
      pupilId: z.number().int(),
      externalId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      className: z.string().nullable(),
      position: z.number().int(),
      legal: z.boolean(),
      reasons: z.array(Reason),
      discussed: z.boolean(),
      notes: z
        .array(z.object({ text: z.string(), confidentiality: z.string() }))
        .describe('Only the notes the reader may see (a CLB note never reaches school roles)'),
      agreements: z.array(
        z.object({
          id: z.number().int(),
          what: z.string(),
          who: z.string(),
          dueOn: CivilDate,
          remindOn: CivilDate.nullable(),
          checkNote: z.string().nullable(),
          status: z.string(),
        }),
      ),
    }),
  ),
});

const MeetingBody = z.object({
  heldOn: CivilDate,
  title: z.string().max(200).optional(),
  attendees: z.array(Attendee).max(40),
  pupilIds: z.array(z.number().int()).max(60),
});

const DecisionBody = z.object({
  note: z.string().max(10_000).describe('What was discussed (school and CLB read it)'),
  clbNote: z.string().max(10_000).nullable().optional().describe('CLB-confidential note; only CLB members write it'),
  agreements: z
    .array(
      z.object({
        what: z.string().max(2000),
        who: z.string().max(200),
        dueOn: CivilDate,
        remindOn: CivilDate.nullable().optional(),
        checkNote: z.string().max(2000).nullable().optional(),
      }),
    )
    .max(20),
});

const Decisions = z.object({
  entryId: z.number().int(),
  clbEntryId: z.number().int().nullable(),
  agreements: z.array(z.number().int().optional()),
});

export async function careMeetingRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/schools/:schoolId/care-meetings/proposal',
    { ...access('care-meeting.read'), schema: { params: params('schoolId'), response: { 200: Proposal } } },
    async (request) => agendaProposal(db, requireActor(request), idParam(request.params.schoolId), today()),
  );

  api.get(
    '/schools/:schoolId/care-meetings',
    {
      ...access('care-meeting.read'),
      schema: {
        params: params('schoolId'),
        querystring: PageQuery,
        response: { 200: z.object({ items: z.array(MeetingSummary) }) },
      },
    },
    async (request) => listMeetings(db, requireActor(request), idParam(request.params.schoolId), request.query),
  );

  api.post(
    '/schools/:schoolId/care-meetings',
    {
      ...access('care-meeting.manage'),
      schema: { params: params('schoolId'), body: MeetingBody, response: { 201: Created } },
    },
    async (request, reply) => {
      const created = await createMeeting(
        db,
        requireActor(request),
        idParam(request.params.schoolId),
        request.body,
        today(),
      );
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/care-meetings/:meetingId',
    { ...access('care-meeting.read'), schema: { params: params('meetingId'), response: { 200: Meeting } } },
    async (request) => getMeeting(db, requireActor(request), idParam(request.params.meetingId), today()),
  );

  api.post(
    '/care-meetings/:meetingId/pupils/:pupilId/decisions',
    {
      ...access('care-meeting.manage'),
      schema: { params: params('meetingId', 'pupilId'), body: DecisionBody, response: { 201: Decisions } },
      // Access on the meeting and the pupil before the body is validated: no 400 tells outsiders anything.
      preValidation: async (request) => {
        const { meetingId, pupilId } = request.params as { meetingId: string; pupilId: string };
        await requireDecisionAccess(db, requireActor(request), idParam(meetingId), idParam(pupilId), today());
      },
    },
    async (request, reply) => {
      const result = await recordDecisions(
        db,
        requireActor(request),
        idParam(request.params.meetingId),
        idParam(request.params.pupilId),
        request.body,
        today(),
      );
      return reply.code(201).send(result);
    },
  );

  api.get(
    '/care-meetings/:meetingId/minutes.pdf',
    { ...access('care-meeting.read'), schema: { params: params('meetingId'), produces: ['application/pdf'] } },
    async (request, reply) => {
      const { meeting, pdf } = await meetingMinutesPdf(
        db,
        requireActor(request),
        idParam(request.params.meetingId),
        today(),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`zorgoverleg-${meeting.heldOn}.pdf`))
        .send(pdf);
    },
  );
}
