// Thuiszitter figures (issue 15, migration 0025): time at home per pupil and school year (monitor_home_time),
// absent half-days per code as registered (monitor_pupil_code), enrolled pupils per school half-day
// (monitor_possible_day) and the per-school cells of the region report (thuiszitter_cell). Refreshed with the
// monitor by `refreshThuiszitterFigures` (one line in monitor-refresh.ts), read by the region report.
import type { Sql } from './database.ts';

/** What to rebuild: a school or every school; some school years or all; some pupils or all. */
export interface ThuiszitterScope {
  schoolId: number | null;
  schoolYears: readonly string[] | null;
  pupilIds: readonly number[] | null;
}

/** The numbers the cells count with (all from the catalog and the definitions, never literals here). */
export interface ThuiszitterParams {
  /** Half-day thresholds of cumulative time at home and of the longest spell. */
  homeThresholds: readonly number[];
  /** ≥ this many B half-days: the official "problematically absent". */
  officialB: number;
  /** Preventive suspension: a run of ≥ longHalfDays, or ≥ repeatedSpells runs. */
  suspensionLongHalfDays: number;
  suspensionRepeatedSpells: number;
  /** Compulsory school age: from the year the child turns fromAge, while younger than untilAge on 1 September. */
  compulsoryFromAge: number;
  compulsoryUntilAge: number;
}

/** `AND …` with parameters for a scope; `columns` name the school, year and pupil columns. */
function where(
  scope: ThuiszitterScope,
  columns: { school: string; year: string; pupil?: string },
  params: unknown[],
): string {
  let sql = '';
  if (scope.schoolId !== null) {
    params.push(scope.schoolId);
    sql += ` AND ${columns.school} = $${params.length}`;
  }
  if (scope.schoolYears !== null) {
    params.push(scope.schoolYears);
    sql += ` AND ${columns.year} = ANY($${params.length}::text[])`;
  }
  if (scope.pupilIds !== null && columns.pupil) {
    params.push(scope.pupilIds);
    sql += ` AND ${columns.pupil} = ANY($${params.length}::bigint[])`;
  }
  return sql;
}

/**
 * Rebuilds the per-pupil rows of the scope from the register in one statement: the register's absent school
 * half-days (within the enrolment of that school year), numbered along the school's school half-days, give the
 * spells as islands (number − rank within the pupil); the same rows give the counts per code as registered.
 */
async function refreshPupilRows(tx: Sql, scope: ThuiszitterScope): Promise<void> {
  for (const table of ['monitor_home_time', 'monitor_pupil_code']) {
    const p: unknown[] = [];
    await tx.query(
      `DELETE FROM ${table} WHERE true${where(scope, { school: 'school_id', year: 'school_year', pupil: 'pupil_id' }, p)}`,
      p,
    );
  }
  const params: unknown[] = [];
  let calendarSchool = '';
  if (scope.schoolId !== null) {
    params.push(scope.schoolId);
    calendarSchool = ` AND c.school_id = $${params.length}`;
  }
  const filter = where(scope, { school: 'r.school_id', year: 'e.school_year', pupil: 'r.pupil_id' }, params);
  await tx.query(
    `WITH slot AS (
       SELECT c.school_id, c.date, c.half, row_number() OVER (PARTITION BY c.school_id ORDER BY c.date, c.half) AS n
       FROM calendar_half_day c WHERE c.school_day${calendarSchool}),
     absent AS (
       SELECT r.school_id, e.school_year, r.pupil_id, r.code, s.n, r.date, r.half
       FROM register_entry r
       JOIN absence_code ac ON ac.code = r.code AND ac.counts_as_absent
       JOIN enrolment e ON e.pupil_id = r.pupil_id AND e.school_id = r.school_id
        AND r.date >= e.enrolled_from AND (e.enrolled_until IS NULL OR r.date <= e.enrolled_until)
        AND r.date >= make_date(left(e.school_year, 4)::int, 9, 1) AND r.date < make_date(left(e.school_year, 4)::int + 1, 9, 1)
       JOIN slot s ON s.school_id = r.school_id AND s.date = r.date AND s.half = r.half
       WHERE true${filter}),
     codes AS (
       INSERT INTO monitor_pupil_code (school_id, school_year, pupil_id, code, half_days)
       SELECT school_id, school_year, pupil_id, code, count(*)::int FROM absent GROUP BY 1, 2, 3, 4),
     islands AS (
       SELECT school_id, school_year, pupil_id, n, date, half, code = 'Y' AS suspension,
              n - row_number() OVER (PARTITION BY school_id, school_year, pupil_id ORDER BY n) AS island,
              n - row_number() OVER (PARTITION BY school_id, school_year, pupil_id, code = 'Y' ORDER BY n) AS y_island
       FROM absent),
     spell AS (
       SELECT school_id, school_year, pupil_id, island, count(*)::int AS len, min(n) AS first_n, max(n) AS last_n
       FROM islands GROUP BY 1, 2, 3, 4),
     suspension AS (
       SELECT school_id, school_year, pupil_id, count(*)::int AS spells, max(len)::int AS longest
       FROM (SELECT school_id, school_year, pupil_id, y_island, count(*) AS len FROM islands WHERE suspension
             GROUP BY 1, 2, 3, 4) y GROUP BY 1, 2, 3),
     per_pupil AS (
       SELECT school_id, school_year, pupil_id, sum(len)::int AS absent, count(*)::int AS spells,
              max(len)::int AS longest, max(last_n) AS last_n,
              (array_agg(first_n ORDER BY last_n DESC))[1] AS last_first_n,
              (array_agg(len ORDER BY last_n DESC))[1] AS last_len
       FROM spell GROUP BY 1, 2, 3)
     INSERT INTO monitor_home_time (school_id, school_year, pupil_id, absent_half_days, spells, longest_spell,
       suspension_spells, longest_suspension, last_from, last_from_half, last_until, last_until_half, last_half_days)
     SELECT p.school_id, p.school_year, p.pupil_id, p.absent, p.spells, p.longest,
            COALESCE(y.spells, 0), COALESCE(y.longest, 0), f.date, f.half, u.date, u.half, p.last_len
     FROM per_pupil p
     JOIN slot f ON f.school_id = p.school_id AND f.n = p.last_first_n
     JOIN slot u ON u.school_id = p.school_id AND u.n = p.last_n
     LEFT JOIN suspension y ON y.school_id = p.school_id AND y.school_year = p.school_year AND y.pupil_id = p.pupil_id`,
    params,
  );
}

/**
 * Enrolled pupils per school half-day of the scope's schools and years. Enrolments are first grouped by their
 * period (most of a school share one), so the join with the calendar stays small.
 */
async function refreshPossibleDays(tx: Sql, scope: ThuiszitterScope): Promise<void> {
  const p: unknown[] = [];
  await tx.query(
    `DELETE FROM monitor_possible_day WHERE true${where({ ...scope, pupilIds: null }, { school: 'school_id', year: 'school_year' }, p)}`,
    p,
  );
  const params: unknown[] = [];
  const filter = where({ ...scope, pupilIds: null }, { school: 'e.school_id', year: 'e.school_year' }, params);
  await tx.query(
    `WITH periods AS (
       SELECT e.school_id, e.school_year, e.enrolled_from, e.enrolled_until, count(*)::int AS pupils
       FROM enrolment e WHERE true${filter} GROUP BY 1, 2, 3, 4)
     INSERT INTO monitor_possible_day (school_id, school_year, date, half, pupils)
     SELECT g.school_id, g.school_year, c.date, c.half, sum(g.pupils)::int
     FROM periods g
     JOIN calendar_half_day c ON c.school_id = g.school_id AND c.school_day
      AND c.date >= g.enrolled_from AND (g.enrolled_until IS NULL OR c.date <= g.enrolled_until)
      AND c.date >= make_date(left(g.school_year, 4)::int, 9, 1) AND c.date < make_date(left(g.school_year, 4)::int + 1, 9, 1)
     GROUP BY 1, 2, 3, 4`,
    params,
  );
}

/** Rebuilds the cells of the scope's schools and years from the per-pupil rows and the enrolments. */
async function refreshCells(tx: Sql, scope: ThuiszitterScope, numbers: ThuiszitterParams): Promise<void> {
  const whole = { ...scope, pupilIds: null };
  const p: unknown[] = [];
  await tx.query(`DELETE FROM thuiszitter_cell WHERE true${where(whole, { school: 'school_id', year: 'school_year' }, p)}`, p);
  const params: unknown[] = [
    numbers.homeThresholds,
    numbers.officialB,
    numbers.suspensionLongHalfDays,
    numbers.suspensionRepeatedSpells,
    numbers.compulsoryFromAge,
    numbers.compulsoryUntilAge,
  ];
  const home = where(whole, { school: 'h.school_id', year: 'h.school_year' }, params);
  const code = where(whole, { school: 'c.school_id', year: 'c.school_year' }, params);
  const enrolled = where(whole, { school: 'e.school_id', year: 'e.school_year' }, params);
  // Official codes of the compulsory-age split: B as registered, Z with D (a medical certificate), P.
  await tx.query(
    `INSERT INTO thuiszitter_cell (school_id, school_year, dimension, key, value)
     SELECT h.school_id, h.school_year, 'home', k.key, sum(k.value)
       FROM monitor_home_time h
       CROSS JOIN LATERAL (VALUES ('pupils', 1), ('half-days', h.absent_half_days), ('spells', h.spells)) AS k (key, value)
       WHERE true${home} GROUP BY 1, 2, 4
     UNION ALL
     SELECT h.school_id, h.school_year, 'home-ge', t.n::text, count(*)
       FROM monitor_home_time h JOIN unnest($1::int[]) AS t (n) ON h.absent_half_days >= t.n
       WHERE true${home} GROUP BY 1, 2, 4
     UNION ALL
     SELECT h.school_id, h.school_year, 'spell-ge', t.n::text, count(*)
       FROM monitor_home_time h JOIN unnest($1::int[]) AS t (n) ON h.longest_spell >= t.n
       WHERE true${home} GROUP BY 1, 2, 4
     UNION ALL
     SELECT h.school_id, h.school_year, 'suspension', k.key, count(*)
       FROM monitor_home_time h
       CROSS JOIN LATERAL (VALUES ('pupils', h.suspension_spells > 0), ('long', h.longest_suspension >= $3::int),
                                  ('repeated', h.suspension_spells >= $4::int)) AS k (key, holds)
       WHERE k.holds${home} GROUP BY 1, 2, 4
     UNION ALL
     SELECT c.school_id, c.school_year, 'code-half-days', c.code, sum(c.half_days)
       FROM monitor_pupil_code c WHERE true${code} GROUP BY 1, 2, 4
     UNION ALL
     SELECT c.school_id, c.school_year, 'code-pupils', c.code, count(*)
       FROM monitor_pupil_code c WHERE true${code} GROUP BY 1, 2, 4
     UNION ALL
     SELECT e.school_id, e.school_year, 'official-' || k.measure, e.level || '|' || COALESCE(e.grade::text, '?') || '|'
              || (left(e.school_year, 4)::int - extract(year FROM p.birth_date)::int), sum(k.value)
       FROM enrolment e
       JOIN pupil p ON p.id = e.pupil_id
       LEFT JOIN LATERAL (SELECT COALESCE(sum(half_days) FILTER (WHERE code = 'B'), 0)::int AS b,
                                 COALESCE(sum(half_days) FILTER (WHERE code IN ('Z', 'D')), 0)::int AS z,
                                 COALESCE(sum(half_days) FILTER (WHERE code = 'P'), 0)::int AS p
                          FROM monitor_pupil_code c
                          WHERE c.school_id = e.school_id AND c.school_year = e.school_year AND c.pupil_id = e.pupil_id) t ON true
       CROSS JOIN LATERAL (VALUES ('pupils', 1), ('b30', (t.b >= $2::int)::int), ('b', t.b), ('z', t.z), ('p', t.p),
                                  ('with-z', (t.z > 0)::int), ('with-p', (t.p > 0)::int)) AS k (measure, value)
       WHERE extract(year FROM p.birth_date)::int <= left(e.school_year, 4)::int - $5::int
         AND p.birth_date + make_interval(years => $6::int) > make_date(left(e.school_year, 4)::int, 9, 1)${enrolled}
       GROUP BY 1, 2, 3, 4`,
    params,
  );
}

/**
 * Rebuilds the thuiszitter figures of a scope: the per-pupil rows (only the scope's pupils when given), the
 * enrolled pupils per half-day (when the whole school is refreshed: a register import changes no enrolment) and
 * the school's cells.
 */
export async function refreshThuiszitterRows(
  tx: Sql,
  scope: ThuiszitterScope,
  numbers: ThuiszitterParams,
): Promise<void> {
  // Everything (the full refresh): emptying the tables at once instead of deleting row by row.
  if (scope.schoolId === null && scope.schoolYears === null && scope.pupilIds === null)
    await tx.exec('TRUNCATE monitor_home_time, monitor_pupil_code, monitor_possible_day, thuiszitter_cell');
  await refreshPupilRows(tx, scope);
  if (scope.pupilIds === null) await refreshPossibleDays(tx, scope);
  await refreshCells(tx, scope, numbers);
}

/** Every school's id (the report without a region: the CLI). */
export async function allSchools(db: Sql): Promise<number[]> {
  const rows = await db.query<{ id: number }>("SELECT id::int AS id FROM organisation WHERE kind = 'school' ORDER BY id");
  return rows.map((r) => r.id);
}
