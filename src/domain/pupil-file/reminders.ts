// When an open agreement of the pupil file (wat / wie / wanneer / check) shows up as a reminder.
import { addDays, dayNumber } from '../civil-date.ts';

/**
 * Product default: without a reminder date of its own, an agreement is recalled this many calendar days before
 * its due date, so that the person responsible can still act in the same school week (a decision, not a rule of
 * the seeds: docs/decisions/0006-agreement-reminders.md).
 */
export const REMINDER_LEAD_DAYS = 3;

type ReminderState = 'upcoming' | 'due-today' | 'overdue';

/** The date from which an agreement is recalled: its own reminder date, or the default lead before the due date. */
export function reminderDate(dueOn: string, remindOn: string | null): string {
  if (remindOn) return remindOn;
  return addDays(dueOn, -REMINDER_LEAD_DAYS);
}

/** Whether an open agreement is a reminder today, and how urgent; null when it is not yet time. */
export function reminderState(dueOn: string, remindOn: string | null, today: string): ReminderState | null {
  if (today > dueOn) return 'overdue';
  if (today === dueOn) return 'due-today';
  return reminderDate(dueOn, remindOn) <= today ? 'upcoming' : null;
}

/** Calendar days past the due date (0 when not overdue). */
export const daysOverdue = (dueOn: string, today: string): number => Math.max(0, dayNumber(today) - dayNumber(dueOn));
