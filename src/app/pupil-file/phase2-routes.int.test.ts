// The phase-2 routes with legal weight over HTTP on a real database (seed 000:78-165, 001:663-706, 003:412-517):
// each refused with every missing precondition per field and recorded when complete; the roles (zorgcoördinator,
// directie, CLB — never a class teacher, nor a leerlingbegeleider); the move into phase 2 with its checks; the
// records in the JSON export; ABSENCE_RISING on the pupil's register and the school's calendar.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { buildServer } from '../../http/server.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';

const TODAY = '2026-03-30';
const PASSWORD = 'fase-twee-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
5001,Ruben,Claes,2011-05-05,secundair,2,2A
5002,Sara,Wouters,2011-06-06,secundair,2,2A
`;

type Problem = { field: string; code: string; nl: string; en: string };

describe.each(testEngines())('phase-2 routes on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let pupilId: number;
  let otherPupilId: number;
  const sessions: Record<string, HttpSession> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const route = (name: string, payload: object, who = 'zc', pupil = pupilId) =>
    call(who, 'POST', `/api/pupils/${pupil}/file/workflows/${name}`, payload);
  const problemsOf = (response: { json: () => { preconditions?: Problem[] } }) =>
    (response.json().preconditions ?? []).map((p) => `${p.field}:${p.code}`);
  const entriesOf = (kind: string, pupil = pupilId) =>
    t.db.query<{ id: number; what: string; confidentiality: string; details: Record<string, unknown> }>(
      'SELECT id::int AS id, what, confidentiality, details FROM file_entry WHERE pupil_id = $1 AND kind = $2 ORDER BY id',
      [pupil, kind],
    );
  const entry = (kind: string, occurredOn: string, pupil = pupilId) =>
    call('lbg', 'POST', `/api/pupils/${pupil}/file/entries`, { kind, occurredOn, who: 'LBG', what: kind });
  const move = (track: string, payload: object, pupil = pupilId) =>
    call('zc', 'PUT', `/api/pupils/${pupil}/file/tracks/${track}`, payload);

  const M_DOCUMENT = {
    destination: 'ocj',
    grounds: ['parental-unwillingness'],
    groundsExplanation: 'Ouders weigeren elk gesprek; Ruben blijft thuis om op zijn zus te passen.',
    questionClarification: 'Vraagverheldering met moeder op 10/03: geen hulpvraag, wel zorgen over de zus.',
    consultOn: '2026-03-16',
    consultOutcome: 'Consultfunctie OCJ: geen nieuwe pistes; aanmelding aangewezen.',
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '555555' });
    [pupilId, otherPupilId] = (
      await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY external_id', [
        schoolId,
      ])
    ).map((r) => r.id) as [number, number];
    const clbId = await insertOrganisation(t.db, 'clb', 'CLB Fase Twee');
    await linkSchool(t.db, 'clb', clbId, schoolId);
    const otherClbId = await insertOrganisation(t.db, 'clb', 'CLB Elders');
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const passwordHash = await hashPassword(PASSWORD);
    for (const [name, role, organisationId, classNames] of [
      ['zc', 'zorgcoordinator', schoolId, []],
      ['dir', 'directie', schoolId, []],
      ['lbg', 'leerlingbegeleider', schoolId, []],
      ['teacher', 'leerkracht', schoolId, ['2A']],
      ['clb', 'clb-medewerker', clbId, []],
      ['otherClb', 'clb-medewerker', otherClbId, []],
    ] as const) {
      const id = await insertUser(t.db, { email: `${name}@fase2.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames: [...classNames] });
      sessions[name] = await signIn(app, `${name}@fase2.test`, PASSWORD);
    }
    // Ruben: absent six half-days in the week after the first measure (26 January), none before it.
    const dir = tempDir();
    const rows = ['2026-01-27', '2026-01-29', '2026-01-30'].flatMap((d) => [`5001,${d},AM,B`, `5001,${d},PM,B`]);
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses a class teacher and a leerlingbegeleider, and a CLB that does not serve the school', async () => {
    for (const name of ['m-document', 'agodi-report', 'agodi-letter-copy', 'nrtj-referral', 'truancy-action-plan']) {
      expect((await route(name, M_DOCUMENT, 'teacher')).statusCode, name).toBe(403);
      expect((await route(name, M_DOCUMENT, 'lbg')).statusCode, name).toBe(403);
      expect((await route(name, M_DOCUMENT, 'otherClb')).statusCode, name).toBe(403);
    }
    expect((await call('teacher', 'GET', `/api/pupils/${pupilId}/file/phase2`)).statusCode).toBe(403);
    const lbgView = await call('lbg', 'GET', `/api/pupils/${pupilId}/file/phase2`);
    expect(lbgView.statusCode).toBe(200);
    expect(lbgView.json().canRecord).toBe(false);
    expect(await entriesOf('m-document-ocj')).toEqual([]);
  });

  it('keeps the route kinds out of the free entry form', async () => {
    for (const kind of ['m-document-ocj', 'agodi-report', 'nrtj-a-document', 'truancy-contract', 'phase-2-update'])
      expect((await entry(kind, TODAY)).statusCode, kind).toBe(400);
  });

  it('lists every missing precondition of each route per field, with a Dutch message', async () => {
    const mdoc = await route('m-document', {});
    expect(mdoc.statusCode).toBe(422);
    expect(problemsOf(mdoc)).toEqual([
      'clbInvolvement:clb-involvement',
      'destination:required',
      'grounds:required',
      'groundsExplanation:required',
      'questionClarification:required',
      'consultOn:consult-first',
      'consultOutcome:required',
    ]);
    expect(mdoc.json().preconditions[0].nl).toContain('CLB');
    const vk = await route('m-document', { ...M_DOCUMENT, destination: 'vk', consultOn: '2026-04-01' });
    expect(problemsOf(vk)).toEqual([
      'clbInvolvement:clb-involvement',
      'integrityAtRisk:vk-needs-integrity',
      'consultOn:consult-first',
    ]);
    expect(problemsOf(await route('agodi-report', {}))).toEqual([
      'schoolEfforts:school-efforts-first',
      'clbEfforts:clb-efforts-first',
      'situation:required',
    ]);
    expect(problemsOf(await route('nrtj-referral', { sector: 'x' }))).toEqual([
      'clbInvolvement:clb-involvement',
      'sector:required',
      'submittedOn:required',
      'motivation:required',
      'familyInvolvement:required',
    ]);
    const plan = { registration: 'repeat', registeredOn: '2026-03-20', policeZone: 'Antwerpen', agreements: 'x' };
    expect(problemsOf(await route('truancy-action-plan', plan))).toEqual([
      'clbConsultation:clb-consultation-first',
      'registration:first-registration-first',
    ]);
    expect(problemsOf(await route('agodi-letter-copy', { reportEntryId: 999_999 }))).toEqual([
      'reportEntryId:report-first',
      'receivedOn:required',
      'copies:required',
    ]);
    for (const kind of ['m-document-ocj', 'agodi-report', 'nrtj-a-document', 'truancy-contract'])
      expect(await entriesOf(kind)).toEqual([]);
  });

  it('moves into phase 2 only with the CLB involved or a reason, and records the §2.2 update with the move', async () => {
    const refused = await move('ongeoorloofd', { phase: 2, reason: 'Afwezigheden stapelen op', version: 0 });
    expect(refused.statusCode).toBe(422);
    expect(problemsOf(refused)).toEqual(['noClbReason:clb-involvement', 'whatWasDone:required']);
    expect((await t.db.query('SELECT 1 FROM file_track WHERE pupil_id = $1', [pupilId])).length).toBe(0);
    // Phases 0, 1 and 3 ask nothing extra; a stale version stays a conflict.
    expect((await move('geoorloofd', { phase: 1, reason: 'Ziek', version: 0 })).statusCode).toBe(200);
    expect((await move('geoorloofd', { phase: 2, reason: 'x', version: 0 })).statusCode).toBe(409);
    const moved = await move('ongeoorloofd', {
      phase: 2,
      reason: 'Afwezigheden stapelen op',
      version: 0,
      noClbReason: 'Op 31 maart overleg met het CLB gepland; de afwezigheden stapelen zich snel op.',
      whatWasDone: 'Twee gesprekken met Ruben, huisbezoek; geen effect.',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ track: 'ongeoorloofd', phase: 2, version: 1 });
    const [update] = await entriesOf('phase-2-update');
    expect(update?.details).toMatchObject({
      track: 'ongeoorloofd',
      fromPhase: null,
      clbInvolved: false,
      whatWasDone: 'Twee gesprekken met Ruben, huisbezoek; geen effect.',
    });
    expect(update?.what).toContain('Zonder betrokkenheid van het CLB omdat: Op 31 maart');
  });

  it('records every route once its preconditions hold, by the zorgcoördinator, the directie or the CLB', async () => {
    expect((await entry('pupil-conversation', '2026-01-26')).statusCode).toBe(201);
    expect((await entry('clb-consultation', '2026-02-02')).statusCode).toBe(201);

    const plan = { registration: 'first', registeredOn: '2026-02-10', policeZone: 'Antwerpen', agreements: 'SAP' };
    expect((await route('truancy-action-plan', plan)).statusCode).toBe(201);
    const again = await route('truancy-action-plan', { ...plan, registration: 'repeat', registeredOn: '2026-03-10' });
    expect(again.statusCode).toBe(201);
    expect((await entriesOf('truancy-contract')).map((e) => e.details.registration)).toEqual(['first', 'repeat']);

    // With a spijbelactieplan in the file the M-document needs its copy attached.
    expect(problemsOf(await route('m-document', M_DOCUMENT))).toEqual(['truancyPlanAttached:attach-truancy-plan']);
    const mdoc = await route('m-document', { ...M_DOCUMENT, truancyPlanAttached: true }, 'clb');
    expect(mdoc.statusCode).toBe(201);
    const vk = await route(
      'm-document',
      {
        ...M_DOCUMENT,
        destination: 'vk',
        integrityAtRisk: true,
        integrityFacts: 'Parentificatie.',
        truancyPlanAttached: true,
      },
      'dir',
    );
    expect(vk.statusCode).toBe(201);
    const [ocj, vkEntry] = await entriesOf('m-document-ocj');
    expect(ocj).toMatchObject({
      id: mdoc.json().id,
      confidentiality: 'school+clb',
      details: { destination: 'ocj', grounds: ['parental-unwillingness'], consultOn: '2026-03-16' },
    });
    expect(vkEntry?.what).toContain('VK (Vertrouwenscentrum Kindermishandeling)');

    const agodi = await route('agodi-report', {
      schoolEfforts: 'Gesprekken, huisbezoek, spijbelactieplan.',
      clbEfforts: 'Overleg en consult OCJ.',
      situation: 'Ruben blijft thuis.',
    });
    expect(agodi.statusCode).toBe(201);
    expect(
      problemsOf(
        await route('agodi-letter-copy', { reportEntryId: agodi.json().id, receivedOn: '2026-03-01', copyToClb: true }),
      ),
    ).toEqual(['receivedOn:date-range']);
    const copy = await route('agodi-letter-copy', {
      reportEntryId: agodi.json().id,
      receivedOn: TODAY,
      copyToSchool: true,
      copyToClb: true,
    });
    expect(copy.statusCode).toBe(201);
    const [letter] = await entriesOf('agodi-letter-copy');
    expect(letter?.what).toContain('door de school en het CLB');

    const nrtj = await route(
      'nrtj-referral',
      {
        sector: 'opgroeien',
        submittedOn: '2026-03-20',
        motivation: 'CGG volstond niet.',
        familyInvolvement: 'Moeder tekende mee.',
      },
      'clb',
    );
    expect(nrtj.statusCode).toBe(201);

    // The records reach the JSON export with their checklists.
    const exported = (await call('zc', 'GET', `/api/pupils/${pupilId}/file/export.json`)).json();
    const kinds = exported.measures.map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'm-document-ocj',
        'agodi-report',
        'agodi-letter-copy',
        'nrtj-a-document',
        'truancy-contract',
        'phase-2-update',
      ]),
    );
    const exportedMdoc = exported.measures.find((m: { id: number }) => m.id === mdoc.json().id);
    expect(exportedMdoc).toMatchObject({ kindLabel: 'M-document OCJ / VK', details: { destination: 'ocj' } });
  });

  it('asks only the §2.2 update when the CLB is involved', async () => {
    expect(problemsOf(await move('schoolweigering', { phase: 2, reason: 'x', version: 0 }))).toEqual([
      'whatWasDone:required',
    ]);
    const moved = await move('schoolweigering', { phase: 2, reason: 'x', version: 0, whatWasDone: 'Terugkeerplan.' });
    expect(moved.statusCode).toBe(200);
    const updates = await entriesOf('phase-2-update');
    expect(updates.at(-1)?.details).toMatchObject({ track: 'schoolweigering', clbInvolved: true, noClbReason: null });
  });

  it('shows the facts and ABSENCE_RISING: absences rose after the first measure', async () => {
    const view = (await call('zc', 'GET', `/api/pupils/${pupilId}/file/phase2`)).json();
    expect(view).toMatchObject({
      canRecord: true,
      facts: { clbInvolved: true, clbConsultations: 1, firstTruancyRegistrations: 1, truancyRegistrations: 2 },
    });
    expect(view.facts.agodiReports).toHaveLength(1);
    expect(view.absenceRising).toMatchObject({
      ruleId: 'ABSENCE_RISING',
      firstMeasureOn: '2026-01-26',
      evaluated: true,
      holds: true,
      rateBefore: 0,
      windowSchoolDays: 20,
    });
    expect(view.absenceRising.before.until).toBe('2026-01-23');
    expect(view.absenceRising.after).toMatchObject({ from: '2026-01-27', absentHalfDays: 6 });
    // Sara has no measure: nothing to compare.
    expect((await call('zc', 'GET', `/api/pupils/${otherPupilId}/file/phase2`)).json().absenceRising).toBeNull();
  });
});
