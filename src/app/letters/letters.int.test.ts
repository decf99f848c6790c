// Letters to parents and the e-mail preference over HTTP on a real database: the school's directie edits a
// template (placeholders checked, versions kept), the care team generates a lateness letter as PDF (read back with
// pdftotext) and DOCX, counted from the register, and each letter appears in the pupil's timeline as a contact with
// the parents; class teachers, the secretariat and the CLB cannot write letters.
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { responseText } from '../../testing/response-text.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'brieven-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
4001,Lina,Maes,2012-02-02,secundair,1,1A
`;

describe.each(testEngines())('letters to parents and e-mail preferences on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let lina: number;
  const sessions: Record<string, HttpSession> = {};
  const dir = tempDir();

  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const pdfToText = (pdf: Buffer) => {
    const file = writeTemp(dir, `letter-${Math.random().toString(36).slice(2)}.pdf`, pdf);
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '777777' });
    [lina] = (await pupilIdsByNumber(t.db, schoolId)) as [number];
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Brieven');
    await linkSchool(t.db, 'clb', clb, schoolId);
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(
        dir,
        'register.csv',
        'pupil_id,date,half,code\n4001,2026-02-02,AM,L\n4001,2026-02-05,AM,L\n4001,2026-02-10,AM,L\n4001,2026-02-12,PM,B\n',
      ),
      today: TODAY,
    });
    app = await buildServerFor(t);
    const passwordHash = await hashPassword(PASSWORD);
    const users: [string, number, Role, string[]][] = [
      ['lbg', schoolId, 'leerlingbegeleider', []],
      ['directie', schoolId, 'directie', []],
      ['teacher', schoolId, 'leerkracht', ['1A']],
      ['secretariaat', schoolId, 'secretariaat', []],
      ['clb', clb, 'clb-medewerker', []],
    ];
    for (const [name, organisationId, role, classNames] of users) {
      const id = await insertUser(t.db, { email: `${name}@brief.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[name] = await signIn(app, `${name}@brief.test`, PASSWORD);
    }
    const parent = await call('lbg', 'POST', `/api/pupils/${lina}/file/people`, {
      relation: 'parent1',
      name: 'An Maes',
    });
    expect(parent.statusCode, parent.body).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('the directie edits a template: only known placeholders, a stale version is refused, reset to the default', async () => {
    const list = await call('directie', 'GET', `/api/schools/${schoolId}/letter-templates`);
    expect(list.statusCode, list.body).toBe(200);
    const late = list.json().templates.find((x: { kind: string }) => x.kind === 'late-often');
    expect(late).toMatchObject({ isDefault: true, version: 0 });
    const url = `/api/schools/${schoolId}/letter-templates/late-often`;
    const typo = await call('directie', 'PUT', url, {
      subject: 'Te laat',
      body: 'Beste {{ouders}}, {{voornam}}',
      version: 0,
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().detail ?? typo.body).toContain('{{voornam}}');
    const body = `{{ouders}},\n\n{{voornaam}} kwam {{aantal_te_laat}} keer te laat tussen {{periode_van}} en {{periode_tot}}: {{data_te_laat}}.\n\nDe directie van {{school}}`;
    const saved = await call('directie', 'PUT', url, { subject: 'Te laat komen van {{voornaam}}', body, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().templates.find((x: { kind: string }) => x.kind === 'late-often')).toMatchObject({
      isDefault: false,
      version: 1,
      body,
    });
    const stale = await call('directie', 'PUT', url, { subject: 'Andere', body, version: 0 });
    expect(stale.statusCode).toBe(409);
    for (const who of ['lbg', 'teacher', 'clb'])
      expect((await call(who, 'GET', `/api/schools/${schoolId}/letter-templates`)).statusCode, who).toBe(403);
    // The invitation keeps its default; reset of another template works too.
    const reset = await call('directie', 'DELETE', `/api/schools/${schoolId}/letter-templates/invitation`);
    expect(reset.statusCode).toBe(200);
  });

  it('a lateness letter as PDF counts the L half-days, uses the school template and lands in the timeline', async () => {
    const response = await call('lbg', 'POST', `/api/pupils/${lina}/letters`, {
      kind: 'late-often',
      format: 'pdf',
      from: '2026-02-01',
      until: '2026-02-28',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('brief-late-often-4001-2026-03-02.pdf');
    const text = pdfToText(response.rawPayload);
    expect(text).toContain('Te laat komen van Lina');
    expect(text).toContain('Beste An Maes,');
    expect(text).toContain(
      'Lina kwam 3 keer te laat tussen 01/02/2026 en 28/02/2026: 02/02/2026 (vm), 05/02/2026 (vm), 10/02/2026 (vm).',
    );
    expect(text).toContain('De directie van School 777777');
    const timeline = await call('lbg', 'GET', `/api/pupils/${lina}/file/timeline`);
    const entry = timeline
      .json()
      .items.find((i: { id: string | number }) => String(i.id) === response.headers['x-entry-id']);
    expect(entry).toMatchObject({ kind: 'parents-letter', what: 'Brief aan de ouders: Herhaald te laat komen (PDF).' });
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE $1 = ANY(pupil_ids) AND action = 'file.entry'`,
      [lina],
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('the CLB letter as DOCX counts the B half-days with the default text', async () => {
    const response = await call('lbg', 'POST', `/api/pupils/${lina}/letters`, { kind: 'clb-involved', format: 'docx' });
    expect(response.statusCode, response.body).toBe(201);
    const text = await responseText(response);
    expect(text).toContain('Afwezigheid van Lina: het CLB wordt betrokken');
    expect(text).toContain('1 halve dagen ongewettigd afwezig (code B): 12/02/2026 (nm)');
  });

  it('an invitation needs its moment; class teachers, the secretariat and the CLB write no letters', async () => {
    const missing = await call('lbg', 'POST', `/api/pupils/${lina}/letters`, { kind: 'invitation', format: 'pdf' });
    expect(missing.statusCode).toBe(400);
    const ok = await call('lbg', 'POST', `/api/pupils/${lina}/letters`, {
      kind: 'invitation',
      format: 'pdf',
      meetingAt: 'maandag 9 maart om 16 uur',
      meetingPlace: 'lokaal B12',
    });
    expect(pdfToText(ok.rawPayload)).toContain('Wanneer: maandag 9 maart om 16 uur');
    for (const who of ['teacher', 'secretariaat', 'clb'])
      expect(
        (await call(who, 'POST', `/api/pupils/${lina}/letters`, { kind: 'late-often', format: 'pdf' })).statusCode,
        who,
      ).toBe(403);
  });

  it('each user reads and sets their own e-mail digest preference, with versions', async () => {
    const start = await call('teacher', 'GET', '/api/me/notifications');
    expect(start.json()).toEqual({ frequency: 'daily', version: 0, log: [] });
    const weekly = await call('teacher', 'PUT', '/api/me/notifications', { frequency: 'weekly', version: 0 });
    expect(weekly.json()).toMatchObject({ frequency: 'weekly', version: 1 });
    expect((await call('teacher', 'PUT', '/api/me/notifications', { frequency: 'off', version: 0 })).statusCode).toBe(
      409,
    );
    expect(
      (await call('teacher', 'PUT', '/api/me/notifications', { frequency: 'hourly', version: 1 })).statusCode,
    ).toBe(400);
    // Another user's preference is untouched.
    expect((await call('lbg', 'GET', '/api/me/notifications')).json()).toMatchObject({ frequency: 'daily' });
  });
});

async function buildServerFor(t: TestDatabase) {
  const { buildServer } = await import('../../http/server.ts');
  return buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
}
