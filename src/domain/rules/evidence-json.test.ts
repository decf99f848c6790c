import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSENCE_CODES } from '../absence-codes.ts';
import type { HalfDay } from '../half-day.ts';
import { VLAANDEREN_CATALOG } from './catalog-vlaanderen.ts';
import { evaluateTable } from './engine.ts';
import type { RegisterRecord } from './engine-input.ts';
import { EvidenceJson, signalWithoutExplanation } from './signals.ts';
import { BASIS, inputOf } from './test-fixtures.ts';

const HALF_DAYS: HalfDay[] = BASIS.schoolHalfDays('2025-09-01', '2026-06-30');
const CODES = ABSENCE_CODES.map((c) => c.code);

describe('EvidenceJson (the stored evidence text without an object per half-day)', () => {
  it('is JSON.stringify of the evidence signalWithoutExplanation gives, for every signal', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            pupil: fc.integer({ min: 0, max: 2 }),
            at: fc.integer({ min: 0, max: HALF_DAYS.length - 1 }),
            length: fc.integer({ min: 1, max: 30 }),
            code: fc.constantFrom(...CODES, 'Z', 'B', 'B'),
          }),
          { maxLength: 30 },
        ),
        fc.constantFrom('2025-12-19', '2026-03-02', '2026-06-30'),
        (spells, asOf) => {
          const seen = new Set<string>();
          const register: RegisterRecord[] = [];
          for (const spell of spells)
            for (let i = spell.at; i < Math.min(spell.at + spell.length, HALF_DAYS.length); i++) {
              const h = HALF_DAYS[i] as HalfDay;
              if (seen.has(`${spell.pupil}|${h.date}|${h.half}`)) continue;
              seen.add(`${spell.pupil}|${h.date}|${h.half}`);
              register.push({ pupilId: `p${spell.pupil}`, date: h.date, half: h.half, code: spell.code });
            }
          const pupils = [0, 1, 2].map((p) => ({
            pupilId: `p${p}`,
            calendarId: 'basis',
            level: 'lager' as const,
            birthDate: '2016-05-05',
          }));
          const table = evaluateTable(inputOf({ pupils, register }), VLAANDEREN_CATALOG, asOf);
          const json = new EvidenceJson(table);
          for (let i = 0; i < table.length; i++)
            expect(json.at(i, table.factsAt(i))).toBe(JSON.stringify(signalWithoutExplanation(table, i).evidence));
        },
      ),
      { numRuns: 150 },
    );
  });
});
