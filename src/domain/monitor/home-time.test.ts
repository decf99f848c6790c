// Time at home on hand-computed calendars: spells across weekends and holidays, holidays never counted, the
// share of school half-days, the spell a pupil is in now.
import { describe, expect, it } from 'vitest';
import { type CalendarHalfDay, homeTime, schoolDaysOf } from './home-time.ts';

/**
 * A calendar from a compact picture: one string per day from `from`, two characters per day (AM, PM):
 * `.` present, a letter an absent code, `_` not a school half-day (weekend, holiday, free afternoon).
 */
function calendar(from: string, days: readonly string[]): CalendarHalfDay[] {
  const out: CalendarHalfDay[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  days.forEach((day, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    (['AM', 'PM'] as const).forEach((half, j) => {
      const mark = day[j] ?? '.';
      out.push({ date, half, schoolDay: mark !== '_', code: mark === '.' || mark === '_' ? null : mark });
    });
  });
  return out;
}

describe('time at home', () => {
  it('one spell across a weekend counts only the school half-days', () => {
    // Thursday 23 – Wednesday 29 October 2025: absent Thu PM to Tue AM; weekend in between; Wednesday PM free.
    const days = calendar('2025-10-23', ['.Z', 'ZZ', '__', '__', 'ZZ', 'Z.', '._']);
    const result = homeTime(days);
    // School half-days: Thu 2, Fri 2, Mon 2, Tue 2, Wed AM 1 = 9; absent: Thu PM, Fri ×2, Mon ×2, Tue AM = 6.
    expect(result).toMatchObject({ schoolHalfDays: 9, absentHalfDays: 6, spells: 1, longestSpell: 6 });
    expect(result.byCode).toEqual({ Z: 6 });
    expect(result.share).toBeCloseTo(6 / 9, 10);
    expect(result.lastSpell).toEqual({
      from: { date: '2025-10-23', half: 'PM' },
      until: { date: '2025-10-28', half: 'AM' },
      halfDays: 6,
    });
    expect(result.currentSpell).toBeNull(); // present on Tuesday PM and Wednesday AM
  });

  it('a holiday neither counts nor breaks a spell; the pupil is at home now', () => {
    // Friday 31 October absent, autumn holiday 1–9 November (9 days), absent again from Monday 10 November.
    const days = calendar('2025-10-30', ['..', 'BB', ...Array(9).fill('__'), 'BB', 'BP']);
    const result = homeTime(days);
    expect(result).toMatchObject({ schoolHalfDays: 8, absentHalfDays: 6, spells: 1, longestSpell: 6 });
    expect(result.byCode).toEqual({ B: 5, P: 1 });
    expect(result.currentSpell).toEqual({
      from: { date: '2025-10-31', half: 'AM' },
      until: { date: '2025-11-11', half: 'PM' },
      halfDays: 6,
    });
    // Days at home: 6 school half-days = 3 school days, not the 12 calendar days from 31 October.
    expect(schoolDaysOf(result.currentSpell?.halfDays ?? 0)).toBe(3);
  });

  it('a child at school one half-day a week: many short spells, the cumulative count shows the time at home', () => {
    // Three weeks Monday–Friday, present only on Tuesday morning; Wednesday afternoons free.
    const week = ['TT', '.T', 'T_', 'TT', 'TT', '__', '__'];
    const result = homeTime(calendar('2026-01-05', [...week, ...week, ...week]));
    // Per week 9 school half-days (Wednesday afternoon is free), 8 absent.
    expect(result.schoolHalfDays).toBe(27);
    expect(result.absentHalfDays).toBe(24);
    expect(result.spells).toBe(4); // broken only by the three Tuesday mornings
    // Spells: week 1 Mon (2); Tue PM, Wed AM, Thu, Fri and the next Mon (1 + 1 + 2 + 2 + 2 = 8), twice; then
    // week 3 Tue PM … Fri (6), which runs up to the last school half-day: at home now.
    expect(result.longestSpell).toBe(8);
    expect(result.currentSpell?.halfDays).toBe(6);
  });

  it('no school half-days: no share; never absent: no spells', () => {
    expect(homeTime(calendar('2026-07-01', ['__', '__'])).share).toBeNull();
    expect(homeTime(calendar('2026-01-05', ['..', '..']))).toMatchObject({
      share: 0,
      spells: 0,
      longestSpell: 0,
      lastSpell: null,
      currentSpell: null,
    });
  });
});
