import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../app/auth.service.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import { schoolWithPupils } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
1002,Milan,Janssens,2011-11-20,secundair,2,2B
`;

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = '----aanwezigtest';
  let body = '';
  for (const [k, v] of Object.entries(fields)) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  }
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testEngines())('HTTP API on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let otherSchoolId: number;
  let cookie: string;
  let csrfHeader: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '111111' });
    otherSchoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '222222' });
    const userId = await insertUser(t.db, {
      email: 'lbg@school.test',
      displayName: 'Leerlingbegeleider',
      passwordHash: await hashPassword('juist-wachtwoord'),
    });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider' });
    app = await buildServer({ db: t.db, today: () => '2026-03-01' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses API calls without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/schools' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().messages.nl).toBe('Meld u eerst aan.');
  });

  it('refuses a wrong password with a problem in Dutch', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lbg@school.test', password: 'fout' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toContain('verkeerd wachtwoord');
  });

  it('logs in with an HttpOnly SameSite=Strict session cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'LBG@school.test', password: 'juist-wachtwoord' },
    });
    expect(response.statusCode).toBe(200);
    // The answer goes through its schema: the named fields, never the password hash.
    expect(response.json()).toMatchObject({
      user: { email: 'lbg@school.test', mustChangePassword: false, memberships: [{ organisationId: schoolId }] },
      notice: { failedLoginsSinceLastSignIn: 1 }, // the wrong password of the test before
    });
    expect(response.json().user).not.toHaveProperty('passwordHash');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    // The session cookie plus the double-submit CSRF token that state-changing requests must echo in a header.
    const cookies = response.headers['set-cookie'] as string[];
    const csrf = cookies.find((c) => c.startsWith('aanwezig_csrf='))?.split(';')[0] as string;
    cookie = `${cookies.find((c) => c.startsWith('aanwezig_session='))?.split(';')[0]}; ${csrf}`;
    csrfHeader = { 'x-csrf-token': csrf.slice('aanwezig_csrf='.length) };
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      email: 'lbg@school.test',
      memberships: [{ organisationId: schoolId }],
    });
    expect(me.json()).not.toHaveProperty('passwordHash');
    // What the policy allows, for the web app's menu: a pupil counsellor's pages, not the beheerder's.
    expect(me.json().actions).toEqual(expect.arrayContaining(['pupil.list', 'signal.list', 'import.run']));
    expect(me.json().actions).not.toContain('user.manage');
  });

  it('lists only the schools of the user', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/schools', headers: { cookie } });
    expect(response.json().map((s: { id: number }) => s.id)).toEqual([schoolId]);
  });

  it('imports a register upload, then shows counts in the overview and on the pupil page', async () => {
    const upload = multipart(
      {},
      {
        name: 'register.csv',
        content: 'pupil_id;date;half;code\n1001;15/09/2025;VM;B\n1001;15/09/2025;NM;B\n',
      },
    );
    const response = await app.inject({
      method: 'POST',
      url: `/api/schools/${schoolId}/imports/register`,
      headers: { cookie, ...csrfHeader, ...upload.headers },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'applied', rows: 2, inserted: 2 });
    // Serialised through the route's response schema: the changed pupils' internal ids stay on the server.
    expect(response.json()).not.toHaveProperty('changedPupilIds');
    const list = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/pupils?schoolYear=2025-2026&sort=absent&order=desc`,
      headers: { cookie },
    });
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.items[0]).toMatchObject({ externalId: '1001', absentHalfDays: 2, countsByCode: { B: 2 } });
    const pupil = await app.inject({
      method: 'GET',
      url: `/api/pupils/${body.items[0].id}`,
      headers: { cookie },
    });
    expect(pupil.json().register).toEqual([
      { date: '2025-09-15', half: 'AM', code: 'B', note: null },
      { date: '2025-09-15', half: 'PM', code: 'B', note: null },
    ]);
    expect(pupil.json().calendar.length).toBe(730);
  });

  it('answers a bad upload with 422 and the problem of each row', async () => {
    const upload = multipart({}, { name: 'bad.csv', content: 'pupil_id,date,half,code\n1001,2025-09-17,PM,B\n' });
    const response = await app.inject({
      method: 'POST',
      url: `/api/schools/${schoolId}/imports/register`,
      headers: { cookie, ...csrfHeader, ...upload.headers, 'accept-language': 'en' },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().problems).toEqual([
      expect.objectContaining({ row: 2, column: 'date', code: 'not-a-school-half-day' }),
    ]);
  });

  it("denies another school's pupils, pupil pages, imports and export", async () => {
    const pupils = await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1', [
      otherSchoolId,
    ]);
    const upload = multipart({}, { name: 'r.csv', content: 'pupil_id,date,half,code\n1001,2025-09-15,AM,B\n' });
    for (const request of [
      { method: 'GET' as const, url: `/api/schools/${otherSchoolId}/pupils` },
      { method: 'GET' as const, url: `/api/pupils/${pupils[0]?.id}` },
      { method: 'GET' as const, url: `/api/schools/${otherSchoolId}/imports` },
      { method: 'GET' as const, url: `/api/schools/${otherSchoolId}/register.csv` },
      {
        method: 'POST' as const,
        url: `/api/schools/${otherSchoolId}/imports/register`,
        headers: upload.headers,
        payload: upload.payload,
      },
    ]) {
      const response = await app.inject({ ...request, headers: { cookie, ...csrfHeader, ...(request.headers ?? {}) } });
      expect(response.statusCode, request.url).toBe(403);
    }
    const register = await t.db.query('SELECT count(*)::int AS n FROM register_entry WHERE school_id = $1', [
      otherSchoolId,
    ]);
    expect(register).toEqual([{ n: 0 }]);
  });

  it('answers a request that fails its schema with 400 problem+json naming each field', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/pupils?limit=0&order=sideways`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ type: 'urn:aanwezig:problem:invalid-input', status: 400 });
    expect(problem.messages.nl).toBe('Ongeldige filter.');
    expect(
      problem.errors.map((error: { in: string; pointer: string }) => `${error.in} ${error.pointer}`).sort(),
    ).toEqual(['querystring #/limit', 'querystring #/order']);
    const body = await app.inject({
      method: 'POST',
      url: `/api/schools/${schoolId}/selfscans`,
      headers: { cookie, ...csrfHeader },
      payload: { schoolYear: 2025 },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().errors).toEqual([{ in: 'body', pointer: '#/schoolYear', detail: expect.any(String) }]);
    expect(body.json().messages.en).toContain('body.schoolYear');
    // A route may word the message; the fields are still named.
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.test' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().messages.nl).toBe('Vul e-mailadres en wachtwoord in.');
    expect(login.json().errors).toEqual([{ in: 'body', pointer: '#/password', detail: expect.any(String) }]);
  });

  it('exports the register as canonical CSV', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/register.csv`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('pupil_id,date,half,code,note\n1001,2025-09-15,AM,B,\n1001,2025-09-15,PM,B,\n');
  });

  it('logs out and the session no longer works', async () => {
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, ...csrfHeader } });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });
});
