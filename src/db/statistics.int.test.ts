// Imports leave the planner statistics of the tables they changed much (statistics.ts, decision 0045): without them
// a one-day register import right after a school's first pupils import took 10 s instead of 0.15 s.
import { describe, expect, it } from 'vitest';
import { schoolWithPupils } from '../testing/fixtures.ts';
import { databaseOfSuite, testEngines } from '../testing/test-database.ts';
import type { Sql } from './database.ts';
import { analyzeIfChangedMuch } from './statistics.ts';

/** The table's row estimate (-1: never analysed) and whether pg_stats describes its columns. */
async function statisticsOf(db: Sql, table: string) {
  const [row] = await db.query<{ estimate: number; columns: number }>(
    `SELECT c.reltuples::float8 AS estimate,
            (SELECT count(*)::int FROM pg_stats s WHERE s.schemaname = 'public' AND s.tablename = $1) AS columns
     FROM pg_class c WHERE c.oid = $1::regclass`,
    [table],
  );
  return row;
}

const pupilsCsv = (count: number) =>
  [
    'pupil_id,first_name,last_name,birth_date,level,grade,class',
    ...Array.from({ length: count }, (_, p) => `P${p},Voornaam${p},Achternaam${p},2012-05-05,secundair,1,1A`),
  ].join('\n');

describe.each(testEngines())('planner statistics after imports on %s', (engine) => {
  const database = databaseOfSuite(engine);

  it("a school's first pupils import and its calendar leave statistics for the next import's plans", async () => {
    // Fresh tables have never been analysed.
    expect((await statisticsOf(database().db, 'enrolment'))?.estimate).toBe(-1);
    await schoolWithPupils(database().db, pupilsCsv(300));
    for (const table of ['pupil', 'enrolment']) {
      const stats = await statisticsOf(database().db, table);
      expect(stats?.estimate, table).toBe(300);
      expect(stats?.columns, table).toBeGreaterThan(0);
    }
    // The school's preset calendar: 365 days, two halves each.
    expect((await statisticsOf(database().db, 'calendar_half_day'))?.estimate).toBeGreaterThanOrEqual(730);
  });

  it("analyses by autovacuum's rule: never analysed, or changes past 50 + 10 % of the rows", async () => {
    // The insert's change count reaches the server's statistics before the ANALYZE below resets it.
    await database().db.exec(
      'CREATE TABLE stats_probe (n int); INSERT INTO stats_probe SELECT generate_series(1, 1000); SELECT pg_stat_force_next_flush()',
    );
    expect(await analyzeIfChangedMuch(database().db, { stats_probe: 1000 })).toEqual(['stats_probe']);
    expect((await statisticsOf(database().db, 'stats_probe'))?.estimate).toBe(1000);
    // 1,000 rows analysed: 150 changed rows stay at the threshold, 151 pass it.
    expect(await analyzeIfChangedMuch(database().db, { stats_probe: 150 })).toEqual([]);
    expect(await analyzeIfChangedMuch(database().db, { stats_probe: 0 })).toEqual([]);
    expect(await analyzeIfChangedMuch(database().db, { stats_probe: 151 })).toEqual(['stats_probe']);
  });

  // PostgreSQL only: PGlite has one connection, so no other transaction holds a lock meanwhile.
  it.runIf(engine === 'postgres')('does not wait for a table that another transaction is analysing', async () => {
    const waited = await database().db.transaction(async (tx) => {
      await tx.exec('ANALYZE stats_probe'); // holds the table's lock until this transaction ends
      const other = analyzeIfChangedMuch(database().db, { stats_probe: 10_000 }).then(() => false);
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 3000));
      return Promise.race([other, timeout]);
    });
    expect(waited).toBe(false);
  });
});
