// Reminders of agreements in the pupil files: per school, or across every school the user may read files of.
import { z } from 'zod';
import { listReminders } from '../../app/pupil-file/reminders.service.ts';
import { access } from '../route-access.ts';
import { type Api, PageQuery, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const ReminderQuery = PageQuery.extend({
  mine: z.enum(['0', '1', 'true', 'false']).optional().describe('Only the reminders of agreements I follow up'),
});

const filter = ({ mine, ...page }: z.output<typeof ReminderQuery>) => ({
  ...page,
  mine: mine === '1' || mine === 'true',
});

export async function reminderRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/schools/:schoolId/reminders',
    { ...access('file.read'), schema: { params: params('schoolId'), querystring: ReminderQuery } },
    async (request) =>
      listReminders(
        db,
        requireActor(request),
        { schoolId: idParam(request.params.schoolId), ...filter(request.query) },
        today(),
      ),
  );

  api.get('/reminders', { ...access('file.read'), schema: { querystring: ReminderQuery } }, async (request) =>
    listReminders(db, requireActor(request), filter(request.query), today()),
  );
}
