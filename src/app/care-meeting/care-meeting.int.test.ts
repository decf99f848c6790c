// The care meeting over HTTP on a real database: an agenda of three pupils built from the attention list (the
// pupil with a legal signal first), decisions recorded per pupil as agreements with reminders in the pupil files,
// and the minutes as a PDF (read back with pdftotext) in which school roles never find the CLB's confidential note.
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { buildServer } from '../../http/server.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'zorgoverleg-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
5001,Lina,Maes,2012-02-02,secundair,1,1A
5002,Tom,Peeters,2012-03-03,secundair,1,1B
5003,Eva,Wouters,2012-04-04,secundair,1,1B
`;
const CLB_SECRET = 'Vermoeden van depressie';

describe.each(testEngines())('care meeting on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let lina: number;
  let tom: number;
  let eva: number;
  let meetingId: number;
  const sessions: Record<string, HttpSession> = {};
  const dir = tempDir();

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const pdfToText = (pdf: Buffer) =>
    execFileSync('pdftotext', ['-raw', writeTemp(dir, `m-${Math.random().toString(36).slice(2)}.pdf`, pdf), '-'], {
      encoding: 'utf8',
    });

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '888888' });
    [lina, tom, eva] = (await pupilIdsByNumber(t.db, schoolId)) as [number, number, number];
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Overleg');
    await linkSchool(t.db, 'clb', clb, schoolId);
    // Lina: five B half-days (B5_CLB, binding by law). Tom and Eva: none.
    const rows = ['2025-09-15,AM', '2025-10-02,PM', '2025-11-18,AM', '2025-11-18,PM', '2025-12-01,AM'].map(
      (d) => `5001,${d},B`,
    );
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const passwordHash = await hashPassword(PASSWORD);
    const users: [string, number, Role, string[]][] = [
      ['zoco', schoolId, 'zorgcoordinator', []],
      ['teacher', schoolId, 'leerkracht', ['1A']],
      ['clb', clb, 'clb-medewerker', []],
    ];
    for (const [name, organisationId, role, classNames] of users) {
      const id = await insertUser(t.db, { email: `${name}@overleg.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[name] = await signIn(app, `${name}@overleg.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('proposes the agenda from the attention list and puts legal items first', async () => {
    const proposal = await call('zoco', 'GET', `/api/schools/${schoolId}/care-meetings/proposal`);
    expect(proposal.statusCode, proposal.body).toBe(200);
    expect(proposal.json().pupils[0]).toMatchObject({
      pupilId: lina,
      legal: true,
      reasons: expect.arrayContaining([{ ruleId: 'B5_CLB', title: '5 halve dagen B: signaleren aan het CLB' }]),
    });
    const created = await call('zoco', 'POST', `/api/schools/${schoolId}/care-meetings`, {
      heldOn: TODAY,
      attendees: [
        { name: 'Demo zoco', role: 'zorgcoördinator', side: 'school' },
        { name: 'Demo clb', role: 'CLB-medewerker', side: 'clb' },
      ],
      pupilIds: [tom, eva, lina],
    });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json().id;
    const meeting = await call('zoco', 'GET', `/api/care-meetings/${meetingId}`);
    expect(meeting.json().agenda.map((a: { pupilId: number }) => a.pupilId)).toEqual([lina, tom, eva]);
    expect((await call('teacher', 'GET', `/api/care-meetings/${meetingId}`)).statusCode).toBe(403);
  });

  it('turns the decisions of three pupils into agreements with reminders in their files', async () => {
    const decide = (who: string, pupilId: number, body: object) =>
      call(who, 'POST', `/api/care-meetings/${meetingId}/pupils/${pupilId}/decisions`, body);
    const linaDecided = await decide('zoco', lina, {
      note: 'Vijf B-halve dagen; CLB wordt gesignaleerd.',
      agreements: [
        { what: 'Gesprek met Lina en de ouders', who: 'Demo zoco', dueOn: '2026-03-09', remindOn: TODAY },
        { what: 'CLB-signalering versturen', who: 'Demo zoco', dueOn: '2026-03-04', checkNote: 'Volgend overleg' },
      ],
    });
    expect(linaDecided.statusCode, linaDecided.body).toBe(201);
    // A school role cannot write a CLB-confidential note; the CLB member can.
    const refused = await decide('zoco', tom, { note: 'x', clbNote: 'y', agreements: [] });
    expect(refused.statusCode).toBe(403);
    const tomDecided = await decide('clb', tom, {
      note: 'Tom voelt zich niet goed op school; het CLB volgt op.',
      clbNote: CLB_SECRET,
      agreements: [{ what: 'Intakegesprek CLB', who: 'Demo clb', dueOn: '2026-03-20' }],
    });
    expect(tomDecided.statusCode, tomDecided.body).toBe(201);
    const evaDecided = await decide('zoco', eva, {
      note: 'Opvolgen na de krokusvakantie.',
      agreements: [{ what: 'Klassenraad bevragen', who: 'Demo zoco', dueOn: '2026-04-01', remindOn: '2026-03-25' }],
    });
    expect(evaDecided.statusCode).toBe(201);
    expect((await decide('zoco', eva, { note: 'nog eens', agreements: [] })).statusCode).toBe(409);

    // The agreements are in the pupil files, linked to the meeting's timeline entry.
    const agreements = await call('zoco', 'GET', `/api/pupils/${lina}/file/agreements`);
    expect(
      agreements
        .json()
        .items.map((a: { what: string }) => a.what)
        .sort(),
    ).toEqual(['CLB-signalering versturen', 'Gesprek met Lina en de ouders']);
    const timeline = await call('zoco', 'GET', `/api/pupils/${lina}/file/timeline`);
    expect(timeline.json().items.some((i: { kind: string }) => i.kind === 'care-meeting')).toBe(true);
    // Reminders: from their reminder date (today) or the lead time before the due date (the 4th is within it).
    const reminders = await call('zoco', 'GET', `/api/schools/${schoolId}/reminders`);
    expect(
      reminders
        .json()
        .items.map((r: { what: string }) => r.what)
        .sort(),
    ).toEqual(['CLB-signalering versturen', 'Gesprek met Lina en de ouders']);
    const clbReminders = await call('clb', 'GET', `/api/schools/${schoolId}/reminders`);
    expect(clbReminders.json().total).toBe(2);
  });

  it('the minutes PDF lists the agreements; school roles never read the CLB note, the CLB does', async () => {
    const school = await call('zoco', 'GET', `/api/care-meetings/${meetingId}/minutes.pdf`);
    expect(school.statusCode).toBe(200);
    expect(school.headers['content-type']).toBe('application/pdf');
    const text = pdfToText(school.rawPayload);
    expect(text).toContain('Verslag: Zorgoverleg');
    expect(text).toContain('School: Demo zoco (zorgcoördinator)');
    expect(text).toContain('CLB: Demo clb (CLB-medewerker)');
    expect(text).toMatch(/1\. Lina Maes \(klas 1A\) · wettelijke verplichting/);
    expect(text).toContain('- Gesprek met Lina en de ouders · Demo zoco · tegen 09/03/2026 · herinnering 02/03/2026');
    expect(text).toContain('- Intakegesprek CLB · Demo clb · tegen 20/03/2026');
    expect(text).toContain('- Klassenraad bevragen · Demo zoco · tegen 01/04/2026');
    expect(text).toContain('Tom voelt zich niet goed op school');
    expect(text).not.toContain(CLB_SECRET);
    const schoolJson = await call('zoco', 'GET', `/api/care-meetings/${meetingId}`);
    expect(schoolJson.body).not.toContain(CLB_SECRET);
    const clb = await call('clb', 'GET', `/api/care-meetings/${meetingId}/minutes.pdf`);
    expect(pdfToText(clb.rawPayload)).toContain(`Vertrouwelijk (CLB): Zorgoverleg van 02/03/2026 (CLB): ${CLB_SECRET}`);
    const list = await call('clb', 'GET', `/api/schools/${schoolId}/care-meetings`);
    expect(list.json().items).toMatchObject([{ id: meetingId, pupils: 3 }]);
  });
});
