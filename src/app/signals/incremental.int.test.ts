// Property: after any sequence of register imports and corrections, the signals the imports stored incrementally
// (only the pupils each import changed) are exactly what a full recompute of every pupil gives.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSENCE_CODES } from '../../domain/absence-codes.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { pupilsCsv, schoolHalfDays2025 } from '../../testing/register-files.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';
import { recomputeSignals } from './recompute-signals.ts';

const TODAY = '2026-03-13';
const PUPILS = 8;
const SLOTS = schoolHalfDays2025().filter((h) => h.date <= TODAY);
const CODES = ABSENCE_CODES.map((c) => c.code);

/** One import: rows for some pupils; a half-day imported before with another code is a correction. */
const importArbitrary = fc.uniqueArray(
  fc.record({
    pupil: fc.nat(PUPILS - 1),
    // Clustered in a stretch of the year, so repeated imports hit the same half-days (corrections) and runs form.
    slot: fc.oneof(fc.nat(SLOTS.length - 1), fc.integer({ min: 40, max: 100 })),
    length: fc.integer({ min: 1, max: 12 }),
    code: fc.constantFrom(...CODES, 'B', 'B', 'Z', 'D'),
  }),
  { selector: (r) => `${r.pupil}|${r.slot}`, minLength: 1, maxLength: 10 },
);

interface StoredSignal {
  pupil_id: number;
  school_year: string;
  rule_id: string;
  triggered_on: string;
  evidence: unknown;
  evidence_key: string;
  holds: boolean;
}

async function storedSignals(t: TestDatabase, schoolId: number): Promise<StoredSignal[]> {
  return t.db.query<StoredSignal>(
    `SELECT pupil_id::int AS pupil_id, school_year, rule_id, triggered_on::text AS triggered_on, evidence,
            evidence_key, holds
     FROM signal WHERE school_id = $1 ORDER BY pupil_id, school_year, rule_id`,
    [schoolId],
  );
}

describe.each(testEngines())('incremental recompute equals a full recompute (%s)', (engine) => {
  let t: TestDatabase;
  let school = 0;
  const dir = tempDir();
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t?.drop());

  it('after random import sequences with corrections', async () => {
    let holding = 0;
    let corrections = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(importArbitrary, { minLength: 1, maxLength: 4 }), async (imports) => {
        school++;
        const schoolId = await schoolWithPupils(t.db, pupilsCsv(PUPILS), { institutionNumber: `I${school}` });
        const registered = new Map<string, string>();
        for (const [n, spells] of imports.entries()) {
          const lines = new Map<string, string>();
          for (const spell of spells) {
            for (let i = spell.slot; i < Math.min(spell.slot + spell.length, SLOTS.length); i++) {
              const h = SLOTS[i] as (typeof SLOTS)[number];
              const key = `L${spell.pupil},${h.date},${h.half}`;
              if (!lines.has(key)) lines.set(key, spell.code);
            }
          }
          for (const [key, code] of lines) {
            const before = registered.get(key);
            if (before !== undefined && before !== code) corrections++;
            registered.set(key, code);
          }
          const csv = ['pupil_id,date,half,code', ...[...lines].map(([key, code]) => `${key},${code}`)].join('\n');
          await importFile(t.db, SYSTEM_ACTOR, {
            schoolId,
            kind: 'register',
            path: writeTemp(dir, `r${school}-${n}.csv`, csv),
            today: TODAY,
          });
        }
        const incremental = await storedSignals(t, schoolId);
        const pupilIds = await pupilIdsByNumber(t.db, schoolId);
        const full = await t.db.transaction((tx) => recomputeSignals(tx, schoolId, pupilIds, TODAY));
        // Nothing to write or clear: what the imports stored is what a full recompute finds.
        expect({ written: full.written, cleared: full.cleared }).toEqual({ written: 0, cleared: 0 });
        expect(await storedSignals(t, schoolId)).toEqual(incremental);
        holding += incremental.filter((s) => s.holds).length;
      }),
      // A few dozen runs on PGlite, fewer on PostgreSQL (~5 s a run there): each creates a school and imports.
      { numRuns: engine === 'pglite' ? 24 : 10 },
    );
    // Not vacuous: signals were stored and corrections made.
    expect(holding).toBeGreaterThan(0);
    expect(corrections).toBeGreaterThan(0);
  }, 300_000);
});
