// The register import's data checks that the seeds imply (issue 14), on a real database: A for a kleuter of
// compulsory age is a warning naming the rows (seed 004 l. 2287); B for a child under 5 (seed 003 l. 75–81) and a
// suspension or exclusion code for a kleuter (seed 004 l. 2234, 3340, 8173) reject the file, each with a Dutch
// message in the import report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCounts } from '../../db/register.repository.ts';
import { registerDataCheck } from '../../domain/register-data-checks.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from './import.service.ts';
import { type ImportProblem, ImportRejected } from './import-problem.ts';

// School year 2025-2026: leerplicht from 1 September of the year the child turns 5, so born in 2020 or before.
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
2001,Fien,Claes,2020-11-30,kleuter,3,K3A
2002,Lou,Wouters,2021-01-01,kleuter,2,K2A
2003,Jules,Mertens,2018-05-05,lager,1,1A
`;

describe('the data checks, from the sources', () => {
  const check = (code: string, level: 'kleuter' | 'lager', birthDate: string) =>
    registerDataCheck({ code, level, birthDate, schoolYearStart: 2025 }, 5);
  it('A: only wrong for a kleuter of compulsory age (born 2020 turns 5 in 2025; born 2021 does not)', () => {
    expect(check('A', 'kleuter', '2020-12-31')).toBe('a-for-compulsory-kleuter');
    expect(check('A', 'kleuter', '2021-01-01')).toBeNull();
  });
  it('B: wrong for a child not of compulsory age', () => {
    expect(check('B', 'kleuter', '2021-01-01')).toBe('b-for-non-compulsory');
    expect(check('B', 'kleuter', '2020-12-31')).toBeNull();
  });
  it('T, U, Y: wrong for any kleuter, fine in primary', () => {
    for (const code of ['T', 'U', 'Y']) {
      expect(check(code, 'kleuter', '2020-01-01')).toBe('discipline-for-kleuter');
      expect(check(code, 'lager', '2018-01-01')).toBeNull();
    }
  });
});

describe.each(testEngines())('register data checks on import on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  const dir = tempDir();
  let n = 0;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { level: 'basis' });
  });
  afterAll(async () => t?.drop());

  const run = (rows: string[]) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, `r${++n}.csv`, `pupil_id,date,half,code\n${rows.join('\n')}\n`),
    });
  const rejection = async (rows: string[]): Promise<ImportProblem[]> => {
    const error = await run(rows).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    return (error as ImportRejected).problems;
  };

  it('A for a compulsory-age kleuter imports with one warning naming its rows', async () => {
    const result = await run([
      '2001,2025-09-15,AM,A', // row 2
      '2002,2025-09-15,AM,A', // row 3: not of compulsory age, fine
      '2001,2025-09-16,AM,A', // row 4
      '2001,2025-09-16,PM,Z', // row 5
    ]);
    expect(result.status).toBe('applied');
    expect(result.warnings.filter((w) => w.code === 'a-for-compulsory-kleuter')).toEqual([
      {
        row: 2,
        column: 'code',
        code: 'a-for-compulsory-kleuter',
        messages: {
          nl: 'Code A (afwezigheid van een niet-leerplichtige kleuter) bij leerling "2001", een leerplichtige kleuter, in rij(en) 2, 4: A telt niet als afwezig en zou ten onrechte meetellen voor de 290 halve dagen. Registreer de echte reden (Z, R, P, B …).',
          en: expect.stringContaining('row(s) 2, 4'),
        },
      },
    ]);
  });

  it('B for a child under 5 rejects the file with the reason in Dutch', async () => {
    const before = await registerCounts(t.db);
    const problems = await rejection(['2003,2025-09-22,AM,B', '2002,2025-09-22,AM,B']);
    expect(problems).toEqual([
      {
        row: 3,
        column: 'code',
        code: 'b-for-non-compulsory',
        messages: {
          nl: 'Code B (problematische afwezigheid) bij leerling "2002", die nog niet leerplichtig is: een kleuter jonger dan 5 kan niet onwettig afwezig zijn. Gebruik code A.',
          en: expect.any(String),
        },
      },
    ]);
    expect(await registerCounts(t.db)).toEqual(before);
  });

  it('a suspension or exclusion code for a kleuter rejects the file; for a primary pupil it does not', async () => {
    const problems = await rejection(['2001,2025-09-23,AM,U', '2002,2025-09-23,PM,Y', '2003,2025-09-23,AM,U']);
    expect(problems.map((p) => [p.row, p.code, p.messages.nl])).toEqual([
      [
        2,
        'discipline-for-kleuter',
        'Code U (schorsing of uitsluiting) bij kleuter "2001": kleuters kunnen niet geschorst of uitgesloten worden.',
      ],
      [
        3,
        'discipline-for-kleuter',
        'Code Y (schorsing of uitsluiting) bij kleuter "2002": kleuters kunnen niet geschorst of uitgesloten worden.',
      ],
    ]);
    expect((await run(['2003,2025-09-23,AM,U'])).status).toBe('applied');
  });
});
