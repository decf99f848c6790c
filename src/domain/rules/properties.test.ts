import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSENCE_CODES } from '../absence-codes.ts';
import type { HalfDay } from '../half-day.ts';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
import { evaluateTable, SignalBuffers } from './engine.ts';
import type { PupilRecord, RegisterRecord } from './engine-input.ts';
import { pupilIndexesOf } from './engine-input.ts';
import { evaluate, signalAt, toSignals } from './signals.ts';
import { BASIS, inputOf } from './test-fixtures.ts';

const SCHOOL_HALF_DAYS: HalfDay[] = BASIS.schoolHalfDays('2024-09-01', '2026-08-31');
const CURRENT_YEAR_DATES = [...new Set(SCHOOL_HALF_DAYS.map((h) => h.date))].filter((d) => d >= '2025-09-01');
const CODES = ABSENCE_CODES.map((c) => c.code);
const ABSENT_CODES = ABSENCE_CODES.filter((c) => c.countsAsAbsent).map((c) => c.code);
const COUNT_RULES = VLAANDEREN_CATALOG.rules
  .filter((r) => r.kind === 'count' || r.kind === 'window-count')
  .map((r) => r.id);

const pupilArbitrary = (index: number) =>
  fc.record({
    pupilId: fc.constant(`p${index}`),
    level: fc.constantFrom('kleuter' as const, 'lager' as const, 'secundair' as const),
    birthDate: fc.constantFrom('2019-03-01', '2020-07-15', '2021-01-01', '2012-05-05'),
    enrolledFrom: fc.constantFrom(null, '2025-09-01', '2025-11-17', '2026-01-05'),
  });

const registerArbitrary = fc
  .array(
    fc.record({
      pupil: fc.integer({ min: 0, max: 3 }),
      // Biased towards the current school year, with runs of consecutive half-days.
      at: fc.integer({ min: 0, max: SCHOOL_HALF_DAYS.length - 1 }),
      length: fc.integer({ min: 1, max: 12 }),
      code: fc.constantFrom(...CODES, 'Z', 'B', 'Z', 'B'),
    }),
    { maxLength: 40 },
  )
  .map((spells) => {
    const seen = new Set<string>();
    const out: RegisterRecord[] = [];
    for (const spell of spells) {
      for (let i = spell.at; i < Math.min(spell.at + spell.length, SCHOOL_HALF_DAYS.length); i++) {
        const h = SCHOOL_HALF_DAYS[i] as HalfDay;
        const key = `${spell.pupil}|${h.date}|${h.half}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ pupilId: `p${spell.pupil}`, date: h.date, half: h.half, code: spell.code });
      }
    }
    return out;
  });

const scenarioArbitrary = fc.record({
  pupils: fc.tuple(pupilArbitrary(0), pupilArbitrary(1), pupilArbitrary(2), pupilArbitrary(3)),
  register: registerArbitrary,
  asOf: fc.constantFrom(...CURRENT_YEAR_DATES),
});

const run = (
  pupils: readonly PupilRecord[] | readonly Omit<PupilRecord, 'calendarId'>[],
  register: RegisterRecord[],
  asOf: string,
) => evaluate(inputOf({ pupils: pupils as PupilRecord[], register }), VLAANDEREN_CATALOG, asOf);

describe('engine properties', () => {
  it('an empty register yields no signals', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ pupils, asOf }) => {
        expect(run(pupils, [], asOf)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the result does not depend on the order of register rows', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer(), ({ pupils, register, asOf }, seed) => {
        const shuffled = [...register]
          .map((r, i) => ({ r, key: Math.sin(seed + i * 7919) }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.r);
        expect(run(pupils, shuffled, asOf)).toEqual(run(pupils, register, asOf));
      }),
      { numRuns: 150 },
    );
  });

  it('adding an absence never removes a count-rule signal', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: SCHOOL_HALF_DAYS.length - 1 }),
        fc.constantFrom(...ABSENT_CODES),
        ({ pupils, register, asOf }, pupil, at, code) => {
          const h = SCHOOL_HALF_DAYS[at] as HalfDay;
          const pupilId = `p${pupil}`;
          if (register.some((r) => r.pupilId === pupilId && r.date === h.date && r.half === h.half)) return;
          const before = run(pupils, register, asOf).filter((s) => COUNT_RULES.includes(s.ruleId));
          const after = run(pupils, [...register, { pupilId, date: h.date, half: h.half, code }], asOf);
          for (const signal of before) {
            expect(after.some((s) => s.pupilId === signal.pupilId && s.ruleId === signal.ruleId)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('evaluating a subset of pupils gives exactly their signals of a full evaluation', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.subarray(['p0', 'p1', 'p2', 'p3']), ({ pupils, register, asOf }, subset) => {
        const input = inputOf({ pupils, register });
        const all = evaluate(input, VLAANDEREN_CATALOG, asOf);
        const some = evaluate(input, VLAANDEREN_CATALOG, asOf, { pupils: pupilIndexesOf(input, subset) });
        expect(some).toEqual(all.filter((s) => subset.includes(s.pupilId)));
      }),
      { numRuns: 100 },
    );
  });

  it('evaluating into reused SignalBuffers gives what fresh memory gives, and marks the previous table stale', () => {
    const buffers = new SignalBuffers();
    let previous: ReturnType<typeof evaluateTable> | undefined;
    fc.assert(
      fc.property(scenarioArbitrary, ({ pupils, register, asOf }) => {
        const input = inputOf({ pupils, register });
        const table = evaluateTable(input, VLAANDEREN_CATALOG, asOf, { buffers });
        expect(toSignals(table)).toEqual(evaluate(input, VLAANDEREN_CATALOG, asOf));
        if (previous !== undefined && previous.length > 0) {
          expect(() => signalAt(previous as ReturnType<typeof evaluateTable>, 0)).toThrow(/overwritten/);
        }
        previous = table;
      }),
      { numRuns: 100 },
    );
    expect(buffers.generation).toBeGreaterThan(0);
  });

  it('signals are sorted by pupilId, then ruleId, and triggeredOn is never after asOf', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ pupils, register, asOf }) => {
        const signals = run(pupils, register, asOf);
        const keys = signals.map((s) => `${s.pupilId}\u0000${s.ruleId}`);
        expect(keys).toEqual([...keys].sort());
        for (const s of signals) expect(s.triggeredOn <= asOf).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
