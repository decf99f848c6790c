import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysOverdue, REMINDER_LEAD_DAYS, reminderDate, reminderState } from './reminders.ts';

describe('agreement reminders', () => {
  it('recalls an agreement the default lead before its due date, not a day earlier', () => {
    expect(REMINDER_LEAD_DAYS).toBe(3);
    expect(reminderDate('2026-03-12', null)).toBe('2026-03-09');
    expect(reminderState('2026-03-12', null, '2026-03-08')).toBeNull();
    expect(reminderState('2026-03-12', null, '2026-03-09')).toBe('upcoming');
    expect(reminderState('2026-03-12', null, '2026-03-12')).toBe('due-today');
    expect(reminderState('2026-03-12', null, '2026-03-13')).toBe('overdue');
  });

  it('an own reminder date wins over the default, across month and year ends', () => {
    expect(reminderState('2026-03-12', '2026-03-01', '2026-03-01')).toBe('upcoming');
    expect(reminderState('2026-03-12', '2026-03-01', '2026-02-28')).toBeNull();
    expect(reminderDate('2026-01-02', null)).toBe('2025-12-30');
  });

  it('days overdue count calendar days after the due date', () => {
    expect(daysOverdue('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysOverdue('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysOverdue('2026-03-05', '2026-03-02')).toBe(0);
  });

  it('once recalled, an open agreement stays recalled on every later day', () => {
    const date = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 8, 1) + n * 86_400_000));
    fc.assert(
      fc.property(date, date, fc.integer({ min: 0, max: 60 }), (due, today, later) => {
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        const next = new Date(today.getTime() + later * 86_400_000);
        if (reminderState(iso(due), null, iso(today)) !== null)
          expect(reminderState(iso(due), null, iso(next))).not.toBeNull();
      }),
    );
  });
});
