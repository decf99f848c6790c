// Documents in the pupil file over HTTP on a real database: a byte-identical round trip, the size limit and the
// content check (nothing stored when refused), confidentiality (a clb-arts document does not exist for school
// roles), an audit row per download, concurrent removal (409), exports and tenant isolation.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { DOCUMENT_LIMITS } from '../../domain/pupil-file/documents.ts';
import { buildServer } from '../../http/server.ts';
import { docxBytes, EXE, HTML, MINIMAL_PDF, PNG, pdfBytes } from '../../testing/document-files.ts';
import { pupilIdsByNumber, schoolWithPupils } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { multipart } from '../../testing/multipart.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { hashPassword } from '../auth.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'documenten-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
3001,Lina,Maes,2011-04-04,secundair,2,2A
3002,Jens,Goossens,2011-06-06,secundair,2,2B
`;
const PUPILS_OTHER = `pupil_id,first_name,last_name,birth_date,level,grade,class
3001,Ander,Leerling,2011-04-04,secundair,2,2A
`;

describe.each(testEngines())('documents in the pupil file on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let pupilId: number;
  let otherClassPupilId: number;
  let schoolId: number;
  const sessions: Record<string, HttpSession> = {};

  const upload = (
    who: string,
    fields: Record<string, string>,
    file?: { name: string; type?: string; content: Uint8Array },
    pupil = pupilId,
  ) => {
    const body = multipart(fields, file);
    return app.inject({
      method: 'POST',
      url: `/api/pupils/${pupil}/file/documents`,
      headers: { ...sessions[who]?.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: sessions[who]?.headers });
  const remove = (who: string, documentId: number, body: object) =>
    app.inject({
      method: 'POST',
      url: `/api/file/documents/${documentId}/remove`,
      headers: sessions[who]?.headers,
      payload: body,
    });
  const list = async (who: string, query = '') =>
    (await get(who, `/api/pupils/${pupilId}/file/documents${query}`)).json() as {
      items: { id: number; title: string; fileName: string; confidentiality: string }[];
      total: number;
    };
  const stored = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_document'))[0]?.n as number;
  const audits = async (action: string, id: number) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND $2::bigint = ANY(pupil_ids)`,
        [action, id],
      )
    )[0]?.n as number;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '444444' });
    const otherSchool = await schoolWithPupils(t.db, PUPILS_OTHER, { institutionNumber: '555555' });
    [pupilId, otherClassPupilId] = (await pupilIdsByNumber(t.db, schoolId)) as [number, number];
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Documenten');
    await linkSchool(t.db, 'clb', clb, schoolId);
    const passwordHash = await hashPassword(PASSWORD);
    const users: [string, number, 'leerlingbegeleider' | 'leerkracht' | 'clb-medewerker' | 'clb-arts', string[]][] = [
      ['lbg', schoolId, 'leerlingbegeleider', []],
      ['teacher', schoolId, 'leerkracht', ['2A']],
      ['clb', clb, 'clb-medewerker', []],
      ['arts', clb, 'clb-arts', []],
      ['other', otherSchool, 'leerlingbegeleider', []],
    ];
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    for (const [name, organisationId, role, classNames] of users) {
      const id = await insertUser(t.db, { email: `${name}@docs.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[name] = await signIn(app, `${name}@docs.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('uploads, lists and downloads a document byte for byte, with the detected type and an audit row', async () => {
    const pdf = await pdfBytes('Verslag van het oudergesprek');
    // The browser's declared type plays no part: the content is a PDF.
    const created = await upload(
      'lbg',
      { title: 'Verslag oudergesprek', confidentiality: 'school+clb' },
      { name: 'Verslag één.pdf', type: 'text/html', content: pdf },
    );
    expect(created.statusCode).toBe(201);
    const document = created.json();
    expect(document).toMatchObject({
      pupilId,
      title: 'Verslag oudergesprek',
      fileName: 'Verslag één.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      confidentiality: 'school+clb',
      uploadedBy: 'Demo lbg',
      removedAt: null,
      version: 1,
    });
    expect(document).not.toHaveProperty('content');

    const listed = await list('clb');
    expect(listed.items.map((d) => d.id)).toContain(document.id);

    const before = await audits('file.document.download', pupilId);
    const download = await get('teacher', `/api/file/documents/${document.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Verslag __n.pdf"; filename*=UTF-8''Verslag%20%C3%A9%C3%A9n.pdf`,
    );
    expect(await audits('file.document.download', pupilId)).toBe(before + 1);
    const [row] = await t.db.query<{ detail: { documentId: number }; pupils: number[] }>(
      `SELECT detail, pupil_ids AS pupils FROM audit_event WHERE action = 'file.document.download'
       ORDER BY id DESC LIMIT 1`,
    );
    expect(row?.detail.documentId).toBe(document.id);
    expect(row?.pupils.map(Number)).toEqual([pupilId]);
  });

  it('lists newest first, one page at a time', async () => {
    for (const [i, content] of [PNG, await docxBytes('Plan'), Buffer.from('Notitie\n')].entries()) {
      const name = ['foto.png', 'plan.docx', 'notitie.txt'][i] as string;
      expect((await upload('lbg', { title: `Stuk ${i}` }, { name, content })).statusCode).toBe(201);
    }
    const first = await list('lbg', '?limit=2&offset=0');
    expect(first.items.map((d) => d.title)).toEqual(['Stuk 2', 'Stuk 1']);
    const second = await list('lbg', '?limit=2&offset=2');
    expect(first.total).toBe(second.total);
    expect(second.items.map((d) => d.title)[0]).toBe('Stuk 0');
  });

  it('refuses a file over the size limit with 413 and stores nothing; exactly the limit is accepted', async () => {
    const before = await stored();
    const over = Buffer.alloc(DOCUMENT_LIMITS.maxBytes + 1, 0x20);
    MINIMAL_PDF.copy(over);
    const refused = await upload('lbg', { title: 'Te groot' }, { name: 'groot.pdf', content: over });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().messages.nl).toContain('hoogstens 10 MB');
    expect(refused.json().messages.en).toContain('10 MB at most');
    expect(await stored()).toBe(before);

    const exact = await upload(
      'lbg',
      { title: 'Precies groot genoeg' },
      { name: 'groot.pdf', content: over.subarray(0, DOCUMENT_LIMITS.maxBytes) },
    );
    expect(exact.statusCode).toBe(201);
    expect(exact.json().sizeBytes).toBe(DOCUMENT_LIMITS.maxBytes);
  });

  it('refuses programs, web pages and a mismatching extension with 422 and every problem; nothing is stored', async () => {
    const before = { documents: await stored(), uploads: await audits('file.document.upload', pupilId) };
    const cases: [string, Uint8Array, string][] = [
      ['setup.exe', EXE, 'forbidden-type'],
      ['verslag.pdf', EXE, 'forbidden-type'],
      ['pagina.html', HTML, 'forbidden-type'],
      ['verslag.docx', MINIMAL_PDF, 'type-mismatch'],
      ['leeg.pdf', new Uint8Array(), 'empty'],
    ];
    for (const [name, content, code] of cases) {
      const response = await upload('lbg', { title: 'Geweigerd' }, { name, content });
      expect(response.statusCode, name).toBe(422);
      expect(response.json().type).toBe('urn:aanwezig:problem:document-refused');
      expect(response.json().problems.map((p: { code: string }) => p.code)).toEqual([code]);
      expect(response.json().problems[0].nl).toBeTruthy();
      expect(response.json().problems[0].en).toBeTruthy();
    }
    expect(await stored()).toBe(before.documents);
    expect(await audits('file.document.upload', pupilId)).toBe(before.uploads);
    // Without a file, or not as a form at all.
    expect((await upload('lbg', { title: 'Geen bestand' })).statusCode).toBe(400);
    const json = await app.inject({
      method: 'POST',
      url: `/api/pupils/${pupilId}/file/documents`,
      headers: sessions.lbg?.headers,
      payload: { title: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(await stored()).toBe(before.documents);
  });

  it('keeps a clb-arts document out of sight of school roles and the CLB worker (absent and 404)', async () => {
    const created = await upload(
      'arts',
      { title: 'Medisch verslag', confidentiality: 'clb-arts' },
      { name: 'medisch.pdf', content: MINIMAL_PDF },
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect((await list('arts')).items.map((d) => d.id)).toContain(id);
    for (const who of ['lbg', 'teacher', 'clb']) {
      expect(
        (await list(who)).items.map((d) => d.id),
        who,
      ).not.toContain(id);
      expect((await get(who, `/api/file/documents/${id}/content`)).statusCode, who).toBe(404);
    }
    expect((await remove('lbg', id, { version: 1 })).statusCode).toBe(404);
    expect((await get('arts', `/api/file/documents/${id}/content`)).statusCode).toBe(200);
    // A school role cannot write a level it cannot read.
    const refused = await upload(
      'lbg',
      { title: 'Medisch', confidentiality: 'clb-arts' },
      { name: 'm.pdf', content: MINIMAL_PDF },
    );
    expect(refused.statusCode).toBe(403);
    // The JSON export of the school role leaves it out; the doctor's includes it.
    const exported = (await get('lbg', `/api/pupils/${pupilId}/file/export.json`)).json();
    expect(exported.documents.map((d: { title: string }) => d.title)).toContain('Verslag oudergesprek');
    expect(exported.documents.map((d: { id: number }) => d.id)).not.toContain(id);
    const doctors = (await get('arts', `/api/pupils/${pupilId}/file/export.json`)).json();
    expect(doctors.documents.map((d: { id: number }) => d.id)).toContain(id);
    expect((await get('lbg', `/api/pupils/${pupilId}/file/export.pdf`)).statusCode).toBe(200);
  });

  it('links a document to a timeline entry of the same pupil only', async () => {
    const entry = await app.inject({
      method: 'POST',
      url: `/api/pupils/${pupilId}/file/entries`,
      headers: sessions.lbg?.headers,
      payload: { kind: 'parents-meeting', occurredOn: TODAY, who: 'LBG', what: 'Overleg met de ouders' },
    });
    expect(entry.statusCode).toBe(201);
    const entryId = entry.json().id as number;
    const linked = await upload(
      'lbg',
      { title: 'Verslag overleg', entryId: String(entryId) },
      { name: 'v.pdf', content: MINIMAL_PDF },
    );
    expect(linked.statusCode).toBe(201);
    expect(linked.json().entryId).toBe(entryId);
    const elsewhere = await upload(
      'lbg',
      { title: 'Verkeerd', entryId: String(entryId) },
      { name: 'v.pdf', content: MINIMAL_PDF },
      otherClassPupilId,
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it('two concurrent removals: one wins, the other gets 409 with the current document; the row and history stay', async () => {
    const created = await upload('lbg', { title: 'Te verwijderen' }, { name: 'weg.pdf', content: MINIMAL_PDF });
    const id = created.json().id as number;
    expect((await remove('teacher', id, { version: 1 })).statusCode).toBe(403); // file.manage only
    const [a, b] = await Promise.all([
      remove('lbg', id, { version: 1, reason: 'Dubbel opgeladen' }),
      remove('clb', id, { version: 1 }),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    const lost = (a?.statusCode === 409 ? a : b)?.json();
    expect(lost.current).toMatchObject({ id, version: 2 });
    expect(lost.current.removedAt).not.toBeNull();
    expect(lost.yours).toMatchObject({ version: 1 });

    expect((await list('lbg')).items.map((d) => d.id)).not.toContain(id);
    expect((await get('lbg', `/api/file/documents/${id}/content`)).statusCode).toBe(410);
    const [row] = await t.db.query<{ content: unknown; sha256: string; title: string }>(
      'SELECT content, sha256, title FROM file_document WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ content: null, title: 'Te verwijderen' });
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const history = (await get('lbg', `/api/pupils/${pupilId}/file/history?item=document&itemId=${id}`)).json();
    expect(history.items.map((e: { version: number }) => e.version)).toEqual([2, 1]);
    expect(await audits('file.document.remove', pupilId)).toBe(1);
  });

  it('never shows or accepts documents across schools or outside a teacher’s classes', async () => {
    const own = (await list('lbg')).items[0]?.id as number;
    expect((await get('other', `/api/pupils/${pupilId}/file/documents`)).statusCode).toBe(403);
    expect([403, 404]).toContain((await get('other', `/api/file/documents/${own}/content`)).statusCode);
    expect((await remove('other', own, { version: 1 })).statusCode).toBe(403);
    const before = await stored();
    const foreign = await upload('other', { title: 'Vreemd' }, { name: 'v.pdf', content: MINIMAL_PDF });
    expect(foreign.statusCode).toBe(403);
    // A class teacher of 2A has no access to the file of a pupil in 2B.
    const otherClass = await upload(
      'teacher',
      { title: 'Andere klas' },
      { name: 'v.pdf', content: MINIMAL_PDF },
      otherClassPupilId,
    );
    expect(otherClass.statusCode).toBe(403);
    expect((await get('teacher', `/api/pupils/${otherClassPupilId}/file/documents`)).statusCode).toBe(403);
    expect(await stored()).toBe(before);
  });
});
