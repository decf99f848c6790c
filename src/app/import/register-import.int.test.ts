import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCounts } from '../../db/register.repository.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from './import.service.ts';
import { ImportRejected } from './import-problem.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
1002,Milan,Janssens,2011-11-20,secundair,2,2B
1003,Noor,Maes,2012-07-15,secundair,1,1A
`;

describe.each(testEngines())('register import on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS);
  });
  afterAll(async () => t?.drop());

  const run = (name: string, content: string | Buffer) =>
    importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path: writeTemp(dir, name, content) });

  it('imports rows and a re-import of the same file changes nothing', async () => {
    const csv =
      'pupil_id,date,half,code,note\n1001,2025-09-15,AM,B,\n1001,2025-10-02,PM,Z,griep\n1002,2025-09-15,VM,p,\n';
    const first = await run('r1.csv', csv);
    expect(first).toMatchObject({ status: 'applied', rows: 3, inserted: 3, updated: 0 });
    const counts = await registerCounts(t.db);
    const again = await run('r1-again.csv', csv);
    expect(again.status).toBe('unchanged');
    expect(await registerCounts(t.db)).toEqual(counts);
  });

  it('a corrected code updates the row and keeps its history', async () => {
    const result = await run('r2.csv', 'pupil_id,date,half,code\n1001,2025-09-15,AM,Z\n');
    expect(result).toMatchObject({ status: 'applied', inserted: 0, updated: 1 });
    const history = await t.db.query<{ old_code: string; new_code: string; import_id: number }>(
      `SELECT old_code, new_code, import_id FROM register_history h JOIN pupil p ON p.id = h.pupil_id
       WHERE p.external_id = '1001' AND h.date = '2025-09-15'`,
    );
    expect(history).toEqual([{ old_code: 'B', new_code: 'Z', import_id: result.importId }]);
  });

  it('rejects a file with bad rows whole, reporting each bad row, and writes nothing', async () => {
    const before = await registerCounts(t.db);
    const csv = [
      'pupil_id;date;half;code',
      '1003;16/09/2025;VM;B', // fine
      '9999;16/09/2025;VM;B', // unknown pupil
      '1003;17/09/2025;NM;B', // Wednesday afternoon: no school
      '1003;18/09/2025;VM;Q', // unknown code
      '1003;2025-02-30;AM;B', // not a date
    ].join('\n');
    const error = await run('bad.csv', `\uFEFF${csv}\n`).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    const problems = (error as ImportRejected).problems;
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'pupil_id', 'unknown-pupil'],
      [4, 'date', 'not-a-school-half-day'],
      [5, 'code', 'unknown-code'],
      [6, 'date', 'invalid-date'],
    ]);
    expect(problems[0]?.messages.nl).toContain('9999');
    expect(await registerCounts(t.db)).toEqual(before);
  });

  it('rejects rows outside the enrolment and conflicting duplicates', async () => {
    const csv = 'pupil_id,date,half,code\n1002,2024-09-16,AM,B\n1002,2025-09-16,AM,B\n1002,2025-09-16,AM,Z\n';
    const error = (await run('dup.csv', csv).catch((e) => e)) as ImportRejected;
    expect(error.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'outside-enrolment'],
      [4, 'conflicting-duplicate'],
    ]);
  });

  it('identical repeats count once, on the school’s first import (straight into the register) and on later ones', async () => {
    const fresh = await schoolWithPupils(t.db, PUPILS.replaceAll('100', '200'), { institutionNumber: '777777' });
    const runAt = (school: number, name: string, content: string) =>
      importFile(t.db, SYSTEM_ACTOR, { schoolId: school, kind: 'register', path: writeTemp(dir, name, content) });
    const repeated = 'pupil_id,date,half,code\n2001,2025-09-22,AM,B\n2001,2025-09-22,AM,B\n2002,2025-09-22,AM,Z\n';
    expect(await runAt(fresh, 'first.csv', repeated)).toMatchObject({ status: 'applied', rows: 3, inserted: 2 });
    const later = 'pupil_id,date,half,code\n2003,2025-09-23,PM,B\n2003,2025-09-23,PM,B\n2001,2025-09-22,AM,B\n';
    expect(await runAt(fresh, 'later.csv', later)).toMatchObject({ status: 'applied', rows: 3, inserted: 1 });
    const conflicting = 'pupil_id,date,half,code\n2003,2025-09-24,AM,B\n2003,2025-09-24,AM,Z\n';
    const error = (await runAt(fresh, 'conflict.csv', conflicting).catch((e) => e)) as ImportRejected;
    expect(error.problems.map((p) => [p.row, p.code])).toEqual([[3, 'conflicting-duplicate']]);
    const [count] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM register_entry WHERE school_id = $1',
      [fresh],
    );
    expect(count?.n).toBe(3);
  });

  it('a school’s first import that fails writes nothing, even though it wrote straight into the register', async () => {
    const fresh = await schoolWithPupils(t.db, PUPILS.replaceAll('100', '300'), { institutionNumber: '888888' });
    const lines = Array.from(
      { length: 500 },
      (_, i) => `300${(i % 3) + 1},2025-10-${String(6 + (i % 3)).padStart(2, '0')},${i % 2 ? 'PM' : 'AM'},B`,
    );
    const csv = `pupil_id,date,half,code\n${[...new Set(lines)].join('\n')}\n9999,2025-10-06,AM,B\n`;
    const error = (await importFile(t.db, SYSTEM_ACTOR, {
      schoolId: fresh,
      kind: 'register',
      path: writeTemp(dir, 'fresh-bad.csv', csv),
    }).catch((e) => e)) as ImportRejected;
    expect(error).toBeInstanceOf(ImportRejected);
    const [count] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM register_entry WHERE school_id = $1',
      [fresh],
    );
    expect(count?.n).toBe(0);
  });

  it('names a missing required column', async () => {
    const error = (await run('cols.csv', 'pupil_id,date,code\n1001,2025-09-15,B\n').catch((e) => e)) as ImportRejected;
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ row: 1, column: 'half', code: 'missing-column' });
  });
});
