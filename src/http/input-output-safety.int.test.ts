// Issue 12, items 7 and 8 through the real HTTP API: exports that are safe to open in Excel (and re-import
// identically), text limits and pupil-number validation on import, lookups keyed by user input, safe file names.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../app/auth.service.ts';
import { XLSX_CONTENT_TYPE } from '../app/xlsx-writer.ts';
import { registerCounts } from '../db/register.repository.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import { IMPORT_TEXT_LIMITS } from '../domain/input-limits.ts';
import { schoolWithPupils } from '../testing/fixtures.ts';
import { signIn } from '../testing/http-session.ts';
import { multipartUpload } from '../testing/multipart.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

// Pupil names and class names that a spreadsheet would evaluate.
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,"=HYPERLINK(""http://evil.example"",""klik"")",@Peeters,2012-03-04,secundair,1,=1+1
1002,Milan,-Janssens,2011-11-20,secundair,2,+2B
1003,Noor,Maes,2012-07-15,secundair,1,=1+1
`;

// Register notes starting with every formula character; `''=…` is stored as `'=…` (the importer removes one guard).
const REGISTER = `pupil_id,date,half,code,note
1001,2025-09-15,AM,B,"=HYPERLINK(""http://evil.example"",""klik"")"
1001,2025-09-15,PM,Z,+32 470 12 34 56
1002,2025-09-16,AM,Z,-3 dagen ziek
1002,2025-09-18,AM,B,@SUM(A1)
1003,2025-10-02,PM,Z,''=twee aanhalingstekens
1003,2025-10-03,AM,Z,"gewoon; met puntkomma, en ""aanhalingstekens"""
`;

const FORMULA_START = /^[=+\-@\t\r]/;
const fieldsOf = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true }).data.flat();

describe.each(testEngines())('input and output safety on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let copyId: number;
  let headers: Record<string, string>;
  let zocoId: number;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '123401' });
    copyId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '123402' });
    const userId = await insertUser(t.db, {
      email: 'zoco@school.test',
      displayName: 'Zorgcoördinator',
      passwordHash: await hashPassword('juist-wachtwoord'),
    });
    zocoId = userId;
    for (const organisationId of [schoolId, copyId])
      await addMembership(t.db, { userId, organisationId, role: 'zorgcoordinator' });
    app = await buildServer({ db: t.db, today: () => '2026-03-01' });
    headers = (await signIn(app, 'zoco@school.test', 'juist-wachtwoord')).headers;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const upload = (school: number, kind: string, name: string, content: string | Buffer) => {
    const form = multipartUpload({}, { name, content });
    return app.inject({
      method: 'POST',
      url: `/api/schools/${school}/imports/${kind}`,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
  };
  const get = (url: string) => app.inject({ method: 'GET', url, headers });
  const notes = (school: number) =>
    t.db.query<{ note: string }>(
      `SELECT r.note FROM register_entry r JOIN pupil p ON p.id = r.pupil_id
       WHERE r.school_id = $1 ORDER BY p.external_id, r.date, r.half`,
      [school],
    );

  it('exports the register and the monitor with every formula neutralised (item 7)', async () => {
    expect((await upload(schoolId, 'register', 'register.csv', REGISTER)).statusCode).toBe(200);
    const register = await get(`/api/schools/${schoolId}/register.csv`);
    expect(register.statusCode).toBe(200);
    expect(register.body).toContain(`1001,2025-09-15,AM,B,"'=HYPERLINK(""http://evil.example"",""klik"")"\n`);
    expect(register.body).toContain(`1002,2025-09-18,AM,B,"'@SUM(A1)"\n`);
    expect(register.body).toContain(`1003,2025-10-02,PM,Z,"''=twee aanhalingstekens"\n`);
    const monitor = await get(`/api/schools/${schoolId}/monitor/export.csv?schoolYear=2025-2026`);
    expect(monitor.statusCode).toBe(200);
    expect(monitor.body).toContain(`class,"'=1+1",2025-2026,`);
    expect(monitor.body).toContain(`class,"'+2B",2025-2026,`);
    for (const csv of [register.body, monitor.body])
      for (const field of fieldsOf(csv)) expect(field).not.toMatch(FORMULA_START);
  });

  it('re-imports an exported register identically, guard quotes included', async () => {
    const exported = (await get(`/api/schools/${schoolId}/register.csv`)).body;
    const imported = await upload(copyId, 'register', 'register.csv', exported);
    expect(imported.json()).toMatchObject({ status: 'applied', rows: 6, inserted: 6 });
    expect((await get(`/api/schools/${copyId}/register.csv`)).body).toBe(exported);
    expect(await notes(copyId)).toEqual(await notes(schoolId));
    expect((await notes(copyId)).map((n) => n.note)).toContain("'=twee aanhalingstekens");
  });

  it('exports register.xlsx with text cells only, and it re-imports identically', async () => {
    const response = await get(`/api/schools/${schoolId}/register.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="register.xlsx"; filename*=UTF-8''register.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.length).toBe(7 * 5);
    for (const cell of cells) {
      expect(cell.type, String(cell.address)).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    expect(cells.map((c) => c.value)).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://evil.example","klik")`, "''=twee aanhalingstekens", '1001']),
    );
    const third = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '123403' });
    await addMembership(t.db, { userId: zocoId, organisationId: third, role: 'zorgcoordinator' });
    const imported = await upload(third, 'register', 'register.xlsx', response.rawPayload);
    // The body in the message: a rare 422 here was seen once on PostgreSQL and never reproduced.
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ status: 'applied', rows: 6 });
    expect((await get(`/api/schools/${third}/register.csv`)).body).toBe(
      (await get(`/api/schools/${schoolId}/register.csv`)).body,
    );
  });

  it('answers 400 for an export range that is not a date, and writes no audit row', async () => {
    const audits = await t.db.query('SELECT count(*)::int AS n FROM audit_event');
    for (const url of [
      `/api/schools/${schoolId}/register.csv?from=constructor`,
      `/api/schools/${schoolId}/register.xlsx?until=2026-02-30`,
    ])
      expect((await get(url)).statusCode, url).toBe(400);
    expect(await t.db.query('SELECT count(*)::int AS n FROM audit_event')).toEqual(audits);
  });

  it('refuses a register note over its limit with a row-level problem and writes nothing (item 8)', async () => {
    const before = await registerCounts(t.db);
    const limit = IMPORT_TEXT_LIMITS.note;
    const response = await upload(
      schoolId,
      'register',
      'long-note.csv',
      `pupil_id,date,half,code,note\n1001,2025-11-03,AM,Z,${'x'.repeat(limit)}\n1002,2025-11-03,AM,Z,${'y'.repeat(limit + 1)}\n`,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().problems).toEqual([expect.objectContaining({ row: 3, column: 'note', code: 'too-long' })]);
    expect(response.json().problems[0].messages.en).toBe(
      `"note" is too long: ${limit + 1} characters, at most ${limit} allowed.`,
    );
    expect(await registerCounts(t.db)).toEqual(before);
  });

  it('keeps a safe, bounded version of an uploaded file name in the import list', async () => {
    const name = `..\\..\\${'n'.repeat(400)}\u202Egnp.csv`;
    const response = await upload(copyId, 'register', name, 'pupil_id,date,half,code\n1001,2025-11-04,AM,Z\n');
    expect(response.statusCode).toBe(200);
    const [latest] = (await get(`/api/schools/${copyId}/imports`)).json();
    expect(latest.fileName).toHaveLength(200);
    expect(latest.fileName).toMatch(/^n{196}\.csv$/); // no path, no direction override, extension kept
  });

  it('refuses pupil numbers outside the pattern, over-long names and prototype keys as level (item 8)', async () => {
    const pupilsBefore = await t.db.query('SELECT count(*)::int AS n FROM pupil');
    const rows = [
      'pupil_id,first_name,last_name,birth_date,level,grade,class',
      'Ł-1,Ana,Nowak,2012-01-01,secundair,1,1A',
      '../../etc,Bo,Maes,2012-01-01,secundair,1,1A',
      'a b,Cas,Maes,2012-01-01,secundair,1,1A',
      `${'9'.repeat(IMPORT_TEXT_LIMITS.pupil_id + 1)},Dirk,Maes,2012-01-01,secundair,1,1A`,
      '2001,Eva,Maes,2012-01-01,constructor,1,1A',
      '2002,Fien,Maes,2012-01-01,__proto__,1,1A',
      `2003,${'F'.repeat(IMPORT_TEXT_LIMITS.first_name + 1)},Maes,2012-01-01,secundair,1,1A`,
      `2004,Gert,Maes,2012-01-01,secundair,1,${'K'.repeat(IMPORT_TEXT_LIMITS.class + 1)}`,
      '2005.b_c-D,Hanne,Maes,2012-01-01,secundair,1,1A',
    ];
    const response = await upload(schoolId, 'pupils', 'pupils.csv', `${rows.join('\n')}\n`);
    expect(response.statusCode).toBe(422);
    expect(
      response.json().problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]),
    ).toEqual([
      [2, 'pupil_id', 'invalid-pupil-id'],
      [3, 'pupil_id', 'invalid-pupil-id'],
      [4, 'pupil_id', 'invalid-pupil-id'],
      [5, 'pupil_id', 'invalid-pupil-id'],
      [6, 'level', 'invalid-level'],
      [7, 'level', 'invalid-level'],
      [8, 'first_name', 'too-long'],
      [9, 'class', 'too-long'],
    ]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM pupil')).toEqual(pupilsBefore);
  });

  it('answers 400 for a prototype key as sort key, and sorts by the known ones (item 8)', async () => {
    for (const sort of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect((await get(`/api/schools/${schoolId}/pupils?sort=${sort}`)).statusCode, sort).toBe(400);
    for (const sort of ['lastName', 'absent', 'code:Z'])
      expect((await get(`/api/schools/${schoolId}/pupils?sort=${sort}`)).statusCode, sort).toBe(200);
  });

  it('offers a pupil-file export of a non-Latin pupil number under an RFC 6266 file name (item 8)', async () => {
    // A number from before validation existed, straight in the database.
    const [pupil] = await t.db.query<{ id: number }>(
      `UPDATE pupil SET external_id = 'Łukasz"1' WHERE school_id = $1 AND external_id = '1002' RETURNING id::int AS id`,
      [schoolId],
    );
    for (const [extension, type] of [
      ['json', 'application/json'],
      ['pdf', 'application/pdf'],
    ] as const) {
      const response = await get(`/api/pupils/${pupil?.id}/file/export.${extension}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain(type);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="dossier-_ukasz_1.${extension}"; filename*=UTF-8''dossier-%C5%81ukasz_1.${extension}`,
      );
    }
  });
});
