import { describe, expect, it } from 'vitest';
import { find, row, rows, schoolHalfDaysFrom, signalsOf } from './test-fixtures.ts';

// Calendar: Flemish primary school 2025-2026 (presets): 327 school half-days, Wednesday afternoons free.
const halfDaysUntil = (from: string, until: string) => schoolHalfDaysFrom(from, 400).filter((h) => h.date <= until);

describe('FIXED_SLOT (absent on 4 of the last 5 occurrences of one weekday + half)', () => {
  const tuesdaysPm = ['2025-09-09', '2025-09-16', '2025-09-23', '2025-09-30'];

  it('holds on the 5th occurrence with 4 absences when the pupil was present in between', () => {
    const register = tuesdaysPm.map((d) => row('p1', d, 'PM', 'P'));
    const signal = find(signalsOf({ register, asOf: '2025-12-01' }), 'FIXED_SLOT');
    expect(signal?.triggeredOn).toBe('2025-09-30');
    expect(signal?.explanation.nl).toBe(
      'Afwezig op 4 van de laatste 5 dinsdagnamiddagen, de laatste op 30/09/2025: 09/09 NM, 16/09 NM, 23/09 NM, 30/09 NM',
    );
  });

  it('does not hold with 3 of 5', () => {
    const register = [tuesdaysPm[0], tuesdaysPm[1], tuesdaysPm[3]].map((d) => row('p1', d ?? '', 'PM', 'P'));
    expect(find(signalsOf({ register, asOf: '2025-12-01' }), 'FIXED_SLOT')).toBeUndefined();
  });

  it('counts only the pupil’s enrolled occurrences: enrolled from 9/9 the 5th occurrence is 7/10', () => {
    const register = tuesdaysPm.map((d) => row('p1', d, 'PM', 'P'));
    const pupils = [{ pupilId: 'p1', enrolledFrom: '2025-09-09' }];
    expect(find(signalsOf({ register, asOf: '2025-12-01', pupils }), 'FIXED_SLOT')?.triggeredOn).toBe('2025-10-07');
  });

  it('needs a presence between the first and last of the 5 dates (otherwise it is a long absence)', () => {
    // Absent on every school half-day for five weeks: each weekday + half has 5 of 5 absences by 29/9–3/10,
    // but without a presence in between; the first window with a presence ends on Monday 6/10.
    const register = rows('p1', 'Z', halfDaysUntil('2025-09-01', '2025-10-03'));
    expect(find(signalsOf({ register, asOf: '2025-10-03' }), 'FIXED_SLOT')).toBeUndefined();
    expect(find(signalsOf({ register, asOf: '2025-10-06' }), 'FIXED_SLOT')?.triggeredOn).toBe('2025-10-06');
  });
});

describe('AFTER_BREAK (absent in the morning on 3 of the last 6 return days)', () => {
  // Return days: 1/9 (first school day), then every Monday: 8/9, 15/9, 22/9, 29/9, 6/10, 13/10 …
  it('holds when the 3rd absent return morning lies within 6 return days of the 1st', () => {
    const register = ['2025-09-01', '2025-09-22', '2025-10-06'].map((d) => row('p1', d, 'AM', 'B'));
    const signal = find(signalsOf({ register, asOf: '2025-12-01' }), 'AFTER_BREAK');
    expect(signal?.triggeredOn).toBe('2025-10-06');
    expect(signal?.evidence).toHaveLength(3);
  });

  it('does not hold when they are spread over 7 return days', () => {
    const register = ['2025-09-01', '2025-09-22', '2025-10-13'].map((d) => row('p1', d, 'AM', 'B'));
    expect(find(signalsOf({ register, asOf: '2025-12-01' }), 'AFTER_BREAK')).toBeUndefined();
  });

  it('ignores afternoons and days after a single day off (12/11 follows the 11/11 holiday)', () => {
    const register = [
      row('p1', '2025-09-01', 'PM', 'B'),
      row('p1', '2025-11-10', 'AM', 'B'),
      row('p1', '2025-11-12', 'AM', 'B'),
      row('p1', '2025-11-17', 'AM', 'B'),
    ];
    expect(find(signalsOf({ register, asOf: '2025-12-01' }), 'AFTER_BREAK')).toBeUndefined();
  });

  it('the Monday after the autumn holiday is a return day', () => {
    const register = ['2025-10-20', '2025-11-03', '2025-11-10'].map((d) => row('p1', d, 'AM', 'Z'));
    expect(find(signalsOf({ register, asOf: '2025-12-01' }), 'AFTER_BREAK')?.triggeredOn).toBe('2025-11-10');
  });
});

describe('K5_290, K5_290_RISK and K5_ALLOWANCE (290 present half-days for a 5-year-old in pre-primary)', () => {
  const kleuter = { pupilId: 'p1', level: 'kleuter' as const, birthDate: '2020-10-01' };
  // 327 school half-days: 290 stays reachable with 37 absences, not with 38.
  const absences = (code: string, count: number) => rows('p1', code, schoolHalfDaysFrom('2026-01-05', count));

  it('K5_290 holds from the 38th absence (only presences count), not at 37', () => {
    const signal = find(signalsOf({ register: absences('Z', 38), asOf: '2026-06-30', pupils: [kleuter] }), 'K5_290');
    expect(signal?.triggeredOn).toBe(absences('Z', 38)[37]?.date);
    expect(signal?.evidence).toMatchObject({ schoolHalfDaysInYear: 327, presentHalfDays: 289, requiredHalfDays: 290 });
    expect(
      find(signalsOf({ register: absences('Z', 37), asOf: '2026-06-30', pupils: [kleuter] }), 'K5_290'),
    ).toBeUndefined();
  });

  it('K5_ALLOWANCE counts Z as accepted (no signal) but not B', () => {
    const withZ = signalsOf({ register: absences('Z', 38), asOf: '2026-06-30', pupils: [kleuter] });
    expect(find(withZ, 'K5_ALLOWANCE')).toBeUndefined();
    const withB = signalsOf({ register: absences('B', 38), asOf: '2026-06-30', pupils: [kleuter] });
    expect(find(withB, 'K5_ALLOWANCE')?.triggeredOn).toBe(absences('B', 38)[37]?.date);
  });

  it('does not apply to a child not yet of compulsory age, nor to primary pupils', () => {
    const young = [{ ...kleuter, birthDate: '2021-01-01' }];
    expect(
      find(signalsOf({ register: absences('B', 60), asOf: '2026-06-30', pupils: young }), 'K5_290'),
    ).toBeUndefined();
    const primary = [{ ...kleuter, level: 'lager' as const }];
    expect(
      find(signalsOf({ register: absences('B', 60), asOf: '2026-06-30', pupils: primary }), 'K5_290'),
    ).toBeUndefined();
  });

  it('K5_290_RISK: from the 40th school half-day (30/9), 5 absences project below 290, 4 do not', () => {
    const september = (count: number) => rows('p1', 'Z', schoolHalfDaysFrom('2025-09-08', count));
    const five = find(signalsOf({ register: september(5), asOf: '2025-10-15', pupils: [kleuter] }), 'K5_290_RISK');
    expect(five?.triggeredOn).toBe('2025-09-30');
    expect(
      find(signalsOf({ register: september(4), asOf: '2025-10-15', pupils: [kleuter] }), 'K5_290_RISK'),
    ).toBeUndefined();
    const later = [...september(4), row('p1', '2025-10-01', 'AM', 'Z')];
    expect(
      find(signalsOf({ register: later, asOf: '2025-10-15', pupils: [kleuter] }), 'K5_290_RISK')?.triggeredOn,
    ).toBe('2025-10-01');
  });
});

describe('EXCLUDED_NO_SCHOOL (excluded, not enrolled elsewhere after 10 school days)', () => {
  const excluded = { pupilId: 'p1', excludedOn: '2025-11-17', enrolledUntil: '2025-11-17' };

  it('holds on the 10th school day after the exclusion (1/12), not on the 9th', () => {
    const signal = find(signalsOf({ register: [], asOf: '2025-12-01', pupils: [excluded] }), 'EXCLUDED_NO_SCHOOL');
    expect(signal?.triggeredOn).toBe('2025-12-01');
    expect(signal?.evidence).toMatchObject({ excludedOn: '2025-11-17', schoolDaysWithoutSchool: 10 });
    expect(
      find(signalsOf({ register: [], asOf: '2025-11-28', pupils: [excluded] }), 'EXCLUDED_NO_SCHOOL'),
    ).toBeUndefined();
  });

  it('does not hold when the pupil enrolled elsewhere by then', () => {
    const elsewhere = [{ ...excluded, enrolledElsewhereFrom: '2025-11-28' }];
    expect(
      find(signalsOf({ register: [], asOf: '2026-01-10', pupils: elsewhere }), 'EXCLUDED_NO_SCHOOL'),
    ).toBeUndefined();
    const late = [{ ...excluded, enrolledElsewhereFrom: '2025-12-02' }];
    expect(find(signalsOf({ register: [], asOf: '2026-01-10', pupils: late }), 'EXCLUDED_NO_SCHOOL')).toBeDefined();
  });
});

describe('PRIOR_YEAR (previous school year: 30 absent or 5 B half-days)', () => {
  const previous = (code: string, count: number) => rows('p1', code, schoolHalfDaysFrom('2025-03-03', count));

  it('holds from the first school day with 30 absent half-days last year, not with 29', () => {
    const signal = find(signalsOf({ register: previous('Z', 30), asOf: '2025-09-01' }), 'PRIOR_YEAR');
    expect(signal?.triggeredOn).toBe('2025-09-01');
    expect(signal?.evidence).toEqual({
      previousSchoolYear: '2024-2025',
      previousYearAbsentHalfDays: 30,
      previousYearBHalfDays: 0,
    });
    expect(find(signalsOf({ register: previous('Z', 29), asOf: '2025-12-01' }), 'PRIOR_YEAR')).toBeUndefined();
  });

  it('holds with 5 B half-days last year; from the enrolment day for a pupil enrolled later', () => {
    const pupils = [{ pupilId: 'p1', enrolledFrom: '2025-10-06' }];
    expect(find(signalsOf({ register: previous('B', 5), asOf: '2025-12-01', pupils }), 'PRIOR_YEAR')?.triggeredOn).toBe(
      '2025-10-06',
    );
    expect(find(signalsOf({ register: previous('B', 4), asOf: '2025-12-01' }), 'PRIOR_YEAR')).toBeUndefined();
  });
});
