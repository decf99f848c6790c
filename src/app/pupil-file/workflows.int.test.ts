// The school-refusal workflows of the pupil file over HTTP on a real database (seed 002): the signals checklist
// (§1.1), the perspectives table (§1.6), "what was done / effect / what is needed" (§1.7, §2.2) and phase 3, "let
// go of school, not of the pupil" — each refused with every problem and accepted when complete; the contact plan
// becomes an open agreement; the definitions reach the page; only file.manage roles may record them.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { SCHOOL_REFUSAL_SIGNALS } from '../../domain/pupil-file/workflows/index.ts';
import { buildServer } from '../../http/server.ts';
import { schoolWithPupils } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { hashPassword } from '../auth.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'werkwijze-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
3001,Lien,Maes,2011-02-02,secundair,2,2A
`;

type Problem = { field: string; code: string; nl: string; en: string };

describe.each(testEngines())('school-refusal workflows on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let pupilId: number;
  const sessions: Record<string, HttpSession> = {};

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const workflow = (name: string, payload: object, who = 'lbg') =>
    call(who, 'POST', `/api/pupils/${pupilId}/file/workflows/${name}`, payload);
  const problemsOf = (response: { json: () => { preconditions?: Problem[] } }) =>
    (response.json().preconditions ?? []).map((p) => `${p.field}:${p.code}`);
  const entriesOf = (kind: string) =>
    t.db.query<{ id: number; what: string; details: Record<string, unknown> }>(
      'SELECT id::int AS id, what, details FROM file_entry WHERE pupil_id = $1 AND kind = $2 ORDER BY id',
      [pupilId, kind],
    );

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '444444' });
    const [row] = await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1', [schoolId]);
    pupilId = row?.id as number;
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const passwordHash = await hashPassword(PASSWORD);
    for (const [name, role, classNames] of [
      ['lbg', 'leerlingbegeleider', []],
      ['teacher', 'leerkracht', ['2A']],
    ] as const) {
      const id = await insertUser(t.db, { email: `${name}@werkwijze.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId: schoolId, role, classNames: [...classNames] });
      sessions[name] = await signIn(app, `${name}@werkwijze.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('gives the page the checklists of the school-refusal tool and keeps its kinds out of the free entry form', async () => {
    const file = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file`)).json();
    expect(file.schoolRefusal.signals).toHaveLength(10);
    expect(file.schoolRefusal.stakeholders[0]).toMatchObject({ id: 'pupil', nl: 'Volgens de jongere' });
    expect(file.schoolRefusal.letGoAlternatives.map((a: { id: string }) => a.id)).toContain('toah');
    expect(file.hospitalReturnQuestions).toHaveLength(9);
    const workflowKinds = file.kinds.filter((k: { workflow?: boolean }) => k.workflow).map((k: { id: string }) => k.id);
    expect(workflowKinds).toEqual(
      expect.arrayContaining(['school-refusal-signals', 'perspectives', 'school-refusal-review', 'let-go-of-school']),
    );
    const free = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'perspectives',
      occurredOn: TODAY,
      who: 'LBG',
      what: 'Zonder tabel',
    });
    expect(free.statusCode).toBe(400);
  });

  it('refuses a class teacher (file.manage) before looking at the body, except the phase-1 §1.1 and §1.6', async () => {
    for (const name of ['school-refusal-review', 'let-go-of-school', 'clb-signal', 'clb-referral', 'police-report'])
      expect((await workflow(name, {}, 'teacher')).statusCode, name).toBe(403);
    // Phase 1 for the class teacher of the pupil's class (2A): the body is checked, so an empty one is invalid.
    for (const name of ['school-refusal-signals', 'perspectives'])
      expect((await workflow(name, {}, 'teacher')).statusCode, name).toBe(400);
  });

  it('records the §1.1 signals checklist only when every signal is answered and seen signals have a next step', async () => {
    const answers: Record<string, { answer: string; note?: string }> = Object.fromEntries(
      SCHOOL_REFUSAL_SIGNALS.map((s) => [s.id, { answer: 'no' }]),
    );
    answers.returnAfterBreak = { answer: 'yes', note: 'Elke maandag afwezig' };
    answers.physicalComplaints = { answer: 'unknown' };
    delete answers.oftenLate;
    const refused = await workflow('school-refusal-signals', { answers });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toContain('precondition-failed');
    expect(problemsOf(refused)).toEqual([
      'signals.oftenLate:required',
      'followUp:follow-up',
      'informationNeeded:information-needed',
    ]);
    expect(await entriesOf('school-refusal-signals')).toEqual([]);

    answers.oftenLate = { answer: 'no' };
    const accepted = await workflow('school-refusal-signals', {
      answers,
      followUp: 'Verbindend gesprek met Lien door de titularis',
      informationNeeded: 'Wat zegt de huisarts over de buikpijn?',
    });
    expect(accepted.statusCode).toBe(201);
    const [entry] = await entriesOf('school-refusal-signals');
    expect(entry?.what).toContain('Opgemerkt: Na een vakantie, weekend of ziekteperiode');
    expect(entry?.what).toContain('(Elke maandag afwezig)');
    expect(entry?.what).toContain('Volgende stap: Verbindend gesprek met Lien');
    expect(entry?.details).toMatchObject({
      answers: { returnAfterBreak: { answer: 'yes', note: 'Elke maandag afwezig' }, oftenLate: { answer: 'no' } },
    });
  });

  it('records the §1.6 perspectives only with the pupil’s and a parent’s view', async () => {
    const refused = await workflow('perspectives', {
      rows: [
        { stakeholder: 'parent1', whatIsGoingOn: 'Ze is bang om te falen' },
        { stakeholder: 'helper-1', pupilExperience: 'Veel spanning' },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(problemsOf(refused)).toEqual(['rows.helper-1.name:name-required', 'rows.pupil:pupil-perspective']);

    const accepted = await workflow('perspectives', {
      rows: [
        { stakeholder: 'helper-1', name: 'CLB-medewerker Tom', pupilExperience: 'Veel spanning' },
        { stakeholder: 'parent1', whatIsGoingOn: 'Ze is bang om te falen' },
        { stakeholder: 'pupil', whatIsGoingOn: 'Ik krijg buikpijn op zondagavond' },
      ],
    });
    expect(accepted.statusCode).toBe(201);
    const [entry] = await entriesOf('perspectives');
    // In the seed's row order: the pupil first.
    expect(entry?.what.split('\n')[0]).toBe(
      'Volgens de jongere: Wat is er aan de hand? Ik krijg buikpijn op zondagavond',
    );
    expect(entry?.what).toContain('Hulpverlener 1 (CLB, arts, psycholoog, …) (CLB-medewerker Tom)');
    expect(entry?.details.rows).toHaveLength(3);
  });

  it('records §1.7 / §2.2 with the roles, naming the spilfiguur of a file that has none', async () => {
    const refused = await workflow('school-refusal-review', {
      stage: 'phase-2',
      rows: [{ stakeholder: 'school-1', name: 'Titularis', done: 'Gesprek', effect: '', needed: 'Rustige plek' }],
      channels: [],
    });
    expect(refused.statusCode).toBe(422);
    expect(problemsOf(refused)).toEqual([
      'rows.0.effect:required',
      'rows.pupil:pupil-view',
      'pivot:required',
      'regie:required',
      'channels:communication',
    ]);

    const review = {
      stage: 'phase-2',
      rows: [
        {
          stakeholder: 'pupil',
          done: 'Twee uur per dag naar school',
          effect: 'Lukt op dinsdag',
          needed: 'Opvang aan de poort',
        },
        { stakeholder: 'school-1', name: 'Titularis', done: 'Gesprek', effect: 'Rustiger', needed: 'Rustige plek' },
      ],
      pivot: 'An Peeters',
      regie: 'CLB en leerlingbegeleider samen',
      channels: ['smartschool', 'phone'],
      communication: 'Elke vrijdag een bericht aan de ouders',
    };
    const accepted = await workflow('school-refusal-review', review);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().pivotSet).toBe(true);
    const file = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file`)).json();
    expect(file.pivot.name).toBe('An Peeters');
    const [entry] = await entriesOf('school-refusal-review');
    expect(entry?.what).toContain('Fase 2: update.');
    expect(entry?.what).toContain('Communicatie: Smartschool, telefoon (Elke vrijdag een bericht aan de ouders).');
    // A second review does not overwrite the spilfiguur: that stays with the file's own (version-checked) form.
    const again = await workflow('school-refusal-review', { ...review, pivot: 'Iemand anders' });
    expect(again.json().pivotSet).toBe(false);
    expect((await call('lbg', 'GET', `/api/pupils/${pupilId}/file`)).json().pivot.name).toBe('An Peeters');
  });

  it('lets go of school only with the CLB involved and a complete contact plan, which becomes an open agreement', async () => {
    const choice = {
      grounds: ['severity'],
      alternatives: ['toah', 'm-document'],
      discussedWith: 'Lien, haar ouders en het CLB',
      contactPlan: { who: 'An Peeters', frequency: 'wekelijks', nextContactOn: '2026-03-06', channel: 'phone' },
    };
    const noClb = await workflow('let-go-of-school', choice);
    expect(noClb.statusCode).toBe(422);
    expect(problemsOf(noClb)).toEqual(['clbInvolvement:clb-first']);

    await call('lbg', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'clb-consultation',
      occurredOn: TODAY,
      who: 'LBG',
      what: 'Overleg met het CLB over een alternatief traject',
    });
    const incomplete = await workflow('let-go-of-school', {
      ...choice,
      alternatives: ['m-document'],
      contactPlan: { who: 'An Peeters', nextContactOn: '2026-02-27', channel: 'pigeon' },
    });
    expect(problemsOf(incomplete)).toEqual([
      'alternatives:m-document-alongside',
      'contactPlan.frequency:required',
      'contactPlan.nextContactOn:not-in-the-past',
      'contactPlan.channel:required',
    ]);
    expect(await entriesOf('let-go-of-school')).toEqual([]);

    const accepted = await workflow('let-go-of-school', choice);
    expect(accepted.statusCode).toBe(201);
    const { id, agreementId } = accepted.json();
    const [entry] = await entriesOf('let-go-of-school');
    expect(entry?.id).toBe(id);
    expect(entry?.what).toContain('Alternatieven: TOAH (tijdelijk onderwijs aan huis); M-doc indienen');
    expect(entry?.what).toContain(
      'Contactplan: An Peeters houdt contact, wekelijks, via telefoon; volgend contact op 06/03/2026.',
    );

    const agreements = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/agreements?status=open`)).json();
    const agreement = agreements.items.find((a: { id: number }) => a.id === agreementId);
    expect(agreement).toMatchObject({ who: 'An Peeters', dueOn: '2026-03-06', status: 'open', entryId: id });
    expect(agreement.what).toContain('Contact met Lien via telefoon (wekelijks)');
    const history = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/history?item=agreement`)).json();
    expect(history.items.map((e: { itemId: string }) => String(e.itemId))).toContain(String(agreementId));

    // The exports list every workflow entry with its label.
    const json = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/export.json`)).json();
    expect(json.measures.map((m: { kindLabel: string }) => m.kindLabel)).toEqual(
      expect.arrayContaining([
        'Signalen van schoolweigering',
        'Perspectieven van de betrokkenen',
        'Wat werd en wordt er ondernomen?',
        'School loslaten, de jongere niet',
      ]),
    );
  });
});
