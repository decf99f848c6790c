// One connection interface over the two engines: embedded PGlite (default, ./data) and a PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Engine = 'pglite' | 'postgres';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
  /**
   * Bulk-loads rows in COPY text format (tab-separated, `\N` for null, one row per line) into a table.
   * Streams on PostgreSQL; on PGlite it loads bounded chunks so a large file is never held in memory whole.
   */
  copyIn(table: string, columns: readonly string[], lines: AsyncIterable<string>): Promise<number>;
}

export interface Database extends Sql {
  readonly engine: Engine;
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Civil dates stay `YYYY-MM-DD` strings; counts come back as numbers on both engines.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parseDate = (value: string) => value;
const parseInt8 = (value: string) => Number(value);

/** Escapes a value for COPY text format. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

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
    async copyIn(table, columns, lines) {
      let parts: string[] = [];
      let size = 0;
      let count = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        const blob = new Blob(parts);
        parts = [];
        size = 0;
        await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
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
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8, [NUMERIC_OID]: Number },
  });
  const sql = pgliteSql(db);
  return {
    engine: 'pglite',
    ...sql,
    async transaction(work) {
      return db.transaction((tx) => work(pgliteSql(tx)));
    },
    async close() {
      await db.close();
    },
    /** For tests: a snapshot that new databases can be cloned from. */
    dump: () => db.dumpDataDir('none'),
  } as Database & { dump(): Promise<Blob> };
}

function clientSql(client: pg.PoolClient | pg.Pool): Sql {
  const typed = { types: { getTypeParser: pgTypeParser } } as const;
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const result = await client.query({ text, values: params as unknown[] | undefined, ...typed });
      return result.rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    async copyIn(table, columns, lines) {
      if (!('release' in client)) throw new Error('copyIn needs a transaction on PostgreSQL');
      let count = 0;
      const counted = Readable.from(
        (async function* () {
          for await (const line of lines) {
            count++;
            yield line;
          }
        })(),
      );
      await pipeline(counted, client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
      return count;
    },
  };
}

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === DATE_OID) return parseDate;
  if (oid === INT8_OID) return parseInt8;
  if (oid === NUMERIC_OID) return Number;
  return pg.types.getTypeParser(oid, format as 'text');
}

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection can be closed by the server (restart, failover, a dropped database). Without a listener
  // pg rethrows that as an uncaught error; the pool already discards the connection and opens a new one.
  pool.on('error', (error) => {
    if (process.env.AANWEZIG_LOG === '1') console.error('PostgreSQL idle connection closed:', error.message);
  });
  await pool.query('SELECT 1');
  const sql = clientSql(pool);
  return {
    engine: 'postgres',
    ...sql,
    async copyIn(table, columns, lines) {
      const client = await pool.connect();
      try {
        return await clientSql(client).copyIn(table, columns, lines);
      } finally {
        client.release();
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(clientSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** `DATABASE_URL` selects PostgreSQL; otherwise PGlite in `AANWEZIG_DATA_DIR` (default ./data). */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(env.AANWEZIG_DATA_DIR ?? './data/pglite');
}
