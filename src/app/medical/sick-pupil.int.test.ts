// Education for sick pupils on a real database (issue 14): a pupil at home for weeks is a thuiszitter without
// education in the monitor — until a type-5 stay (or a running provision) is recorded, from then on it is education
// during the absence. The stay's contact plan becomes a reminder; the entitlement comes from the register; the
// provision checklist is enforced in order.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { buildServer } from '../../http/server.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';
import { listThuiszitters } from '../monitor/monitor.service.ts';

const TODAY = '2025-11-28';
const PASSWORD = 'ziek-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
3001,Mila,Smets,2014-02-02,lager,6,6A
3002,Ward,Goossens,2014-06-06,lager,6,6A
3003,Ines,Lambrechts,2014-09-09,lager,6,6A
`;

describe.each(testEngines())('sick pupils and the monitor on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let ids: number[];
  const sessions: Record<string, HttpSession> = {};
  const dir = tempDir();

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url: `/api${url}`, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const education = async () =>
    Object.fromEntries(
      (await listThuiszitters(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: '2025-2026' }, TODAY)).pupils.map((p) => [
        p.lastName,
        p.education,
      ]),
    );

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { level: 'basis' });
    ids = await pupilIdsByNumber(t.db, schoolId);
    // All three ill (Z) every school half-day from Monday 3/11 to Friday 28/11: LONG_ABSENCE and Z_LONG.
    const rows: string[] = [];
    for (
      let d = new Date(Date.UTC(2025, 10, 3));
      d <= new Date(Date.UTC(2025, 10, 28));
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.getUTCDay();
      if (day === 0 || day === 6) continue;
      const date = d.toISOString().slice(0, 10);
      if (date === '2025-11-11') continue; // Wapenstilstand: a holiday
      for (const pupil of ['3001', '3002', '3003']) {
        rows.push(`${pupil},${date},AM,Z`);
        if (day !== 3) rows.push(`${pupil},${date},PM,Z`);
      }
    }
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const passwordHash = await hashPassword(PASSWORD);
    for (const role of ['zorgcoordinator', 'secretariaat', 'leerkracht'] as Role[]) {
      const id = await insertUser(t.db, { email: `${role}@ziek.test`, displayName: `Demo ${role}`, passwordHash });
      await addMembership(t.db, {
        userId: id,
        organisationId: schoolId,
        role,
        classNames: role === 'leerkracht' ? ['6A'] : [],
      });
      sessions[role] = await signIn(app, `${role}@ziek.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('without anything recorded, all three are thuiszitters without education', async () => {
    expect(await education()).toEqual({ Smets: null, Goossens: null, Lambrechts: null });
  });

  it('a recorded type-5 stay counts as education: the pupil is no thuiszitter without education', async () => {
    const stay = await call('zorgcoordinator', 'POST', `/pupils/${ids[0]}/stays`, {
      setting: 'type-5',
      settingName: 'Ziekenhuisschool UZ Gent',
      from: '2025-11-03',
      to: null,
      contactPlan: 'Wekelijks telefoon met de leerkracht van de ziekenhuisschool',
      contactEveryDays: 7,
      dischargeInformant: 'De ouders',
      homeSupport: 'Handboeken en planning van de klas meegegeven',
    });
    expect(stay.statusCode).toBe(201);
    expect(await education()).toEqual({ Smets: 'type-5-school', Goossens: null, Lambrechts: null });
    // The contact plan's next contact is a reminder (an open agreement of the pupil file).
    const agreements = await t.db.query<{ what: string; due_on: string }>(
      'SELECT what, due_on FROM file_agreement WHERE pupil_id = $1',
      [ids[0]],
    );
    expect(agreements).toEqual([
      { what: expect.stringContaining('Contact met Ziekenhuisschool UZ Gent'), due_on: '2025-12-05' },
    ]);
    // A stay that ended before today is no longer education now.
    const old = await call('zorgcoordinator', 'POST', `/pupils/${ids[2]}/stays`, {
      setting: 'ziekenhuis',
      settingName: 'AZ Sint-Jan',
      from: '2025-11-03',
      to: '2025-11-05',
      contactPlan: 'Dagelijks de ouders bellen',
      contactEveryDays: 1,
      dischargeInformant: 'De sociale dienst van het ziekenhuis',
      homeSupport: null,
    });
    expect(old.statusCode).toBe(201);
    expect((await education()).Lambrechts).toBeNull();
  });

  it('a granted and started provision is education; the checklist is kept in order', async () => {
    const early = await call('zorgcoordinator', 'POST', `/pupils/${ids[1]}/provisions`, {
      kind: 'toah',
      conditionsCheckedOn: null,
      requestSentOn: '2025-11-25',
      answer: null,
      answerOn: null,
      startOn: null,
      endOn: null,
      hoursPerWeek: null,
    });
    expect(early.statusCode).toBe(422);
    const granted = await call('zorgcoordinator', 'POST', `/pupils/${ids[1]}/provisions`, {
      kind: 'toah',
      conditionsCheckedOn: '2025-11-24',
      requestSentOn: '2025-11-25',
      answer: 'toegekend',
      answerOn: '2025-11-26',
      startOn: '2025-11-27',
      endOn: null,
      hoursPerWeek: 4,
    });
    expect(granted.statusCode).toBe(201);
    expect((await education()).Goossens).toBe('TOAH');
  });

  it('the pupil page shows the entitlement: more than 21 days ill gives TOAH from the 22nd day', async () => {
    const overview = await call('zorgcoordinator', 'GET', `/pupils/${ids[1]}/sick-pupil`);
    expect(overview.statusCode).toBe(200);
    // Ill from Monday 3/11 to Friday 28/11 (26 calendar days): TOAH from 24/11; SIO needs 28 days or 36
    // half-days (34 so far: no school on Wednesday afternoons and on 11/11).
    expect(overview.json().entitlement).toMatchObject({
      toah: { entitled: true, from: '2025-11-24', basis: 'long' },
      sio: { entitled: false, from: null },
      longestIllnessDays: 26,
      illnessHalfDays: 34,
    });
    expect(overview.json().provisions).toHaveLength(1);
    expect((await call('leerkracht', 'GET', `/pupils/${ids[1]}/sick-pupil`)).statusCode).toBe(403);
    expect((await call('secretariaat', 'POST', `/pupils/${ids[1]}/provisions`, {})).statusCode).toBe(403);
  });

  it('the parents informed individually is recorded, with the entitlement’s inputs', async () => {
    const first = await call('zorgcoordinator', 'PUT', `/pupils/${ids[1]}/sick-pupil/information`, {
      parentsInformedOn: '2025-11-26',
      informedHow: 'Gesprek op school',
      chronic: false,
      distanceKm: 12,
      specialEducation: false,
      version: 0,
    });
    expect(first.statusCode).toBe(204);
    const overview = (await call('zorgcoordinator', 'GET', `/pupils/${ids[1]}/sick-pupil`)).json();
    expect(overview.information).toMatchObject({ parentsInformedOn: '2025-11-26', distanceKm: 12, version: 1 });
    expect(overview.entitlement.toah).toMatchObject({ withinDistance: false, distanceLimitKm: 10 });
    const stale = await call('zorgcoordinator', 'PUT', `/pupils/${ids[1]}/sick-pupil/information`, {
      parentsInformedOn: null,
      informedHow: null,
      chronic: false,
      distanceKm: null,
      specialEducation: false,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('a discharge ends the stay: version-checked, never before the admission, only for writers', async () => {
    const overview = async () => (await call('zorgcoordinator', 'GET', `/pupils/${ids[0]}/sick-pupil`)).json();
    const stay = (await overview()).stays.find((s: { to: string | null }) => s.to === null);
    expect(stay).toMatchObject({ settingName: 'Ziekenhuisschool UZ Gent', version: expect.any(Number) });
    const url = `/stays/${stay.id}/discharge`;
    expect((await call('secretariaat', 'PUT', url, { to: '2025-11-20', version: stay.version })).statusCode).toBe(403);
    expect((await call('leerkracht', 'PUT', url, { to: '2025-11-20', version: stay.version })).statusCode).toBe(403);
    expect(
      (await call('zorgcoordinator', 'PUT', '/stays/999999/discharge', { to: '2025-11-20', version: 1 })).statusCode,
    ).toBe(404);
    const before = await call('zorgcoordinator', 'PUT', url, { to: '2025-11-01', version: stay.version });
    expect(before.statusCode).toBe(422);
    expect(before.json().detail).toContain('vóór de opname');
    const audits = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'sick-pupil.discharge'`,
        )
      )[0]?.n;
    expect(await audits()).toBe(0);
    expect((await call('zorgcoordinator', 'PUT', url, { to: '2025-11-20', version: stay.version })).statusCode).toBe(
      204,
    );
    expect(await audits()).toBe(1);
    // The same (now stale) form again: 409, the recorded date stays.
    expect((await call('zorgcoordinator', 'PUT', url, { to: '2025-11-27', version: stay.version })).statusCode).toBe(
      409,
    );
    const after = (await overview()).stays.find((s: { id: number }) => s.id === stay.id);
    expect(after).toMatchObject({ to: '2025-11-20', version: stay.version + 1 });
    // Discharged before today: the stay no longer counts as education during the absence.
    expect((await education()).Smets).toBeNull();
  });

  it('a provision is updated along its checklist: it ends, stale forms get 409, the order still holds', async () => {
    const overview = async () => (await call('zorgcoordinator', 'GET', `/pupils/${ids[1]}/sick-pupil`)).json();
    const [provision] = (await overview()).provisions;
    expect(provision).toMatchObject({ kind: 'toah', answer: 'toegekend', startOn: '2025-11-27' });
    const { id, version, ...fields } = provision;
    const url = `/provisions/${id}`;
    expect((await call('secretariaat', 'PUT', url, { ...fields, version })).statusCode).toBe(403);
    const unordered = await call('zorgcoordinator', 'PUT', url, { ...fields, answer: 'geweigerd', version });
    expect(unordered.statusCode).toBe(422);
    expect(unordered.json().detail).toContain('toekenning');
    const backwards = await call('zorgcoordinator', 'PUT', url, { ...fields, endOn: '2025-11-26', version });
    expect(backwards.statusCode).toBe(422);
    const ended = await call('zorgcoordinator', 'PUT', url, {
      ...fields,
      endOn: '2025-11-27',
      hoursPerWeek: 6,
      version,
    });
    expect(ended.statusCode).toBe(204);
    expect((await call('zorgcoordinator', 'PUT', url, { ...fields, version })).statusCode).toBe(409);
    expect((await overview()).provisions[0]).toMatchObject({
      endOn: '2025-11-27',
      hoursPerWeek: 6,
      version: version + 1,
    });
    // Ended before today: no longer education during the absence.
    expect((await education()).Goossens).toBeNull();
  });
});
