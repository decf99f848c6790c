import { describe, expect, it } from 'vitest';
import { referenceSignals } from '../../testing/reference-evaluator.ts';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
import type { RegisterRecord } from './engine-input.ts';
import { BASIS_HALF_DAYS, find, row, schoolDaysFrom, signalsOf } from './test-fixtures.ts';

// LATE_OFTEN as written in shared/domain/rules-vlaanderen.md: ≥ 5 `L` half-days (late arrivals) within 20
// consecutive school days (a school day has at least one school half-day); triggeredOn = the date of the `L`
// half-day that makes 5. Calendar: Flemish primary school 2025-2026 (presets): Wednesday afternoons are no school
// half-days, but Wednesday is a school day (its morning is); herfstvakantie 27/10–2/11.
const days = schoolDaysFrom('2025-10-06', 40);
const day = (n: number) => days[n - 1] as string;
const late = (...schoolDayNumbers: number[]): RegisterRecord[] =>
  schoolDayNumbers.map((n) => row('p1', day(n), 'AM', 'L'));
const asOf = '2026-01-31';

const bothEngines = (register: RegisterRecord[]) => {
  const engine = find(signalsOf({ register, asOf }), 'LATE_OFTEN');
  const reference = referenceSignals(
    { pupils: [{ pupilId: 'p1', calendarId: 'basis' }], register, calendars: { basis: BASIS_HALF_DAYS } },
    VLAANDEREN_CATALOG,
    asOf,
  ).find((s) => s.ruleId === 'LATE_OFTEN');
  expect(reference?.triggeredOn).toBe(engine?.triggeredOn);
  return engine;
};

describe('LATE_OFTEN (5 late arrivals within 20 school days)', () => {
  it('does not hold with 4 late arrivals, however close together', () => {
    expect(bothEngines(late(1, 2, 3, 4))).toBeUndefined();
  });

  it('holds with the 5th late arrival; triggeredOn is its date and the five are the evidence', () => {
    const signal = bothEngines(late(1, 2, 3, 4, 5));
    expect(signal?.triggeredOn).toBe(day(5));
    expect(signal?.evidence).toHaveLength(5);
    expect(signal?.explanation.nl).toContain('5 keer te laat (L) binnen 20 schooldagen');
  });

  it('holds when the 1st and the 5th lie exactly 20 school days apart (first to last inclusive)', () => {
    expect(bothEngines(late(1, 5, 10, 15, 20))?.triggeredOn).toBe(day(20));
  });

  it('does not hold when they span 21 school days', () => {
    expect(bothEngines(late(1, 5, 10, 15, 21))).toBeUndefined();
  });

  it('counts school days, not calendar days: the autumn break inside the window does not count', () => {
    // 2025-10-06 … the 20th school day lies after the herfstvakantie (27/10–2/11), 4 weeks of calendar days later.
    expect(day(20) > '2025-11-02').toBe(true);
    expect(bothEngines(late(1, 5, 10, 15, 20))).toBeDefined();
  });

  it('late arrivals do not count as absences (ABSENT_10 stays quiet with 10 L)', () => {
    const signals = signalsOf({ register: late(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), asOf });
    expect(find(signals, 'ABSENT_10')).toBeUndefined();
    expect(find(signals, 'LATE_OFTEN')).toBeDefined();
  });

  it('the school may change the numbers (product defaults 5 / 20)', () => {
    const signal = find(
      signalsOf({ register: late(1, 2, 3), asOf, overrides: { LATE_OFTEN: { threshold: 3, withinSchoolDays: 3 } } }),
      'LATE_OFTEN',
    );
    expect(signal?.triggeredOn).toBe(day(3));
  });
});
