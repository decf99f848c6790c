// Backup → restore round trip through the real `aanwezig backup` and `aanwezig restore` commands: every table,
// the audit log included, and every sequence is identical in the restored database; a database with data is
// refused without --force.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { importFile } from '../app/import/import.service.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../testing/fixtures.ts';
import { runCommand } from '../testing/serve-process.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { tablesInDependencyOrder } from './backup.ts';
import type { Sql } from './database.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Noë,Çelik,2012-03-04,secundair,1,1A
1002,Milan,"Janssens	met tab",2011-11-20,secundair,2,2B
`;
const REGISTER =
  'pupil_id,date,half,code,note\n1001,2025-09-15,AM,B,"lijn 1\\ met backslash"\n1001,2025-09-15,PM,Z,\n1002,2025-09-16,AM,B,\n';

/** Row count and a digest of every table's rows (schema_migration by version only: applied_at differs). */
async function contents(db: Sql): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const { table } of await tablesInDependencyOrder(db)) {
    const [row] = await db.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    result[table] = `${row?.n}:${row?.digest}`;
  }
  const sequences = await db.query<{ name: string; value: number | null }>(
    `SELECT sequencename AS name, last_value AS value FROM pg_sequences
     WHERE schemaname = 'public' AND sequencename <> 'data_change_id_seq' ORDER BY 1`,
  );
  for (const s of sequences) result[`sequence ${s.name}`] = String(s.value);
  const versions = await db.query<{ version: string }>('SELECT version FROM schema_migration ORDER BY 1');
  result.schema_migration = versions.map((v) => v.version).join(',');
  return result;
}

describe.each(testEngines())('backup and restore on %s', (engine) => {
  const dir = tempDir();
  const file = join(dir, 'aanwezig.backup.gz');
  let source: TestDatabase;
  let target: TestDatabase;
  let before: Record<string, string>;

  beforeAll(async () => {
    source = await createTestDatabase(engine, engine === 'pglite' ? { dataDir: join(dir, 'source') } : {});
    const schoolId = await schoolWithPupils(source.db, PUPILS, { institutionNumber: '600001' });
    await importFile(source.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', REGISTER),
      today: '2025-10-01',
    });
    before = await contents(source.db);
    if (engine === 'pglite') await source.db.close(); // one process per folder: the command opens it
  });
  afterAll(async () => {
    if (engine === 'postgres') await source?.drop();
    await target?.drop();
  });

  it('backs up and restores into a new database with every table identical, the audit log included', async () => {
    expect(Number(before.audit_event?.split(':')[0])).toBeGreaterThan(0);
    expect(Number(before.register_entry?.split(':')[0])).toBe(3);

    const backup = await runCommand(['backup', '--out', file], source.env);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);

    const targetEnv = engine === 'pglite' ? { AANWEZIG_DATA_DIR: join(dir, 'restored'), DATABASE_URL: '' } : undefined;
    if (engine === 'postgres') {
      target = await createTestDatabase('postgres'); // migrated and empty
    }
    const restore = await runCommand(['restore', file], targetEnv ?? target.env);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/^Restored \d+ rows of \d+ tables/);

    if (engine === 'pglite')
      target = await createTestDatabase('pglite', { dataDir: join(dir, 'restored'), reopen: true });
    expect(await contents(target.db)).toEqual(before);
  });

  it('refuses to restore over a database with data without --force, and replaces it with --force', async () => {
    // Add data that the backup does not have.
    await target.db.query(`UPDATE pupil SET first_name = 'Gewijzigd' WHERE external_id = '1001'`);
    const env = engine === 'pglite' ? { AANWEZIG_DATA_DIR: join(dir, 'restored'), DATABASE_URL: '' } : target.env;
    if (engine === 'pglite') await target.db.close();

    const refused = await runCommand(['restore', file], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('The database is not empty');
    expect(refused.stderr).toContain('--force');

    const forced = await runCommand(['restore', file, '--force'], env);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    if (engine === 'pglite')
      target = await createTestDatabase('pglite', { dataDir: join(dir, 'restored'), reopen: true });
    expect(await contents(target.db)).toEqual(before);
  });

  it('refuses a file that is not a backup', async () => {
    const env = source.env; // (a PGlite source folder is closed by now)
    for (const content of ['hello', '']) {
      const refused = await runCommand(['restore', writeTemp(dir, 'not-a-backup.gz', content)], env);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('is not an Aanwezig backup');
    }
  });
});
