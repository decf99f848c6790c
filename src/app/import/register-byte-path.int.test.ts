// The register import's byte path (csv-bytes.ts, register-fast-lines.ts) against the row stream it replaces for
// UTF-8 CSV files: the same files imported both ways, into two databases set up alike, give the same result —
// status, counts, warnings, problems, the register rows and the file's hash — on a school's first import (straight
// into the register) and on a later one (staging).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../db/user.repository.ts';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { type Actor, SYSTEM_ACTOR } from '../actor.ts';
import type { ColumnMapping } from './columns.ts';
import { byteReading } from './csv-bytes.ts';
import { importFile } from './import.service.ts';
import { ImportRejected } from './import-problem.ts';

/** Pupils of a school, their numbers starting with `p`: kleuters of and under compulsory age, one enrolled late. */
function pupils(p: string): string {
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class,enrolled_from'];
  lines.push(`${p}01,Lotte,Peeters,2016-03-04,lager,3,3A,`);
  lines.push(`${p}02,Milan,Janssens,2015-11-20,lager,4,4B,`);
  lines.push(`${p}03,Noor,Maes,2019-05-01,kleuter,3,K3,`);
  lines.push(`${p}04,Rune,Claes,2022-01-10,kleuter,1,K1,`);
  lines.push(`${p}05,Fien,Wouters,2016-08-08,lager,3,3A,2025-10-01`);
  lines.push(`${p}06,Zoë,Çelik,2016-01-01,lager,3,3A,`);
  for (let i = 0; i < 150; i++) lines.push(`${p}L${i},Voornaam${i},Naam${i},2015-02-03,lager,4,4A,`);
  return `${lines.join('\n')}\n`;
}

const SLOTS = expandPreset(presetFor('basis', '2025-2026') ?? (undefined as never))
  .filter((h) => h.schoolDay)
  .map(({ date, half }) => ({ date, half }));
const CODES = ['B', 'Z', 'D', 'P', 'R', 'z', 'b', 'M', 'H'];

/** Many rows over the school year; `twist(i)` may change a row (and the file then holds notes of every kind). */
function bigFile(p: string, rows: number, twist: (i: number, line: string[]) => string[] | string = (_, l) => l) {
  const out = ['pupil_id,date,half,code,note'];
  for (let i = 0; i < rows; i++) {
    const slot = SLOTS[Math.floor(i / 150) % SLOTS.length] as { date: string; half: string };
    const line = [`${p}L${i % 150}`, slot.date, slot.half, CODES[i % CODES.length] as string, ''];
    if (i % 97 === 3) line[4] = '"meerdere\nregels, met ""quotes"""';
    if (i % 89 === 5) line[4] = 'pad C:\\temp\\x';
    if (i % 83 === 7) line[4] = 'ziek';
    if (i % 79 === 9) line[4] = ' spatie vooraan';
    if (i % 71 === 11) line[4] = 'koorts – naar huis 🌡';
    if (i % 67 === 13) line[4] = "'=SOM(A1)";
    if (i % 61 === 15) line[2] = slot.half === 'AM' ? 'vm' : 'nm';
    if (i % 59 === 17) line[1] = slot.date.split('-').reverse().join('/');
    if (i % 53 === 19) line[0] = `"${line[0]}"`;
    const twisted = twist(i, line);
    out.push(typeof twisted === 'string' ? twisted : twisted.join(','));
  }
  return `${out.join('\n')}\n`;
}

interface Case {
  name: string;
  file: (p: string) => string | Buffer;
  mapping?: ColumnMapping;
  /** The byte path takes rows on its fast path (else it leaves the file, or all of it, to the row path). */
  fast?: boolean;
}

const l = (...lines: string[]) => `${lines.join('\n')}\n`;
const CASES: Case[] = [
  { name: 'valid rows over more than one chunk', file: (p) => bigFile(p, 36_000), fast: true },
  {
    name: 'a big file with problems among valid rows',
    file: (p) =>
      bigFile(p, 36_000, (i, line) => {
        if (i === 20_000) return [`${p}X`, ...line.slice(1)];
        if (i === 25_001) return [line[0] as string, '2025-02-30', ...line.slice(2)];
        if (i === 30_002) return [...line.slice(0, 3), 'Q', ''];
        return line;
      }),
    fast: true,
  },
  {
    name: 'problems of every kind and the A-for-kleuter warning',
    file: (p) =>
      l(
        'pupil_id,date,half,code,note',
        `${p}01,2025-09-15,AM,B,`,
        `,2025-09-15,AM,B,`,
        `${p}99,2025-09-15,AM,B,`,
        `${p}01,,AM,B,`,
        `${p}01,2025-13-01,AM,B,`,
        `${p}01,2025-09-16,,B,`,
        `${p}01,2025-09-16,XM,B,`,
        `${p}01,2025-09-16,PM,,`,
        `${p}01,2025-09-16,PM,Q,`,
        `${p}01,2025-09-17,PM,B,`,
        `${p}01,2025-09-20,AM,B,`,
        `${p}05,2025-09-18,AM,B,`,
        `${p}05,2025-10-02,AM,B,`,
        `${p}03,2025-09-18,AM,A,`,
        `${p}03,2025-09-19,AM,A,`,
        `${p}03,2025-09-22,AM,T,`,
        `${p}04,2025-09-18,AM,B,`,
        `${p}04,2025-09-18,PM,U,`,
        `${p}01,2025-09-15,AM,B,`,
        `${p}01,2025-09-15,AM,Z,`,
        `${p}01,2025-09-22,AM,B,${'x'.repeat(1001)}`,
        `${p}01,2025-09-22,PM,B,${'x'.repeat(1000)}`,
        `${p}é6,2025-09-22,AM,R,`,
        `'${p}01,2025-09-23,AM,B,`,
        `${p}01,'2025-09-23,AM,B,`,
        `${p}01,2025-09-23,PM,'=B,`,
        `${p}01,31/02/2025,AM,B,`,
        `${p}01,1/9/2025,AM,B,`,
        `${p}01,24.09.2025,AM,B,`,
        `${p}01,2025/09/25,AM,B,`,
      ),
    fast: true,
  },
  {
    name: 'only the warning (the file is applied)',
    file: (p) =>
      l(
        'pupil_id,date,half,code,note',
        `${p}03,2025-09-18,AM,A,`,
        `${p}01,2025-09-18,AM,Z,`,
        `${p}03,2025-09-19,PM,A,`,
      ),
    fast: true,
  },
  {
    name: 'quoted fields, and spaces around values',
    file: (p) =>
      l(
        'pupil_id,date,half,code,note',
        `"${p}01","2025-09-15","AM","B",""`,
        `${p}01 , 2025-09-16 ,AM , Z ,  ok  `,
        `"${p}02" ,2025-09-15,AM,B,"a ""quoted"" note"`,
        `${p}02,2025-09-16,AM,B,mid"quote`,
        `${p}02,2025-09-18,AM,B,"  "`,
        `"${p}02","2025-09-19","PM","Z","Peeters, Lotte: ziek"`,
        `"${p}02","19/09/2025","AM","Z",""\r`,
        `"${p}02",2025-09-22,"AM""",Z,`,
        `"${p}02",2025-09-22,"AM"\r,Z,`,
        `${p}02,"2025-09-22" ,AM,Z,`,
      ),
    fast: true,
  },
  {
    name: 'notes with tabs, backslashes, line breaks and other characters',
    file: (p) =>
      l(
        'pupil_id,date,half,code,note',
        `${p}01,2025-09-15,AM,B,tab\there`,
        `${p}01,2025-09-15,PM,B,back\\slash`,
        `${p}01,2025-09-16,AM,B,"twee\nregels"`,
        `${p}01,2025-09-16,PM,B,"cr\r\nlf"`,
        `${p}01,2025-09-18,AM,B,lone\rcr`,
        `${p}01,2025-09-18,PM,B,\\N`,
        `${p}01,2025-09-19,AM,B,é aan de rand é`,
        `${p}01,2025-09-19,PM,B,\u00a0nbsp\u00a0`,
        `${p}01,2025-09-22,AM,B,ctrl\u000bchar`,
        `${p}01,2025-09-22,PM,B,'+1 formule`,
        `${p}01,2025-09-23,AM,B,gewone notitie, met € erin`,
      ),
    fast: true,
  },
  {
    name: 'a BOM, semicolons and CR LF, with a lone LF inside a value',
    file: (p) =>
      `\uFEFFpupil_id;date;half;code;note\r\n${p}01;15/09/2025;VM;B;\r\n${p}01;16/09/2025;NM;z;half\nline\r\n${p}02;2025-09-15;AM;B;x\r\n\r\n${p}02;2025-09-16;AM;B;"q\r\nr"\r\n`,
    fast: true,
  },
  {
    name: 'tabs as delimiter, no line break at the end',
    file: (p) => `pupil_id\tdate\thalf\tcode\n${p}01\t2025-09-15\tAM\tB\n${p}02\t2025-09-15\tPM\tZ`,
    fast: true,
  },
  {
    name: 'CR alone as line break (left to the row stream)',
    file: (p) => `pupil_id,date,half,code\r${p}01,2025-09-15,AM,B\r${p}02,2025-09-15,PM,Z\r`,
  },
  {
    name: 'the wide VM/NM layout with Dutch headers',
    file: (p) =>
      l(
        'Stamnummer;Datum;VM;NM;Opmerking',
        `${p}01;15/09/2025;B;Z;`,
        `${p}01;16/09/2025;;B;ziek`,
        `${p}02;2025-09-15;P;;`,
        `${p}02;2025-09-16;;;`,
        `${p}02;2025-09-17;B;B;`,
        `${p}03;2025-09-18;A;T;`,
        `${p}04;2025-09-18; ;B;`,
      ),
    fast: true,
  },
  {
    name: 'the wide layout, valid',
    file: (p) => l('Stamnummer;Datum;VM;NM', `${p}01;15/09/2025;B;Z`, `${p}01;2025-09-16;;B`, `${p}02;2025-09-15;P;`),
    fast: true,
  },
  {
    name: 'mapped headers and an unknown column',
    file: (p) =>
      l(
        'Leerling-ID;Wanneer;Deel van de dag;Reden;Extra',
        `${p}01;2025-09-15;VM;B;x`,
        `${p}02;2025-09-15;NM;Z`,
        `${p}02;2025-09-16;NM;Z;y;z;w`,
      ),
    mapping: { pupil_id: 'Leerling-ID', date: 'Wanneer', half: 'Deel van de dag', code: 'Reden' },
    fast: true,
  },
  {
    name: 'blank lines everywhere',
    file: (p) =>
      `\n,,\n  \npupil_id,date,half,code,note\n\n${p}01,2025-09-15,AM,B,\n,,,,\n \t \n\u00a0\n""\n${p}02,2025-09-15,AM,B,\n\n`,
    fast: true,
  },
  {
    name: 'a repeated half-day with the same code (applied)',
    file: (p) =>
      l('pupil_id,date,half,code', `${p}01,2025-09-15,AM,B`, `${p}01,2025-09-15,AM,b`, `${p}01,2025-09-15,vm,B`),
    fast: true,
  },
  {
    name: 'a repeated half-day with another code',
    file: (p) =>
      l('pupil_id,date,half,code', `${p}01,2025-09-15,AM,B`, `${p}02,2025-09-15,AM,Z`, `${p}01,2025-09-15,AM,Z`),
    fast: true,
  },
  {
    name: 'more problems than the report holds',
    file: (p) =>
      bigFile(p, 12_000, (i, line) => {
        if (i % 1000 === 999) return '"",""';
        if (i % 1000 === 500) return `"${p}L1","2025-09-15","AM","B",""`;
        return i % 6 === 0 ? line : [`${p}X${i}`, ...line.slice(1)];
      }),
    fast: true,
  },
  {
    name: 'a malformed quote (unreadable)',
    file: (p) => l('pupil_id,date,half,code', `${p}01,2025-09-15,AM,B`, `${p}01,"2025-09-16"x,AM,B`),
  },
  {
    name: 'an unterminated quote (unreadable)',
    file: (p) => l('pupil_id,date,half,code', `${p}01,2025-09-15,AM,B`, `${p}01,"2025-09-16,AM,B`),
  },
  {
    name: 'a header only',
    file: () => l('pupil_id,date,half,code'),
  },
];

describe.each(testEngines())('register import read from bytes or as a row stream on %s', (engine) => {
  // `bytes` imports through the byte path, `rows` through the row stream; both get the same schools in order.
  let bytes: TestDatabase;
  let rows: TestDatabase;
  const dir = tempDir();
  let school = 100;
  // Imports by a user (recorded_by) except in every third school (the system: no user).
  let actor: Actor;

  beforeAll(async () => {
    [bytes, rows] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    const user = { email: 'secretariaat@school.test', displayName: 'Secretariaat', passwordHash: 'x' };
    const [a, b] = await Promise.all([insertUser(bytes.db, user), insertUser(rows.db, user)]);
    expect(a).toBe(b);
    actor = { ...SYSTEM_ACTOR, userId: a };
  });
  afterAll(async () => {
    byteReading.enabled = true;
    await Promise.all([bytes?.drop(), rows?.drop()]);
  });

  /** Imports `path` into a new school of both databases (after a one-row file when `later`) and compares. */
  async function compare(c: Case, later: boolean) {
    school++;
    const p = `S${school}-`;
    const path = writeTemp(dir, `${school}.csv`, c.file(p));
    const outcomes = [];
    for (const t of [bytes, rows]) {
      byteReading.enabled = t === bytes;
      byteReading.last = { fast: 0, rowPath: 0 };
      const schoolId = await schoolWithPupils(t.db, pupils(p), {
        institutionNumber: String(school).padStart(6, '0'),
        level: 'basis',
      });
      if (later) {
        const seed = writeTemp(dir, `${school}-seed.csv`, l('pupil_id,date,half,code', `${p}L0,2025-09-01,AM,Z`));
        await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path: seed });
      }
      const result = await importFile(t.db, school % 3 === 0 ? SYSTEM_ACTOR : actor, {
        schoolId,
        kind: 'register',
        path,
        mapping: c.mapping,
        today: '2026-03-01',
      }).catch((error) => {
        if (error instanceof ImportRejected) return { problems: error.problems, columns: error.columns };
        throw error;
      });
      const register = await t.db.query(
        `SELECT p.external_id, r.date, r.half, r.code, r.note, r.school_id, r.import_id, r.recorded_by
         FROM register_entry r JOIN pupil p ON p.id = r.pupil_id
         WHERE r.school_id = $1 ORDER BY 1, 2, 3`,
        [schoolId],
      );
      const batches = await t.db.query(
        `SELECT kind, file_sha256, row_count, inserted_count, updated_count FROM import_batch
         WHERE school_id = $1 ORDER BY id`,
        [schoolId],
      );
      outcomes.push({ result, register, batches, read: { ...byteReading.last } });
    }
    const [fromBytes, fromRows] = outcomes as [(typeof outcomes)[0], (typeof outcomes)[0]];
    expect(fromBytes.result).toEqual(fromRows.result);
    expect(fromBytes.register).toEqual(fromRows.register);
    expect(fromBytes.batches).toEqual(fromRows.batches);
    const applied = (fromBytes.result as { status?: string }).status === 'applied';
    if (applied) {
      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
      expect(fromBytes.batches.at(-1)).toMatchObject({ file_sha256: sha256 });
    }
    // The byte path really read the file (the row stream reads none of it).
    expect(fromRows.read).toEqual({ fast: 0, rowPath: 0 });
    if (c.fast) expect(fromBytes.read.fast).toBeGreaterThan(0);
    return fromBytes;
  }

  for (const c of CASES) {
    it(`${c.name}: the same on a school's first import`, async () => {
      await compare(c, false);
    });
    it(`${c.name}: the same on a later import (staging)`, async () => {
      await compare(c, true);
    });
  }

  it('the cases cover applied and rejected files, fast and row-path rows', async () => {
    const valid = await compare(CASES[0] as Case, false);
    expect(valid.result).toMatchObject({ status: 'applied', rows: 36_000 });
    expect(valid.read.rowPath).toBeGreaterThan(1000);
    const problems = await compare(CASES[2] as Case, false);
    const codes = new Set((problems.result as ImportRejected).problems.map((p) => p.code));
    for (const code of [
      'required',
      'unknown-pupil',
      'invalid-date',
      'invalid-half',
      'unknown-code',
      'not-a-school-half-day',
      'outside-enrolment',
      'b-for-non-compulsory',
      'discipline-for-kleuter',
      'conflicting-duplicate',
      'too-long',
    ])
      expect(codes).toContain(code);
  });
});
