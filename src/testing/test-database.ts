// Test databases on both engines: PGlite cloned from a migrated snapshot, PostgreSQL from a template database.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Database, type Engine, openPglite, openPostgres } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../db/migrations/', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) hash.update(f).update(readFileSync(MIGRATIONS_DIR + f));
  hash.update(readFileSync(fileURLToPath(new URL('../domain/absence-codes.ts', import.meta.url))));
  return hash.digest('hex').slice(0, 12);
}

async function pgliteSnapshot(): Promise<Blob> {
  const file = `${CACHE_DIR}pglite-${migrationsFingerprint()}.tar`;
  if (!existsSync(file)) {
    const db = (await openPglite(undefined)) as Database & { dump(): Promise<Blob> };
    await migrate(db);
    const blob = await db.dump();
    await db.close();
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, Buffer.from(await blob.arrayBuffer()));
    renameSync(temporary, file); // atomic: parallel workers never read a half-written snapshot
  }
  return new Blob([readFileSync(file)]);
}

async function ensurePostgresTemplate(admin: pg.Client, url: string): Promise<string> {
  const template = `aanwezig_template_${migrationsFingerprint()}`;
  await admin.query('SELECT pg_advisory_lock(740612)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template}`);
      const db = await openPostgres(withDatabase(url, template));
      await migrate(db);
      await db.close();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(740612)');
  }
  return template;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface TestDatabase {
  db: Database;
  engine: Engine;
  /** Connection settings a child process can use to open the same database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  engine: Engine,
  options: { dataDir?: string; reopen?: boolean } = {},
): Promise<TestDatabase> {
  if (engine === 'pglite') {
    // reopen: open an existing data directory as it is (e.g. after a process was killed)
    const snapshot = options.reopen ? undefined : await pgliteSnapshot();
    const db = await openPglite(options.dataDir, snapshot);
    return {
      db,
      engine,
      env: options.dataDir ? { AANWEZIG_DATA_DIR: options.dataDir, DATABASE_URL: '' } : { DATABASE_URL: '' },
      drop: () => db.close(),
    };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const template = await ensurePostgresTemplate(admin, url);
  const name = `aanwezig_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const testUrl = withDatabase(url, name);
  const db = await openPostgres(testUrl);
  return {
    db,
    engine,
    env: { DATABASE_URL: testUrl },
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh database of `engine` for the tests of the describe block it is called in: created before them, dropped
 * after them. The returned function gives it inside the tests.
 */
export function databaseOfSuite(engine: Engine): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });
  return () => {
    if (!t) throw new Error('the suite database is created before its tests');
    return t;
  };
}
