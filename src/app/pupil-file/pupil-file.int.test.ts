// The pupil file over HTTP on a real database: guided workflows refuse what the seeds forbid, concurrent edits
// of an agreement lose nothing, signals are handled and linked, confidentiality filters the timeline.
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

const TODAY = '2026-03-02';
const PASSWORD = 'dossier-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
2001,Sam,Wouters,2011-04-04,secundair,2,2A
2002,Noor,Claes,2011-06-06,secundair,2,2B
`;
const FIVE_B = ['2025-09-15,AM', '2025-10-02,PM', '2025-11-18,AM', '2025-11-18,PM', '2026-01-13,AM'];

describe.each(testEngines())('pupil file on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let pupilId: number;
  let otherPupilId: number;
  const sessions: Record<string, HttpSession> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '333333' });
    const dir = tempDir();
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'r.csv', `pupil_id,date,half,code\n${FIVE_B.map((d) => `2001,${d},B`).join('\n')}\n`),
      today: TODAY,
    });
    const ids = await t.db.query<{ id: number; externalId: string }>(
      'SELECT id::int AS id, external_id AS "externalId" FROM pupil WHERE school_id = $1 ORDER BY external_id',
      [schoolId],
    );
    pupilId = ids[0]?.id as number;
    otherPupilId = ids[1]?.id as number;
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Dossier');
    await linkSchool(t.db, 'clb', clb, schoolId);
    const passwordHash = await hashPassword(PASSWORD);
    const users: [
      string,
      number,
      'leerlingbegeleider' | 'zorgcoordinator' | 'leerkracht' | 'clb-medewerker',
      string[],
    ][] = [
      ['lbg', schoolId, 'leerlingbegeleider', []],
      ['zoco', schoolId, 'zorgcoordinator', []],
      ['teacher', schoolId, 'leerkracht', ['2A']],
      ['clb', clb, 'clb-medewerker', []],
    ];
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    for (const [name, organisationId, role, classNames] of users) {
      const id = await insertUser(t.db, { email: `${name}@dossier.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[name] = await signIn(app, `${name}@dossier.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses a police report without a recorded CLB consultation, and for any other ground', async () => {
    const report = {
      ground: 'manifest-unwillingness',
      unwillingnessFacts: 'Ouders weigeren elk gesprek.',
      notPowerlessness: true,
    };
    const refused = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/workflows/police-report`, report);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().preconditions.map((p: { code: string }) => p.code)).toEqual(['clb-consultation-first']);
    expect(refused.json().detail).toMatch(/na een genoteerd overleg met het CLB/);

    const consultation = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'clb-consultation',
      occurredOn: '2026-02-20',
      who: 'LBG en CLB-medewerker',
      what: 'Overleg over de afwezigheden; ouders werken niet mee.',
    });
    expect(consultation.statusCode).toBe(201);

    const wrongGround = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/workflows/police-report`, {
      ground: 'te-laat-komen',
    });
    expect(wrongGround.statusCode).toBe(422);
    expect(wrongGround.json().preconditions.map((p: { code: string }) => p.code)).toEqual(['ground']);

    // Total unreachability also needs the latest contact attempt with a parent to have failed.
    const unreachable = {
      ground: 'total-unreachability',
      unreachability: {
        lastKnownAddress: 'Kerkstraat 1',
        lastSeenOn: '2026-01-13',
        attemptsSummary: 'Drie keer gebeld.',
      },
    };
    const noAttempts = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/workflows/police-report`, unreachable);
    expect(noAttempts.json().preconditions.map((p: { code: string }) => p.code)).toEqual(['unreachable-not-shown']);

    // A police report is never a plain entry: only the workflow can record one.
    const plain = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'police-report',
      occurredOn: TODAY,
      who: 'LBG',
      what: 'Melding',
    });
    expect(plain.statusCode).toBe(400);

    const accepted = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/workflows/police-report`, report);
    expect(accepted.statusCode).toBe(201);
    const timeline = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/timeline?sources=entry`)).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual(['police-report', 'clb-consultation']);
  });

  it('two concurrent edits of the same agreement: the second gets 409 with the current version, nothing is lost', async () => {
    const created = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/agreements`, {
      what: 'Sam komt elke maandag langs bij de leerlingbegeleider',
      who: 'Sam en LBG',
      dueOn: '2026-03-09',
      checkNote: 'Opvolgen in het zorgoverleg',
    });
    expect(created.statusCode).toBe(201);
    const agreement = created.json();
    expect(agreement.version).toBe(1);

    // Both editors loaded version 1; their saves arrive at the same time.
    const first = { ...agreement, who: 'Sam, LBG en klastitularis', version: 1 };
    const second = { ...agreement, dueOn: '2026-03-16', checkNote: 'Check bij CLB', version: 1 };
    const pick = ({ what, who, dueOn, checkNote, status, version }: typeof first) => ({
      what,
      who,
      dueOn,
      checkNote,
      status,
      version,
    });
    const [a, b] = await Promise.all([
      call('lbg', 'PUT', `/api/file/agreements/${agreement.id}`, pick(first)),
      call('clb', 'PUT', `/api/file/agreements/${agreement.id}`, pick(second)),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const losingChange = a.statusCode === 200 ? second : first;
    expect(won.json().version).toBe(2);
    expect(lost.json().current.version).toBe(2);
    expect(lost.json().current).toMatchObject({ id: agreement.id, who: won.json().who, dueOn: won.json().dueOn });
    // The loser's change comes back with the conflict, so the user can re-apply it.
    expect(lost.json().yours).toMatchObject({ who: losingChange.who, dueOn: losingChange.dueOn, version: 1 });

    // Retrying on the current version applies the second change on top of the first: nothing is lost.
    const retry = await call('lbg', 'PUT', `/api/file/agreements/${agreement.id}`, {
      ...pick(losingChange),
      who: won.json().who === losingChange.who ? losingChange.who : 'Sam, LBG en klastitularis',
      dueOn: '2026-03-16',
      checkNote: 'Check bij CLB',
      version: 2,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ who: 'Sam, LBG en klastitularis', dueOn: '2026-03-16', version: 3 });
    const history = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/history?item=agreement`)).json();
    expect(history.items.map((e: { version: number }) => e.version)).toEqual([3, 2, 1]);
    expect(history.items[1].before.who).toBe('Sam en LBG');
  });

  it('signals the CLB through the checklist only after a conversation with the pupil, and handles B5_CLB', async () => {
    const checklist = {
      absenceCount: '5 halve dagen B',
      absenceReasons: 'Verslapen, geen zin',
      actionsTaken: 'Gesprek met Sam, telefoon naar moeder',
      whatWorks: 'Persoonlijk contact met de titularis',
      whatDoesNotWork: 'Strafstudie',
      underlyingProblems: 'Mogelijk conflict thuis',
      truancyProfile: 'Gelegenheidsspijbelaar',
    };
    const incomplete = await call('lbg', 'POST', `/api/pupils/${otherPupilId}/file/workflows/clb-signal`, {
      checklist: { ...checklist, truancyProfile: '' },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().preconditions.map((p: { code: string }) => p.code)).toEqual([
      'required',
      'conversation-first',
    ]);

    await call('lbg', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'pupil-conversation',
      occurredOn: '2026-02-27',
      who: 'LBG',
      what: 'Gesprek over de afwezigheden.',
      effect: 'Sam belooft op tijd te komen.',
    });
    const before = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file`)).json();
    expect(before.openSignals.map((s: { ruleId: string }) => s.ruleId)).toContain('B5_CLB');
    // Pre-filled from what the app knows: the B count with the dates, counts per code, the measures in the file.
    expect(before.clbSignalDraft.absenceCount).toMatch(/^5 halve dagen B dit schooljaar \(/);
    expect(before.clbSignalDraft.absenceCount).toContain('Per code: B: 5');
    expect(before.clbSignalDraft.actionsTaken).toContain('Gesprek met de leerling');

    const signalled = await call('lbg', 'POST', `/api/pupils/${pupilId}/file/workflows/clb-signal`, { checklist });
    expect(signalled.statusCode).toBe(201);
    const { id, signal } = signalled.json();
    expect(signal.status).toBe('handled');
    const stored = await t.db.query<{ status: string; link: string }>(
      `SELECT status, handled_link AS link FROM signal WHERE pupil_id = $1 AND rule_id = 'B5_CLB'`,
      [pupilId],
    );
    expect(stored).toEqual([{ status: 'handled', link: `entry:${id}` }]);

    // One timeline mixes register facts, signals and entries, newest first, paginated.
    const all = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/timeline?limit=3`)).json();
    expect(all.total).toBeGreaterThanOrEqual(9);
    expect(all.items).toHaveLength(3);
    const next = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/timeline?limit=50&offset=3`)).json();
    const sources = new Set([...all.items, ...next.items].map((i: { source: string }) => i.source));
    expect([...sources].sort()).toEqual(['entry', 'register', 'signal']);
    const dates = [...all.items, ...next.items].map((i: { date: string }) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('handles a signal from the attention list by recording a timeline entry it links to', async () => {
    const [signal] = await t.db.query<{ id: number; version: number }>(
      `SELECT id::int AS id, version FROM signal WHERE pupil_id = $1 AND rule_id = 'B_FIRST'`,
      [pupilId],
    );
    const handled = await call('zoco', 'POST', `/api/signals/${signal?.id}/handle-with-entry`, {
      version: signal?.version,
      note: 'Telefonisch contact met moeder.',
      kind: 'parents-phone',
    });
    expect(handled.statusCode).toBe(200);
    const [row] = await t.db.query<{ link: string; note: string }>(
      'SELECT handled_link AS link, handled_note AS note FROM signal WHERE id = $1',
      [signal?.id],
    );
    expect(row).toEqual({ link: `entry:${handled.json().id}`, note: 'Telefonisch contact met moeder.' });
    const stale = await call('zoco', 'POST', `/api/signals/${signal?.id}/handle-with-entry`, {
      version: signal?.version,
      note: 'Nog eens.',
    });
    expect(stale.statusCode).toBe(409);
    const entries = await t.db.query('SELECT id FROM file_entry WHERE what = $1', ['Nog eens.']);
    expect(entries).toEqual([]); // the conflict rolled the entry back too
  });

  it('filters entries by confidentiality level and lets a role write only levels it reads', async () => {
    const clbOnly = await call('clb', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'other',
      occurredOn: '2026-03-01',
      who: 'CLB',
      what: 'Vertrouwelijk CLB-verslag',
      confidentiality: 'clb',
    });
    expect(clbOnly.statusCode).toBe(201);
    const seenByLbg = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file/timeline?sources=entry&limit=500`)).json();
    expect(seenByLbg.items.map((i: { what: string }) => i.what)).not.toContain('Vertrouwelijk CLB-verslag');
    const seenByClb = (await call('clb', 'GET', `/api/pupils/${pupilId}/file/timeline?sources=entry&limit=500`)).json();
    expect(seenByClb.items.map((i: { what: string }) => i.what)).toContain('Vertrouwelijk CLB-verslag');
    const editHidden = await call('lbg', 'PUT', `/api/file/entries/${clbOnly.json().id}`, {
      kind: 'other',
      occurredOn: '2026-03-01',
      who: 'x',
      what: 'y',
      confidentiality: 'school',
      version: 1,
    });
    expect(editHidden.statusCode).toBe(404);
    const teacherClb = await call('teacher', 'POST', `/api/pupils/${pupilId}/file/entries`, {
      kind: 'class-conversation',
      occurredOn: TODAY,
      who: 'Titularis',
      what: 'Klasgesprek',
      confidentiality: 'clb',
    });
    expect(teacherClb.statusCode).toBe(403);
    const teacherOther = await call('teacher', 'GET', `/api/pupils/${otherPupilId}/file`);
    expect(teacherOther.statusCode).toBe(403); // not the teacher's class
  });

  it('keeps the phase history per track, the spilfiguur and contact attempts; exports JSON and PDF', async () => {
    const phase = await call('lbg', 'PUT', `/api/pupils/${pupilId}/file/tracks/ongeoorloofd`, {
      phase: 1,
      reason: '5 B-codes, CLB gesignaleerd',
      version: 0,
    });
    expect(phase.statusCode).toBe(200);
    const stalePhase = await call('lbg', 'PUT', `/api/pupils/${pupilId}/file/tracks/ongeoorloofd`, {
      phase: 2,
      reason: 'x',
      version: 0,
    });
    expect(stalePhase.statusCode).toBe(409);
    expect(stalePhase.json().current).toMatchObject({ phase: 1, version: 1 });
    const teacherPhase = await call('teacher', 'PUT', `/api/pupils/${pupilId}/file/tracks/ongeoorloofd`, {
      phase: 2,
      reason: 'x',
      version: 1,
    });
    expect(teacherPhase.statusCode).toBe(403);
    const pivot = await call('lbg', 'PUT', `/api/pupils/${pupilId}/file/pivot`, {
      name: 'An Peeters',
      role: 'leerlingbegeleider',
      version: 0,
    });
    expect(pivot.json()).toMatchObject({ name: 'An Peeters', version: 2 });
    const mother = (
      await call('lbg', 'POST', `/api/pupils/${pupilId}/file/people`, {
        relation: 'parent1',
        name: 'Moeder Wouters',
        phone: '0470 00 00 00',
      })
    ).json();
    await call('lbg', 'POST', `/api/file/people/${mother.id}/contact-attempts`, {
      attemptedOn: '2026-02-28',
      channel: 'phone',
      reached: false,
    });
    const file = (await call('lbg', 'GET', `/api/pupils/${pupilId}/file`)).json();
    expect(file.parentsUnreachable).toBe(true);
    // The attention list weighs it: every open signal of this pupil says its parents were unreachable.
    const attention = (await call('lbg', 'GET', `/api/schools/${file.pupil.schoolId}/attention?status=all`)).json();
    const mine = attention.items.filter((i: { pupil: { id: number } }) => i.pupil.id === pupilId);
    expect(mine.length).toBeGreaterThan(0);
    for (const item of mine) expect(item.priority.parentsUnreachable).toBe(true);
    expect(file.tracks.find((x: { track: string }) => x.track === 'ongeoorloofd')).toMatchObject({ phase: 1 });
    expect(file.trackChanges[0]).toMatchObject({ fromPhase: null, toPhase: 1, changedBy: 'Demo lbg' });

    const json = await call('lbg', 'GET', `/api/pupils/${pupilId}/file/export.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json().measures.map((m: { kind: string }) => m.kind)).toContain('clb-signal');
    const pdf = await call('lbg', 'GET', `/api/pupils/${pupilId}/file/export.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const teacherExport = await call('teacher', 'GET', `/api/pupils/${pupilId}/file/export.pdf`);
    expect(teacherExport.statusCode).toBe(403);
  });
});
