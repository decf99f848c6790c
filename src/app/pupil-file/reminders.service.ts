// Reminders of the pupil files' agreements: what someone promised to do (wat / wie / wanneer) that is due soon or
// overdue, across the schools and classes the user may read files of.
import type { Database } from '../../db/database.ts';
import { dueReminders } from '../../db/reminder.repository.ts';
import { daysOverdue, REMINDER_LEAD_DAYS, reminderState } from '../../domain/pupil-file/reminders.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { invalidInput } from '../errors.ts';
import { requireAccess, schoolsWhere } from '../policy/policy.ts';

export interface ReminderQuery {
  schoolId?: number;
  /** Only agreements the user created or that name the user as "wie". */
  mine?: boolean;
  limit?: number;
  offset?: number;
}

export async function listReminders(db: Database, actor: Actor, query: ReminderQuery, today: string) {
  const classScope = new Map<number, 'all' | string[]>();
  if (query.schoolId !== undefined) {
    classScope.set(query.schoolId, requireAccess(actor, 'file.read', { schoolId: query.schoolId }).classNames);
  } else {
    const reachable = schoolsWhere(actor, 'file.read');
    if (reachable === 'all') throw invalidInput({ nl: 'Kies een school.', en: 'Choose a school.' });
    for (const id of reachable) classScope.set(id, requireAccess(actor, 'file.read', { schoolId: id }).classNames);
  }
  const schoolIds = [...classScope.keys()];
  const rows =
    schoolIds.length === 0
      ? []
      : await dueReminders(db, schoolIds, today, schoolYearOf(today).id, REMINDER_LEAD_DAYS, actor.userId);
  const visible = rows.filter((r) => {
    const scope = classScope.get(r.schoolId);
    if (scope !== 'all' && (r.className === null || !scope?.includes(r.className))) return false;
    return !query.mine || r.mine;
  });
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const offset = Math.max(query.offset ?? 0, 0);
  const page = visible.slice(offset, offset + limit).map((r) => ({
    ...r,
    state: reminderState(r.dueOn, r.remindOn, today) ?? 'upcoming',
    daysOverdue: daysOverdue(r.dueOn, today),
  }));
  await recordAudit(db, actor, {
    action: 'file.reminders',
    organisationId: query.schoolId ?? null,
    pupilIds: [...new Set(page.map((r) => r.pupilId))],
  });
  return {
    today,
    leadDays: REMINDER_LEAD_DAYS,
    total: visible.length,
    overdue: visible.filter((r) => r.dueOn < today).length,
    items: page,
  };
}
