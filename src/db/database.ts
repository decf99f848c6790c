// One connection interface over the two engines: embedded PGlite (default, ./data) and a PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { type Config, loadConfig } from '../config.ts';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER } from './binary-copy.ts';
import { copyOutStream } from './copy-out-stream.ts';
import { lockDataFolder } from './data-folder-lock.ts';
import { preparedName } from './prepared.ts';

export type Engine = 'pglite' | 'postgres';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
  /**
   * Bulk-loads rows in COPY text format (tab-separated, `\N` for null, one row per line) into a table.
   * Streams on PostgreSQL; on PGlite it loads bounded chunks so a large file is never held in memory whole.
   * With `binary`, the chunks are whole tuples of PostgreSQL's binary format (BinaryTupleWriter; the header and
   * trailer are added here) and the count is of chunks.
   */
  copyIn(
    table: string,
    columns: readonly string[],
    lines: AsyncIterable<string | Uint8Array>,
    format?: 'text' | 'binary',
  ): Promise<number>;
  /**
   * Reads a whole table in COPY text format (the inverse of copyIn), as chunks that together are whole lines.
   * Needs a transaction on PostgreSQL; PGlite returns each table as one chunk. With no columns, `table` is a
   * parenthesised query whose rows are read instead.
   */
  copyOut(table: string, columns: readonly string[], format?: 'text' | 'binary'): AsyncIterable<Uint8Array>;
}

/** Where the database layer reports connection faults that no request is waiting for (pool errors). */
export interface DatabaseLog {
  error(details: Record<string, unknown>, message: string): void;
}

const STDERR_LOG: DatabaseLog = {
  error: (details, message) =>
    console.error(JSON.stringify({ level: 'error', time: Date.now(), msg: message, ...serialise(details) })),
};

function serialise(details: Record<string, unknown>): Record<string, unknown> {
  const err = details.err as Error | undefined;
  return err ? { ...details, err: { message: err.message, code: (err as { code?: string }).code } } : details;
}

/**
 * The connection to the database was lost or refused (server restart, failover, a terminated backend). The
 * request that met it fails with 503; its transaction was not committed, and the next request opens a new
 * connection.
 */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super(`Database connection lost: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'DatabaseUnavailable';
  }
}

// SQLSTATE class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now), and the
// socket errors Node reports when the server goes away.
const LOST_SQLSTATE = /^(08...|57P0[123])$/;
const LOST_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

export function isConnectionLost(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable) return true;
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (LOST_SQLSTATE.test(e.code) || LOST_SOCKET_CODES.has(e.code))) return true;
  return (
    typeof e.message === 'string' && /^Connection terminated|Client has encountered a connection error/.test(e.message)
  );
}

function connectionFault(error: unknown): unknown {
  return isConnectionLost(error) && !(error instanceof DatabaseUnavailable) ? new DatabaseUnavailable(error) : error;
}

export interface Database extends Sql {
  readonly engine: Engine;
  /**
   * Runs `work` in one transaction. The `tx` it gets is a Database too: a use case called with it that opens its
   * own transaction joins this one (in a SAVEPOINT, so a failure it catches undoes only its own writes), so
   * services take one `db` and never both a `db` and a `tx`.
   */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /** True inside a transaction: `transaction` then runs on the same connection (work cannot run alongside). */
  readonly withinTransaction?: boolean;
  /** Ends the connection; inside a transaction it does nothing (the outer owner closes). */
  close(): Promise<void>;
}

/** The Database view of an open transaction: a nested `transaction` runs in a savepoint of this one. */
function transactionDatabase(engine: Engine, tx: Sql, depth = 0): Database {
  return {
    engine,
    withinTransaction: true,
    query: (text, params) => tx.query(text, params),
    exec: (text) => tx.exec(text),
    copyIn: (table, columns, lines, format) => tx.copyIn(table, columns, lines, format),
    copyOut: (table, columns, format) => tx.copyOut(table, columns, format),
    async transaction(work) {
      const savepoint = `nested_${depth + 1}`;
      await tx.exec(`SAVEPOINT ${savepoint}`);
      try {
        const result = await work(transactionDatabase(engine, tx, depth + 1));
        await tx.exec(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        if (!isConnectionLost(error)) await tx.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        throw error;
      }
    },
    async close() {},
  };
}

// Civil dates stay `YYYY-MM-DD` strings; counts come back as numbers on both engines.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parseDate = (value: string) => value;
const parseInt8 = (value: string) => Number(value);

/** `table (columns)`, or a parenthesised query as it is when there are no columns (copyOut). */
const copySource = (table: string, columns: readonly string[]) =>
  columns.length === 0 ? table : `${table} (${columns.join(', ')})`;

/** PostgreSQL's binary COPY format (typed fields with lengths: no text to format or parse) or text. */
const copyFormat = (format: 'text' | 'binary') => (format === 'binary' ? ' WITH (FORMAT binary)' : '');

const PGLITE_COPY_CHUNK_BYTES = 8 * 1024 * 1024;

function pgliteSql(db: Pick<PGlite, 'query' | 'exec'>): Sql {
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const result = await db.query<T>(text, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
    async copyIn(table, columns, lines, format = 'text') {
      let parts: (string | Uint8Array)[] = [];
      let size = 0;
      let count = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        const blob = new Blob(
          (format === 'binary' ? [BINARY_COPY_HEADER, ...parts, BINARY_COPY_TRAILER] : parts) as BlobPart[],
        );
        parts = [];
        size = 0;
        await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'${copyFormat(format)}`, [], { blob });
      };
      for await (const line of lines) {
        parts.push(line);
        size += line.length;
        count++;
        if (size >= PGLITE_COPY_CHUNK_BYTES) await flush();
      }
      await flush();
      return count;
    },
    async *copyOut(table, columns, format = 'text') {
      const result = await db.query(`COPY ${copySource(table, columns)} TO '/dev/blob'${copyFormat(format)}`);
      if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
    },
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  // Refuses at once (DataFolderLocked) when another process has the folder open.
  const unlock = dataDir ? lockDataFolder(dataDir) : () => {};
  let db: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8, [NUMERIC_OID]: Number },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const sql = pgliteSql(db);
  return {
    engine: 'pglite',
    ...sql,
    async transaction(work) {
      return db.transaction((tx) => work(transactionDatabase('pglite', pgliteSql(tx))));
    },
    async close() {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
    /** For tests: a snapshot that new databases can be cloned from. */
    dump: () => db.dumpDataDir('none'),
  } as Database & { dump(): Promise<Blob> };
}

function clientSql(client: pg.PoolClient | pg.Pool): Sql {
  const typed = { types: { getTypeParser: pgTypeParser } } as const;
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      try {
        const result = await client.query({
          text,
          values: params as unknown[] | undefined,
          name: preparedName(text),
          ...typed,
        });
        return result.rows as T[];
      } catch (error) {
        throw connectionFault(error);
      }
    },
    async exec(text: string) {
      try {
        await client.query(text);
      } catch (error) {
        throw connectionFault(error);
      }
    },
    async copyIn(table, columns, lines, format = 'text') {
      if (!('release' in client)) throw new Error('copyIn needs a transaction on PostgreSQL');
      let count = 0;
      const counted = Readable.from(
        (async function* () {
          if (format === 'binary') yield Buffer.from(BINARY_COPY_HEADER);
          for await (const line of lines) {
            count++;
            yield typeof line === 'string' ? line : Buffer.from(line.buffer, line.byteOffset, line.byteLength);
          }
          if (format === 'binary') yield Buffer.from(BINARY_COPY_TRAILER);
        })(),
      );
      try {
        const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN${copyFormat(format)}`;
        await pipeline(counted, client.query(copyFrom(statement)));
      } catch (error) {
        throw connectionFault(error);
      }
      return count;
    },
    async *copyOut(table, columns, format = 'text') {
      if (!('release' in client)) throw new Error('copyOut needs a transaction on PostgreSQL');
      try {
        const statement = `COPY ${copySource(table, columns)} TO STDOUT${copyFormat(format)}`;
        // Binary reads are the large ones (the monitor's register scan): one Buffer per network read.
        yield* client.query(format === 'binary' ? copyOutStream(statement) : copyTo(statement));
      } catch (error) {
        throw connectionFault(error);
      }
    },
  };
}

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === DATE_OID) return parseDate;
  if (oid === INT8_OID) return parseInt8;
  if (oid === NUMERIC_OID) return Number;
  return pg.types.getTypeParser(oid, format as 'text');
}

export async function openPostgres(connectionString: string, options: { log?: DatabaseLog } = {}): Promise<Database> {
  const log = options.log ?? STDERR_LOG;
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A connection can be closed by the server at any time (restart, failover, pg_terminate_backend). pg reports
  // that as an 'error' event, and an 'error' event without a listener ends the process. The pool listens while
  // a connection is idle; this listener covers every connection for its whole life, checked out or not. The
  // query that was running fails on its own and becomes a 503 (DatabaseUnavailable).
  pool.on('error', (error) => log.error({ err: error }, 'PostgreSQL idle connection closed'));
  pool.on('connect', (client) => {
    client.on('error', (error) => log.error({ err: error }, 'PostgreSQL connection lost'));
  });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw connectionFault(error);
  }
  const sql = clientSql(pool);
  const connect = async () => {
    try {
      return await pool.connect();
    } catch (error) {
      throw connectionFault(error);
    }
  };
  return {
    engine: 'postgres',
    ...sql,
    async copyIn(table, columns, lines, format) {
      const client = await connect();
      let fault: unknown;
      try {
        return await clientSql(client).copyIn(table, columns, lines, format);
      } catch (error) {
        fault = error;
        throw error;
      } finally {
        client.release(isConnectionLost(fault) ? (fault as Error) : undefined);
      }
    },
    async transaction(work) {
      const client = await connect();
      let fault: unknown;
      try {
        await client.query('BEGIN');
        const result = await work(transactionDatabase('postgres', clientSql(client)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        fault = connectionFault(error);
        await client.query('ROLLBACK').catch(() => {});
        throw fault;
      } finally {
        // A broken connection is destroyed instead of going back to the pool.
        client.release(isConnectionLost(fault) ? (fault as Error) : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** `DATABASE_URL` selects PostgreSQL; otherwise PGlite in `AANWEZIG_DATA_DIR` (default ./data/pglite). */
export async function openDatabase(
  settings: Pick<Config, 'databaseUrl' | 'dataDir'> = loadConfig(),
  log?: DatabaseLog,
): Promise<Database> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl, { log });
  return openPglite(settings.dataDir);
}
