import { describe, expect, it } from 'vitest';
import { ENGLAND_CATALOG } from './catalog-england.ts';
import { find, rows, schoolHalfDaysFrom, signalsOf } from './test-fixtures.ts';

// Same engine, other catalog: a share of the pupil's possible sessions (half-days) this school year.
// 1/9–24/10/2025 has 72 school half-days (8 weeks of 9: Wednesday afternoons are not sessions here).
describe('england: PERSISTENT_ABSENCE and SEVERE_ABSENCE', () => {
  const lastWeek = schoolHalfDaysFrom('2025-10-20', 8); // 20/10 AM … 24/10 AM

  it('persistent absence at exactly 10 % (8 of 72 would be 11.1 %; 7.2 needed)', () => {
    const signals = signalsOf({ register: rows('p1', 'Z', lastWeek), asOf: '2025-10-24', catalog: ENGLAND_CATALOG });
    const signal = find(signals, 'PERSISTENT_ABSENCE');
    expect(signal?.evidence).toEqual({
      absentHalfDays: 8,
      possibleHalfDays: 72,
      sharePercent: 11.1,
      thresholdPercent: 10,
    });
    // 23/10 is the first day of the current episode: 7 of 70 = 10 % exactly; on 22/10 it was 5 of 68.
    expect(signal?.triggeredOn).toBe('2025-10-23');
    expect(signal?.explanation.en).toBe(
      '11.1 % of possible sessions missed (8 of 72) on 24/10/2025; ≥ 10 % since 23/10/2025',
    );
    expect(find(signals, 'SEVERE_ABSENCE')).toBeUndefined();
  });

  it('no persistent absence just below 10 % (7 of 72)', () => {
    const signals = signalsOf({
      register: rows('p1', 'Z', lastWeek.slice(0, 7)),
      asOf: '2025-10-24',
      catalog: ENGLAND_CATALOG,
    });
    expect(signals).toEqual([]);
  });

  it('severe absence at 50 % of the sessions since a mid-year enrolment', () => {
    const pupils = [{ pupilId: 'p1', enrolledFrom: '2025-10-13' }];
    // 13/10–24/10: 18 possible sessions; absent on 9 of them.
    const register = rows('p1', 'R', schoolHalfDaysFrom('2025-10-20', 9));
    const signals = signalsOf({ register, asOf: '2025-10-24', catalog: ENGLAND_CATALOG, pupils });
    expect(find(signals, 'SEVERE_ABSENCE')?.evidence).toMatchObject({ absentHalfDays: 9, possibleHalfDays: 18 });
    expect(find(signals, 'PERSISTENT_ABSENCE')).toBeDefined();
  });

  it('the episode ends when attendance recovers: no signal once the share drops below 10 %', () => {
    const signals = signalsOf({ register: rows('p1', 'Z', lastWeek), asOf: '2025-12-19', catalog: ENGLAND_CATALOG });
    expect(find(signals, 'PERSISTENT_ABSENCE')).toBeUndefined();
  });
});
