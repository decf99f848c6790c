import { describe, expect, it } from 'vitest';
import { compileCalendar } from './engine-calendar.ts';
import type { RegisterRecord } from './engine-input.ts';
import { BASIS_HALF_DAYS, find, row, rows, schoolHalfDaysFrom, signalsOf } from './test-fixtures.ts';

// Calendar: Flemish primary school 2025-2026 (presets): Wednesday afternoons free, herfstvakantie 27/10–2/11,
// wapenstilstand 11/11, kerstvakantie 22/12–4/1.
const halfDaysUntil = (from: string, until: string): { date: string; half: 'AM' | 'PM' }[] =>
  schoolHalfDaysFrom(from, 400).filter((h) => h.date <= until);

describe('Z_EAZIE (10 Z/D half-days within 91 calendar days)', () => {
  const nine: RegisterRecord[] = [
    row('p1', '2025-09-03', 'AM', 'Z'),
    ...rows('p1', 'Z', [
      { date: '2025-10-06', half: 'AM' },
      { date: '2025-10-07', half: 'AM' },
      { date: '2025-10-08', half: 'AM' },
      { date: '2025-10-09', half: 'AM' },
    ]),
    ...rows('p1', 'D', [
      { date: '2025-10-13', half: 'AM' },
      { date: '2025-10-14', half: 'AM' },
      { date: '2025-10-15', half: 'AM' },
      { date: '2025-10-16', half: 'AM' },
    ]),
  ];

  it('holds when the 10th falls on day 91 of the window (D counts as Z)', () => {
    const signal = find(
      signalsOf({ register: [...nine, row('p1', '2025-12-02', 'AM', 'Z')], asOf: '2026-01-31' }),
      'Z_EAZIE',
    );
    expect(signal?.triggeredOn).toBe('2025-12-02');
    expect(signal?.evidence).toHaveLength(10);
  });

  it('does not hold when the 10th falls one day later (day 92): the first one has left the window', () => {
    expect(
      find(signalsOf({ register: [...nine, row('p1', '2025-12-03', 'AM', 'Z')], asOf: '2026-01-31' }), 'Z_EAZIE'),
    ).toBeUndefined();
  });

  it('does not count other codes', () => {
    const withB = [...nine, row('p1', '2025-11-20', 'AM', 'B')];
    expect(find(signalsOf({ register: withB, asOf: '2026-01-31' }), 'Z_EAZIE')).toBeUndefined();
  });
});

describe('Z_LONG (a Z/D sequence spanning 21 calendar days)', () => {
  it('holds on the day the span reaches exactly 21 days; Wednesday afternoons inside do not break it', () => {
    const register = rows('p1', 'Z', halfDaysUntil('2025-11-19', '2025-12-09')).map((r, i) =>
      i % 3 === 0 ? { ...r, code: 'D' } : r,
    );
    const signal = find(signalsOf({ register, asOf: '2026-01-31' }), 'Z_LONG');
    expect(signal?.triggeredOn).toBe('2025-12-09');
    expect(signal?.explanation.en).toContain('since 19/11/2025');
  });

  it('does not hold at a span of 20 days', () => {
    const register = rows('p1', 'Z', halfDaysUntil('2025-11-19', '2025-12-08'));
    expect(find(signalsOf({ register, asOf: '2026-01-31' }), 'Z_LONG')).toBeUndefined();
  });

  it('a holiday inside the sequence neither breaks nor ends it, and its days count in the span', () => {
    const register = rows('p1', 'Z', halfDaysUntil('2025-12-19', '2026-01-08'));
    expect(find(signalsOf({ register, asOf: '2026-01-31' }), 'Z_LONG')?.triggeredOn).toBe('2026-01-08');
  });

  it('prunes on the fewest half-days a 21-day run can have, which a run over a holiday reaches', () => {
    const calendar = compileCalendar('basis', BASIS_HALF_DAYS);
    const overChristmas = halfDaysUntil('2025-12-19', '2026-01-08');
    const fewest = calendar.fewestHalfDaysSpanning(21);
    expect(fewest).toBeGreaterThan(1);
    expect(fewest).toBeLessThanOrEqual(overChristmas.length);
    // Without a holiday 21 days take three school weeks: far more half-days.
    expect(halfDaysUntil('2025-11-19', '2025-12-09').length).toBeGreaterThan(2 * fewest);
    expect(compileCalendar('empty', []).fewestHalfDaysSpanning(21)).toBe(Number.POSITIVE_INFINITY);
    // The fixture's calendar holds two school years: the fewest of either year, the summer between them not counted.
    const ofYear = (from: string, until: string) =>
      compileCalendar(
        from,
        BASIS_HALF_DAYS.filter((h) => h.date >= from && h.date <= until),
      ).fewestHalfDaysSpanning(21);
    expect(fewest).toBe(Math.min(ofYear('2024-09-01', '2025-08-31'), ofYear('2025-09-01', '2026-08-31')));
  });

  it('a half-day with another code breaks the sequence', () => {
    const register = rows('p1', 'Z', halfDaysUntil('2025-11-19', '2025-12-09')).map((r) =>
      r.date === '2025-11-27' && r.half === 'AM' ? { ...r, code: 'B' } : r,
    );
    expect(find(signalsOf({ register, asOf: '2026-01-31' }), 'Z_LONG')).toBeUndefined();
  });
});

describe('LONG_ABSENCE (a run of 20 school half-days, any code)', () => {
  const run = halfDaysUntil('2025-10-20', '2025-11-10');

  it('runs over the autumn holiday and Wednesday afternoons: the 20th half-day is 10/11 PM', () => {
    expect(run).toHaveLength(20);
    const register = run.map((h, i) => row('p1', h.date, h.half, i % 2 === 0 ? 'Z' : 'R'));
    const signal = find(signalsOf({ register, asOf: '2026-01-31' }), 'LONG_ABSENCE');
    expect(signal?.triggeredOn).toBe('2025-11-10');
    expect(signal?.explanation.nl).toBe(
      '20 schoolhalve dagen na elkaar afwezig sinds 20/10/2025, de 20e op 10/11/2025 (periode nu 20 halve dagen)',
    );
  });

  it('does not hold at 19 half-days, nor when one present half-day breaks the run', () => {
    expect(
      find(signalsOf({ register: rows('p1', 'Z', run.slice(1)), asOf: '2026-01-31' }), 'LONG_ABSENCE'),
    ).toBeUndefined();
    const broken = rows('p1', 'Z', run).filter((r) => !(r.date === '2025-11-04' && r.half === 'PM'));
    expect(find(signalsOf({ register: broken, asOf: '2026-01-31' }), 'LONG_ABSENCE')).toBeUndefined();
  });

  it('a late arrival (L) is presence and breaks the run', () => {
    const register = rows('p1', 'Z', run).map((r, i) => (i === 10 ? { ...r, code: 'L' } : r));
    expect(find(signalsOf({ register, asOf: '2026-01-31' }), 'LONG_ABSENCE')).toBeUndefined();
  });

  it('reports the run length so far on asOf', () => {
    const register = rows('p1', 'Z', halfDaysUntil('2025-10-20', '2025-11-21'));
    const signal = find(signalsOf({ register, asOf: '2025-11-14' }), 'LONG_ABSENCE');
    expect(signal?.explanation.en).toMatch(/spell now 2\d half-days/);
    expect(signal?.triggeredOn).toBe('2025-11-10');
  });
});

describe('SPELLS_RISING (3 runs starting within 20 school days)', () => {
  // School days from 5 January 2026: 5, 6, 7, 8, 9, 12, …, 30 January is the 20th, 2 February the 21st.
  it('holds when the 3rd run starts on the 20th school day after the 1st began', () => {
    const register = [
      row('p1', '2026-01-05', 'AM', 'Z'),
      row('p1', '2026-01-14', 'AM', 'B'),
      row('p1', '2026-01-30', 'PM', 'R'),
    ];
    const signal = find(signalsOf({ register, asOf: '2026-03-01' }), 'SPELLS_RISING');
    expect(signal?.triggeredOn).toBe('2026-01-30');
    expect(signal?.explanation.nl).toContain('begin 05/01 VM, 14/01 VM, 30/01 NM');
  });

  it('does not hold when the 3rd run starts on the 21st school day', () => {
    const register = [
      row('p1', '2026-01-05', 'AM', 'Z'),
      row('p1', '2026-01-14', 'AM', 'B'),
      row('p1', '2026-02-02', 'AM', 'R'),
    ];
    expect(find(signalsOf({ register, asOf: '2026-03-01' }), 'SPELLS_RISING')).toBeUndefined();
  });

  it('half-days across a Wednesday afternoon are one run, not two', () => {
    const register = [
      row('p1', '2026-01-14', 'AM', 'Z'),
      row('p1', '2026-01-15', 'AM', 'Z'),
      row('p1', '2026-01-20', 'AM', 'Z'),
    ];
    expect(find(signalsOf({ register, asOf: '2026-03-01' }), 'SPELLS_RISING')).toBeUndefined();
  });
});

describe('Z_NOTE_LIMIT (parents’ notes: at most 4 spells, at most 3 calendar days each)', () => {
  const mondays = ['2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06'];

  it('holds at the 5th separate Z spell, not at the 4th', () => {
    const register = mondays.map((d) => row('p1', d, 'AM', 'Z'));
    const signal = find(signalsOf({ register, asOf: '2026-01-31' }), 'Z_NOTE_LIMIT');
    expect(signal?.triggeredOn).toBe('2025-10-06');
    expect(signal?.explanation.en).toMatch(/^5th separate Z spell/);
    expect(find(signalsOf({ register: register.slice(0, 4), asOf: '2026-01-31' }), 'Z_NOTE_LIMIT')).toBeUndefined();
  });

  it('holds when one Z spell spans more than 3 calendar days (Friday to Monday is 4)', () => {
    const register = [
      row('p1', '2025-10-03', 'AM', 'Z'),
      row('p1', '2025-10-03', 'PM', 'Z'),
      row('p1', '2025-10-06', 'AM', 'Z'),
    ];
    const signal = find(signalsOf({ register, asOf: '2026-01-31' }), 'Z_NOTE_LIMIT');
    expect(signal?.triggeredOn).toBe('2025-10-06');
    expect(signal?.explanation.nl).toContain('langer dan 3 kalenderdagen');
  });

  it('a Wednesday-to-Friday spell (3 days) is within the limit, and D (certificate) never counts', () => {
    const threeDays = rows('p1', 'Z', halfDaysUntil('2025-10-08', '2025-10-10'));
    expect(find(signalsOf({ register: threeDays, asOf: '2026-01-31' }), 'Z_NOTE_LIMIT')).toBeUndefined();
    const certificates = rows('p1', 'D', halfDaysUntil('2025-10-03', '2025-10-20'));
    expect(find(signalsOf({ register: certificates, asOf: '2026-01-31' }), 'Z_NOTE_LIMIT')).toBeUndefined();
  });

  it('is off for a school that does not register certificates as D', () => {
    const register = mondays.map((d) => row('p1', d, 'AM', 'Z'));
    const overrides = { Z_NOTE_LIMIT: { schoolRegistersCertificatesAsD: false } };
    expect(find(signalsOf({ register, asOf: '2026-01-31', overrides }), 'Z_NOTE_LIMIT')).toBeUndefined();
  });
});
