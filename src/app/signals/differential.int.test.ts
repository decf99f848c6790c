// Differential test: the engine agrees with plain SQL (as a data analyst would write it) for B5_CLB, B30 and
// Z_EAZIE on random registers.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { buildEngineInput, evaluate, VLAANDEREN_CATALOG } from '../../domain/rules/index.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';

const preset = presetFor('secundair', '2025-2026');
if (!preset) throw new Error('preset missing');
const calendar = expandPreset(preset);
const slots = calendar.filter((c) => c.schoolDay);
const PUPILS = 12;

const registerArbitrary = fc.uniqueArray(
  fc.record({
    // Pupil 0 gets many rows so that B30 is reached too.
    pupil: fc.oneof(fc.nat(PUPILS - 1), fc.constant(0), fc.constant(0)),
    // Cluster absences so thresholds (5, 10 in 91 days, 30) are reached often.
    slot: fc.oneof(fc.nat(slots.length - 1), fc.integer({ min: 80, max: 200 })),
    code: fc.constantFrom('B', 'B', 'B', 'Z', 'Z', 'D', 'P', 'A', 'L'),
  }),
  { selector: (r) => `${r.pupil}|${r.slot}`, minLength: 0, maxLength: 600, size: 'max' },
);
const asOfArbitrary = fc.integer({ min: 0, max: slots.length - 1 }).map((i) => slots[i]?.date ?? '2026-06-30');

describe.each(testEngines())('engine vs SQL on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.db.exec('CREATE TABLE diff_register (pupil text, date date, half text, code text)');
  });
  afterAll(async () => t?.drop());

  async function sqlTriggers(asOf: string) {
    const nth = (n: number) =>
      t.db.query<{ pupil: string; date: string }>(
        `SELECT pupil, date FROM (
           SELECT pupil, date, row_number() OVER (PARTITION BY pupil ORDER BY date, half) AS n
           FROM diff_register WHERE code = 'B' AND date BETWEEN '2025-09-01' AND $1) x
         WHERE n = $2`,
        [asOf, n],
      );
    const eazie = await t.db.query<{ pupil: string; date: string }>(
      `WITH z AS (SELECT * FROM diff_register WHERE code IN ('Z', 'D') AND date BETWEEN '2025-09-01' AND $1)
       SELECT pupil, min(date) AS date FROM (
         SELECT a.pupil, a.date,
                (SELECT count(*) FROM z b WHERE b.pupil = a.pupil AND b.date BETWEEN a.date - 90 AND a.date
                   AND (b.date < a.date OR b.half <= a.half)) AS n
         FROM z a) x
       WHERE n >= 10 GROUP BY pupil`,
      [asOf],
    );
    const asMap = (rows: { pupil: string; date: string }[]) => Object.fromEntries(rows.map((r) => [r.pupil, r.date]));
    return { B5_CLB: asMap(await nth(5)), B30: asMap(await nth(30)), Z_EAZIE: asMap(eazie) };
  }

  it('B5_CLB, B30 and Z_EAZIE trigger for the same pupils on the same dates', async () => {
    const seen = { B5_CLB: 0, B30: 0, Z_EAZIE: 0 };
    await fc.assert(
      fc.asyncProperty(registerArbitrary, asOfArbitrary, async (rows, asOf) => {
        const register = rows.map((r) => {
          const slot = slots[Math.min(r.slot, slots.length - 1)] as (typeof slots)[number];
          return { pupilId: `P${String(r.pupil).padStart(2, '0')}`, date: slot.date, half: slot.half, code: r.code };
        });
        const unique = [...new Map(register.map((r) => [`${r.pupilId}|${r.date}|${r.half}`, r])).values()];
        await t.db.exec('TRUNCATE diff_register');
        if (unique.length > 0) {
          await t.db.query(
            'INSERT INTO diff_register SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[])',
            [
              unique.map((r) => r.pupilId),
              unique.map((r) => r.date),
              unique.map((r) => r.half),
              unique.map((r) => r.code),
            ],
          );
        }
        const pupils = Array.from({ length: PUPILS }, (_, i) => ({
          pupilId: `P${String(i).padStart(2, '0')}`,
          calendarId: 'c',
          birthDate: '2011-01-01',
          level: 'secundair' as const,
          enrolledFrom: '2025-09-01',
        }));
        const signals = evaluate(
          buildEngineInput({ pupils, register: unique, calendars: [{ id: 'c', halfDays: calendar }] }),
          VLAANDEREN_CATALOG,
          asOf,
        );
        const engineTriggers = (ruleId: string) =>
          Object.fromEntries(signals.filter((s) => s.ruleId === ruleId).map((s) => [s.pupilId, s.triggeredOn]));
        const sql = await sqlTriggers(asOf);
        expect(engineTriggers('B5_CLB')).toEqual(sql.B5_CLB);
        expect(engineTriggers('B30')).toEqual(sql.B30);
        expect(engineTriggers('Z_EAZIE')).toEqual(sql.Z_EAZIE);
        for (const rule of ['B5_CLB', 'B30', 'Z_EAZIE'] as const) seen[rule] += Object.keys(sql[rule]).length;
      }),
      { numRuns: 40 },
    );
    // The comparison is not vacuous: every rule triggered in some runs.
    expect(seen.B5_CLB).toBeGreaterThan(0);
    expect(seen.B30).toBeGreaterThan(0);
    expect(seen.Z_EAZIE).toBeGreaterThan(0);
  });
});
