// Typed client for the reminders of pupil-file agreements (due soon or overdue).
import { queryString } from './client.ts';
import { send } from './pupil-file-client.ts';
import type { ApiResponse } from './schema.d.ts';

export type ReminderList = ApiResponse<'/api/reminders', 'get'>;

export type Reminder = ReminderList['items'][number];

export const remindersApi = {
  /** One school's reminders, or (schoolId null) those of every school the user may read pupil files of. */
  list: (schoolId: number | string | null, query: { mine?: boolean; limit: number; offset: number }) =>
    send<ReminderList>(
      `${schoolId === null ? '/api/reminders' : `/api/schools/${encodeURIComponent(String(schoolId))}/reminders`}${queryString(
        { mine: query.mine ? '1' : undefined, limit: query.limit, offset: query.offset },
      )}`,
    ),
};
