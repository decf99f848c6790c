// Issue 12, item 9: a CSV saved by Excel on Belgian Windows (Windows-1252, semicolons, CRLF) imports with its
// accented names intact, through the HTTP upload and through the CLI, and the report says how it was read.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth.service.ts';
import { createSchool } from '../../app/school.service.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { buildServer } from '../../http/server.ts';
import { runCli } from '../../testing/cli-process.ts';
import { tempDir, writeTemp } from '../../testing/fixtures.ts';
import { signIn } from '../../testing/http-session.ts';
import { multipartUpload } from '../../testing/multipart.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { decodeWindows1252, detectTextEncoding, UnreadableFile } from './tabular-file.ts';

const PUPILS = [
  'pupil_id;first_name;last_name;birth_date;level;grade;class',
  '3001;Noë;Çelik;04/03/2012;secundair;1;1A',
  '3002;Zoë;D’Hondt;20/11/2011;secundair;2;2B',
  '3003;Anaïs;Müller-François;15/07/2012;secundair;1;1A',
].join('\r\n');
const REGISTER = ['pupil_id;date;half;code;note', '3001;15/09/2025;VM;Z;hoofdpijn – € 5 remgeld'].join('\r\n');
const NAMES = [
  { first_name: 'Noë', last_name: 'Çelik' },
  { first_name: 'Zoë', last_name: 'D’Hondt' },
  { first_name: 'Anaïs', last_name: 'Müller-François' },
];

/** The bytes Excel writes as "CSV" on Belgian Windows: one byte per character, ’ – € in the 0x80–0x9F range. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '’': 0x92, '–': 0x96, '€': 0x80 };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

describe('encoding detection', () => {
  const dir = tempDir();
  it('tells UTF-8 (with or without BOM) from Windows-1252, also past the first chunk', async () => {
    const long = `${'a'.repeat(2_000_000)}Noë\n`;
    expect(await detectTextEncoding(writeTemp(dir, 'utf8.csv', `${PUPILS}\r\n`))).toBe('utf-8');
    expect(await detectTextEncoding(writeTemp(dir, 'bom.csv', `\uFEFF${PUPILS}\r\n`))).toBe('utf-8');
    expect(await detectTextEncoding(writeTemp(dir, 'ascii.csv', 'a;b\r\n1;2\r\n'))).toBe('utf-8');
    expect(await detectTextEncoding(writeTemp(dir, 'cp1252.csv', windows1252(PUPILS)))).toBe('windows-1252');
    expect(await detectTextEncoding(writeTemp(dir, 'long-utf8.csv', long))).toBe('utf-8');
    expect(await detectTextEncoding(writeTemp(dir, 'long-1252.csv', windows1252(long)))).toBe('windows-1252');
    // a multi-byte character straddling every possible chunk boundary is still UTF-8
    for (let shift = 0; shift < 4; shift++) {
      const text = `${'a'.repeat((1 << 20) - 2 + shift)}€ë\n`;
      expect(await detectTextEncoding(writeTemp(dir, `edge-${shift}.csv`, text))).toBe('utf-8');
    }
  });

  it('decodes the 0x80–0x9F range as Windows-1252 and refuses what is neither UTF-8 nor Windows-1252', async () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x92, 0x96, 0x9c, 0xeb, 0xc7]))).toBe('€’–œëÇ');
    expect(() => decodeWindows1252(Buffer.from([0x4e, 0x81]))).toThrow(UnreadableFile);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('pupil_id\r\n', 'utf16le')]);
    await expect(detectTextEncoding(writeTemp(dir, 'utf16.csv', utf16))).rejects.toThrow(/UTF-16/);
  });
});

describe.each(testEngines())('Windows-1252 import on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = await buildServer({ db: t.db, today: () => '2026-03-01' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const names = (db: TestDatabase['db'], schoolId: number) =>
    db.query<{ first_name: string; last_name: string }>(
      'SELECT first_name, last_name FROM pupil WHERE school_id = $1 ORDER BY external_id',
      [schoolId],
    );

  it('through the HTTP upload: names intact and a notice in the report', async () => {
    const schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'Sint-Jozef',
      institutionNumber: '777001',
      calendarLevel: 'secundair',
    });
    const userId = await insertUser(t.db, {
      email: 'secretariaat@school.test',
      displayName: 'Secretariaat',
      passwordHash: await hashPassword('juist-wachtwoord'),
    });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'secretariaat' });
    headers = (await signIn(app, 'secretariaat@school.test', 'juist-wachtwoord')).headers;
    const post = async (kind: string, content: Buffer) => {
      const form = multipartUpload({ schoolYear: '2025-2026' }, { name: `${kind}.csv`, content });
      return app.inject({
        method: 'POST',
        url: `/api/schools/${schoolId}/imports/${kind}`,
        headers: { ...headers, ...form.headers },
        payload: form.payload,
      });
    };
    const pupils = await post('pupils', windows1252(`${PUPILS}\r\n`));
    expect(pupils.statusCode).toBe(200);
    expect(pupils.json()).toMatchObject({ status: 'applied', inserted: 3 });
    expect(pupils.json().warnings).toEqual([
      expect.objectContaining({ row: null, column: null, code: 'decoded-as-windows-1252' }),
    ]);
    expect(await names(t.db, schoolId)).toEqual(NAMES);
    const register = await post('register', windows1252(`${REGISTER}\r\n`));
    expect(register.json()).toMatchObject({ status: 'applied', inserted: 1 });
    expect(await t.db.query('SELECT note FROM register_entry WHERE school_id = $1', [schoolId])).toEqual([
      { note: 'hoofdpijn – € 5 remgeld' },
    ]);
    // The same file again as UTF-8 changes nothing and says nothing about encodings.
    const again = await post('pupils', Buffer.from(`\uFEFF${PUPILS}\r\n`));
    expect(again.json()).toMatchObject({ status: 'unchanged', warnings: [] });
  });

  it('through the CLI: names intact and the notice on stderr', async () => {
    const dataDir = engine === 'pglite' ? join(tempDir(), 'pglite') : undefined;
    const target = await createTestDatabase(engine, { dataDir });
    try {
      const schoolId = await createSchool(target.db, SYSTEM_ACTOR, {
        name: 'Sint-Jozef',
        institutionNumber: '777002',
        calendarLevel: 'secundair',
      });
      if (engine === 'pglite') await target.db.close(); // one process per PGlite data directory
      const path = writeTemp(dir, 'leerlingen.csv', windows1252(`${PUPILS}\r\n`));
      const output = await runCli(
        ['import', 'pupils', path, '--school', '777002', '--school-year', '2025-2026'],
        target.env,
      );
      expect(output.code, output.stderr).toBe(0);
      expect(output.stdout).toContain('Imported 3 rows');
      expect(output.stderr).toContain('was read as Windows-1252');
      const reopened = engine === 'pglite' ? await createTestDatabase('pglite', { dataDir, reopen: true }) : target;
      try {
        expect(await names(reopened.db, schoolId)).toEqual(NAMES);
      } finally {
        if (reopened !== target) await reopened.drop();
      }
    } finally {
      if (engine === 'postgres') await target.drop();
    }
  });
});
