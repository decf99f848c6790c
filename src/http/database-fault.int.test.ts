// A PostgreSQL backend that dies in the middle of a request (pg_terminate_backend, a restart, a failover) fails
// that request with 503 and rolls its transaction back; the process survives and keeps serving.
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../app/auth.service.ts';
import { type Database, openPostgres } from '../db/database.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import { schoolWithPupils } from '../testing/fixtures.ts';
import { type HttpSession, signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
`;
const REGISTER = 'pupil_id;date;half;code\n1001;15/09/2025;VM;B\n1001;15/09/2025;NM;B\n';

function upload(content: string) {
  const boundary = '----aanwezigfault';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="register.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.skipIf(!process.env.DATABASE_URL)('a terminated PostgreSQL connection', () => {
  let t: TestDatabase;
  let db: Database;
  let app: FastifyInstance;
  let admin: pg.Client;
  let session: HttpSession;
  let schoolId: number;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '333333' });
    const userId = await insertUser(t.db, {
      email: 'zoco@school.test',
      displayName: 'Zorgcoördinator',
      passwordHash: await hashPassword('juist-wachtwoord'),
    });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'zorgcoordinator' });
    const log = { error: (_details: Record<string, unknown>, message: string) => void logged.push(message) };
    db = await openPostgres(t.env.DATABASE_URL as string, { log });
    app = await buildServer({ db, today: () => '2026-03-01' });
    session = await signIn(app, 'zoco@school.test', 'juist-wachtwoord');
    admin = new pg.Client({ connectionString: t.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await app?.close();
    await db?.close();
    await t?.drop();
  });

  it('answers 503 to an import whose COPY loses its backend, writes nothing, and keeps serving', async () => {
    // Hold the register table so that the import's COPY waits (reads still pass), then terminate that backend.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE register_entry IN EXCLUSIVE MODE');
    const body = upload(REGISTER);
    const pending = app.inject({
      method: 'POST',
      url: `/api/schools/${schoolId}/imports/register`,
      headers: { ...session.headers, ...body.headers },
      payload: body.payload,
    });
    // The import's transaction waits to write into the register (its COPY): that backend is the one to end.
    let waiting: number | undefined;
    while (waiting === undefined) {
      const rows = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_locks
         WHERE relation = 'register_entry'::regclass AND mode = 'RowExclusiveLock' AND NOT granted`,
      );
      waiting = rows.rows[0]?.pid;
      if (waiting === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query('SELECT pg_terminate_backend($1)', [waiting]);
    await admin.query('ROLLBACK');

    const response = await pending;
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'urn:aanwezig:problem:database-unavailable', status: 503 });
    expect(logged).toContain('PostgreSQL connection lost');

    const rows = await admin.query('SELECT count(*)::int AS n FROM register_entry WHERE school_id = $1', [schoolId]);
    expect(rows.rows[0].n).toBe(0);

    // The same process serves the next request on a fresh connection, and the import now succeeds.
    const retry = upload(REGISTER);
    const again = await app.inject({
      method: 'POST',
      url: `/api/schools/${schoolId}/imports/register`,
      headers: { ...session.headers, ...retry.headers },
      payload: retry.payload,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'applied', inserted: 2 });
  });

  it('answers 503 while every backend is being terminated, then recovers', async () => {
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    // The idle pooled connections are gone; the pool notices on first use and the request still gets an answer.
    const first = await app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    expect([200, 503]).toContain(first.statusCode);
    const next = await app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    expect(next.statusCode).toBe(200);
  });
});
