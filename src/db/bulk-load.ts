// A bulk load into a table that holds few rows yet (issue 16, decision 0042): the table's secondary indexes are
// dropped before the COPY and built again after it, in the same transaction, as pg_restore loads a table. Building
// a B-tree from sorted rows costs far less than inserting the same rows one by one into it: for a school's first
// register of 1,000,000 rows 1.1 s instead of 1.8 s on PostgreSQL and 1.9 s instead of 3.1 s on PGlite (measured
// in the decision). With many rows already in the table the rebuild would cost more than it saves, and on
// PostgreSQL it holds the table's ACCESS EXCLUSIVE lock until the commit: it is taken only when the table is small
// and the lock comes at once.
import type { Sql } from './database.ts';
import { isEncoded, type RowsToCopy } from './monitor-copy-rows.ts';

/**
 * The load rebuilds the indexes when the rows already in the table are at most this share of the rows it adds:
 * the rebuild sorts the table's old rows too, and per row it costs ~0.6 of an insertion (so it stays ahead up to
 * ~0.5 here; this leaves a margin).
 */
export const REBUILD_MAX_EXISTING_SHARE = 0.25;

/** The load does not wait longer than this for the table's lock (PostgreSQL; other sessions reading the table). */
const LOCK_WAIT = '200ms';

/** Memory for each index build: the sort of 1,000,000 register keys fits without spilling to disk. */
const BUILD_MEMORY = '256MB';

interface TableIndex {
  name: string;
  /** CREATE INDEX … of an index that backs no constraint. */
  definition: string | null;
  /** The constraint's definition (PRIMARY KEY (…), UNIQUE (…)) of an index that backs one. */
  constraint: string | null;
}

/** What `withoutIndexes` dropped: `restore` builds each index again, with its name and definition. */
export interface DroppedIndexes {
  readonly names: readonly string[];
  /**
   * The statements that build the indexes again, as one script (`restore` runs it). `alone: false`: something else
   * of the import runs meanwhile (the signals worker), so each build takes one process; otherwise PostgreSQL may add
   * parallel workers (the server's setting).
   */
  restoreScript(options?: { alone?: boolean }): string;
  /** Builds the indexes again (restoreScript). */
  restore(options?: { alone?: boolean }): Promise<void>;
}

/**
 * Drops `table`'s indexes when the table holds at most REBUILD_MAX_EXISTING_SHARE × `incomingRows` rows and its
 * lock can be taken at once; undefined otherwise (the load then inserts into the indexes as usual). Indexes that a
 * foreign key of another table needs stay. Must run in a transaction: the drop, the load and `restore` commit or
 * roll back together.
 */
export async function withoutIndexes(
  tx: Sql,
  table: string,
  incomingRows: number,
): Promise<DroppedIndexes | undefined> {
  const limit = Math.floor(incomingRows * REBUILD_MAX_EXISTING_SHARE);
  // A bounded count: reads at most limit + 1 rows of a large table. With it, the two settings the rebuild sets for
  // itself, to put them back after it.
  const [counted] = await tx.query<{ n: number; memory: string; workers: string }>(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM ${table} LIMIT $1) t) AS n,
            current_setting('maintenance_work_mem') AS memory,
            current_setting('max_parallel_maintenance_workers') AS workers`,
    [limit + 1],
  );
  if (!counted || counted.n > limit) return undefined;
  const indexes = await tx.query<TableIndex>(
    `SELECT c.relname AS name,
            CASE WHEN k.conname IS NULL THEN pg_get_indexdef(i.indexrelid) END AS definition,
            pg_get_constraintdef(k.oid) AS "constraint"
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid
     LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u')
     WHERE i.indrelid = $1::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
     ORDER BY c.relname`,
    [table],
  );
  if (indexes.length === 0 || !(await lockAtOnce(tx, table))) return undefined;
  for (const index of indexes)
    await tx.exec(index.constraint ? `ALTER TABLE ${table} DROP CONSTRAINT ${index.name}` : `DROP INDEX ${index.name}`);
  const script = (options: { alone?: boolean } = {}) =>
    [
      setLocalStatement('maintenance_work_mem', BUILD_MEMORY),
      // Beside the signals worker, one process per build: measured on 2 cores, parallel builds made the whole
      // import slower (6.40 s against 6.04 s, decision 0042). Alone, the server's max_parallel_maintenance_workers.
      ...(options.alone === false ? [setLocalStatement('max_parallel_maintenance_workers', '0')] : []),
      ...indexes.map((index) =>
        index.constraint
          ? `ALTER TABLE ${table} ADD CONSTRAINT ${index.name} ${index.constraint}`
          : (index.definition as string),
      ),
      ...(options.alone === false ? [setLocalStatement('max_parallel_maintenance_workers', counted.workers)] : []),
      setLocalStatement('maintenance_work_mem', counted.memory),
    ].join(';\n');
  return {
    names: indexes.map((i) => i.name),
    restoreScript: script,
    async restore(options) {
      await tx.exec(script(options));
    },
  };
}

/** A statement that sets a setting for the rest of the transaction (`value` from the server or a constant). */
const setLocalStatement = (name: string, value: string) =>
  `SELECT set_config('${name}', '${value.replaceAll("'", "''")}', true)`;

/**
 * The index builds of several bulk loads in one transaction, put off until the caller runs them (decisions 0043 and
 * 0044). A school's first import copies its register and builds its indexes while it computes the monitor's rows,
 * copies those and builds their indexes while its signals worker still evaluates, then copies the signals and builds
 * theirs once the worker has ended (then PostgreSQL may use parallel workers). Until its build a table has only
 * the indexes a foreign key needs: meanwhile the import reads nothing from it (what it wrote is in memory). A build
 * that finds a broken unique key fails the import, as the insert would have.
 */
export class PendingIndexBuilds {
  private readonly dropped: DroppedIndexes[] = [];

  constructor(private readonly tx: Sql) {}

  /** Keeps `dropped` for the next `build` (nothing when the load kept its indexes). */
  add(dropped: DroppedIndexes | undefined): void {
    if (dropped) this.dropped.push(dropped);
  }

  /**
   * Builds every index put off so far (`alone`: DroppedIndexes.restoreScript), then runs `followedBy` (e.g. an
   * ANALYZE of the tables), all in one script: once it is sent, the database works through it without waiting for
   * this thread, which may meanwhile compute what it writes next. Whether there was any build.
   */
  async build(options: { alone?: boolean; followedBy?: readonly string[] } = {}): Promise<boolean> {
    const dropped = this.dropped.splice(0);
    const statements = [...dropped.map((indexes) => indexes.restoreScript(options)), ...(options.followedBy ?? [])];
    if (statements.length > 0) await this.tx.exec(statements.join(';\n'));
    return dropped.length > 0;
  }
}

/** Builds `dropped` now, or later when the caller collects the builds (`pending`); whether it built now. */
export async function restoreIndexes(
  dropped: DroppedIndexes | undefined,
  pending: PendingIndexBuilds | undefined,
): Promise<boolean> {
  if (!dropped) return false;
  if (pending) pending.add(dropped);
  else await dropped.restore();
  return !pending;
}

/** Takes `table`'s ACCESS EXCLUSIVE lock if no other session holds a lock on it now (waits at most LOCK_WAIT). */
async function lockAtOnce(tx: Sql, table: string): Promise<boolean> {
  const restoreSetting = await setLocal(tx, 'lock_timeout', LOCK_WAIT);
  await tx.exec('SAVEPOINT bulk_load_lock');
  try {
    await tx.exec(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    await tx.exec('RELEASE SAVEPOINT bulk_load_lock');
    await restoreSetting();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error; // lock_not_available
    await tx.exec('ROLLBACK TO SAVEPOINT bulk_load_lock');
    await tx.exec('RELEASE SAVEPOINT bulk_load_lock');
    await restoreSetting();
    return false;
  }
}

/** Sets a setting for the rest of the transaction; the returned function puts its earlier value back. */
async function setLocal(tx: Sql, name: string, value: string): Promise<() => Promise<void>> {
  const [before] = await tx.query<{ value: string }>('SELECT current_setting($1) AS value', [name]);
  await tx.query('SELECT set_config($1, $2, true)', [name, value]);
  return async () => {
    await tx.query('SELECT set_config($1, $2, true)', [name, before?.value ?? value]);
  };
}

/**
 * The rows of a COPY into `table` (as an array, to count them; encoded rows as they are), after dropping the
 * table's indexes for `pending` to build when the table is small enough (withoutIndexes); without `pending` the rows
 * as they are.
 */
export async function bulkLoadOf<T>(
  tx: Sql,
  table: string,
  rows: RowsToCopy<T>,
  pending: PendingIndexBuilds | undefined,
): Promise<RowsToCopy<T>> {
  if (!pending) return rows;
  const all = isEncoded(rows) ? rows : [...rows];
  pending.add(await withoutIndexes(tx, table, isEncoded(all) ? all.count : all.length));
  return all;
}
