// `aanwezig serve` with AANWEZIG_WORKERS=2 on PostgreSQL (issue 16): two server processes share the port, and a
// session signed in through one is accepted by the other (sessions live in the database). Skipped without
// DATABASE_URL: several processes need PostgreSQL.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../app/auth.service.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import { schoolWithPupils } from '../testing/fixtures.ts';
import { pupilsCsv } from '../testing/register-files.ts';
import { type ServeProcess, startServe } from '../testing/serve-process.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const PASSWORD = 'werker-wachtwoord-123';

/** One request on its own connection (no keep-alive), so the cluster may hand each to another process. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

describe.skipIf(!process.env.DATABASE_URL)('aanwezig serve with several processes on PostgreSQL', () => {
  let t: TestDatabase;
  let server: ServeProcess;
  let schoolId: number;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    schoolId = await schoolWithPupils(t.db, pupilsCsv(3), { schoolYear: '2025-2026' });
    const userId = await insertUser(t.db, {
      email: 'lbg@werkers.test',
      displayName: 'lbg',
      passwordHash: await hashPassword(PASSWORD),
    });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
    server = await startServe({ ...t.env, AANWEZIG_WORKERS: '2', LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await server?.stop();
    await t?.drop();
  });

  it('serves one session from both processes and stops them all on SIGTERM', async () => {
    expect(server.output()).toContain('Server processes: 2 (AANWEZIG_WORKERS)');
    const login = await send(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lbg@werkers.test', password: PASSWORD }),
    });
    expect(login.status, login.body).toBe(200);
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const answer = await send(`${server.url}/api/schools/${schoolId}/attention?schoolYear=2025-2026`, {
        headers: { cookie },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual(Array(12).fill(200));
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the log lines reach the pipe
    const pids = new Set(
      server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; pid?: number; req?: { url?: string } })
        .filter((l) => l.msg === 'incoming request' && l.req?.url?.includes('/attention'))
        .map((l) => l.pid),
    );
    expect(pids.size).toBe(2);
    expect(await server.stop()).toBe(0);
  });
});
