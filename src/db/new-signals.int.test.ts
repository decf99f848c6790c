// The first import's signal write (insertNewSignals: one COPY per table) stores what the general upsert
// (writeSignals) stores for the same new signals: the same signals, each with one `detected` event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import type { Sql } from './database.ts';
import { addDetectedEvents, drawSignalId, insertNewSignals } from './new-signals.repository.ts';
import { type ComputedSignalRow, writeSignals } from './signal.repository.ts';

/** New signals of some pupils, with text that COPY must escape (tabs, newlines, backslashes, quotes). */
function newSignals(schoolId: number, firstPupil: number, count: number): ComputedSignalRow[] {
  return Array.from({ length: count }, (_, i) => ({
    schoolId,
    pupilId: firstPupil + Math.floor(i / 3),
    schoolYear: '2025-2026',
    ruleId: ['B5_CLB', 'Z_EAZIE', 'ABSENT_10'][i % 3] as string,
    triggeredOn: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`,
    evidence: JSON.stringify(
      i % 2 ? [{ date: '2025-10-01', half: 'AM', code: 'B' }] : { halfDays: i, note: 'tab\there "q" \\ back\nline' },
    ),
    evidenceKey: `key-${i}`,
    explanationNl: `Zin ${i}\tmet tab`,
    explanationEn: `Sentence ${i}\\n`,
    status: 'new',
    event: 'detected',
  }));
}

async function stored(db: Sql, schoolId: number) {
  return db.query(
    `SELECT s.pupil_id - min(s.pupil_id) OVER () AS pupil, s.school_year, s.rule_id, s.triggered_on, s.evidence,
            s.evidence_key, s.explanation_nl, s.explanation_en, s.holds, s.status, s.version,
            (SELECT array_agg(e.event ORDER BY e.id) FROM signal_event e WHERE e.signal_id = s.id) AS events
     FROM signal s WHERE s.school_id = $1 ORDER BY s.pupil_id, s.rule_id`,
    [schoolId],
  );
}

describe.each(testEngines())('new signals written by COPY on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('stores the same signals and detected events as the upsert', async () => {
    // Pupil and school ids need no rows: signal has no foreign keys to them (migration 0029).
    await t.db.transaction((tx) => writeSignals(tx, newSignals(900_001, 5_000_000, 2_500)));
    await t.db.transaction((tx) => insertNewSignals(tx, 2_500, newSignals(900_002, 6_000_000, 2_500)));
    const upserted = await stored(t.db, 900_001);
    expect(upserted).toHaveLength(2_500);
    expect(await stored(t.db, 900_002)).toEqual(upserted);
    // The ids come from the sequence: a later upsert gets a higher one, events point at their signal.
    await t.db.transaction((tx) => writeSignals(tx, newSignals(900_004, 8_000_000, 1)));
    const [ids] = await t.db.query<{ later: boolean; orphans: number }>(
      `SELECT (SELECT min(id) FROM signal WHERE school_id = 900004) > (SELECT max(id) FROM signal WHERE school_id = 900002) AS later,
              (SELECT count(*)::int FROM signal_event e WHERE NOT EXISTS (SELECT 1 FROM signal s WHERE s.id = e.signal_id)) AS orphans`,
    );
    expect(ids).toEqual({ later: true, orphans: 0 });
  });

  it('refuses to give events to a signal it did not write', async () => {
    // A signal of the same school with an id inside the drawn range that this write did not copy (as a concurrent
    // recompute of the school could commit): the event count no longer matches and the transaction rolls back
    // instead of giving that signal a second event.
    const insert = (tx: Sql, pupilId: number) =>
      tx.query(
        `INSERT INTO signal (school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key,
                             explanation_nl, explanation_en)
         VALUES (900005, $1, '2025-2026', 'B5_CLB', '2025-10-01', '[]', 'k', 'nl', 'en')`,
        [pupilId],
      );
    await expect(
      t.db.transaction(async (tx) => {
        const before = await drawSignalId(tx);
        for (const pupil of [9_000_001, 9_000_002, 9_000_003]) await insert(tx, pupil);
        await insert(tx, 9_999_999);
        await addDetectedEvents(tx, 900_005, before, 3);
      }),
    ).rejects.toThrow(/4 events for 3 signals/);
    expect(await stored(t.db, 900_005)).toHaveLength(0);
  });

  it('refuses signals that are not new', async () => {
    const rows = newSignals(900_003, 7_000_000, 3).map((r) => ({ ...r, event: 'evidence-changed' as const }));
    await expect(t.db.transaction((tx) => insertNewSignals(tx, rows.length, rows))).rejects.toThrow(/new signals only/);
  });
});
