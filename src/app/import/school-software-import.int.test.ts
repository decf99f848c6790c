// Imports straight from school software (issue 18): a Smartschool-style and an Informat-style pupils and absence
// export, as real files in testdata/ (Dutch headers, semicolons, DD/MM/YYYY and D/M/YYYY, VM/NM), give the same
// pupils and register as the canonical files with the same content; a re-import changes nothing; a bad row rejects
// the file whole.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCounts } from '../../db/register.repository.ts';
import { exportedRegister, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { createSchool } from '../school.service.ts';
import { importFile } from './import.service.ts';
import { ImportRejected } from './import-problem.ts';
import type { ImportKind } from './import-result.ts';

const testdata = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

/** Each pupil and enrolment of a school as the canonical columns hold them. */
async function pupilsOf(t: TestDatabase, schoolId: number) {
  return t.db.query(
    `SELECT p.external_id AS pupil_id, p.first_name, p.last_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
            e.level, e.class_name AS class, to_char(e.enrolled_from, 'YYYY-MM-DD') AS enrolled_from,
            to_char(e.enrolled_until, 'YYYY-MM-DD') AS enrolled_until
     FROM pupil p JOIN enrolment e ON e.pupil_id = p.id WHERE p.school_id = $1 ORDER BY p.external_id`,
    [schoolId],
  );
}

const registerOf = (t: TestDatabase, schoolId: number) => exportedRegister(t.db, schoolId);

describe.each(testEngines())('imports from school software on %s', (engine) => {
  let t: TestDatabase;
  const dir = tempDir();
  let schools = 0;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t?.drop());

  const school = (institutionNumber = `9000${++schools}`) =>
    createSchool(t.db, SYSTEM_ACTOR, {
      name: `School ${institutionNumber}`,
      institutionNumber,
      calendarLevel: 'secundair',
    });
  const run = (schoolId: number, kind: ImportKind, path: string) =>
    importFile(t.db, SYSTEM_ACTOR, { schoolId, kind, path, today: '2026-03-01' });
  /** A school that received the same content as canonical files. */
  const canonicalSchool = async (name: string, pupils: string, register: string) => {
    const schoolId = await school();
    await run(schoolId, 'pupils', writeTemp(dir, `${name}-pupils.csv`, pupils));
    await run(schoolId, 'register', writeTemp(dir, `${name}-register.csv`, register));
    return schoolId;
  };

  it('reads a Smartschool-style export: "Naam" as "Achternaam, Voornaam", D/M/YYYY, Dagdeel VM/NM', async () => {
    const fromSoftware = await school();
    const pupils = await run(fromSoftware, 'pupils', testdata('smartschool-leerlingen.csv'));
    expect(pupils).toMatchObject({ status: 'applied', rows: 3, inserted: 3 });
    expect(pupils.warnings.map((w) => w.column)).toEqual(['Gebruikersnaam']);
    const register = await run(fromSoftware, 'register', testdata('smartschool-afwezigheden.csv'));
    expect(register).toMatchObject({ status: 'applied', rows: 4, inserted: 4 });
    expect(register.warnings.map((w) => w.column)).toEqual(['Naam', 'Klas']);

    const canonical = await canonicalSchool(
      'ss',
      'pupil_id,first_name,last_name,birth_date,level,class\n' +
        '20250101,Lotte,Peeters,2012-03-04,secundair,1A\n' +
        '20250102,Milan,Janssens,2011-11-20,secundair,2B\n' +
        '20250103,Noë,Çelik,2012-07-15,secundair,1A\n',
      'pupil_id,date,half,code,note\n20250101,2025-09-15,AM,B,\n20250101,2025-09-15,PM,B,\n' +
        '20250102,2025-10-02,AM,Z,griep\n20250103,2025-09-18,PM,D,doktersattest\n',
    );
    expect(await pupilsOf(t, fromSoftware)).toEqual(await pupilsOf(t, canonical));
    expect((await pupilsOf(t, fromSoftware))[2]).toMatchObject({ first_name: 'Noë', last_name: 'Çelik' });
    expect(await registerOf(t, fromSoftware)).toEqual(await registerOf(t, canonical));

    const counts = await registerCounts(t.db);
    expect((await run(fromSoftware, 'pupils', testdata('smartschool-leerlingen.csv'))).status).toBe('unchanged');
    expect((await run(fromSoftware, 'register', testdata('smartschool-afwezigheden.csv'))).status).toBe('unchanged');
    expect(await registerCounts(t.db)).toEqual(counts);
  });

  it('reads an Informat-style export: Windows-1252, Stamnummer/Naam/Voornaam, a VM and an NM code column', async () => {
    const fromSoftware = await school('000002');
    const pupils = await run(fromSoftware, 'pupils', testdata('informat-leerlingen.csv'));
    expect(pupils).toMatchObject({ status: 'applied', rows: 3, inserted: 3 });
    expect(pupils.warnings.map((w) => [w.code, w.column])).toEqual([
      ['decoded-as-windows-1252', null],
      ['unknown-column', 'Klasnaam'],
    ]);
    const register = await run(fromSoftware, 'register', testdata('informat-afwezigheden.csv'));
    // Four rows, four half-days: both halves of 15/09, the morning of 02/10, the afternoon of 18/09; 16/09 present.
    expect(register).toMatchObject({ status: 'applied', rows: 4, inserted: 4 });

    const canonical = await canonicalSchool(
      'inf',
      'pupil_id,first_name,last_name,birth_date,level,class,enrolled_from,enrolled_until\n' +
        '0001,Lotte,Peeters,2012-03-04,secundair,1A,2025-09-01,\n' +
        '0002,Milan,Janssens,2011-11-20,secundair,2B,2025-09-01,2026-01-31\n' +
        '0003,Noë,Çelik,2012-07-15,secundair,1A,2025-09-15,\n',
      'pupil_id,date,half,code\n0001,2025-09-15,AM,B\n0001,2025-09-15,PM,B\n0002,2025-10-02,AM,Z\n' +
        '0003,2025-09-18,PM,D\n',
    );
    expect(await pupilsOf(t, fromSoftware)).toEqual(await pupilsOf(t, canonical));
    expect(await registerOf(t, fromSoftware)).toEqual(await registerOf(t, canonical));

    const counts = await registerCounts(t.db);
    expect((await run(fromSoftware, 'register', testdata('informat-afwezigheden.csv'))).status).toBe('unchanged');
    expect(await registerCounts(t.db)).toEqual(counts);
  });

  it('rejects an Informat-style export with a bad code in the NM column whole, naming row and column', async () => {
    const schoolId = await school();
    // Only pupil 0001 is known here: the rows of 0002 and 0003 are problems too.
    await run(
      schoolId,
      'pupils',
      writeTemp(dir, 'bare.csv', 'Stamnummer;Naam;Voornaam;Geboortedatum\n0001;Peeters;Lotte;04/03/2012\n'),
    );
    const before = await registerCounts(t.db);
    const file = readFileSync(testdata('informat-afwezigheden.csv'), 'latin1').replace('16/09/2025;;', '16/09/2025;;Q');
    const error = await run(
      schoolId,
      'register',
      writeTemp(dir, 'bad-informat.csv', Buffer.from(file, 'latin1')),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'pupil_id', 'unknown-pupil'],
      [4, 'pupil_id', 'unknown-pupil'],
      [5, 'pm_code', 'unknown-code'],
    ]);
    expect(await registerCounts(t.db)).toEqual(before);
  });
});
