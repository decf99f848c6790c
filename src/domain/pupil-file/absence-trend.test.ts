// ABSENCE_RISING at its boundaries, with hand-computed windows: 20 school days (40 half-days) before and after.
import { describe, expect, it } from 'vitest';
import { ABSENCE_RISING_RULE } from '../rules/catalog-vlaanderen.ts';
import { absenceTrend, type HalfDayRef } from './absence-trend.ts';

// Monday 2 February 2026 … : 20 weekdays before the measure (2–27 Feb), the measure on Monday 2 March, then
// 20 weekdays after it (3–30 March, 30 March being the 20th). Weekends are no school days.
const weekdays = (from: string, count: number): string[] => {
  const out: string[] = [];
  const d = new Date(`${from}T12:00:00Z`);
  while (out.length < count) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
};
const BEFORE = weekdays('2026-02-02', 20);
const MEASURE = '2026-03-02';
const AFTER = weekdays('2026-03-03', 25);
const halves = (dates: readonly string[]): HalfDayRef[] =>
  dates.flatMap((date) => [
    { date, half: 'AM' as const },
    { date, half: 'PM' as const },
  ]);
const SCHOOL = halves([...BEFORE, MEASURE, ...AFTER]);
const absentOn = (dates: readonly string[]) => dates.map((date) => ({ date, half: 'AM' as const }));

describe('ABSENCE_RISING (seed 000 l. 81)', () => {
  it('takes its thresholds from the catalog', () => {
    expect(ABSENCE_RISING_RULE).toMatchObject({ windowSchoolDays: 20, minRisePoints: 5 });
    expect(BEFORE.at(-1)).toBe('2026-02-27');
    expect(AFTER[19]).toBe('2026-03-30');
  });

  it('holds at a rise of exactly 5 points: 2 of 40 (5%) before, 4 of 40 (10%) after', () => {
    const t = absenceTrend(
      SCHOOL,
      absentOn([BEFORE[0], BEFORE[5], AFTER[1], AFTER[2], AFTER[3], AFTER[4]] as string[]),
      MEASURE,
      '2026-03-30',
    );
    expect(t).toMatchObject({ evaluated: true, holds: true, rateBefore: 5, rateAfter: 10 });
    expect(t.before).toEqual({ from: '2026-02-02', until: '2026-02-27', schoolHalfDays: 40, absentHalfDays: 2 });
    expect(t.after).toEqual({ from: '2026-03-03', until: '2026-03-30', schoolHalfDays: 40, absentHalfDays: 4 });
  });

  it('does not hold at a rise of 2.5 points: 2 of 40 before, 3 of 40 (7.5%) after', () => {
    const t = absenceTrend(
      SCHOOL,
      absentOn([BEFORE[0], BEFORE[5], AFTER[1], AFTER[2], AFTER[3]] as string[]),
      MEASURE,
      '2026-03-30',
    );
    expect(t).toMatchObject({ evaluated: true, holds: false, rateBefore: 5, rateAfter: 7.5 });
  });

  it('is not evaluated with 19 school days after the measure, and is with 20', () => {
    const absences = absentOn([AFTER[1], AFTER[2], AFTER[3], AFTER[4]] as string[]);
    const at19 = absenceTrend(SCHOOL, absences, MEASURE, '2026-03-27');
    expect(at19).toMatchObject({ evaluated: false, holds: false });
    expect(at19.after.schoolHalfDays).toBe(38);
    expect(absenceTrend(SCHOOL, absences, MEASURE, '2026-03-30')).toMatchObject({ evaluated: true, holds: true });
  });

  it('is not evaluated with 19 school days before the measure', () => {
    const school = SCHOOL.filter((h) => h.date !== BEFORE[0]);
    expect(absenceTrend(school, absentOn([AFTER[1], AFTER[2]] as string[]), MEASURE, '2026-03-30').evaluated).toBe(
      false,
    );
  });

  it('ignores the measure day itself and absences outside the windows', () => {
    const t = absenceTrend(SCHOOL, absentOn([MEASURE, AFTER[22]] as string[]), MEASURE, '2026-04-30');
    expect(t).toMatchObject({ evaluated: true, holds: false, rateBefore: 0, rateAfter: 0 });
  });
});
