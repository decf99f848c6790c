// Typed client for the reminders of pupil-file agreements (due soon or overdue).
import { queryString } from './client.ts';
import { send } from './pupil-file-client.ts';

export interface Reminder {
  id: number;
  version: number;
  pupilId: number;
  schoolId: number;
  schoolName: string;
  externalId: string;
  firstName: string;
  lastName: string;
  className: string | null;
  lastClassName: string | null;
  what: string;
  who: string;
  dueOn: string;
  remindOn: string | null;
  checkNote: string | null;
  createdBy: string | null;
  mine: boolean;
  state: 'upcoming' | 'due-today' | 'overdue';
  daysOverdue: number;
}

export interface ReminderList {
  today: string;
  leadDays: number;
  total: number;
  overdue: number;
  items: Reminder[];
}

export const remindersApi = {
  /** One school's reminders, or (schoolId null) those of every school the user may read pupil files of. */
  list: (schoolId: number | string | null, query: { mine?: boolean; limit: number; offset: number }) =>
    send<ReminderList>(
      `${schoolId === null ? '/api/reminders' : `/api/schools/${encodeURIComponent(String(schoolId))}/reminders`}${queryString(
        { mine: query.mine ? '1' : undefined, limit: query.limit, offset: query.offset },
      )}`,
    ),
};
