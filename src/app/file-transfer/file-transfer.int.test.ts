// The file transfer to the new school's CLB over HTTP on a real database (issue 15, docs/decisions/0036): the old
// CLB sees where the pupil went through the keyed identity, records the decision of the parents (or the adult
// pupil), and sends; a refusal blocks the refusable categories, disciplinary content never goes, the CLB doctor's
// items reach only the new CLB's doctor, the new school's staff read nothing of it, and stale decisions are 409.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDocument } from '../../db/file-document.repository.ts';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { insertEntry } from '../../db/pupil-file.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { buildServer } from '../../http/server.ts';
import { schoolWithPupils } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { hashPassword } from '../auth.service.ts';

const PASSWORD = 'transfer-wachtwoord-123';
const TODAY = '2026-03-02';
const HEADER = 'pupil_id,first_name,last_name,birth_date,level,grade,class,enrolled_from,insz';
/** A valid INSZ of 9 digits (birth date and counter): check digits mod 97, with the "2" prefix for births from 2000. */
function validInsz(base9: string, born2000: boolean): string {
  const check = 97 - (Number(BigInt(`${born2000 ? '2' : ''}${base9}`) % 97n) || 97);
  return `${base9}${String(check === 0 ? 97 : check).padStart(2, '0')}`;
}

describe.each(testEngines())('the file transfer to the new CLB on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolA: number;
  let schoolN: number;
  let clbY: number;
  let pupilA: number;
  let pupilN: number;
  let adultA: number;
  const sessions: Record<string, HttpSession> = {};
  const content: Record<string, number> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const idOf = async (schoolId: number, externalId: string) =>
    (
      (await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2', [
        schoolId,
        externalId,
      ])) as [{ id: number }]
    )[0].id;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const minor = validInsz('110202123', true);
    const adult = validInsz('070101123', true);
    schoolA = await schoolWithPupils(
      t.db,
      `${HEADER}\nA1,Noor,Claes,2011-02-02,secundair,2,2A,2025-09-01,${minor}\nA2,Ruben,Maes,2007-01-01,secundair,6,6A,2025-09-01,${adult}\n`,
      { institutionNumber: '818181' },
    );
    schoolN = await schoolWithPupils(
      t.db,
      `${HEADER}\nN1,Noor,Claes,2011-02-02,secundair,2,2B,2026-01-05,${minor}\nN2,Ruben,Maes,2007-01-01,secundair,6,6B,2026-01-05,${adult}\n`,
      { institutionNumber: '828282' },
    );
    const clbX = await insertOrganisation(t.db, 'clb', 'CLB Oud');
    clbY = await insertOrganisation(t.db, 'clb', 'CLB Nieuw');
    const clbZ = await insertOrganisation(t.db, 'clb', 'CLB Elders');
    await linkSchool(t.db, 'clb', clbX, schoolA);
    await linkSchool(t.db, 'clb', clbY, schoolN);
    pupilA = await idOf(schoolA, 'A1');
    pupilN = await idOf(schoolN, 'N1');
    adultA = await idOf(schoolA, 'A2');
    const passwordHash = await hashPassword(PASSWORD);
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const users: [string, number, Role][] = [
      ['xWorker', clbX, 'clb-medewerker'],
      ['xDoctor', clbX, 'clb-arts'],
      ['yWorker', clbY, 'clb-medewerker'],
      ['yDoctor', clbY, 'clb-arts'],
      ['zWorker', clbZ, 'clb-medewerker'],
      ['aCoordinator', schoolA, 'zorgcoordinator'],
      ['nCoordinator', schoolN, 'zorgcoordinator'],
    ];
    for (const [name, organisationId, role] of users) {
      const userId = await insertUser(t.db, { email: `${name}@t.test`, displayName: name, passwordHash });
      await addMembership(t.db, { userId, organisationId, role, classNames: [] });
      sessions[name] = await signIn(app, `${name}@t.test`, PASSWORD);
    }
    const entry = (kind: string, confidentiality: 'school' | 'school+clb' | 'clb' | 'clb-arts', what: string) =>
      insertEntry(t.db, {
        pupilId: pupilA,
        schoolId: schoolA,
        kind,
        occurredOn: '2026-01-10',
        who: 'Team',
        what,
        effect: null,
        confidentiality,
        authorId: null,
        authorRole: confidentiality === 'clb-arts' ? 'clb-arts' : 'clb-medewerker',
      });
    content.guidance = await entry('home-visit', 'clb', 'QqGuidance huisbezoek');
    content.sanction = await entry('sanctioning-measure', 'school+clb', 'QqSanction strafstudie');
    content.medical = await entry('school-and-illness', 'clb-arts', 'QqMedical diagnose');
    content.schoolOnly = await entry('pupil-conversation', 'school', 'QqSchoolOnly gesprek');
    const document = (title: string, confidentiality: 'school+clb' | 'clb-arts') =>
      insertDocument(t.db, {
        pupilId: pupilA,
        schoolId: schoolA,
        entryId: null,
        title,
        description: null,
        fileName: `${title}.txt`,
        mediaType: 'text/plain; charset=utf-8',
        sha256: createHash('sha256').update(`${title} inhoud`).digest('hex'),
        content: Buffer.from(`${title} inhoud`),
        confidentiality,
        uploadedBy: null,
        uploaderRole: 'clb-medewerker',
      });
    content.verslag = await document('QqVerslag', 'school+clb');
    content.medicalDoc = await document('QqMedicalDoc', 'clb-arts');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const overview = async (who: string, pupilId = pupilA) => {
    const response = await call(who, 'GET', `/api/pupils/${pupilId}/file-transfer`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const decide = (who: string, body: object, pupilId = pupilA) =>
    call(who, 'POST', `/api/pupils/${pupilId}/file-transfer/decisions`, {
      decidedBy: 'parents',
      informedOn: '2026-02-20',
      decidedOn: '2026-02-25',
      refused: [],
      replaces: null,
      ...body,
    });
  const everything = (decisionId: number) => ({
    toPupilId: pupilN,
    decisionId,
    entryIds: [content.guidance, content.sanction, content.medical],
    documents: [
      { id: content.verslag, mark: 'verslag' },
      { id: content.medicalDoc, mark: null },
    ],
    handoverNote: 'Graag contact opnemen met de ouders.',
  });
  const send = (who: string, body: object, pupilId = pupilA) =>
    call(who, 'POST', `/api/pupils/${pupilId}/file-transfer/transfers`, body);

  it('shows the old CLB where the pupil went (same identity) and what it may choose; never the school level', async () => {
    const worker = await overview('xWorker');
    expect(worker.newSchools).toEqual([
      {
        pupilId: pupilN,
        school: { id: schoolN, name: 'School 828282' },
        enrolledFrom: '2026-01-05',
        clb: { id: clbY, name: 'CLB Nieuw' },
      },
    ]);
    expect(worker.decider.now).toBe('parents');
    const ids = worker.choosable.entries.map((e: { id: number }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([content.guidance, content.sanction]));
    expect(ids).not.toContain(content.schoolOnly);
    expect(ids).not.toContain(content.medical);
    const sanction = worker.choosable.entries.find((e: { id: number }) => e.id === content.sanction);
    expect(sanction).toMatchObject({ category: 'disciplinary', rule: 'never', goesAlong: false });
    const doctor = await overview('xDoctor');
    expect(doctor.choosable.entries.map((e: { id: number }) => e.id)).toContain(content.medical);
    expect(doctor.choosable.documents.map((d: { id: number }) => d.id)).toContain(content.medicalDoc);
    expect(JSON.stringify(worker)).not.toContain('Qq' + 'Sanction strafstudie');
  });

  it('refuses school roles and CLBs that do not serve the school (403)', async () => {
    for (const who of ['aCoordinator', 'nCoordinator', 'yWorker', 'zWorker']) {
      expect((await call(who, 'GET', `/api/pupils/${pupilA}/file-transfer`)).statusCode, who).toBe(403);
      expect((await decide(who, {})).statusCode, who).toBe(403);
      expect((await send(who, everything(1))).statusCode, who).toBe(403);
    }
  });

  it('sends nothing without a recorded decision of the parents', async () => {
    const response = await send('xDoctor', everything(1));
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toContain('transfer-decision-required');
  });

  it('checks the decision: the right party by age, informed first, only refusable categories', async () => {
    const wrongParty = await decide('xWorker', { decidedBy: 'pupil' });
    expect(wrongParty.statusCode).toBe(422);
    expect(wrongParty.body).toContain('minderjarig');
    expect((await decide('xWorker', { informedOn: '2026-02-26' })).statusCode).toBe(422);
    expect((await decide('xWorker', { refused: ['verslag'] })).statusCode).toBe(422);
    expect((await decide('xWorker', { refused: ['disciplinary'] })).statusCode).toBe(422);
    expect((await decide('xWorker', { decidedOn: '2026-03-03' })).statusCode).toBe(422);
    // The adult pupil decides alone.
    expect((await decide('xWorker', { decidedBy: 'parents' }, adultA)).statusCode).toBe(422);
    expect((await decide('xWorker', { decidedBy: 'pupil' }, adultA)).statusCode).toBe(201);
  });

  let refusal = 0;
  it('records a refusal of the guidance; a second recorder who saw no decision gets 409', async () => {
    const first = await decide('xWorker', { refused: ['guidance'], note: 'Ouders willen een nieuwe start.' });
    expect(first.statusCode, first.body).toBe(201);
    refusal = first.json().id;
    const stale = await decide('xDoctor', { refused: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe(refusal);
  });

  let transferId = 0;
  it('sends under the refusal: the verslag and the CLB doctor’s items go; guidance (refused) and the sanction never', async () => {
    expect((await send('xDoctor', everything(refusal + 1000))).statusCode).toBe(409);
    const response = await send('xDoctor', everything(refusal));
    expect(response.statusCode, response.body).toBe(201);
    const sent = response.json();
    transferId = sent.id;
    expect(sent.counts).toEqual([
      { category: 'clb-medical', count: 2 },
      { category: 'verslag', count: 1 },
    ]);
    expect(sent.leftOut).toEqual(
      expect.arrayContaining([
        { category: 'guidance', reason: 'refused', count: 1 },
        { category: 'disciplinary', reason: 'never-transferable', count: 1 },
      ]),
    );
    const stored = await t.db.query<{ text: string }>(
      `SELECT coalesce(what, '') || coalesce(title, '') || coalesce(encode(content, 'escape'), '') AS text
       FROM file_transfer_item WHERE transfer_id = $1`,
      [transferId],
    );
    const all = stored.map((r) => r.text).join('|');
    expect(all).not.toContain('QqSanction');
    expect(all).not.toContain('QqGuidance');
    expect(all).toContain('QqVerslag');
  });

  it('never transfers disciplinary content, not even marked or with no objection', async () => {
    const open = await decide('xWorker', { replaces: refusal });
    expect(open.statusCode).toBe(201);
    const response = await send('xWorker', {
      toPupilId: pupilN,
      decisionId: open.json().id,
      entryIds: [content.guidance, content.sanction],
      documents: [{ id: content.verslag, mark: 'disciplinary' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().counts).toEqual([{ category: 'guidance', count: 1 }]);
    expect(response.json().leftOut).toEqual([{ category: 'disciplinary', reason: 'never-transferable', count: 2 }]);
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM file_transfer_item WHERE category = 'disciplinary' OR what LIKE '%QqSanction%'`,
    );
    expect(row?.n).toBe(0);
  });

  it('refuses items outside the CLB part the sender reads and a target that is not where the pupil went (422)', async () => {
    const decisionId = (await overview('xWorker')).decisions[0].id;
    const base = { toPupilId: pupilN, decisionId, entryIds: [], documents: [] };
    const cases: [string, object, string][] = [
      ['xWorker', { ...base, entryIds: [content.schoolOnly] }, 'transfer-item-unknown'],
      ['xWorker', { ...base, entryIds: [content.medical] }, 'transfer-item-unknown'],
      ['xWorker', { ...base, documents: [{ id: content.medicalDoc }] }, 'transfer-item-unknown'],
      ['xWorker', { ...base, toPupilId: adultA }, 'transfer-no-new-school'],
    ];
    for (const [who, body, type] of cases) {
      const response = await send(who, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().type).toContain(type);
    }
    // A new school no CLB serves: nothing can be sent there in the application.
    const adultN = await idOf(schoolN, 'N2');
    await t.db.query('DELETE FROM clb_school WHERE school_id = $1', [schoolN]);
    try {
      const adultDecision = (await overview('xWorker', adultA)).decisions[0].id;
      const response = await send('xWorker', { ...base, toPupilId: adultN, decisionId: adultDecision }, adultA);
      expect(response.statusCode).toBe(422);
      expect(response.json().type).toContain('transfer-no-clb');
    } finally {
      await linkSchool(t.db, 'clb', clbY, schoolN);
    }
  });

  it('lands in the new CLB’s inbox as an attention point; the CLB doctor’s items only for its CLB doctor', async () => {
    const inbox = (await call('yWorker', 'GET', `/api/clbs/${clbY}/inbox`)).json();
    const item = inbox.items.find((i: { transferId: number | null }) => i.transferId === transferId);
    expect(item).toMatchObject({ kind: 'transfer', status: 'received', pupil: { id: pupilN } });
    const worker = await call('yWorker', 'GET', `/api/file-transfers/${transferId}`);
    expect(worker.statusCode).toBe(200);
    expect(worker.json().items.map((i: { category: string }) => i.category)).toEqual(['verslag']);
    expect(worker.json().hiddenItems).toBe(2);
    expect(worker.json()).toMatchObject({
      from: { clb: { name: 'CLB Oud' }, school: { id: schoolA } },
      decision: { decidedBy: 'parents', refused: ['guidance'] },
    });
    expect(worker.body).not.toContain('QqMedical');
    const doctor = await call('yDoctor', 'GET', `/api/file-transfers/${transferId}`);
    expect(doctor.body).toContain('QqMedical diagnose');
    const medicalItem = doctor.json().items.find((i: { title: string | null }) => i.title === 'QqMedicalDoc') as {
      id: number;
    };
    const url = `/api/file-transfers/${transferId}/items/${medicalItem.id}/content`;
    expect((await call('yDoctor', 'GET', url)).body).toBe('QqMedicalDoc inhoud');
    expect((await call('yWorker', 'GET', url)).statusCode).toBe(404);
  });

  it('refuses another CLB and every school role the snapshot (403)', async () => {
    for (const who of ['zWorker', 'nCoordinator', 'aCoordinator'])
      expect((await call(who, 'GET', `/api/file-transfers/${transferId}`)).statusCode, who).toBe(403);
    expect((await call('yWorker', 'GET', '/api/file-transfers/999999')).statusCode).toBe(404);
  });

  it('keeps it from the new school’s staff: no timeline text, no case in the school’s CLB status', async () => {
    const timeline = await call('nCoordinator', 'GET', `/api/pupils/${pupilN}/file/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body).not.toContain('Aandachtspunt');
    const cases = await call('nCoordinator', 'GET', `/api/pupils/${pupilN}/clb-cases`);
    expect(cases.json().items).toEqual([]);
    const clbTimeline = await call('yWorker', 'GET', `/api/pupils/${pupilN}/file/timeline`);
    expect(clbTimeline.body).toContain('Aandachtspunt: opvolging vereist');
    const received = await overview('yWorker', pupilN);
    expect(received.received.map((r: { id: number }) => r.id)).toContain(transferId);
  });

  it('keeps the old file as it was and audits each sending and read', async () => {
    const [counts] = await t.db.query<{ entries: number; documents: number }>(
      `SELECT (SELECT count(*)::int FROM file_entry WHERE pupil_id = $1) AS entries,
              (SELECT count(*)::int FROM file_document WHERE pupil_id = $1 AND deleted_at IS NULL) AS documents`,
      [pupilA],
    );
    expect(counts).toEqual({ entries: 4, documents: 2 });
    const actions = (
      await t.db.query<{ action: string }>(
        `SELECT DISTINCT action FROM audit_event WHERE action LIKE 'file-transfer.%'`,
      )
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'file-transfer.decision',
        'file-transfer.sent',
        'file-transfer.read',
        'file-transfer.document',
        'file-transfer.overview',
      ]),
    );
  });

  it('lists detected school changers not sent yet for the old CLB; the new CLB follows up with versions (409)', async () => {
    const clbX = (await t.db.query<{ id: number }>(`SELECT id::int AS id FROM organisation WHERE name = 'CLB Oud'`))[0]
      ?.id as number;
    const pending = (await call('xWorker', 'GET', `/api/clbs/${clbX}/file-transfers/pending`)).json();
    expect(pending.items.map((i: { pupil: { id: number } }) => i.pupil.id)).toEqual([adultA]);
    expect((await call('yWorker', 'GET', `/api/clbs/${clbX}/file-transfers/pending`)).statusCode).toBe(403);
    const inbox = (await call('yWorker', 'GET', `/api/clbs/${clbY}/inbox`)).json();
    const item = inbox.items.find((i: { transferId: number | null }) => i.transferId === transferId);
    const change = { to: 'in-progress', version: item.version, plan: 'Kennismaking met de leerling' };
    expect((await call('yWorker', 'POST', `/api/clb-cases/${item.id}/status`, change)).statusCode).toBe(200);
    expect((await call('yDoctor', 'POST', `/api/clb-cases/${item.id}/status`, change)).statusCode).toBe(409);
  });
});
