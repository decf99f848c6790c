// A bulk load into a table with few rows builds its indexes after the rows (bulk-load.ts): the indexes come back
// with the same names and definitions, a rolled-back load leaves them as they were, and the drop is skipped when the
// table already holds many rows or another session holds a lock on it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { PendingIndexBuilds, REBUILD_MAX_EXISTING_SHARE, withoutIndexes } from './bulk-load.ts';
import type { Sql } from './database.ts';

/** The table's indexes and the constraints they back, as the catalog describes them. */
async function indexesOf(db: Sql, table: string) {
  return db.query<{ name: string; definition: string; constraint: string | null }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
            (SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.conindid = i.indexrelid
               AND k.conrelid = i.indrelid) AS "constraint"
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [table],
  );
}

/** Register rows of pupil `pupil` on `days` school days from 1 September 2025, in COPY text. */
async function* registerLines(schoolId: number, pupil: number, days: number): AsyncGenerator<string> {
  let chunk = '';
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2025, 8, 1 + d)).toISOString().slice(0, 10);
    chunk += `${pupil}\t${date}\tAM\t${schoolId}\tB\n`;
  }
  yield chunk;
}

const COLUMNS = ['pupil_id', 'date', 'half', 'school_id', 'code'];

describe.each(testEngines())('bulk load on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('drops the indexes of a table with few rows and builds the same ones after the load', async () => {
    const before = await indexesOf(t.db, 'register_entry');
    expect(before.map((i) => i.name)).toEqual(['register_entry_pkey', 'register_entry_school_date_idx']);
    const settings = (tx: Sql) =>
      tx.query(
        `SELECT current_setting('maintenance_work_mem') AS memory, current_setting('lock_timeout') AS wait,
                current_setting('max_parallel_maintenance_workers') AS workers`,
      );
    await t.db.transaction(async (tx) => {
      const settingsBefore = await settings(tx);
      const dropped = await withoutIndexes(tx, 'register_entry', 100);
      expect(dropped?.names).toEqual(['register_entry_pkey', 'register_entry_school_date_idx']);
      expect(await indexesOf(tx, 'register_entry')).toEqual([]);
      await tx.copyIn('register_entry', COLUMNS, registerLines(700_001, 9_000_001, 100));
      await dropped?.restore();
      expect(await indexesOf(tx, 'register_entry')).toEqual(before);
      // The settings changed for the lock and the builds are back to what they were.
      expect(await settings(tx)).toEqual(settingsBefore);
    });
    expect(await indexesOf(t.db, 'register_entry')).toEqual(before);
    // Put off for a later round (PendingIndexBuilds): one script with what follows the builds, settings put back too.
    await t.db.transaction(async (tx) => {
      const settingsBefore = await settings(tx);
      const pending = new PendingIndexBuilds(tx);
      pending.add(await withoutIndexes(tx, 'register_entry', 1_000));
      await tx.copyIn('register_entry', COLUMNS, registerLines(700_002, 9_100_001, 100));
      expect(await indexesOf(tx, 'register_entry')).toEqual([]);
      expect(await pending.build({ alone: false, followedBy: ['ANALYZE register_entry'] })).toBe(true);
      expect(await indexesOf(tx, 'register_entry')).toEqual(before);
      expect(await settings(tx)).toEqual(settingsBefore);
      expect(await pending.build()).toBe(false);
    });
    // The rebuilt primary key holds: the same half-day again is refused.
    await expect(
      t.db.transaction((tx) => tx.copyIn('register_entry', COLUMNS, registerLines(700_001, 9_000_001, 1))),
    ).rejects.toThrow(/duplicate key|unique/);
  });

  it('leaves the indexes as they were when the load is rolled back, and when rows break a unique key', async () => {
    const before = await indexesOf(t.db, 'signal_event');
    await expect(
      t.db.transaction(async (tx) => {
        await withoutIndexes(tx, 'signal_event', 1_000_000);
        expect(await indexesOf(tx, 'signal_event')).toEqual([]);
        throw new Error('the file had a problem');
      }),
    ).rejects.toThrow('the file had a problem');
    expect(await indexesOf(t.db, 'signal_event')).toEqual(before);
    // Two rows with the same id: the rebuilt primary key refuses them and the whole load rolls back.
    await expect(
      t.db.transaction(async (tx) => {
        const dropped = await withoutIndexes(tx, 'signal_event', 1_000_000);
        await tx.copyIn(
          'signal_event',
          ['id', 'signal_id', 'event'],
          (async function* () {
            yield '990001\t1\tdetected\n990001\t2\tdetected\n';
          })(),
        );
        await dropped?.restore();
      }),
    ).rejects.toThrow(/duplicate key|unique/);
    expect(await indexesOf(t.db, 'signal_event')).toEqual(before);
    const [left] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signal_event WHERE id = 990001');
    expect(left?.n).toBe(0);
  });

  it('keeps the indexes when the table already holds more than its share of the incoming rows', async () => {
    await t.db.transaction((tx) => tx.copyIn('register_entry', COLUMNS, registerLines(700_002, 9_000_002, 30)));
    const [held] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_entry');
    const rows = held?.n ?? 0;
    expect(rows).toBeGreaterThan(0);
    // Incoming rows for which the rows held are just over the share: no drop.
    const incoming = Math.floor(rows / REBUILD_MAX_EXISTING_SHARE) - 4;
    await t.db.transaction(async (tx) => {
      expect(await withoutIndexes(tx, 'register_entry', incoming)).toBeUndefined();
      expect((await indexesOf(tx, 'register_entry')).length).toBe(2);
      // Just within the share: dropped.
      const dropped = await withoutIndexes(tx, 'register_entry', Math.ceil(rows / REBUILD_MAX_EXISTING_SHARE));
      expect(dropped?.names).toHaveLength(2);
      await dropped?.restore();
    });
  });

  it('keeps an index that a foreign key of another table needs', async () => {
    // file_entry.signal_id references signal's primary key.
    await t.db.transaction(async (tx) => {
      const dropped = await withoutIndexes(tx, 'signal', 1_000_000);
      expect(dropped?.names).not.toContain('signal_pkey');
      expect((await indexesOf(tx, 'signal')).map((i) => i.name)).toEqual(['signal_pkey']);
      await dropped?.restore();
    });
  });

  it.runIf(engine === 'postgres')(
    'does not wait for a table that another session is reading (no deadlock)',
    async () => {
      const other = new pg.Client({ connectionString: t.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT count(*) FROM signal_event');
        const before = await indexesOf(t.db, 'signal_event');
        await t.db.transaction(async (tx) => {
          expect(await withoutIndexes(tx, 'signal_event', 1_000_000)).toBeUndefined();
          // The transaction goes on as usual (the failed lock was rolled back to its savepoint).
          const [row] = await tx.query<{ wait: string }>(`SELECT current_setting('lock_timeout') AS wait`);
          expect(row?.wait).toBe('0');
        });
        expect(await indexesOf(t.db, 'signal_event')).toEqual(before);
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
    },
  );
});
