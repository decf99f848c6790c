// Medical certificates over HTTP on a real database (issue 14): the register checks become signals on the
// attention list and leave when a certificate covers them; a doubt runs the seed-003 route (school → CLB → CLB
// doctor with consent → outcome), in order; the CLB doctor's note never reaches a school role.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { buildServer } from '../../http/server.ts';
import { pupilIdsByNumber, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';
import { createSchool } from '../school.service.ts';
import { listAttention } from '../signals/attention-list.service.ts';

const TODAY = '2025-11-03';
const YEAR = '2025-2026';
const PASSWORD = 'attest-wachtwoord-123';
const NOTE = 'Huisarts bevestigt behandeling; geheim medisch detail XYZ';

describe.each(testEngines())('medical certificates on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let pupil: number;
  const sessions: Record<string, HttpSession> = {};
  const dir = tempDir();

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url: `/api${url}`, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const open = async () =>
    (await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: YEAR }, TODAY)).items
      .filter((i) => i.ruleId.startsWith('CERT_'))
      .map((i) => i.ruleId)
      .sort();
  const certificates = async (who: string) => (await call(who, 'GET', `/pupils/${pupil}/certificates`)).json();
  const base = {
    fromHalf: null,
    toHalf: null,
    issuerKind: 'arts',
    receivedOn: '2025-10-14',
    dixit: false,
    doubt: false,
    doubtReason: null,
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'Atheneum Attest',
      institutionNumber: '555555',
      calendarLevel: 'secundair',
    });
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'pupils',
      path: writeTemp(
        dir,
        'pupils.csv',
        'pupil_id,first_name,last_name,birth_date,level,grade,class\n1001,Lotte,Peeters,2010-03-04,secundair,3,3A\n',
      ),
      today: TODAY,
    });
    [pupil] = (await pupilIdsByNumber(t.db, schoolId)) as [number];
    // D on Monday 6/10 without a certificate; Z from Thursday 9/10 to Monday 13/10 (5 calendar days).
    const rows = ['2025-10-06', '2025-10-09', '2025-10-10', '2025-10-13'].flatMap((d, i) =>
      ['AM', 'PM'].map((h) => `1001,${d},${h},${i === 0 ? 'D' : 'Z'}`),
    );
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Attest');
    await linkSchool(t.db, 'clb', clb, schoolId);
    const users: [Role, number, string[]][] = [
      ['secretariaat', schoolId, []],
      ['leerkracht', schoolId, ['3A']],
      ['zorgcoordinator', schoolId, []],
      ['directie', schoolId, []],
      ['leerlingbegeleider', schoolId, []],
      ['clb-medewerker', clb, []],
      ['clb-arts', clb, []],
    ];
    app = await buildServer({
      logger: process.env.DEBUG_LOG === '1',
      db: t.db,
      today: () => TODAY,
      loginRateLimit: { max: 1000, timeWindow: 60_000 },
    });
    const passwordHash = await hashPassword(PASSWORD);
    for (const [role, organisationId, classNames] of users) {
      const id = await insertUser(t.db, { email: `${role}@attest.test`, displayName: `Demo ${role}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[role] = await signIn(app, `${role}@attest.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('D without a certificate and a 5-day Z spell raise CERT_MISSING on the attention list', async () => {
    expect(await open()).toEqual(['CERT_MISSING']);
    const list = await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: YEAR }, TODAY);
    const signal = list.items.find((i) => i.ruleId === 'CERT_MISSING');
    expect(signal?.triggeredOn).toBe('2025-10-06');
    expect(signal?.explanation.nl).toContain('2 × halve dagen D zonder attest');
  });

  it('certificates covering both remove it; a long one raises CERT_LONG', async () => {
    const one = await call('secretariaat', 'POST', `/pupils/${pupil}/certificates`, {
      ...base,
      from: '2025-10-06',
      to: '2025-10-06',
    });
    expect(one.statusCode).toBe(201);
    expect(await open()).toEqual(['CERT_MISSING']);
    const two = await call('secretariaat', 'POST', `/pupils/${pupil}/certificates`, {
      ...base,
      from: '2025-10-09',
      to: '2025-10-31',
    });
    expect(two.statusCode).toBe(201);
    expect(await open()).toEqual(['CERT_LONG']);
  });

  it('a class teacher neither reads nor records certificates; an end before the start is refused', async () => {
    expect((await call('leerkracht', 'GET', `/pupils/${pupil}/certificates`)).statusCode).toBe(403);
    const refused = await call('secretariaat', 'POST', `/pupils/${pupil}/certificates`, {
      ...base,
      from: '2025-10-06',
      to: '2025-10-05',
    });
    expect(refused.statusCode).toBe(422);
    const noReason = await call('secretariaat', 'POST', `/pupils/${pupil}/certificates`, {
      ...base,
      from: '2025-10-20',
      to: '2025-10-21',
      doubt: true,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().detail ?? noReason.json().title).toBeTruthy();
  });

  it('a doubt runs the route in order; the CLB doctor’s note is never shown to a school role', async () => {
    const created = await call('zorgcoordinator', 'POST', `/pupils/${pupil}/certificates`, {
      ...base,
      from: '2025-10-20',
      to: '2025-10-21',
      doubt: true,
      doubtReason: 'Attest gedateerd na de afwezigheid',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(await open()).toEqual(['CERT_DOUBT', 'CERT_LONG']);

    const advice = {
      version: 1,
      consentOn: '2025-10-23',
      doctorContactedOn: '2025-10-24',
      outcome: null,
      outcomeOn: null,
      note: NOTE,
    };
    // Before the school told the CLB, the doctor's step is refused; a school role may never record it.
    expect((await call('clb-arts', 'PUT', `/certificates/${id}/advice`, advice)).statusCode).toBe(422);
    expect((await call('zorgcoordinator', 'PUT', `/certificates/${id}/advice`, advice)).statusCode).toBe(403);
    expect((await call('clb-medewerker', 'PUT', `/certificates/${id}/advice`, advice)).statusCode).toBe(403);
    expect(
      (await call('zorgcoordinator', 'POST', `/certificates/${id}/clb-told`, { on: '2025-10-22', version: 1 }))
        .statusCode,
    ).toBe(204);

    // No contact without consent.
    const noConsent = await call('clb-arts', 'PUT', `/certificates/${id}/advice`, {
      ...advice,
      version: 2,
      consentOn: null,
    });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().title ?? noConsent.json().detail).toBeDefined();
    expect((await call('clb-arts', 'PUT', `/certificates/${id}/advice`, { ...advice, version: 2 })).statusCode).toBe(
      204,
    );
    // A stale version answers 409.
    expect((await call('clb-arts', 'PUT', `/certificates/${id}/advice`, { ...advice, version: 2 })).statusCode).toBe(
      409,
    );

    const doctorView = await call('clb-arts', 'GET', `/pupils/${pupil}/certificates`);
    expect(doctorView.statusCode, doctorView.body).toBe(200);
    const forDoctor = doctorView.json().certificates.find((c: { id: number }) => c.id === id);
    expect(forDoctor).toMatchObject({ clbToldOn: '2025-10-22', consentOn: '2025-10-23', doctorNote: NOTE });
    for (const role of ['secretariaat', 'zorgcoordinator', 'directie', 'leerlingbegeleider', 'clb-medewerker']) {
      const response = await call(role, 'GET', `/pupils/${pupil}/certificates`);
      expect(response.statusCode, role).toBe(200);
      expect(response.body, role).not.toContain('XYZ');
      expect(response.json().certificates.find((c: { id: number }) => c.id === id).doctorContactedOn, role).toBe(
        '2025-10-24',
      );
    }
    // Nor through the pupil file's timeline.
    for (const role of ['zorgcoordinator', 'directie', 'leerlingbegeleider']) {
      const timeline = await call(role, 'GET', `/pupils/${pupil}/file/timeline`);
      expect(timeline.body, role).not.toContain('XYZ');
    }
    expect(await open()).toEqual(['CERT_DOUBT', 'CERT_LONG']);

    // The outcome ends the route (and the signal); the school sees the outcome, not the note.
    const done = await call('clb-arts', 'PUT', `/certificates/${id}/advice`, {
      ...advice,
      version: 3,
      outcome: 'geldig',
      outcomeOn: '2025-10-27',
    });
    expect(done.statusCode).toBe(204);
    expect(await open()).toEqual(['CERT_LONG']);
    const forSchool = (await certificates('zorgcoordinator')).certificates.find((c: { id: number }) => c.id === id);
    expect(forSchool).toMatchObject({ outcome: 'geldig', outcomeOn: '2025-10-27', doctorNote: null });
  });

  it('every read and change is in the audit log, never the note’s text', async () => {
    const rows = await t.db.query<{ action: string; detail: unknown }>(
      `SELECT action, detail FROM audit_event WHERE action LIKE 'certificate.%' ORDER BY id`,
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['certificate.record', 'certificate.read', 'certificate.clb-told', 'certificate.advise']),
    );
    expect(JSON.stringify(rows)).not.toContain('XYZ');
  });

  it('an exam period makes a Z half-day in it need a certificate (secondary)', async () => {
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register2.csv', 'pupil_id,date,half,code\n1001,2025-11-03,AM,Z\n'),
      today: TODAY,
    });
    expect(await open()).toEqual(['CERT_LONG']);
    const added = await call('secretariaat', 'POST', `/schools/${schoolId}/exam-periods`, {
      from: '2025-11-03',
      to: '2025-11-07',
      label: 'Herfstexamens',
    });
    expect(added.statusCode).toBe(201);
    expect(await open()).toEqual(['CERT_LONG', 'CERT_MISSING']);
    expect((await call('secretariaat', 'GET', `/schools/${schoolId}/exam-periods`)).json()).toMatchObject([
      { from: '2025-11-03', to: '2025-11-07', label: 'Herfstexamens' },
    ]);
  });
});
