// A school's first register import stores the same signals whether they were evaluated in the worker thread
// (first-import-signals.ts, large files) or in the request (recompute-signals.ts): two schools with the same pupils
// import the same register, one through each path, and their signals, evidence, sentences and events are compared.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { schoolWithPupils } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';
import { tempDir, writeTemp } from '../temp-files.ts';
import { prewarmFirstImportWorker, spareFirstImportWorker } from './first-import-signals.ts';

const PUPILS = 120;
const CODES = ['B', 'Z', 'Z', 'D', 'P', 'R', 'B', 'Z'];

function pupilsCsv(): string {
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class'];
  for (let p = 0; p < PUPILS; p++)
    lines.push(
      `L${p},Voornaam${p},Achternaam${p},20${10 + (p % 3)}-0${1 + (p % 9)}-15,secundair,${1 + (p % 6)},${1 + (p % 6)}A`,
    );
  return `${lines.join('\n')}\n`;
}

/** Runs of absences of varied length and code, so that most rules fire for some pupils and not for others. */
function registerCsv(): string {
  const preset = presetFor('secundair', '2025-2026');
  if (!preset) throw new Error('missing preset');
  const slots = expandPreset(preset).filter((h) => h.schoolDay && h.date <= '2026-06-30');
  const lines = ['pupil_id,date,half,code,note'];
  for (let p = 0; p < PUPILS; p++) {
    const runs = p % 7;
    for (let r = 0; r < runs; r++) {
      const start = (p * 13 + r * 47) % (slots.length - 40);
      const length = 1 + ((p + r) % 4) * (1 + (p % 9));
      const code = CODES[(p + r) % CODES.length] as string;
      for (let i = 0; i < length; i++) {
        const slot = slots[start + i];
        if (slot) lines.push(`L${p},${slot.date},${slot.half},${code},${i === 0 && p % 5 === 0 ? 'note "x"' : ''}`);
      }
    }
  }
  // Repeated identical rows are skipped by both paths.
  return `${[...new Set(lines)].join('\n')}\n`;
}

describe.each(testEngines())('first import signals on %s', (engine) => {
  let t: TestDatabase;
  const saved = process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES;
    else process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES = saved;
  });

  const signalsOf = (schoolId: number) =>
    t.db.query(
      `SELECT p.external_id, s.school_year, s.rule_id, s.triggered_on, s.evidence, s.evidence_key, s.explanation_nl,
              s.explanation_en, s.holds, s.status, s.version,
              (SELECT array_agg(e.event ORDER BY e.id) FROM signal_event e WHERE e.signal_id = s.id) AS events
       FROM signal s JOIN pupil p ON p.id = s.pupil_id WHERE s.school_id = $1
       ORDER BY p.external_id, s.school_year, s.rule_id`,
      [schoolId],
    );

  it('stores what the recompute in the request stores', async () => {
    const dir = tempDir();
    const register = writeTemp(dir, 'register.csv', registerCsv());
    const today = '2026-03-20';
    const inRequest = await schoolWithPupils(t.db, pupilsCsv(), { institutionNumber: '000011' });
    const inWorker = await schoolWithPupils(t.db, pupilsCsv(), { institutionNumber: '000012' });
    // The worker's import comes first, into empty tables: it loads them in bulk, their indexes built after the rows
    // (bulk-load.ts), and leaves every index as it was.
    const indexes = () =>
      t.db.query(
        `SELECT tablename, indexname, indexdef FROM pg_indexes
         WHERE tablename IN ('register_entry', 'signal', 'signal_event', 'monitor_pupil_year', 'monitor_pupil_code',
                             'monitor_home_time')
         ORDER BY tablename, indexname`,
      );
    const indexesBefore = await indexes();
    expect(indexesBefore.length).toBeGreaterThanOrEqual(10);
    // Statistics of the register come only from an ANALYZE: the import runs one after its index builds.
    const registerStatistics = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'register_entry' AND attname = 'date'`,
        )
      )[0]?.n;
    expect(await registerStatistics()).toBe(0);
    process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES = '0';
    const b = await importFile(t.db, SYSTEM_ACTOR, { schoolId: inWorker, kind: 'register', path: register, today });
    expect(await indexes()).toEqual(indexesBefore);
    expect(await registerStatistics()).toBe(1);
    process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES = String(Number.MAX_SAFE_INTEGER);
    const a = await importFile(t.db, SYSTEM_ACTOR, { schoolId: inRequest, kind: 'register', path: register, today });
    expect(b).toMatchObject({ status: 'applied', rows: a.rows, inserted: a.inserted });
    process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES = '0';
    const expected = await signalsOf(inRequest);
    expect(expected.length).toBeGreaterThan(100);
    expect(new Set(expected.map((s) => (s as { rule_id: string }).rule_id)).size).toBeGreaterThan(5);
    expect(await signalsOf(inWorker)).toEqual(expected);
    // The monitor's signal cells: counted from the worker's signals, the same as the grouping of the stored ones.
    const cellsOf = (schoolId: number) =>
      t.db.query(
        `SELECT school_year, dimension, key, code, value FROM monitor_cell WHERE school_id = $1
         ORDER BY school_year, dimension, key, code`,
        [schoolId],
      );
    const cells = await cellsOf(inRequest);
    expect(cells.filter((c) => (c as { dimension: string }).dimension === 'signal').length).toBeGreaterThan(5);
    expect(await cellsOf(inWorker)).toEqual(cells);
    // With a worker started ahead (a running server keeps one ready): the same signals, and the next one is ready.
    const prewarmed = await schoolWithPupils(t.db, pupilsCsv(), { institutionNumber: '000014' });
    await prewarmFirstImportWorker();
    const ready = spareFirstImportWorker();
    expect(ready).toBeDefined();
    await importFile(t.db, SYSTEM_ACTOR, { schoolId: prewarmed, kind: 'register', path: register, today });
    expect(await signalsOf(prewarmed)).toEqual(expected);
    // The import took the spare (and ended it).
    expect(spareFirstImportWorker()).toBeUndefined();
    // A later import of the same school goes through the stored-signal comparison as before.
    const again = await importFile(t.db, SYSTEM_ACTOR, { schoolId: inWorker, kind: 'register', path: register, today });
    expect(again.status).toBe('unchanged');
  });

  it('rolls the whole import back when the file has a problem', async () => {
    process.env.AANWEZIG_SIGNALS_WORKER_MIN_BYTES = '0';
    const schoolId = await schoolWithPupils(t.db, pupilsCsv(), { institutionNumber: '000013' });
    const dir = tempDir();
    const path = writeTemp(dir, 'register.csv', `${registerCsv()}L9999,2025-10-06,VM,B,\n`);
    await expect(importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path })).rejects.toThrow();
    const [left] = await t.db.query<{ rows: number; signals: number }>(
      `SELECT (SELECT count(*)::int FROM register_entry WHERE school_id = $1) AS rows,
              (SELECT count(*)::int FROM signal WHERE school_id = $1) AS signals`,
      [schoolId],
    );
    expect(left).toEqual({ rows: 0, signals: 0 });
  });
});
