// Issue 12 item 3: a second process on a PGlite data folder that `aanwezig serve` has open is refused at once
// (status 2, naming the holder); the server keeps serving and the data stays intact.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolWithPupils, tempDir, writeTemp } from '../testing/fixtures.ts';
import { runCommand, type ServeProcess, startServe } from '../testing/serve-process.ts';
import { createTestDatabase } from '../testing/test-database.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
1002,Milan,Janssens,2011-11-20,secundair,2,2B
`;

async function counts(dataDir: string) {
  const t = await createTestDatabase('pglite', { dataDir, reopen: true });
  try {
    const [row] = await t.db.query<{ pupils: number; register: number }>(
      'SELECT (SELECT count(*)::int FROM pupil) AS pupils, (SELECT count(*)::int FROM register_entry) AS register',
    );
    return row;
  } finally {
    await t.drop();
  }
}

describe('one process per PGlite data folder', () => {
  const dataDir = join(tempDir(), 'pglite');
  const env = { AANWEZIG_DATA_DIR: dataDir, DATABASE_URL: '' };
  let server: ServeProcess;

  beforeAll(async () => {
    const t = await createTestDatabase('pglite', { dataDir });
    await schoolWithPupils(t.db, PUPILS, { institutionNumber: '400001' });
    await t.drop();
    server = await startServe(env);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a CLI import while serve holds the folder, and the server and data are unaffected', async () => {
    const register = writeTemp(tempDir(), 'register.csv', 'pupil_id,date,half,code\n1001,2025-09-15,AM,B\n');
    const refused = await runCommand(['import', 'register', register, '--school', '400001'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`in use by process ${server.child.pid} (aanwezig serve`);
    expect(refused.stderr).toMatch(/Stop that process first, or, while it serves, use its web app or API/);

    const migrateRefused = await runCommand(['migrate'], env);
    expect(migrateRefused.status).toBe(2);

    const answer = await fetch(`${server.url}/api/schools`);
    expect(answer.status).toBe(401); // still serving (no session)

    expect(await server.stop()).toBe(0);
    expect(await counts(dataDir)).toEqual({ pupils: 2, register: 0 });
  });
});
