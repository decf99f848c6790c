// The CLB inbox over HTTP on a real database: a CLB signal and a CLB referral land in the inbox of the CLB that
// serves the school (school, pupil, date, what the school did); only that CLB's roles move them along received →
// in-progress (plan van aanpak) → closed (outcome), with optimistic concurrency; the school reads the status in the
// pupil file and, once B half-days are registered after the closing, is prompted to signal again.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { buildServer } from '../../http/server.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';
import { listClbInbox } from './clb-inbox.service.ts';

const PASSWORD = 'inbox-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
7001,Jana,Wouters,2011-02-02,secundair,2,2A
7002,Kobe,Mertens,2011-03-03,secundair,2,2A
`;
const CHECKLIST = {
  absenceCount: '5',
  absenceReasons: 'Onbekend',
  actionsTaken: 'Twee gesprekken met de ouders',
  whatWorks: 'Vaste contactpersoon',
  whatDoesNotWork: 'Brieven',
  underlyingProblems: 'Nog te verkennen',
  truancyProfile: 'Occasioneel',
};

describe.each(testEngines())('the CLB inbox on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let clb: number;
  let otherClb: number;
  let jana: number;
  let kobe: number;
  let today = '2026-03-02';
  const sessions: Record<string, HttpSession> = {};
  const dir = tempDir();
  let n = 0;
  const register = (rows: string[]) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, `r${++n}.csv`, `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today,
    });
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const inbox = async (who = 'clbWorker') => (await call(who, 'GET', `/api/clbs/${clb}/inbox`)).json();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '717171' });
    clb = await insertOrganisation(t.db, 'clb', 'CLB Waasland');
    otherClb = await insertOrganisation(t.db, 'clb', 'CLB Elders');
    await linkSchool(t.db, 'clb', clb, schoolId);
    const ids = await t.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY external_id',
      [schoolId],
    );
    [jana, kobe] = ids.map((r) => r.id) as [number, number];
    app = await buildServer({ db: t.db, today: () => today, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const passwordHash = await hashPassword(PASSWORD);
    const people: [string, number, Role, string[]][] = [
      ['lbg', schoolId, 'leerlingbegeleider', []],
      ['teacher', schoolId, 'leerkracht', ['2A']],
      ['clbWorker', clb, 'clb-medewerker', []],
      ['clbDoctor', clb, 'clb-arts', []],
      ['otherClbWorker', otherClb, 'clb-medewerker', []],
    ];
    for (const [name, organisationId, role, classNames] of people) {
      const id = await insertUser(t.db, { email: `${name}@inbox.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[name] = await signIn(app, `${name}@inbox.test`, PASSWORD);
    }
    await register(['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-27', '2025-12-01'].map((d) => `7001,${d},AM,B`));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('a CLB signal lands in the inbox of the CLB that serves the school, with what the school already did', async () => {
    const signalled = await call('lbg', 'POST', `/api/pupils/${jana}/file/workflows/clb-signal`, {
      checklist: CHECKLIST,
      noConversationReason: 'Leerling komt niet meer',
    });
    expect(signalled.statusCode).toBe(201);
    expect(signalled.json().caseId).toBeGreaterThan(0);
    const list = await inbox();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'signal',
      school: { id: schoolId, name: 'School 717171' },
      pupil: { id: jana, externalId: '7001', name: 'Jana Wouters', className: '2A' },
      receivedOn: '2026-03-02',
      schoolActions: 'Twee gesprekken met de ouders',
      status: 'received',
      version: 1,
    });
    // The reusable query (the e-mail digest): items received from a date on.
    const since = await listClbInbox(t.db, SYSTEM_ACTOR, clb, { receivedFrom: '2026-03-03' });
    expect(since.total).toBe(0);
  });

  it('only the CLB roles of that CLB read the inbox and change a status', async () => {
    expect((await call('clbDoctor', 'GET', `/api/clbs/${clb}/inbox`)).statusCode).toBe(200);
    for (const who of ['lbg', 'teacher', 'otherClbWorker'])
      expect((await call(who, 'GET', `/api/clbs/${clb}/inbox`)).statusCode, who).toBe(403);
    const [item] = (await inbox()).items;
    for (const who of ['lbg', 'otherClbWorker'])
      expect(
        (await call(who, 'POST', `/api/clb-cases/${item.id}/status`, { to: 'in-progress', version: 1, plan: 'x' }))
          .statusCode,
        who,
      ).toBe(403);
  });

  it('received → in behandeling (plan) → afgesloten (outcome), in order and with optimistic concurrency', async () => {
    const [item] = (await inbox()).items;
    const url = `/api/clb-cases/${item.id}/status`;
    expect(
      (await call('clbWorker', 'POST', url, { to: 'closed', version: 1, outcome: 'clb-guidance' })).statusCode,
    ).toBe(422);
    expect((await call('clbWorker', 'POST', url, { to: 'in-progress', version: 1 })).statusCode).toBe(400);
    const started = await call('clbWorker', 'POST', url, {
      to: 'in-progress',
      version: 1,
      plan: 'Huisbezoek en gesprek met Jana',
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in-progress', plan: 'Huisbezoek en gesprek met Jana', version: 2 });
    const stale = await call('clbDoctor', 'POST', url, { to: 'closed', version: 1, outcome: 'clb-guidance' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe('in-progress');
    expect((await call('clbWorker', 'POST', url, { to: 'closed', version: 2, outcome: 'nonsense' })).statusCode).toBe(
      400,
    );
    const closed = await call('clbWorker', 'POST', url, {
      to: 'closed',
      version: 2,
      outcome: 'no-further-request',
      outcomeNote: 'Geen verdere hulpvraag',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'no-further-request', closedOn: '2026-03-02' });
  });

  it('the school sees the status in the pupil file; new B half-days after the closing prompt it to signal again', async () => {
    const before = (await call('lbg', 'GET', `/api/pupils/${jana}/clb-cases`)).json();
    expect(before.items[0]).toMatchObject({ status: 'closed', outcome: 'no-further-request' });
    expect(before.resignal).toBeNull();
    expect((await call('lbg', 'GET', `/api/pupils/${jana}/file`)).json().clbResignalDue).toBe(false);
    // The next import brings a B half-day (dated before today, registered after the closing).
    await register(['7001,2026-02-27,PM,B']);
    const after = (await call('lbg', 'GET', `/api/pupils/${jana}/clb-cases`)).json();
    expect(after.resignal).toMatchObject({
      id: 'CLB_RESIGNAL',
      closedOn: '2026-03-02',
      newBHalfDays: [{ date: '2026-02-27', half: 'PM' }],
    });
    expect(after.resignal.action.nl).toContain('signaleer opnieuw');
    expect((await call('lbg', 'GET', `/api/pupils/${jana}/file`)).json().clbResignalDue).toBe(true);
    // A class teacher of the pupil reads the status too (file.read); the CLB's own staff reads it as well.
    expect((await call('teacher', 'GET', `/api/pupils/${jana}/clb-cases`)).statusCode).toBe(200);
    // Signalling again opens a new case; the prompt is gone.
    expect(
      (
        await call('lbg', 'POST', `/api/pupils/${jana}/file/workflows/clb-signal`, {
          checklist: CHECKLIST,
          noConversationReason: 'Leerling komt niet meer',
        })
      ).statusCode,
    ).toBe(201);
    const again = (await call('lbg', 'GET', `/api/pupils/${jana}/clb-cases`)).json();
    expect(again.items.map((i: { status: string }) => i.status)).toEqual(['received', 'closed']);
    expect(again.resignal).toBeNull();
  });

  it('a CLB referral needs a ground and every answer, and lands in the inbox with its grounds', async () => {
    const url = `/api/pupils/${kobe}/file/workflows/clb-referral`;
    const refused = await call('lbg', 'POST', url, { grounds: [], answers: {} });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().preconditions.map((p: { field: string }) => p.field)).toEqual([
      'grounds',
      'answers.causeClarification',
      'answers.actionsTaken',
      'answers.parentsInformed',
      'answers.helpQuestion',
    ]);
    expect((await call('teacher', 'POST', url, { grounds: ['no-longer-comes'], answers: {} })).statusCode).toBe(403);
    const referred = await call('lbg', 'POST', url, {
      grounds: ['trajectory-not-working', 'no-longer-comes'],
      answers: {
        causeClarification: 'Pesten op de bus',
        actionsTaken: 'Gesprekken, aangepast lesrooster',
        parentsInformed: 'Telefonisch op 20/2',
        helpQuestion: 'Begeleiding bij terugkeer',
      },
    });
    expect(referred.statusCode).toBe(201);
    const item = (await inbox()).items.find((i: { pupil: { id: number } }) => i.pupil.id === kobe);
    expect(item).toMatchObject({
      kind: 'referral',
      grounds: ['trajectory-not-working', 'no-longer-comes'],
      schoolActions: 'Gesprekken, aangepast lesrooster',
      status: 'received',
    });
    // A free entry can never claim to be a referral (it is a workflow kind).
    const free = await call('lbg', 'POST', `/api/pupils/${kobe}/file/entries`, {
      kind: 'clb-referral',
      occurredOn: '2026-03-02',
      who: 'x',
      what: 'x',
      confidentiality: 'school+clb',
    });
    expect(free.statusCode).toBeGreaterThanOrEqual(400);
    today = '2026-03-03';
    expect((await listClbInbox(t.db, SYSTEM_ACTOR, clb, { status: 'received' })).total).toBe(2);
  });
});
