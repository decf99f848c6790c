// Reminders of agreements in the pupil files: per school, or across every school the user may read files of.
import { z } from 'zod';
import { listReminders } from '../../app/pupil-file/reminders.service.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, PageQuery, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const ReminderQuery = PageQuery.extend({
  mine: z.enum(['0', '1', 'true', 'false']).optional().describe('Only the reminders of agreements I follow up'),
});

const Reminders = z.object({
  today: CivilDate,
  leadDays: z.number().int().describe('Days before the due date a reminder without its own date appears'),
  total: z.number().int().describe('Reminders matching the filter, over all pages'),
  overdue: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      version: z.number().int(),
      pupilId: z.number().int(),
      schoolId: z.number().int(),
      schoolName: z.string(),
      externalId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      className: z.string().nullable().describe('The class this school year'),
      lastClassName: z.string().nullable().describe("The class of the pupil's latest enrolment, for display"),
      what: z.string(),
      who: z.string(),
      dueOn: CivilDate,
      remindOn: CivilDate.nullable(),
      checkNote: z.string().nullable(),
      createdBy: z.string().nullable(),
      mine: z.boolean().describe('Created by me, or naming me as "wie"'),
      state: z.enum(['upcoming', 'due-today', 'overdue']),
      daysOverdue: z.number().int(),
    }),
  ),
});

const filter = ({ mine, ...page }: z.output<typeof ReminderQuery>) => ({
  ...page,
  mine: mine === '1' || mine === 'true',
});

export async function reminderRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/schools/:schoolId/reminders',
    {
      ...access('file.read'),
      schema: { params: params('schoolId'), querystring: ReminderQuery, response: { 200: Reminders } },
    },
    async (request) =>
      listReminders(
        db,
        requireActor(request),
        { schoolId: idParam(request.params.schoolId), ...filter(request.query) },
        today(),
      ),
  );

  api.get(
    '/reminders',
    { ...access('file.read'), schema: { querystring: ReminderQuery, response: { 200: Reminders } } },
    async (request) => listReminders(db, requireActor(request), filter(request.query), today()),
  );
}
