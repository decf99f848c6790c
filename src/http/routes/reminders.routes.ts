// Reminders of agreements in the pupil files: per school, or across every school the user may read files of.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import { listReminders } from '../../app/pupil-file/reminders.service.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const ReminderQuery = z.object({
  mine: z.enum(['0', '1', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

function parse(value: unknown) {
  const result = ReminderQuery.safeParse(value ?? {});
  if (!result.success)
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${result.error.message}` });
  const { mine, ...page } = result.data;
  return { ...page, mine: mine === '1' || mine === 'true' };
}

export async function reminderRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get<{ Params: { schoolId: string } }>('/schools/:schoolId/reminders', access('file.read'), async (request) =>
    listReminders(
      db,
      requireActor(request),
      { schoolId: idParam(request.params.schoolId), ...parse(request.query) },
      today(),
    ),
  );

  api.get('/reminders', access('file.read'), async (request) =>
    listReminders(db, requireActor(request), parse(request.query), today()),
  );
}
