// Schools (organisations of kind school) and their calendars.
import type { CalendarHalfDay } from '../domain/calendar.ts';
import type { Sql } from './database.ts';
import { analyzeIfChangedMuch } from './statistics.ts';

export interface SchoolRow {
  id: number;
  name: string;
  institutionNumber: string | null;
  calendarLevel: 'basis' | 'secundair' | null;
}

const SCHOOL_COLUMNS = `id::int AS id, name, institution_number AS "institutionNumber", calendar_level AS "calendarLevel"`;

export async function listSchools(db: Sql, ids: number[] | 'all'): Promise<SchoolRow[]> {
  if (ids === 'all') {
    return db.query<SchoolRow>(`SELECT ${SCHOOL_COLUMNS} FROM organisation WHERE kind = 'school' ORDER BY name`);
  }
  return db.query<SchoolRow>(
    `SELECT ${SCHOOL_COLUMNS} FROM organisation WHERE kind = 'school' AND id = ANY($1::bigint[]) ORDER BY name`,
    [ids],
  );
}

export async function findSchool(db: Sql, id: number): Promise<SchoolRow | undefined> {
  const rows = await db.query<SchoolRow>(
    `SELECT ${SCHOOL_COLUMNS} FROM organisation WHERE kind = 'school' AND id = $1`,
    [id],
  );
  return rows[0];
}

export async function findSchoolByInstitutionNumber(db: Sql, number: string): Promise<SchoolRow | undefined> {
  const rows = await db.query<SchoolRow>(
    `SELECT ${SCHOOL_COLUMNS} FROM organisation WHERE kind = 'school' AND institution_number = $1`,
    [number],
  );
  return rows[0];
}

export async function insertSchool(
  db: Sql,
  school: { name: string; institutionNumber: string; calendarLevel: 'basis' | 'secundair' },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO organisation (kind, name, institution_number, calendar_level)
     VALUES ('school', $1, $2, $3) RETURNING id::int AS id`,
    [school.name, school.institutionNumber, school.calendarLevel],
  );
  return (rows[0] as { id: number }).id;
}

/** Writes (or overwrites) calendar half-days for a school; call inside a transaction (uses a temp table). */
export async function upsertCalendar(
  db: Sql,
  schoolId: number,
  entries: Iterable<CalendarHalfDay>,
  source: string,
): Promise<void> {
  await db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS calendar_staging (date date, half text, school_day boolean) ON COMMIT DROP',
  );
  await db.exec('TRUNCATE calendar_staging');
  let count = 0;
  async function* lines() {
    for (const e of entries) {
      count++;
      yield `${e.date}\t${e.half}\t${e.schoolDay ? 't' : 'f'}\n`;
    }
  }
  await db.copyIn('calendar_staging', ['date', 'half', 'school_day'], lines());
  await db.query(
    `INSERT INTO calendar_half_day (school_id, date, half, school_day, source)
     SELECT $1, date, half, school_day, $2 FROM calendar_staging
     ON CONFLICT (school_id, date, half) DO UPDATE SET school_day = EXCLUDED.school_day, source = EXCLUDED.source
     WHERE calendar_half_day.school_day <> EXCLUDED.school_day`,
    [schoolId, source],
  );
  // A new school's calendar in a database of few schools: the imports after it plan with these statistics.
  await analyzeIfChangedMuch(db, { calendar_half_day: count });
  await bumpCalendarVersion(db, schoolId);
}

export async function bumpCalendarVersion(db: Sql, schoolId: number): Promise<void> {
  await db.query('UPDATE organisation SET calendar_version = calendar_version + 1 WHERE id = $1', [schoolId]);
}

export async function calendarVersion(db: Sql, schoolId: number): Promise<number> {
  const rows = await db.query<{ version: number }>(
    'SELECT calendar_version AS version FROM organisation WHERE id = $1',
    [schoolId],
  );
  return rows[0]?.version ?? 0;
}

export async function loadCalendar(db: Sql, schoolId: number, from: string, until: string): Promise<CalendarHalfDay[]> {
  return db.query<CalendarHalfDay>(
    `SELECT date, half, school_day AS "schoolDay" FROM calendar_half_day
     WHERE school_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, half`,
    [schoolId, from, until],
  );
}

/** School half-days per date as a bit mask: 1 = AM is a school half-day, 2 = PM is. */
export async function loadSchoolHalfDayMasks(db: Sql, schoolId: number): Promise<Map<string, number>> {
  const rows = await db.query<{ date: string; half: string }>(
    'SELECT date, half FROM calendar_half_day WHERE school_id = $1 AND school_day',
    [schoolId],
  );
  const masks = new Map<string, number>();
  for (const r of rows) masks.set(r.date, (masks.get(r.date) ?? 0) | (r.half === 'AM' ? 1 : 2));
  return masks;
}

export async function schoolYearsWithData(db: Sql, schoolId: number): Promise<string[]> {
  const rows = await db.query<{ schoolYear: string }>(
    `SELECT DISTINCT school_year AS "schoolYear" FROM enrolment WHERE school_id = $1 ORDER BY 1 DESC`,
    [schoolId],
  );
  return rows.map((r) => r.schoolYear);
}

/** Every school's id, in id order (the daily job walks them one transaction each). */
export async function allSchoolIds(db: Sql): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT id::int AS id FROM organisation WHERE kind = 'school' ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** Every half-day of a school's calendar (the signals engine compiles it; recompute-signals.ts caches it). */
export async function calendarOfSchool(db: Sql, schoolId: number): Promise<CalendarHalfDay[]> {
  return db.query<CalendarHalfDay>(
    'SELECT date, half, school_day AS "schoolDay" FROM calendar_half_day WHERE school_id = $1',
    [schoolId],
  );
}
