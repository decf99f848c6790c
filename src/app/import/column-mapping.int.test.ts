// The column-mapping step: a file whose required columns cannot be found is refused with its headers and the
// fields; with a mapping it imports, the mapping is remembered for the school and header (audited), and the next
// file with that header imports without one — through the use case and through the HTTP upload.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { buildServer } from '../../http/server.ts';
import { runCli } from '../../testing/cli-process.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { signIn } from '../../testing/http-session.ts';
import { multipartUpload } from '../../testing/multipart.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { type Actor, SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { createSchool } from '../school.service.ts';
import { importFile } from './import.service.ts';
import { ImportRejected } from './import-problem.ts';

const PUPILS = 'pupil_id,first_name,last_name,birth_date,level\n1001,Lotte,Peeters,2012-03-04,secundair\n';
const HEADER = 'Leerling-ID;Wanneer;Deel van de dag;Reden';

describe.each(testEngines())('column mapping on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let actor: Actor;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS);
    const userId = await insertUser(t.db, {
      email: 'secretariaat@school.test',
      displayName: 'Secretariaat',
      passwordHash: await hashPassword('juist-wachtwoord'),
    });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'secretariaat' });
    actor = { ...SYSTEM_ACTOR, userId };
    app = await buildServer({ db: t.db, today: () => '2026-03-01' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const remembered = () =>
    t.db.query<{ kind: string; mapping: unknown }>(
      'SELECT kind, mapping FROM import_column_mapping WHERE school_id = $1',
      [schoolId],
    );

  it('refuses unknown headers with the headers and fields, imports with a mapping and remembers it', async () => {
    const first = writeTemp(dir, 'eigen-1.csv', `${HEADER}\n1001;15/09/2025;VM;B\n`);
    const refused = await importFile(t.db, actor, { schoolId, kind: 'register', path: first }).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportRejected);
    expect((refused as ImportRejected).columns).toEqual({
      headers: ['Leerling-ID', 'Wanneer', 'Deel van de dag', 'Reden'],
      required: ['pupil_id', 'date', 'half', 'code'],
      optional: ['note', 'am_code', 'pm_code'],
      missing: ['pupil_id', 'date', 'half', 'code'],
    });
    expect(await remembered()).toEqual([]);

    const mapping = { pupil_id: 'Leerling-ID', date: 'Wanneer', half: 'Deel van de dag', code: 'Reden' };
    const mapped = await importFile(t.db, actor, { schoolId, kind: 'register', path: first, mapping });
    expect(mapped).toMatchObject({ status: 'applied', inserted: 1 });
    expect(await remembered()).toEqual([{ kind: 'register', mapping }]);
    const audit = await t.db.query<{ detail: { mapping: unknown; kind: string } }>(
      `SELECT detail FROM audit_event WHERE action = 'import.column-mapping' AND organisation_id = $1`,
      [schoolId],
    );
    expect(audit.map((a) => [a.detail.kind, a.detail.mapping])).toEqual([['register', mapping]]);

    // The next file with the same header (in other letters and order of rows) needs no mapping.
    const second = writeTemp(dir, 'eigen-2.csv', `${HEADER.toUpperCase()}\n1001;16/09/2025;NM;Z\n`);
    const again = await importFile(t.db, actor, { schoolId, kind: 'register', path: second });
    expect(again).toMatchObject({ status: 'applied', inserted: 1 });
    // Another header is not covered by it.
    const other = writeTemp(dir, 'eigen-3.csv', 'Leerling-ID;Wanneer;Reden\n1001;18/09/2025;B\n');
    const otherError = await importFile(t.db, actor, { schoolId, kind: 'register', path: other }).catch((e) => e);
    expect((otherError as ImportRejected).columns?.missing).toEqual(['pupil_id', 'date', 'half', 'code']);
    // A mapping naming a column the file does not have is a problem, not a guess.
    const wrong = await importFile(t.db, actor, {
      schoolId,
      kind: 'register',
      path: other,
      mapping: { ...mapping, half: 'Dagdeel' },
    }).catch((e) => e);
    expect((wrong as ImportRejected).problems.map((p) => [p.column, p.code])).toContainEqual([
      'half',
      'mapped-column-not-found',
    ]);
  });

  it('over HTTP: a 422 with `columns`, then the upload with `mapping` succeeds; templates download', async () => {
    const { headers } = await signIn(app, 'secretariaat@school.test', 'juist-wachtwoord');
    const header = 'Nr;Op;Moment;Soort';
    const upload = (fields: Record<string, string>) => {
      const form = multipartUpload(fields, { name: 'eigen.csv', content: `${header}\n1001;2/10/2025;NM;R\n` });
      return app.inject({
        method: 'POST',
        url: `/api/schools/${schoolId}/imports/register`,
        headers: { ...headers, ...form.headers },
        payload: form.payload,
      });
    };
    const refused = await upload({});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().columns).toMatchObject({ headers: ['Nr', 'Op', 'Moment', 'Soort'] });
    const bad = await upload({ mapping: '{"pupil_id": 5}' });
    expect(bad.statusCode).toBe(400);
    const mapping = { pupil_id: 'Nr', date: 'Op', half: 'Moment', code: 'Soort', note: '' };
    const applied = await upload({ mapping: JSON.stringify(mapping) });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied', inserted: 1 });
    expect((await remembered()).map((r) => r.mapping)).toContainEqual({
      pupil_id: 'Nr',
      date: 'Op',
      half: 'Moment',
      code: 'Soort',
    });
    expect((await upload({})).json()).toMatchObject({ status: 'unchanged' });

    const template = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/imports/pupils/template.csv`,
      headers,
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    const [columns, example] = template.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(columns).toBe(
      'pupil_id,first_name,last_name,birth_date,level,school_id,grade,class,enrolled_from,enrolled_until,excluded_on,' +
        'insz,carried_over_b,carried_over_z,carried_over_p',
    );
    expect(example?.split(',')).toHaveLength(15);
    const registerTemplate = writeTemp(
      dir,
      'register-template.csv',
      (await app.inject({ method: 'GET', url: `/api/schools/${schoolId}/imports/register/template.csv`, headers }))
        .body,
    );
    // The register template's example row is an importable row for this school (already there: unchanged).
    expect(await importFile(t.db, actor, { schoolId, kind: 'register', path: registerTemplate })).toMatchObject({
      status: 'unchanged',
      rows: 1,
    });
  });

  it('through the CLI: refused with the columns listed, then imported with --map', async () => {
    const dataDir = engine === 'pglite' ? join(tempDir(), 'pglite') : undefined;
    const target = await createTestDatabase(engine, { dataDir });
    try {
      await createSchool(target.db, SYSTEM_ACTOR, {
        name: 'Sint-Jozef',
        institutionNumber: '777003',
        calendarLevel: 'secundair',
      });
      if (engine === 'pglite') await target.db.close(); // one process per PGlite data directory
      const path = writeTemp(dir, 'leerlingen-eigen.csv', 'Nr;Familie;Voornaam;Geboren\n2001;Maes;Noor;15/07/2012\n');
      const cli = (...extra: string[]) =>
        runCli(['import', 'pupils', path, '--school', '777003', '--school-year', '2025-2026', ...extra], target.env);
      const refused = await cli();
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`The file's columns: "Nr", "Familie", "Voornaam", "Geboren".`);
      expect(refused.stderr).toContain('--map FIELD=HEADER');
      const mapped = await cli('--map', 'pupil_id=Nr', '--map', 'last_name=Familie', '--map', 'birth_date=Geboren');
      expect(mapped.code, mapped.stderr).toBe(0);
      expect(mapped.stdout).toContain('Imported 1 rows');
    } finally {
      if (engine === 'postgres') await target.drop();
    }
  });
});
