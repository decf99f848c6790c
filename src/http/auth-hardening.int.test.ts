// Issue 12, items 4, 5, 6 and 10 through the real HTTP API: no self-granted roles and a visible grant history;
// sign-in back-off that neither trusts forged proxy headers nor reveals or locks out accounts; the forced password
// change enforced by the server; refusals and failed sign-ins in the organisation's audit; a purge-proof audit log.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURES_BEFORE_BACKOFF } from '../app/auth.service.ts';
import { purgeExpiredAuditEvents, setAuditRetentionDays } from '../db/audit-purge.ts';
import { addMembership } from '../db/user.repository.ts';
import { buildWorld, WORLD_PASSWORD, type World } from '../testing/access-world.ts';
import { signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

describe.each(testEngines())('auth hardening on %s', (engine) => {
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

  const loginFrom = (remoteAddress: string, email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

  const auditRows = (where: string, params: unknown[]) =>
    t.db.query<{
      action: string;
      organisationId: number | null;
      userId: number | null;
      detail: Record<string, unknown>;
    }>(
      `SELECT action, organisation_id::int AS "organisationId", user_id::int AS "userId", detail
       FROM audit_event WHERE ${where} ORDER BY id`,
      params,
    );

  describe('separation of duties (item 4)', () => {
    it('refuses a beheerder granting itself clb-arts, and shows grants and the refusal in the grant history', async () => {
      // The CLB's own beheerder: the only one who may grant CLB roles, but never to its own account.
      const clbAdmin = world.users.beheerder;
      await addMembership(t.db, { userId: clbAdmin.id, organisationId: world.clb, role: 'beheerder' });
      const admin = await signIn(app, clbAdmin.email, WORLD_PASSWORD);
      const selfGrant = await app.inject({
        method: 'POST',
        url: `/api/admin/users/${clbAdmin.id}/roles`,
        headers: admin.headers,
        payload: { organisationId: world.clb, role: 'clb-arts' },
      });
      expect(selfGrant.statusCode).toBe(403);
      expect(selfGrant.json().type).toBe('urn:aanwezig:problem:self-grant');
      const me = await app.inject({ url: '/api/me', headers: admin.headers });
      expect(me.json().memberships.map((m: { role: string }) => m.role)).not.toContain('clb-arts');
      // Granting another person works and is audited.
      const invited = await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: admin.headers,
        payload: { email: 'dokter@clb.test', displayName: 'Dokter', organisationId: world.clb, role: 'clb-arts' },
      });
      expect(invited.statusCode).toBe(201);
      const granted = await app.inject({
        method: 'POST',
        url: `/api/admin/users/${world.users['clb-medewerker'].id}/roles`,
        headers: admin.headers,
        payload: { organisationId: world.clb, role: 'clb-arts' },
      });
      expect(granted.statusCode).toBe(204);
      const history = await app.inject({
        url: `/api/admin/grants?organisationId=${world.clb}`,
        headers: admin.headers,
      });
      expect(history.statusCode).toBe(200);
      const rows = history.json() as { action: string; role: string | null; userEmail: string; problem: string }[];
      expect(rows.find((r) => r.action === 'access.refused')?.problem).toBe('self-grant');
      expect(rows.map((r) => [r.action, r.userEmail, r.role])).toEqual([
        ['user.assign-role', 'clb-medewerker@clb.test', 'clb-arts'],
        ['user.invite', 'dokter@clb.test', 'clb-arts'],
        ['access.refused', clbAdmin.email, 'clb-arts'],
      ]);
      // A beheerder of another organisation sees none of it.
      const other = await signIn(app, world.beheerderB.email, WORLD_PASSWORD);
      const foreign = await app.inject({
        url: `/api/admin/grants?organisationId=${world.clb}`,
        headers: other.headers,
      });
      expect(foreign.statusCode).toBe(403);
      const own = await app.inject({ url: '/api/admin/grants', headers: other.headers });
      expect(own.json()).toEqual([]);
    });
  });

  describe('sign-in throttling (item 5)', () => {
    it('does not believe X-Forwarded-For unless the proxy is trusted', async () => {
      const limits = { loginRateLimit: { max: 3, timeWindow: 60_000 } };
      const direct = await buildServer({ db: t.db, ...limits });
      const proxied = await buildServer({ db: t.db, ...limits, trustedProxies: ['127.0.0.1'] });
      try {
        const attempt = (server: FastifyInstance, i: number) =>
          server.inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress: '127.0.0.1',
            headers: { 'x-forwarded-for': `203.0.113.${i}` },
            payload: { email: `nobody${i}@x.test`, password: 'x' },
          });
        const forged: number[] = [];
        for (let i = 1; i <= 4; i++) forged.push((await attempt(direct, i)).statusCode);
        expect(forged).toEqual([401, 401, 401, 429]);
        // Behind a trusted proxy each forwarded client has its own budget.
        const behindProxy: number[] = [];
        for (let i = 1; i <= 4; i++) behindProxy.push((await attempt(proxied, i)).statusCode);
        expect(behindProxy).toEqual([401, 401, 401, 401]);
      } finally {
        await direct.close();
        await proxied.close();
      }
    });

    it('backs off per account name and address, answers unknown and known accounts alike, and never locks the owner out', async () => {
      const known = 'victim@a.test';
      const unknown = 'niemand@a.test';
      const attacker = '198.51.100.7';
      for (let i = 0; i < FAILURES_BEFORE_BACKOFF; i++) {
        const a = await loginFrom(attacker, known, `fout-${i}`);
        const b = await loginFrom(attacker, unknown, `fout-${i}`);
        expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
        expect(a.body).toBe(b.body);
      }
      // Backing off now: even the right password is not checked from this address, for either name.
      const knownBlocked = await loginFrom(attacker, known, WORLD_PASSWORD);
      const unknownBlocked = await loginFrom(attacker, unknown, WORLD_PASSWORD);
      expect([knownBlocked.statusCode, unknownBlocked.statusCode]).toEqual([429, 429]);
      const strip = (body: Record<string, unknown>) => ({ ...body, retryAfterSeconds: undefined });
      expect(strip(knownBlocked.json())).toEqual(strip(unknownBlocked.json()));
      expect(knownBlocked.json().type).toBe('urn:aanwezig:problem:login-throttled');
      expect(knownBlocked.json().retryAfterSeconds).toBeGreaterThan(0);
      // The owner, from its own address, signs in at once and is told about the failed attempts.
      const owner = await loginFrom('192.0.2.10', known, WORLD_PASSWORD);
      expect(owner.statusCode).toBe(200);
      expect(owner.json().notice).toEqual({ failedLoginsSinceLastSignIn: FAILURES_BEFORE_BACKOFF });
      // Once the wait is over the attacker's address may try again (and the owner's notice was shown once).
      await t.db.query(`UPDATE login_throttle SET blocked_until = now() - interval '1 second'`);
      expect((await loginFrom(attacker, known, WORLD_PASSWORD)).json().notice).toEqual({
        failedLoginsSinceLastSignIn: 0,
      });
    });

    it("records failed sign-ins and back-off under the account's organisation, unknown names at system level", async () => {
      const victim = await auditRows(`user_id = $1 AND action IN ('auth.login-failed', 'auth.backoff')`, [
        world.victimA,
      ]);
      expect(victim.filter((r) => r.action === 'auth.login-failed')).toHaveLength(FAILURES_BEFORE_BACKOFF);
      expect(victim.filter((r) => r.action === 'auth.backoff')).toHaveLength(1);
      expect(new Set(victim.map((r) => r.organisationId))).toEqual(new Set([world.schoolA]));
      const unknown = await auditRows(`actor_label = $1 AND action LIKE 'auth.%'`, ['niemand@a.test']);
      expect(unknown.length).toBeGreaterThan(0);
      expect(unknown.every((r) => r.organisationId === null && r.detail.unknownAccount === true)).toBe(true);
      // The school's beheerder finds them in its audit search.
      const admin = await signIn(app, world.users.beheerder.email, WORLD_PASSWORD);
      const search = await app.inject({ url: '/api/audit?action=auth.backoff', headers: admin.headers });
      expect(search.json().items.map((i: { userId: number }) => i.userId)).toEqual([world.victimA]);
    });
  });

  describe('forced password change (item 6)', () => {
    /** The school's beheerder resets the password of victim@a.test; returns the temporary password. */
    const resetVictimPassword = async () => {
      const admin = await signIn(app, world.users.beheerder.email, WORLD_PASSWORD);
      const reset = await app.inject({
        method: 'POST',
        url: `/api/admin/users/${world.victimA}/password-reset`,
        headers: admin.headers,
      });
      return (reset.json() as { temporaryPassword: string }).temporaryPassword;
    };

    it('gates every API route but "who am I" and the password change until a temporary password is replaced', async () => {
      const temporaryPassword = await resetVictimPassword();
      const victim = await signIn(app, 'victim@a.test', temporaryPassword);
      const pupils = `/api/schools/${world.schoolA}/pupils?schoolYear=2025-2026`;
      const gated = await app.inject({ url: pupils, headers: victim.headers });
      expect(gated.statusCode).toBe(403);
      expect(gated.headers['content-type']).toContain('application/problem+json');
      expect(gated.json().type).toBe('urn:aanwezig:problem:password-change-required');
      expect((await app.inject({ url: '/api/me', headers: victim.headers })).statusCode).toBe(200);
      const changed = await app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: victim.headers,
        payload: { currentPassword: temporaryPassword, newPassword: 'een-nieuw-wachtwoord' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await app.inject({ url: pupils, headers: victim.headers })).statusCode).toBe(200);
      const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: victim.headers });
      expect(logout.statusCode).toBe(204);
    });

    it('lets a temporary password expire after the configured number of days (7 by default)', async () => {
      const temporaryPassword = await resetVictimPassword();
      const [expiry] = await t.db.query<{ days: number }>(
        `SELECT round(extract(epoch FROM password_expires_at - now()) / 86400)::int AS days FROM app_user WHERE id = $1`,
        [world.victimA],
      );
      expect(expiry).toEqual({ days: 7 });
      await t.db.query(`UPDATE app_user SET password_expires_at = now() - interval '1 minute' WHERE id = $1`, [
        world.victimA,
      ]);
      const expired = await loginFrom('192.0.2.20', 'victim@a.test', temporaryPassword);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().type).toBe('urn:aanwezig:problem:temporary-password-expired');
    });
  });

  describe('audit of refusals and an audit log that cannot be emptied (item 10)', () => {
    it("records a refused request under the refused user's organisation, where its beheerder reads it", async () => {
      const teacher = await signIn(app, world.users.leerkracht.email, WORLD_PASSWORD);
      const refused = await app.inject({ url: `/api/pupils/${world.pupilA2}`, headers: teacher.headers });
      expect(refused.statusCode).toBe(403);
      const rows = await auditRows(`action = 'access.refused' AND user_id = $1`, [world.users.leerkracht.id]);
      expect(rows).toEqual([
        {
          action: 'access.refused',
          organisationId: world.schoolA,
          userId: world.users.leerkracht.id,
          detail: expect.objectContaining({ route: '/api/pupils/:pupilId', problem: 'forbidden', method: 'GET' }),
        },
      ]);
      const admin = await signIn(app, world.users.beheerder.email, WORLD_PASSWORD);
      const search = await app.inject({ url: '/api/audit?action=access.refused', headers: admin.headers });
      expect(search.json().items.map((i: { userId: number }) => i.userId)).toContain(world.users.leerkracht.id);
    });

    it('cannot lower the retention below the floor, delete outside the purge function, or purge unaudited', async () => {
      await t.db.query(
        `INSERT INTO audit_event (at, actor_label, action, origin) VALUES (now() - interval '400 days', 'old', 'pupil.read', 'test')`,
      );
      // The trick of main: lower the retention, then delete with the purge flag set.
      await expect(
        t.db.query(`UPDATE app_setting SET value = '1' WHERE key = 'audit.retention_days'`),
      ).rejects.toThrow();
      await expect(setAuditRetentionDays(t.db, 30)).rejects.toThrow(/at least 365/);
      await expect(
        t.db.transaction(async (tx) => {
          await tx.exec(`SET LOCAL aanwezig.audit_purge = 'on'`);
          await tx.query(`DELETE FROM audit_event WHERE at < now() - interval '390 days'`);
        }),
      ).rejects.toThrow(/append-only/);
      await setAuditRetentionDays(t.db, 365);
      expect(await purgeExpiredAuditEvents(t.db, 'test purge')).toBe(1);
      const purges = await auditRows(`action = 'audit.purge'`, []);
      expect(purges.map((p) => p.detail)).toEqual([{ retentionDays: 365, deleted: 1 }]);
      // The purge's own row is an audit row like any other: it cannot be removed either.
      await expect(t.db.query(`DELETE FROM audit_event WHERE action = 'audit.purge'`)).rejects.toThrow(/append-only/);
    });
  });
});
