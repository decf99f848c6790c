// Thuiszitter figures (issue 15, migration 0025): time at home per pupil and school year (monitor_home_time),
// absent half-days per code as registered (monitor_pupil_code), enrolled pupils per school half-day
// (monitor_possible_day) and the per-school cells of the region report (thuiszitter_cell). Refreshed with the
// monitor by `refreshThuiszitterFigures` (one line in monitor-refresh.ts), read by the region report.
import type { ThuiszitterNumbers } from '../domain/monitor/whole-refresh.ts';
import type { Sql } from './database.ts';
import { analyzeAfterSchoolRewrite, analyzeIfWithoutStatistics } from './statistics.ts';

/** What to rebuild: a school or every school; some school years or all; some pupils or all. */
export interface ThuiszitterScope {
  schoolId: number | null;
  schoolYears: readonly string[] | null;
  pupilIds: readonly number[] | null;
}

/** The numbers the cells count with (all from the catalog and the definitions, never literals here). */
export type ThuiszitterParams = ThuiszitterNumbers;

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

/**
 * The same child's B, Z and P half-days this school year at the other schools of this database (through the
 * keyed INSZ hash, docs/decisions/0035); zeros without an identity. Aliases `e` (enrolment) and `p` (pupil).
 */
const ELSEWHERE_SQL = `SELECT COALESCE(sum(c.half_days) FILTER (WHERE c.code = 'B'), 0)::int AS b,
         COALESCE(sum(c.half_days) FILTER (WHERE c.code IN ('Z', 'D')), 0)::int AS z,
         COALESCE(sum(c.half_days) FILTER (WHERE c.code = 'P'), 0)::int AS p
  FROM pupil o JOIN monitor_pupil_code c ON c.pupil_id = o.id AND c.school_year = e.school_year
  WHERE p.identity_hash IS NOT NULL AND o.identity_hash = p.identity_hash AND o.id <> p.id`;

/** Whether the same child has a later enrolment this school year elsewhere (then it is counted there). */
const LATER_ELSEWHERE_SQL = `p.identity_hash IS NOT NULL AND EXISTS (
    SELECT 1 FROM pupil o JOIN enrolment oe ON oe.pupil_id = o.id AND oe.school_year = e.school_year
    WHERE o.identity_hash = p.identity_hash AND o.id <> p.id AND (oe.enrolled_from, o.id) > (e.enrolled_from, p.id))`;

/** The schools other than the scope's with a pupil of the same identity: their official cells depend on it. */
async function schoolsSharingIdentities(tx: Sql, schoolId: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `SELECT DISTINCT o.school_id::int AS id FROM pupil p JOIN pupil o ON o.identity_hash = p.identity_hash
     WHERE p.school_id = $1 AND p.identity_hash IS NOT NULL AND o.school_id <> $1`,
    [schoolId],
  );
  return rows.map((r) => r.id);
}

/** Rebuilds the cells of the scope's schools and years from the per-pupil rows and the enrolments. */
async function refreshCells(tx: Sql, scope: ThuiszitterScope, numbers: ThuiszitterParams): Promise<void> {
  const whole = { ...scope, pupilIds: null };
  const p: unknown[] = [];
  await tx.query(
    `DELETE FROM thuiszitter_cell WHERE true${where(whole, { school: 'school_id', year: 'school_year' }, p)}`,
    p,
  );
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
  // Official codes of the compulsory-age split: B as registered, Z with D (a medical certificate), P. Counted per
  // pupil across schools (docs/decisions/0035): a pupil with the same identity in another school this year counts
  // once, at the school of the latest enrolment, with the half-days of every school; "≥ 30 B" also takes the B
  // the pupils import carried over when that is more than what this database holds from the other schools.
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
       LEFT JOIN LATERAL (${ELSEWHERE_SQL}) x ON true
       CROSS JOIN LATERAL (VALUES ('pupils', 1),
                                  ('b30', (t.b + GREATEST(x.b, COALESCE(e.carried_over_b, 0)) >= $2::int)::int),
                                  ('b', t.b + x.b), ('z', t.z + x.z), ('p', t.p + x.p),
                                  ('with-z', (t.z + x.z > 0)::int), ('with-p', (t.p + x.p > 0)::int)) AS k (measure, value)
       WHERE extract(year FROM p.birth_date)::int <= left(e.school_year, 4)::int - $5::int
         AND p.birth_date + make_interval(years => $6::int) > make_date(left(e.school_year, 4)::int, 9, 1)
         AND NOT (${LATER_ELSEWHERE_SQL})${enrolled}
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
  // The cells below read the per-pupil rows just written: statistics for them when the school's rows are many
  // (decision 0045), or when a first import loaded the tables without any.
  const perPupil = ['monitor_home_time', 'monitor_pupil_code'];
  if (scope.schoolId !== null && scope.pupilIds === null) await analyzeAfterSchoolRewrite(tx, scope.schoolId, perPupil);
  else if (scope.schoolId !== null) await analyzeIfWithoutStatistics(tx, perPupil);
  if (scope.pupilIds === null) await refreshPossibleDays(tx, scope);
  await refreshCells(tx, scope, numbers);
  if (scope.schoolId !== null)
    await refreshCellsSharingIdentities(tx, { schoolId: scope.schoolId, schoolYears: scope.schoolYears }, numbers);
}

/**
 * A school changer's official figures count at one school with the half-days of all: after a school's per-pupil
 * rows changed, the cells of the other schools with a pupil of the same identity follow (their own per-pupil rows
 * are unchanged).
 */
export async function refreshCellsSharingIdentities(
  tx: Sql,
  scope: { schoolId: number; schoolYears: readonly string[] | null },
  numbers: ThuiszitterParams,
): Promise<void> {
  for (const other of await schoolsSharingIdentities(tx, scope.schoolId))
    await refreshCells(tx, { schoolId: other, schoolYears: scope.schoolYears, pupilIds: null }, numbers);
}

/** Every school's id (the report without a region: the CLI). */
export async function allSchools(db: Sql): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    "SELECT id::int AS id FROM organisation WHERE kind = 'school' ORDER BY id",
  );
  return rows.map((r) => r.id);
}

/** The thuiszitter cells of some schools in a school year, summed over the schools. */
export async function readThuiszitterCells(
  db: Sql,
  schoolIds: readonly number[],
  schoolYear: string,
): Promise<{ dimension: string; key: string; value: number }[]> {
  return db.query(
    `SELECT dimension, key, sum(value)::float8 AS value FROM thuiszitter_cell
     WHERE school_id = ANY($1::bigint[]) AND school_year = $2 GROUP BY dimension, key`,
    [schoolIds, schoolYear],
  );
}

/** School half-days of the enrolled pupils, and their absent school half-days, from 1 September up to a date. */
export async function halfDaysUpTo(
  db: Sql,
  schoolIds: readonly number[],
  schoolYear: string,
  asOf: string,
): Promise<{ possible: number; absent: number }> {
  const [row] = await db.query<{ possible: number; absent: number }>(
    `SELECT (SELECT COALESCE(sum(pupils), 0)::float8 FROM monitor_possible_day
              WHERE school_id = ANY($1::bigint[]) AND school_year = $2 AND date <= $3::date) AS possible,
            (SELECT COALESCE(sum(half_days), 0)::float8 FROM monitor_day
              WHERE school_id = ANY($1::bigint[]) AND school_year = $2 AND date <= $3::date) AS absent`,
    [schoolIds, schoolYear, asOf],
  );
  return row ?? { possible: 0, absent: 0 };
}

export interface ExclusionRow {
  level: 'kleuter' | 'lager' | 'secundair';
  excludedOn: string;
  newSchoolFrom: string | null;
  /** Excluded definitively in an earlier school year too. */
  repeated: boolean;
  opvang: boolean | null;
  searchHelp: boolean | null;
}

/** Definitive exclusions of the schools in a school year up to a date (few: read live, partial index). */
export async function exclusionsOf(
  db: Sql,
  schoolIds: readonly number[],
  schoolYear: string,
  asOf: string,
): Promise<ExclusionRow[]> {
  return db.query<ExclusionRow>(
    `SELECT e.level, e.excluded_on AS "excludedOn", e.enrolled_elsewhere_from AS "newSchoolFrom",
            e.exclusion_opvang AS opvang, e.exclusion_search_help AS "searchHelp",
            EXISTS (SELECT 1 FROM enrolment o WHERE o.pupil_id = e.pupil_id AND o.school_year < e.school_year
                      AND o.excluded_on IS NOT NULL) AS repeated
     FROM enrolment e
     WHERE e.school_year = $2 AND e.school_id = ANY($1::bigint[]) AND e.excluded_on IS NOT NULL AND e.excluded_on <= $3::date`,
    [schoolIds, schoolYear, asOf],
  );
}

/**
 * Z_EAZIE signals of the schools in a school year and the days until the first pupil-file entry written by a
 * CLB doctor on or after the signal's date (null: none yet on `asOf`).
 */
export async function zEazieDelays(
  db: Sql,
  schoolIds: readonly number[],
  schoolYear: string,
  asOf: string,
): Promise<{ days: number | null }[]> {
  return db.query(
    `SELECT (SELECT min(f.occurred_on) FROM file_entry f
              WHERE f.pupil_id = s.pupil_id AND f.author_role = 'clb-arts' AND f.occurred_on >= s.triggered_on
                AND f.occurred_on <= $3::date) - s.triggered_on AS days
     FROM signal s
     WHERE s.holds AND s.rule_id = 'Z_EAZIE' AND s.school_id = ANY($1::bigint[]) AND s.school_year = $2
       AND s.triggered_on <= $3::date`,
    [schoolIds, schoolYear, asOf],
  );
}

export interface ThuiszitterListRow {
  pupilId: number;
  schoolId: number;
  schoolName: string;
  firstName: string;
  lastName: string;
  className: string | null;
  ruleIds: string[];
  signalledSince: string | null;
  absentHalfDays: number;
  spells: number;
  longestSpell: number;
  /** The pupil's school half-days from the start of the enrolment (this school year) up to the date. */
  schoolHalfDays: number;
  /** The last spell of absence, and whether it runs up to the last school half-day up to the date. */
  lastSpellFrom: string | null;
  lastSpellHalfDays: number;
  inSpellNow: boolean;
  /** Half-days at home of a partial-schooling arrangement in force on the date; null: none. */
  partialHalfDays: string[] | null;
}

/**
 * The thuiszitters of some schools in a school year, by cumulative time away: pupils with a holding thuiszitter
 * signal, with a partial-schooling arrangement in force during the year, or with at least `minHalfDays` absent
 * school half-days in total; with their time at home from monitor_home_time.
 */
export async function thuiszitterList(
  db: Sql,
  options: {
    schoolIds: readonly number[];
    schoolYear: string;
    firstDay: string;
    asOf: string;
    ruleIds: readonly string[];
    minHalfDays: number;
  },
): Promise<ThuiszitterListRow[]> {
  return db.query<ThuiszitterListRow>(
    `WITH candidate AS (
       SELECT pupil_id, school_id FROM signal
        WHERE holds AND school_year = $2 AND rule_id = ANY($3::text[]) AND school_id = ANY($1::bigint[])
       UNION
       SELECT pupil_id, school_id FROM partial_schooling
        WHERE school_id = ANY($1::bigint[]) AND since <= $5::date AND (ended_on IS NULL OR ended_on >= $4::date)
       UNION
       SELECT pupil_id, school_id FROM monitor_home_time
        WHERE school_id = ANY($1::bigint[]) AND school_year = $2 AND absent_half_days >= $6::int)
     SELECT c.pupil_id::int AS "pupilId", c.school_id::int AS "schoolId", o.name AS "schoolName",
            p.first_name AS "firstName", p.last_name AS "lastName", e.class_name AS "className",
            COALESCE(sig.rule_ids, '{}') AS "ruleIds", sig.since AS "signalledSince",
            COALESCE(h.absent_half_days, 0) AS "absentHalfDays", COALESCE(h.spells, 0) AS spells,
            COALESCE(h.longest_spell, 0) AS "longestSpell", COALESCE(cal.n, 0)::int AS "schoolHalfDays",
            h.last_from AS "lastSpellFrom", COALESCE(h.last_half_days, 0) AS "lastSpellHalfDays",
            COALESCE(h.last_from <= $5::date AND cal.last_slot IS NOT NULL
                     AND h.last_until::text || h.last_until_half >= cal.last_slot, false) AS "inSpellNow",
            ps.home_half_days AS "partialHalfDays"
     FROM candidate c
     JOIN pupil p ON p.id = c.pupil_id
     JOIN organisation o ON o.id = c.school_id
     JOIN enrolment e ON e.pupil_id = c.pupil_id AND e.school_id = c.school_id AND e.school_year = $2
     LEFT JOIN monitor_home_time h ON h.school_id = c.school_id AND h.school_year = $2 AND h.pupil_id = c.pupil_id
     LEFT JOIN LATERAL (SELECT array_agg(s.rule_id ORDER BY s.rule_id) AS rule_ids, min(s.triggered_on) AS since
                        FROM signal s WHERE s.pupil_id = c.pupil_id AND s.school_year = $2 AND s.holds
                          AND s.rule_id = ANY($3::text[])) sig ON true
     LEFT JOIN LATERAL (SELECT count(*) AS n, max(d.date::text || d.half) AS last_slot FROM calendar_half_day d
                        WHERE d.school_id = c.school_id AND d.school_day AND d.date >= GREATEST(e.enrolled_from, $4::date)
                          AND d.date <= LEAST($5::date, COALESCE(e.enrolled_until, $5::date))) cal ON true
     LEFT JOIN LATERAL (SELECT home_half_days FROM partial_schooling x
                        WHERE x.pupil_id = c.pupil_id AND x.since <= $5::date AND (x.ended_on IS NULL OR x.ended_on >= $5::date)
                        ORDER BY x.since DESC LIMIT 1) ps ON true
     ORDER BY "absentHalfDays" DESC, p.last_name, p.first_name`,
    [options.schoolIds, options.schoolYear, options.ruleIds, options.firstDay, options.asOf, options.minHalfDays],
  );
}

export interface ExclusionSupportRow {
  schoolYear: string;
  level: 'kleuter' | 'lager' | 'secundair';
  excludedOn: string | null;
  /** Primary: opvang offered during the exclusion; null: not recorded. */
  opvang: boolean | null;
  /** Secondary: school and CLB help find a new school; null: not recorded. */
  searchHelp: boolean | null;
  version: number;
}

const SUPPORT_COLUMNS = `school_year AS "schoolYear", level, excluded_on AS "excludedOn", exclusion_opvang AS opvang,
  exclusion_search_help AS "searchHelp", version`;

export async function findExclusionSupport(
  db: Sql,
  pupilId: number,
  schoolYear: string,
): Promise<ExclusionSupportRow | undefined> {
  const [row] = await db.query<ExclusionSupportRow>(
    `SELECT ${SUPPORT_COLUMNS} FROM enrolment WHERE pupil_id = $1 AND school_year = $2`,
    [pupilId, schoolYear],
  );
  return row;
}

/** Records opvang / help at the enrolment's version; undefined when the version is stale (409). */
export async function updateExclusionSupport(
  db: Sql,
  change: { pupilId: number; schoolYear: string; version: number; opvang: boolean | null; searchHelp: boolean | null },
): Promise<ExclusionSupportRow | undefined> {
  const [row] = await db.query<ExclusionSupportRow>(
    `UPDATE enrolment SET exclusion_opvang = $4, exclusion_search_help = $5, version = version + 1
     WHERE pupil_id = $1 AND school_year = $2 AND version = $3 RETURNING ${SUPPORT_COLUMNS}`,
    [change.pupilId, change.schoolYear, change.version, change.opvang, change.searchHelp],
  );
  return row;
}
