// Security hardening through the real HTTP API: CSRF, session rotation and idle expiry, login rate limit and
// back-off (more in auth-hardening.int.test.ts), password reset, secure headers and body limits, and the audit log (one row per read, append-only).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredAuditEvents, setAuditRetentionDays } from '../db/audit-purge.ts';
import { buildWorld, WORLD_PASSWORD, type World } from '../testing/access-world.ts';
import { signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

describe.each(testEngines())('security on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let world: World;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    world = await buildWorld(t.db);
    app = await buildServer({ db: t.db, today: () => '2026-03-01', loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const notePost = (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/api/pupils/${world.pupilA1}/notes`,
      headers,
      payload: { confidentiality: 'school', body: 'Gesprek.' },
    });

  it('refuses a state-changing request without a matching CSRF token', async () => {
    const { headers } = await signIn(app, world.users.leerlingbegeleider.email, WORLD_PASSWORD);
    const { 'x-csrf-token': token, cookie } = headers as { 'x-csrf-token': string; cookie: string };
    expect((await notePost({ cookie })).statusCode).toBe(403);
    expect((await notePost({ cookie, 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    // A planted cookie that matches the header but not the session is refused too.
    const planted = cookie.replace(/aanwezig_csrf=[^;]+/, 'aanwezig_csrf=planted');
    expect((await notePost({ cookie: planted, 'x-csrf-token': 'planted' })).statusCode).toBe(403);
    const refused = await notePost({ cookie });
    expect(refused.json().type).toBe('urn:aanwezig:problem:csrf');
    expect((await notePost({ cookie, 'x-csrf-token': token })).statusCode).toBe(201);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { email: world.users.directie.email, password: WORLD_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });

  it('rotates sessions on sign-in and ends idle sessions', async () => {
    const first = await signIn(app, world.users.directie.email, WORLD_PASSWORD);
    const second = await signIn(app, world.users.directie.email, WORLD_PASSWORD);
    expect((await app.inject({ url: '/api/me', headers: first.headers })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: second.headers })).statusCode).toBe(200);
    await t.db.query(`UPDATE user_session SET last_seen_at = now() - interval '2 hours' WHERE user_id = $1`, [
      world.users.directie.id,
    ]);
    expect((await app.inject({ url: '/api/me', headers: second.headers })).statusCode).toBe(401);
  });

  it('lets the beheerder reset a password: the temporary one signs in and must be changed', async () => {
    const email = 'victim@a.test';
    const admin = await signIn(app, world.users.beheerder.email, WORLD_PASSWORD);
    const reset = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${world.victimA}/password-reset`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: WORLD_PASSWORD } }))
        .statusCode,
    ).toBe(401);
    const victim = await signIn(app, email, temporaryPassword);
    const me = await app.inject({ url: '/api/me', headers: victim.headers });
    expect(me.json()).toMatchObject({ mustChangePassword: true });
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE user_id = $1 AND action LIKE 'auth.%' ORDER BY id`,
      [world.victimA],
    );
    expect(audit.map((a) => a.action)).toEqual(['auth.login-failed', 'auth.login']);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const limited = await buildServer({ db: t.db, loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'nobody@x.test', password: 'x' },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('sends secure headers with a strict content security policy, and limits JSON bodies', async () => {
    const response = await app.inject({ url: '/api/absence-codes' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const big = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(200_000) },
    });
    expect(big.statusCode).toBe(413);
  });

  it('writes exactly one audit row per pupil page and per list read', async () => {
    const session = await signIn(app, world.users.zorgcoordinator.email, WORLD_PASSWORD);
    const count = () =>
      t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE user_id = $1 AND action LIKE $2', [
        world.users.zorgcoordinator.id,
        'pupil.%',
      ]);
    expect(await count()).toEqual([{ n: 0 }]);
    await app.inject({ url: `/api/pupils/${world.pupilA1}`, headers: session.headers });
    const rows = await t.db.query<{ action: string; pupilIds: number[]; origin: string; organisationId: number }>(
      `SELECT action, pupil_ids::int[] AS "pupilIds", origin, organisation_id::int AS "organisationId"
       FROM audit_event WHERE user_id = $1 AND action LIKE 'pupil.%' ORDER BY id`,
      [world.users.zorgcoordinator.id],
    );
    expect(rows).toEqual([
      {
        action: 'pupil.read',
        pupilIds: [world.pupilA1],
        origin: 'GET /api/pupils/:pupilId',
        organisationId: world.schoolA,
      },
    ]);
    await app.inject({ url: `/api/schools/${world.schoolA}/pupils?schoolYear=2025-2026`, headers: session.headers });
    const list = await t.db.query<{ pupilIds: number[] }>(
      `SELECT pupil_ids::int[] AS "pupilIds" FROM audit_event WHERE user_id = $1 AND action = 'pupil.list'`,
      [world.users.zorgcoordinator.id],
    );
    expect(list.map((r) => [...r.pupilIds].sort())).toEqual([[world.pupilA1, world.pupilA2].sort()]);
    expect(await count()).toEqual([{ n: 2 }]);
  });

  it('refuses to update, delete or truncate audit rows; only the purge removes rows past retention', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(t.db.exec('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    // Even with the purge flag, a recent row stays.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL aanwezig.audit_purge = 'on'`);
        await tx.query('DELETE FROM audit_event');
      }),
    ).rejects.toThrow(/append-only/);
    await t.db.query(
      `INSERT INTO audit_event (at, actor_label, action, origin) VALUES (now() - interval '800 days', 'old', 'pupil.read', 'test')`,
    );
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(await purgeExpiredAuditEvents(t.db)).toBe(1);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    // One old row gone, one row recording the purge added.
    expect((after[0] as { n: number }).n).toBe((before[0] as { n: number }).n);
    await setAuditRetentionDays(t.db, 3650);
    await t.db.query(
      `INSERT INTO audit_event (at, actor_label, action, origin) VALUES (now() - interval '800 days', 'old', 'pupil.read', 'test')`,
    );
    expect(await purgeExpiredAuditEvents(t.db)).toBe(0);
  });

  it('lets the beheerder search the audit of its school only', async () => {
    const admin = await signIn(app, world.users.beheerder.email, WORLD_PASSWORD);
    const mine = await app.inject({ url: `/api/audit?pupilId=${world.pupilA1}`, headers: admin.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);
    expect(mine.json().items.every((i: { organisationId: number }) => i.organisationId === world.schoolA)).toBe(true);
    const other = await app.inject({ url: `/api/audit?organisationId=${world.schoolB}`, headers: admin.headers });
    expect(other.statusCode).toBe(403);
  });
});
