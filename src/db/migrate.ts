// Applies the committed SQL migrations in order, once each, identically on PGlite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ABSENCE_CODES } from '../domain/absence-codes.ts';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same for every instance so migrations never run twice at once.
const MIGRATION_LOCK_KEY = 7_406_123;

/** The migration files of this version, in order. */
export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/** Migrations of this version not applied to the database yet (all of them on a database never migrated). */
export async function pendingMigrations(db: Pick<Database, 'query'>): Promise<string[]> {
  const [table] = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migration') IS NOT NULL AS present`);
  if (!table?.present) return migrationFiles();
  const done = new Set(
    (await db.query<{ version: string }>('SELECT version FROM schema_migration')).map((r) => r.version),
  );
  return migrationFiles().filter((file) => !done.has(file));
}

/** Applies the pending migrations; with `through`, only those up to and including that one (restore uses this). */
export async function migrate(db: Database, options: { through?: string } = {}): Promise<string[]> {
  const files = migrationFiles().filter((f) => options.through === undefined || f <= options.through);
  const applied: string[] = [];
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migration (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migration')).map((r) => r.version),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(readFileSync(MIGRATIONS_DIR + file, 'utf8'));
      await tx.query('INSERT INTO schema_migration (version) VALUES ($1)', [file]);
      applied.push(file);
    }
    await syncAbsenceCodes(tx);
  });
  return applied;
}

/** The code list is data owned by the domain module; the table mirrors it for SQL joins and reports. */
async function syncAbsenceCodes(tx: Pick<Database, 'query'>): Promise<void> {
  for (const c of ABSENCE_CODES) {
    await tx.query(
      `INSERT INTO absence_code (code, official, maps_to, counts_as_absent, label_nl, label_en)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO UPDATE SET official = $2, maps_to = $3, counts_as_absent = $4, label_nl = $5, label_en = $6`,
      [c.code, c.official, c.mapsTo, c.countsAsAbsent, c.nl, c.en],
    );
  }
}
