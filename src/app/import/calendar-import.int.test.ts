// Calendar import (formats.md calendar.csv): a valid file, every validation problem with its row and column
// (nothing written), and an idempotent re-import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarVersion } from '../../db/school.repository.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { rejectedProblems } from '../../testing/import-problems.ts';
import { pupilsCsv } from '../../testing/register-files.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from './import.service.ts';
import type { ImportRejected } from './import-problem.ts';

describe.each(testEngines())('calendar import on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  let files = 0;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, pupilsCsv(3));
  });
  afterAll(async () => t?.drop());

  const importCalendar = (text: string) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'calendar',
      path: writeTemp(dir, `calendar-${++files}.csv`, text),
      today: '2025-09-15',
    });

  async function schoolDay(date: string, half: 'AM' | 'PM'): Promise<boolean | null> {
    const rows = await t.db.query<{ school_day: boolean }>(
      'SELECT school_day FROM calendar_half_day WHERE school_id = $1 AND date = $2 AND half = $3',
      [schoolId, date, half],
    );
    return rows[0]?.school_day ?? null;
  }

  async function calendarState() {
    return {
      rows: await t.db.query(
        'SELECT date::text, half, school_day FROM calendar_half_day WHERE school_id = $1 ORDER BY 1, 2',
        [schoolId],
      ),
      version: await calendarVersion(t.db, schoolId),
      imports: await t.db.query("SELECT count(*)::int AS n FROM import_batch WHERE kind = 'calendar'"),
    };
  }

  const problemsOf = (text: string) => rejectedProblems(() => importCalendar(text), calendarState);

  it('a valid file makes a school day free and a free day a school day, in Belgian and ISO dates', async () => {
    expect(await schoolDay('2025-09-05', 'AM')).toBe(true);
    expect(await schoolDay('2025-09-06', 'AM')).not.toBe(true);
    const version = await calendarVersion(t.db, schoolId);
    const result = await importCalendar('date,half,school_day\n05/09/2025,VM,0\n2025-09-06,AM,1\n');
    expect(result).toMatchObject({ status: 'applied', rows: 2 });
    expect(result.inserted + result.updated).toBe(2);
    expect(await schoolDay('2025-09-05', 'AM')).toBe(false);
    expect(await schoolDay('2025-09-06', 'AM')).toBe(true);
    expect(await calendarVersion(t.db, schoolId)).toBe(version + 1);
  });

  it('re-importing the same file changes nothing and reports unchanged', async () => {
    const file = 'date,half,school_day\n2025-09-12,PM,0\n';
    expect((await importCalendar(file)).status).toBe('applied');
    const before = await calendarState();
    expect(await importCalendar(file)).toMatchObject({ status: 'unchanged', importId: null, inserted: 0, updated: 0 });
    expect(await calendarState()).toEqual(before);
  });

  it('a missing column rejects the file, naming the column on row 1', async () => {
    expect(await problemsOf('date,half\n2025-09-05,AM\n')).toEqual([
      { row: 1, column: 'school_day', code: 'missing-column' },
    ]);
  });

  it('reports every bad row with its row and column and writes nothing', async () => {
    const file = [
      'date,half,school_day',
      '2025-09-15,AM,1', // row 2: fine
      ',AM,1', // row 3: no date
      '2025-02-30,AM,1', // row 4: no such date
      '2025-09-16,,1', // row 5: no half
      '2025-09-16,XM,1', // row 6: not a half
      '2025-09-17,AM,2', // row 7: school_day is 0 or 1
      '2025-09-18,AM,', // row 8: school_day missing
      '2025-09-19,PM,1', // row 9: fine
      '19/09/2025,NM,0', // row 10: the same half-day as row 9 with another value
    ].join('\n');
    expect(await problemsOf(file)).toEqual([
      { row: 3, column: 'date', code: 'required' },
      { row: 4, column: 'date', code: 'invalid-date' },
      { row: 5, column: 'half', code: 'required' },
      { row: 6, column: 'half', code: 'invalid-half' },
      { row: 7, column: 'school_day', code: 'invalid-school-day' },
      { row: 8, column: 'school_day', code: 'invalid-school-day' },
      { row: 10, column: 'school_day', code: 'conflicting-duplicate' },
    ]);
  });

  it('the same half-day twice with the same value is accepted', async () => {
    const result = await importCalendar('date,half,school_day\n2025-09-26,PM,0\n26/09/2025,NM,0\n');
    expect(result).toMatchObject({ status: 'applied', rows: 2 });
    expect(await schoolDay('2025-09-26', 'PM')).toBe(false);
  });

  it('refuses to make a half-day free while register rows exist on it', async () => {
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', 'pupil_id,date,half,code\nL0,2025-09-08,AM,B\nL1,2025-09-08,AM,Z\n'),
      today: '2025-09-15',
    });
    expect(await problemsOf('date,half,school_day\n2025-09-09,AM,0\n2025-09-08,AM,0\n')).toEqual([
      { row: 3, column: 'school_day', code: 'register-on-free-half-day' },
    ]);
    expect(await schoolDay('2025-09-09', 'AM')).toBe(true);
  });

  it('names the problem in Dutch and English', async () => {
    const error = (await importCalendar('date,half,school_day\n2025-09-05,AM,ja\n').catch((e) => e)) as ImportRejected;
    expect(error.problems[0]?.messages.nl).toMatch(/ja/);
    expect(error.problems[0]?.messages.en).toMatch(/ja/);
  });
});
