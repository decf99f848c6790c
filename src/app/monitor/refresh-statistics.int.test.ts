// A school's first register import loads the monitor's tables and the signals without planner statistics. The next
// import's refresh joins them: without statistics the planner expected 10 pupil-year rows for 80,000 and one cell
// statement took 178 s (decision 0045). The refresh now analyses what it reads when a table has none, or when the
// school's rewritten rows are many; checked here on both engines, for a whole-school and for a narrow refresh.
import { describe, expect, it } from 'vitest';
import type { Sql } from '../../db/database.ts';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { databaseOfSuite, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';

const TODAY = '2026-03-01';
const PUPILS = 30;
const SLOTS = expandPreset(presetFor('secundair', '2025-2026') ?? (undefined as never)).filter(
  (h) => h.schoolDay && h.date < '2026-02-01',
);
/** The monitor's tables that a refresh reads after writing them, and the signals. */
const READ_AFTER_WRITE = ['monitor_day', 'monitor_pupil_year', 'signal', 'monitor_home_time', 'monitor_pupil_code'];

const pupilsCsv = [
  'pupil_id,first_name,last_name,birth_date,level,grade,class',
  ...Array.from({ length: PUPILS }, (_, p) => `P${p},Voornaam${p},Achternaam${p},2011-05-05,secundair,2,2A`),
].join('\n');

/** Every pupil absent (Z) on the school half-days `from`..`until` (indexes into SLOTS). */
function registerCsv(from: number, until: number): string {
  const lines = ['pupil_id,date,half,code,note'];
  for (let p = 0; p < PUPILS; p++)
    for (const slot of SLOTS.slice(from, until)) lines.push(`P${p},${slot.date},${slot.half},Z,`);
  return `${lines.join('\n')}\n`;
}

/** The tables among `tables` that pg_stats describes. */
async function withStatistics(db: Sql, tables: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT DISTINCT tablename AS name FROM pg_stats WHERE schemaname = 'public' AND tablename = ANY($1::text[])
     ORDER BY 1`,
    [tables],
  );
  return rows.map((r) => r.name);
}

describe.each(testEngines())('statistics for the monitor refresh on %s', (engine) => {
  const database = databaseOfSuite(engine);

  it("the import after a school's first one plans its refresh with statistics", async () => {
    const dir = tempDir();
    const schoolId = await schoolWithPupils(database().db, pupilsCsv);
    const run = (name: string, csv: string) =>
      importFile(database().db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: writeTemp(dir, name, csv),
        today: TODAY,
      });
    // First import: the register's first rows; the monitor's and the signals' rows are loaded without statistics.
    await run('first.csv', registerCsv(0, 40));
    expect(await withStatistics(database().db, READ_AFTER_WRITE)).toEqual([]);
    // A narrow refresh (one more half-day): the tables without statistics get them, once.
    await run('second.csv', registerCsv(0, 41));
    expect(await withStatistics(database().db, READ_AFTER_WRITE)).toEqual([...READ_AFTER_WRITE].sort());
    // A whole-school refresh (79 new dates, more than the 31 of a narrow one) rewrites all of the school's rows,
    // here all of the tables' rows: they are analysed again, and the estimate follows the 120 day rows.
    expect(await rowEstimate(database().db, 'monitor_day')).toBe(41);
    await run('third.csv', registerCsv(0, 120));
    expect(await rowEstimate(database().db, 'monitor_day')).toBe(120);
  });
});

/** The planner's row estimate of a table (set by ANALYZE). */
async function rowEstimate(db: Sql, table: string): Promise<number> {
  const [row] = await db.query<{ rows: number }>(
    'SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = $1::regclass',
    [table],
  );
  return row?.rows ?? Number.NaN;
}
