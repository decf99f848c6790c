// Pupils import (formats.md pupils.csv) beyond the happy path: every kind of validation problem with its row and
// column, all-or-nothing, and a re-import that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { tempDir, writeTemp } from '../../testing/fixtures.ts';
import { rejectedProblems } from '../../testing/import-problems.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { createSchool } from '../school.service.ts';
import { importFile } from './import.service.ts';
import type { ImportRejected } from './import-problem.ts';

const HEADER =
  'pupil_id,first_name,last_name,birth_date,level,grade,class,school_id,enrolled_from,enrolled_until,excluded_on';
const GOOD = 'L1,An,Peeters,2011-02-03,secundair,2,2A,123456,,,';

describe.each(testEngines())('pupils import validation on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  let files = 0;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'School 123456',
      institutionNumber: '123456',
      calendarLevel: 'secundair',
    });
  });
  afterAll(async () => t?.drop());

  const importPupils = (lines: readonly string[]) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'pupils',
      path: writeTemp(dir, `pupils-${++files}.csv`, `${lines.join('\n')}\n`),
      schoolYear: parseSchoolYearId('2025-2026') ?? undefined,
    });

  async function state() {
    return {
      pupils: await t.db.query('SELECT count(*)::int AS n FROM pupil WHERE school_id = $1', [schoolId]),
      enrolments: await t.db.query('SELECT count(*)::int AS n FROM enrolment'),
      imports: await t.db.query("SELECT count(*)::int AS n FROM import_batch WHERE kind = 'pupils'"),
    };
  }

  const problemsOf = (lines: readonly string[]) => rejectedProblems(() => importPupils(lines), state);

  it('each missing required column is named on row 1', async () => {
    expect(await problemsOf(['pupil_id,first_name,level', 'L1,An,secundair'])).toEqual([
      { row: 1, column: 'last_name', code: 'missing-column' },
      { row: 1, column: 'birth_date', code: 'missing-column' },
    ]);
  });

  it('an empty required field is reported per field', async () => {
    expect(await problemsOf([HEADER, GOOD, ',An,,2011-02-03,,2,2A,,,,'])).toEqual([
      { row: 3, column: 'pupil_id', code: 'required' },
      { row: 3, column: 'last_name', code: 'required' },
      { row: 3, column: 'level', code: 'required' },
    ]);
  });

  it('rejects every kind of bad value with its row and column, and writes nothing', async () => {
    const lines = [
      HEADER,
      GOOD, // row 2
      'L2,Bo,Jacobs,2011-13-01,secundair,2,2A,,,,', // row 3: no such birth date
      'L3,Cas,Maes,2011-02-03,universiteit,2,2A,,,,', // row 4: unknown level
      'L4,Dirk,Claes,2011-02-03,lager,7,7A,,,,', // row 5: lager has grades 1–6
      'L5,Els,Wouters,2011-02-03,secundair,twee,2A,,,,', // row 6: grade not a number
      'L6,Fien,Goossens,2011-02-03,secundair,2,2A,654321,,,', // row 7: another school's number
      'L7,Gust,Willems,2011-02-03,secundair,2,2A,,2025-08-31,,', // row 8: enrolled before the school year
      'L8,Hanne,Mertens,2011-02-03,secundair,2,2A,,,2026-09-01,', // row 9: enrolled after the school year
      'L9,Ilse,Dubois,2011-02-03,secundair,2,2A,,2026-03-01,2026-02-01,', // row 10: ends before it starts
      'L10,Jan,Lambert,2011-02-03,secundair,2,2A,,31/02/2026,,', // row 11: no such date
      'L11,Kato,Dupont,2011-02-03,secundair,2,2A,,,,morgen', // row 12: exclusion date not a date
      'L1,An,Peeters,2011-02-03,secundair,2,2A,,,,', // row 13: pupil number of row 2 again
    ];
    expect(await problemsOf(lines)).toEqual([
      { row: 3, column: 'birth_date', code: 'invalid-date' },
      { row: 4, column: 'level', code: 'invalid-level' },
      { row: 5, column: 'grade', code: 'invalid-grade' },
      { row: 6, column: 'grade', code: 'invalid-grade' },
      { row: 7, column: 'school_id', code: 'wrong-school' },
      { row: 8, column: 'enrolled_from', code: 'outside-school-year' },
      { row: 9, column: 'enrolled_until', code: 'outside-school-year' },
      { row: 10, column: 'enrolled_until', code: 'invalid-enrolment-period' },
      { row: 11, column: 'enrolled_from', code: 'invalid-date' },
      { row: 12, column: 'excluded_on', code: 'invalid-date' },
      { row: 13, column: 'pupil_id', code: 'duplicate-row' },
    ]);
  });

  it('messages name the value in Dutch and English', async () => {
    const error = (await importPupils([HEADER, 'L1,An,Peeters,2011-02-03,universiteit,2,2A,,,,']).catch(
      (e) => e,
    )) as ImportRejected;
    expect(error.problems[0]?.messages.nl).toContain('universiteit');
    expect(error.problems[0]?.messages.en).toContain('universiteit');
  });

  it('a valid file is applied whole; the same file again changes nothing', async () => {
    const lines = [HEADER, GOOD, 'L2,Bo,Jacobs,03/04/2012,secundair,1,1A,,2025-10-01,2026-06-30,'];
    expect(await importPupils(lines)).toMatchObject({ status: 'applied', rows: 2 });
    const after = await state();
    expect(after.pupils).toEqual([{ n: 2 }]);
    expect(await importPupils(lines)).toMatchObject({ status: 'unchanged', inserted: 0, updated: 0 });
    expect(await state()).toEqual(after);
  });
});
