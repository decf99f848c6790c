import { describe, expect, it } from 'vitest';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
import { find, row, rows, ruleIds, schoolHalfDaysFrom, signalsOf } from './test-fixtures.ts';

// Calendar: Flemish primary school 2025-2026 (presets): Wednesday afternoons free, herfstvakantie 27/10–2/11.
describe('B_FIRST and B5_CLB (count of B half-days)', () => {
  const fiveB = [
    row('p1', '2025-09-15', 'AM', 'B'),
    row('p1', '2025-10-02', 'PM', 'B'),
    row('p1', '2025-10-13', 'AM', 'B'),
    row('p1', '2025-11-04', 'AM', 'B'),
    row('p1', '2025-11-18', 'AM', 'B'),
  ];

  it('B_FIRST holds from the first B half-day', () => {
    const signal = find(signalsOf({ register: fiveB.slice(0, 1), asOf: '2026-03-01' }), 'B_FIRST');
    expect(signal?.triggeredOn).toBe('2025-09-15');
    expect(signal?.evidence).toEqual([{ date: '2025-09-15', half: 'AM', code: 'B' }]);
  });

  it('B5_CLB holds at exactly 5 B half-days, on the date of the 5th, with the 5 as evidence', () => {
    const signal = find(signalsOf({ register: fiveB, asOf: '2026-03-01' }), 'B5_CLB');
    expect(signal).toMatchObject({ pupilId: 'p1', ruleId: 'B5_CLB', triggeredOn: '2025-11-18' });
    expect(signal?.evidence).toHaveLength(5);
    expect(signal?.explanation).toEqual({
      nl: '5e halve dag B op 18/11/2025: 15/09 VM, 02/10 NM, 13/10 VM, 04/11 VM, 18/11 VM',
      en: '5th B half-day on 18/11/2025: 15/09 AM, 02/10 PM, 13/10 AM, 04/11 AM, 18/11 AM',
    });
  });

  it('B5_CLB does not hold at 4 B half-days', () => {
    expect(find(signalsOf({ register: fiveB.slice(0, 4), asOf: '2026-03-01' }), 'B5_CLB')).toBeUndefined();
  });

  it('counts only register rows on or before asOf', () => {
    expect(find(signalsOf({ register: fiveB, asOf: '2025-11-17' }), 'B5_CLB')).toBeUndefined();
    expect(find(signalsOf({ register: fiveB, asOf: '2025-11-18' }), 'B5_CLB')?.triggeredOn).toBe('2025-11-18');
  });

  it('restarts on 1 September: B half-days of the previous school year do not count', () => {
    const register = [...rows('p1', 'B', schoolHalfDaysFrom('2025-06-23', 4)), row('p1', '2025-09-01', 'AM', 'B')];
    const signals = signalsOf({ register, asOf: '2025-10-01' });
    expect(find(signals, 'B5_CLB')).toBeUndefined();
    expect(find(signals, 'B_FIRST')?.triggeredOn).toBe('2025-09-01');
  });

  it('ignores rows before a mid-year enrolment', () => {
    const register = [...rows('p1', 'B', schoolHalfDaysFrom('2026-01-05', 5))];
    const enrolledLater = [{ pupilId: 'p1', enrolledFrom: '2026-01-07' }];
    expect(find(signalsOf({ register, asOf: '2026-03-01' }), 'B5_CLB')?.triggeredOn).toBe('2026-01-07');
    expect(find(signalsOf({ register, asOf: '2026-03-01', pupils: enrolledLater }), 'B5_CLB')).toBeUndefined();
    expect(find(signalsOf({ register, asOf: '2026-03-01', pupils: enrolledLater }), 'B_FIRST')?.triggeredOn).toBe(
      '2026-01-07',
    );
  });

  it('adds B half-days carried over from a previous school (Discimus shares only the count)', () => {
    const register = [row('p1', '2026-01-12', 'AM', 'B'), row('p1', '2026-01-13', 'AM', 'B')];
    const pupils = [{ pupilId: 'p1', enrolledFrom: '2026-01-05', carriedOverBHalfDays: 3 }];
    const signal = find(signalsOf({ register, asOf: '2026-03-01', pupils }), 'B5_CLB');
    expect(signal?.triggeredOn).toBe('2026-01-13');
    expect(signal?.explanation.en).toContain('including 3 B half-days at a previous school');
    const alreadyFive = [{ pupilId: 'p2', enrolledFrom: '2026-01-05', carriedOverBHalfDays: 5 }];
    expect(find(signalsOf({ register: [], asOf: '2026-03-01', pupils: alreadyFive }), 'B5_CLB', 'p2')).toMatchObject({
      triggeredOn: '2026-01-05',
      evidence: [],
    });
  });
});

describe('B_AUTUMN (B in September or October)', () => {
  it('holds for a B on 31 October, not for one on 3 November', () => {
    expect(
      find(signalsOf({ register: [row('p1', '2025-10-24', 'PM', 'B')], asOf: '2026-01-01' }), 'B_AUTUMN'),
    ).toMatchObject({
      triggeredOn: '2025-10-24',
    });
    expect(
      find(signalsOf({ register: [row('p1', '2025-11-03', 'AM', 'B')], asOf: '2026-01-01' }), 'B_AUTUMN'),
    ).toBeUndefined();
  });

  it('triggers on the first autumn B even when a later B comes first in the register', () => {
    const register = [row('p1', '2025-11-03', 'AM', 'B'), row('p1', '2025-09-02', 'AM', 'B')];
    expect(find(signalsOf({ register, asOf: '2026-01-01' }), 'B_AUTUMN')?.triggeredOn).toBe('2025-09-02');
  });
});

describe('B30, B30_TWO_YEARS and P30', () => {
  const b30 = rows('p1', 'B', schoolHalfDaysFrom('2025-09-01', 30));

  it('B30 holds at the 30th B half-day, not at 29', () => {
    const last = b30[29]?.date;
    expect(find(signalsOf({ register: b30, asOf: '2026-03-01' }), 'B30')?.triggeredOn).toBe(last);
    expect(find(signalsOf({ register: b30.slice(0, 29), asOf: '2026-03-01' }), 'B30')).toBeUndefined();
  });

  it('B30_TWO_YEARS needs 30 B in the previous school year and B30 now, and takes B30’s date', () => {
    const previous = rows('p1', 'B', schoolHalfDaysFrom('2025-03-10', 30));
    const signals = signalsOf({ register: [...previous, ...b30], asOf: '2026-03-01' });
    expect(find(signals, 'B30_TWO_YEARS')).toMatchObject({
      triggeredOn: find(signals, 'B30')?.triggeredOn,
      evidence: { previousSchoolYear: '2024-2025', previousYearBHalfDays: 30 },
    });
    const only29 = signalsOf({ register: [...previous.slice(1), ...b30], asOf: '2026-03-01' });
    expect(find(only29, 'B30_TWO_YEARS')).toBeUndefined();
    const notNow = signalsOf({ register: [...previous, ...b30.slice(0, 29)], asOf: '2026-03-01' });
    expect(find(notNow, 'B30_TWO_YEARS')).toBeUndefined();
  });

  it('a rule that requires one sorted after it (evaluation order ≠ output order) gives the same signals', () => {
    const previous = rows('p1', 'B', schoolHalfDaysFrom('2025-03-10', 30));
    const register = [...previous, ...b30, ...rows('p1', 'Z', schoolHalfDaysFrom('2026-01-12', 4))];
    // "A_TWO_YEARS" sorts before B30, which it requires: the engine evaluates B30 first, then emits in id order.
    const renamed = {
      ...VLAANDEREN_CATALOG,
      rules: VLAANDEREN_CATALOG.rules.map((r) => (r.id === 'B30_TWO_YEARS' ? { ...r, id: 'A_TWO_YEARS' } : r)),
    };
    const direct = signalsOf({ register, asOf: '2026-03-01' });
    const reordered = signalsOf({ register, asOf: '2026-03-01', catalog: renamed });
    expect(reordered.map((s) => s.ruleId)).toEqual([...reordered.map((s) => s.ruleId)].sort());
    expect(find(reordered, 'A_TWO_YEARS')).toEqual({ ...find(direct, 'B30_TWO_YEARS'), ruleId: 'A_TWO_YEARS' });
    const rest = (signals: typeof direct) => signals.filter((s) => !s.ruleId.endsWith('_TWO_YEARS'));
    expect(rest(reordered)).toEqual(rest(direct));
    expect(rest(direct).length).toBeGreaterThan(2);
  });

  it('P30 holds at the 30th P half-day, not at 29', () => {
    const p30 = rows('p1', 'P', schoolHalfDaysFrom('2026-01-05', 30));
    expect(find(signalsOf({ register: p30, asOf: '2026-06-30' }), 'P30')?.triggeredOn).toBe(p30[29]?.date);
    expect(find(signalsOf({ register: p30.slice(1), asOf: '2026-06-30' }), 'P30')).toBeUndefined();
  });
});

describe('ABSENT_10 (any absence code)', () => {
  const spread = (code: string, count: number) =>
    rows(
      'p1',
      code,
      schoolHalfDaysFrom('2025-09-01', 60)
        .filter((_, i) => i % 6 === 0)
        .slice(0, count),
    );

  it('holds at 10 absent half-days of mixed codes, not at 9', () => {
    const mixed = spread('R', 10).map((r, i) => ({
      ...r,
      code: ['R', 'Z', 'P', 'H', 'M', 'D', 'T', 'U', 'Y', 'B'][i] ?? 'R',
    }));
    expect(find(signalsOf({ register: mixed, asOf: '2026-03-01' }), 'ABSENT_10')?.triggeredOn).toBe(mixed[9]?.date);
    expect(find(signalsOf({ register: mixed.slice(0, 9), asOf: '2026-03-01' }), 'ABSENT_10')).toBeUndefined();
  });

  it('never counts A (pre-school child) or L (late: present)', () => {
    const register = [...spread('R', 9), row('p1', '2026-01-05', 'AM', 'A'), row('p1', '2026-01-06', 'AM', 'L')];
    expect(ruleIds(signalsOf({ register, asOf: '2026-03-01' }))).not.toContain('ABSENT_10');
    const onlyAandL = [
      ...rows('p1', 'A', schoolHalfDaysFrom('2025-09-01', 40)),
      ...rows('p1', 'L', schoolHalfDaysFrom('2025-12-01', 40)),
    ];
    // No absence rule holds; only LATE_OFTEN looks at L (late-often.test.ts).
    expect(ruleIds(signalsOf({ register: onlyAandL, asOf: '2026-03-01' }))).toEqual(['LATE_OFTEN']);
  });

  it('ignores rows on half-days that are not school half-days (Wednesday afternoon, weekend)', () => {
    const register = [...spread('R', 9), row('p1', '2025-09-03', 'PM', 'R'), row('p1', '2025-09-06', 'AM', 'R')];
    expect(find(signalsOf({ register, asOf: '2026-03-01' }), 'ABSENT_10')).toBeUndefined();
  });
});
