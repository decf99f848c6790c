// Backup and restore in one logical format for both engines: every table of the schema in COPY text format,
// read in one REPEATABLE READ transaction (a consistent snapshot while the app keeps writing on PostgreSQL),
// gzip-compressed into one file with a manifest. Done in Node, so no pg_dump binary whose version must match the
// server; and a PGlite backup restores into PostgreSQL and back (a way to move up from the embedded database).
//
// File: line 1 the manifest (JSON); per table a JSON line {"table", "columns"}, its COPY lines and a `\.` line
// (which COPY text data can never contain: a backslash in data is written `\\`); last a JSON trailer with the
// row counts, so that a truncated file is refused.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Sql } from './database.ts';
import { migrate, migrationFiles } from './migrate.ts';

export const BACKUP_FORMAT = 'aanwezig-backup';
export const BACKUP_VERSION = 1;
const END_OF_DATA = '\\.';
/** Filled by the migrations themselves; their rows do not make a database "non-empty". */
const MIGRATION_SEEDED = new Set(['schema_migration', 'absence_code', 'app_setting']);
/**
 * Not backed up: data_change is a log of writes that only tells running processes their caches are stale
 * (migration 0017); a restore writes its own rows there, and the log starts again from them.
 */
const NOT_BACKED_UP = ['schema_migration', 'data_change'];

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Database['engine'];
  migrations: string[];
  tables: { table: string; columns: string[] }[];
  sequences: Record<string, number | null>;
}

export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

/** The schema's tables, parents before children (foreign keys), except schema_migration and data_change. */
export async function tablesInDependencyOrder(db: Sql): Promise<{ table: string; columns: string[] }[]> {
  const tables = await db.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind = 'r' AND c.relname <> ALL ($1::text[])
     GROUP BY c.relname ORDER BY c.relname`,
    [NOT_BACKED_UP],
  );
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid
     JOIN pg_class parent ON parent.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = 'public'
     WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.table, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: { table: string; columns: string[] }[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t.table) && [...(parents.get(t.table) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('Foreign keys form a cycle: cannot order the tables for a backup.');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.table);
    }
  }
  return ordered;
}

async function appliedMigrations(db: Sql): Promise<string[]> {
  const [present] = await db.query<{ present: boolean }>(
    `SELECT to_regclass('schema_migration') IS NOT NULL AS present`,
  );
  if (!present?.present) return [];
  return (await db.query<{ version: string }>('SELECT version FROM schema_migration ORDER BY version')).map(
    (r) => r.version,
  );
}

async function sequenceValues(db: Sql): Promise<Record<string, number | null>> {
  const rows = await db.query<{ name: string; value: number | null }>(
    `SELECT sequencename AS name, last_value AS value FROM pg_sequences
     WHERE schemaname = 'public' AND sequencename <> ALL ($1::text[]) ORDER BY 1`,
    [NOT_BACKED_UP.map((table) => `${table}_id_seq`)],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value === null ? null : Number(r.value)]));
}

/** Writes a consistent backup of the whole database to `file` (atomically: a temporary file, then renamed). */
export async function backupDatabase(db: Database, file: string): Promise<{ tables: number; rows: number }> {
  const temporary = `${file}.partial-${process.pid}`;
  const counts: Record<string, number> = {};
  try {
    await db.transaction(async (tx) => {
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const tables = await tablesInDependencyOrder(tx);
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: db.engine,
        migrations: await appliedMigrations(tx),
        tables,
        sequences: await sequenceValues(tx),
      };
      async function* content(): AsyncGenerator<string | Uint8Array> {
        yield `${JSON.stringify(manifest)}\n`;
        for (const { table, columns } of tables) {
          yield `${JSON.stringify({ table, columns })}\n`;
          let rows = 0;
          for await (const chunk of tx.copyOut(table, columns)) {
            for (const byte of chunk) if (byte === 10) rows++;
            yield chunk;
          }
          counts[table] = rows;
          yield `${END_OF_DATA}\n`;
        }
        yield `${JSON.stringify({ end: true, rows: counts })}\n`;
      }
      await pipeline(content, createGzip(), createWriteStream(temporary));
    });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** Tables (other than those the migrations fill) that hold rows; empty on a new or unmigrated database. */
export async function nonEmptyTables(db: Sql): Promise<string[]> {
  const found: string[] = [];
  for (const { table } of await tablesInDependencyOrder(db)) {
    if (MIGRATION_SEEDED.has(table)) continue;
    const [row] = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
    if (row?.any) found.push(table);
  }
  return found;
}

async function* backupLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  yield* lines;
}

/**
 * Restores a backup: refuses a database that holds data unless `force`; then empties the schema, migrates it to
 * the backup's migrations, loads every table and the sequences in one transaction, and applies the migrations
 * that came after the backup.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ tables: number; rows: number; migrated: string[] }> {
  const lines = backupLines(file);
  let manifest: BackupManifest;
  try {
    const first = await lines.next();
    manifest = JSON.parse(first.done ? '' : first.value) as BackupManifest;
  } catch {
    throw new BackupRefused(`${file} is not an Aanwezig backup.`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION) {
    throw new BackupRefused(`${file} is not an Aanwezig backup (format ${BACKUP_VERSION}).`);
  }
  const known = new Set(migrationFiles());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupRefused(
      `The backup was made by a newer version of Aanwezig (migrations ${unknown.join(', ')}): upgrade first.`,
    );
  }
  const filled = await nonEmptyTables(db);
  if (filled.length > 0 && !options.force) {
    throw new BackupRefused(
      `The database is not empty (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''} hold rows): restore into a new database or folder, or add --force to replace everything in it.`,
    );
  }
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await migrate(db, { through: manifest.migrations.at(-1) ?? '' });
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // The migrations' own rows are replaced by the backup's.
    for (const table of MIGRATION_SEEDED) if (table !== 'schema_migration') await tx.exec(`DELETE FROM ${table}`);
    let trailer: { end?: boolean; rows?: Record<string, number> } | null = null;
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const section = JSON.parse(next.value) as { table?: string; columns?: string[]; end?: boolean };
      if (section.end) {
        trailer = section;
        break;
      }
      const { table, columns } = section as { table: string; columns: string[] };
      if (!manifest.tables.some((t) => t.table === table))
        throw new BackupRefused(`Unexpected table ${table} in ${file}.`);
      async function* data(): AsyncGenerator<string> {
        for (;;) {
          const line = await lines.next();
          if (line.done) throw new BackupRefused(`${file} ends in the middle of table ${table}.`);
          if (line.value === END_OF_DATA) return;
          yield `${line.value}\n`;
        }
      }
      counts[table] = await tx.copyIn(table, columns, data());
    }
    if (!trailer?.end) throw new BackupRefused(`${file} is incomplete (no end marker): nothing was restored.`);
    for (const [table, rows] of Object.entries(trailer.rows ?? {})) {
      if ((counts[table] ?? 0) !== rows) {
        throw new BackupRefused(`${file}: table ${table} has ${counts[table] ?? 0} rows, expected ${rows}.`);
      }
    }
    for (const [sequence, value] of Object.entries(manifest.sequences)) {
      if (value !== null) await tx.query('SELECT setval($1::regclass, $2)', [sequence, value]);
    }
  });
  const migrated = await migrate(db);
  return {
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    migrated,
  };
}
