// The monitor's precomputed aggregates: refresh (one school, some dates or pupils, or everything) and reads.
import type { AggregateCode, DayRow, PupilYearRow, SchoolHalfDays } from '../domain/monitor/aggregates.ts';
import type { MonitorCell } from '../domain/monitor/dashboard.ts';
import { eachBinaryChunk, POSTGRES_EPOCH_DAY } from './binary-copy.ts';
import { bulkLoadOf, type PendingIndexBuilds } from './bulk-load.ts';
import { clbSignalledOn } from './clb-signalled.sql.ts';
import type { Sql } from './database.ts';
import { copyRowsInto, DAY_ROWS, PUPIL_YEAR_ROWS, type RowsToCopy } from './monitor-copy-rows.ts';

/** Which part of the aggregates to rebuild. Omitted filters mean "all of it" (a school, or every school). */
export interface RefreshScope {
  /** null: every school (the full refresh). */
  schoolId: number | null;
  /** School years whose cells are rebuilt; null: every year with data. */
  schoolYears: readonly string[] | null;
  /** Only these dates' day rows (a register import); null: every date of the school years. */
  dates: readonly string[] | null;
  /** Only these pupils' year totals (a register import); null: every pupil of the school years. */
  pupilIds: readonly number[] | null;
}

/** The half-days that count: absent codes on school half-days within the enrolment of that school year. */
const ABSENT_HALF_DAYS = `
  FROM register_entry r
  JOIN absence_code ac ON ac.code = r.code AND ac.counts_as_absent
  JOIN enrolment e ON e.pupil_id = r.pupil_id AND e.school_id = r.school_id
   AND r.date >= e.enrolled_from AND (e.enrolled_until IS NULL OR r.date <= e.enrolled_until)
   AND r.date >= make_date(left(e.school_year, 4)::int, 9, 1) AND r.date < make_date(left(e.school_year, 4)::int + 1, 9, 1)
  JOIN calendar_half_day c ON c.school_id = r.school_id AND c.date = r.date AND c.half = r.half AND c.school_day`;

const OFFICIAL_CODE = 'COALESCE(ac.maps_to, ac.code)';

/** Builds `AND …` conditions and their parameters for a scope, numbering parameters from `first`. */
function conditions(
  scope: RefreshScope,
  columns: { school: string; year?: string; date?: string; pupil?: string; yearOfDate?: string },
  params: unknown[],
): string {
  const parts: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (scope.schoolId !== null) add(`${columns.school} = ?`, scope.schoolId);
  if (scope.schoolYears !== null && columns.year) add(`${columns.year} = ANY(?::text[])`, scope.schoolYears);
  if (scope.schoolYears !== null && columns.yearOfDate)
    add(`monitor_school_year(${columns.yearOfDate}) = ANY(?::text[])`, scope.schoolYears);
  if (scope.dates !== null && columns.date) add(`${columns.date} = ANY(?::date[])`, scope.dates);
  if (scope.pupilIds !== null && columns.pupil) add(`${columns.pupil} = ANY(?::bigint[])`, scope.pupilIds);
  return parts.length === 0 ? '' : ` AND ${parts.join(' AND ')}`;
}

/** Rebuilds the day rows of the scope from the register. */
export async function refreshDays(tx: Sql, scope: RefreshScope): Promise<void> {
  const deleteParams: unknown[] = [];
  const deleteWhere = conditions(scope, { school: 'school_id', year: 'school_year', date: 'date' }, deleteParams);
  await tx.query(`DELETE FROM monitor_day WHERE true${deleteWhere}`, deleteParams);
  const params: unknown[] = [];
  const where = conditions(scope, { school: 'r.school_id', year: 'e.school_year', date: 'r.date' }, params);
  await tx.query(
    `INSERT INTO monitor_day (school_id, school_year, date, half, code, half_days)
     SELECT r.school_id, e.school_year, r.date, r.half, ${OFFICIAL_CODE}, count(*)::int
     ${ABSENT_HALF_DAYS}
     WHERE true${where}
     GROUP BY r.school_id, e.school_year, r.date, r.half, ${OFFICIAL_CODE}`,
    params,
  );
}

/** Rebuilds the per-pupil year totals of the scope (per official code and '*' for every absent code). */
export async function refreshPupilYears(tx: Sql, scope: RefreshScope): Promise<void> {
  const deleteParams: unknown[] = [];
  const deleteWhere = conditions(scope, { school: 'school_id', year: 'school_year', pupil: 'pupil_id' }, deleteParams);
  await tx.query(`DELETE FROM monitor_pupil_year WHERE true${deleteWhere}`, deleteParams);
  const params: unknown[] = [];
  const where = conditions(scope, { school: 'r.school_id', year: 'e.school_year', pupil: 'r.pupil_id' }, params);
  await tx.query(
    `INSERT INTO monitor_pupil_year (school_id, school_year, pupil_id, code, half_days)
     SELECT r.school_id, e.school_year, r.pupil_id, COALESCE(${OFFICIAL_CODE}, '*'), count(*)::int
     ${ABSENT_HALF_DAYS}
     WHERE true${where}
     GROUP BY r.school_id, e.school_year, r.pupil_id, ROLLUP (${OFFICIAL_CODE})`,
    params,
  );
}

/** `AND …` conditions of a whole-school scope as SQL literals (for a statement sent with others in one round trip). */
export function literalConditions(scope: RefreshScope, columns: { school: string; year: string }): string {
  let sql = '';
  if (scope.schoolId !== null) {
    if (!Number.isSafeInteger(scope.schoolId)) throw new Error(`invalid school id ${scope.schoolId}`);
    sql += ` AND ${columns.school} = ${scope.schoolId}`;
  }
  if (scope.schoolYears !== null) {
    for (const year of scope.schoolYears)
      if (!/^\d{4}-\d{4}$/.test(year)) throw new Error(`invalid school year ${year}`);
    sql +=
      scope.schoolYears.length === 0 ? ' AND false' : ` AND ${columns.year} IN ('${scope.schoolYears.join("', '")}')`;
  }
  return sql;
}

/**
 * Rebuilds the day rows and the per-pupil year totals of a scope without date or pupil filters (a whole school
 * or every school) from ONE scan of the register: one join, one hash aggregation with three grouping sets (per
 * day, per pupil and code, per pupil), into a temporary table that the two tables are filled from. The separate
 * statements joined and aggregated the whole register twice (refreshDays, refreshPupilYears).
 *
 * All statements travel in one round trip, so the promise can run while the caller computes: an import sends it
 * before evaluating the signals and the database scans while Node evaluates (import.service.ts).
 */
export function refreshDaysAndPupilYears(tx: Sql, scope: RefreshScope): Promise<void> {
  if (scope.dates !== null || scope.pupilIds !== null) throw new Error('a single scan refreshes whole school years');
  const own = literalConditions(scope, { school: 'school_id', year: 'school_year' });
  const where = literalConditions(scope, { school: 'r.school_id', year: 'e.school_year' });
  // Hash joins and hash aggregation (enable_sort off): sorting millions of rows by text keys cost more than the
  // join itself, and without statistics for rows inserted in this transaction the planner picks nested loops.
  // Both settings return to their defaults at the end; the callers set what their next statements need.
  // The cell statements read the tables next: without statistics for what was just written the planner expects a
  // handful of rows and sorts hundreds of thousands (measured 2 s of a 3 s cells statement), hence ANALYZE after
  // a full refresh.
  return tx.exec(`
    DELETE FROM monitor_day WHERE true${own};
    DELETE FROM monitor_pupil_year WHERE true${own};
    SET LOCAL enable_sort = off;
    SET LOCAL enable_nestloop = off;
    CREATE TEMP TABLE monitor_grouped ON COMMIT DROP AS
    SELECT r.school_id, e.school_year, r.pupil_id, r.date, r.half, ${OFFICIAL_CODE} AS code, count(*)::int AS half_days,
           grouping(r.pupil_id) AS per_day
    ${ABSENT_HALF_DAYS}
    WHERE true${where}
    GROUP BY GROUPING SETS ((r.school_id, e.school_year, r.date, r.half, ${OFFICIAL_CODE}),
                            (r.school_id, e.school_year, r.pupil_id, ${OFFICIAL_CODE}),
                            (r.school_id, e.school_year, r.pupil_id));
    SET LOCAL enable_sort = DEFAULT;
    SET LOCAL enable_nestloop = DEFAULT;
    INSERT INTO monitor_day (school_id, school_year, date, half, code, half_days)
    SELECT school_id, school_year, date, half, code, half_days FROM monitor_grouped WHERE per_day = 1
    ORDER BY school_id, date, half, code;
    INSERT INTO monitor_pupil_year (school_id, school_year, pupil_id, code, half_days)
    SELECT school_id, school_year, pupil_id, COALESCE(code, '*'), half_days FROM monitor_grouped WHERE per_day = 0
    ORDER BY school_id, school_year, pupil_id, COALESCE(code, '*');
    DROP TABLE monitor_grouped;
    ${scope.schoolId === null ? 'ANALYZE monitor_day, monitor_pupil_year;' : ''}`);
}

/** Rebuilds every dashboard cell of the scope's schools and years from the day rows, year totals and signals. */
export async function refreshCells(tx: Sql, scope: RefreshScope, thresholds: readonly number[]): Promise<void> {
  const cellScope = { ...scope, dates: null, pupilIds: null };
  const p: unknown[] = [];
  const deleteWhere = conditions(cellScope, { school: 'school_id', year: 'school_year' }, p);
  await tx.query(`DELETE FROM monitor_cell WHERE true${deleteWhere}`, p);
  const params: unknown[] = [thresholds];
  const day = conditions(cellScope, { school: 'd.school_id', year: 'd.school_year' }, params);
  const pupil = conditions(cellScope, { school: 'y.school_id', year: 'y.school_year' }, params);
  const enrolled = conditions(cellScope, { school: 'e.school_id', year: 'e.school_year' }, params);
  const signal = conditions(cellScope, { school: 's.school_id', year: 's.school_year' }, params);
  await tx.query(
    `INSERT INTO monitor_cell (school_id, school_year, dimension, key, code, value)
     SELECT d.school_id, d.school_year, 'week',
            lpad(((d.date - date_trunc('week', make_date(split_part(d.school_year, '-', 1)::int, 9, 1))::date) / 7 + 1)::text, 2, '0'),
            d.code, sum(d.half_days)::int
       FROM monitor_day d WHERE true${day} GROUP BY 1, 2, 4, 5
     UNION ALL
     SELECT d.school_id, d.school_year, 'month', to_char(d.date, 'MM'), d.code, sum(d.half_days)::int
       FROM monitor_day d WHERE true${day} GROUP BY 1, 2, 4, 5
     UNION ALL
     SELECT d.school_id, d.school_year, 'weekday', extract(isodow FROM d.date)::int || '-' || d.half, d.code,
            sum(d.half_days)::int
       FROM monitor_day d WHERE true${day} GROUP BY 1, 2, 4, 5
     UNION ALL
     SELECT y.school_id, y.school_year, g.dimension, g.key, y.code, sum(y.half_days)::int
       FROM monitor_pupil_year y
       JOIN enrolment e ON e.pupil_id = y.pupil_id AND e.school_year = y.school_year AND e.school_id = y.school_id
       CROSS JOIN LATERAL (VALUES ('class', COALESCE(e.class_name, '?')),
                                  ('grade', e.level || '-' || COALESCE(e.grade::text, '?'))) AS g (dimension, key)
       WHERE y.code <> '*'${pupil} GROUP BY 1, 2, 3, 4, 5
     UNION ALL
     SELECT y.school_id, y.school_year, 'threshold', t.n::text, y.code, count(*)::int
       FROM monitor_pupil_year y JOIN unnest($1::int[]) AS t (n) ON y.half_days >= t.n
       WHERE true${pupil} GROUP BY 1, 2, 4, 5
     UNION ALL
     SELECT e.school_id, e.school_year, 'enrolled', '', '*', count(*)::int
       FROM enrolment e WHERE true${enrolled} GROUP BY 1, 2
     UNION ALL
     SELECT s.school_id, s.school_year, 'signal', s.rule_id, '*', count(*)::int
       FROM signal s WHERE s.holds${signal} GROUP BY 1, 2, 4`,
    params,
  );
  const refreshed: unknown[] = [];
  const refreshWhere = conditions({ ...cellScope, schoolYears: null }, { school: 'id' }, refreshed);
  await tx.query(
    `INSERT INTO monitor_refresh (school_id, refreshed_at)
     SELECT id, now() FROM organisation WHERE kind = 'school'${refreshWhere}
     ON CONFLICT (school_id) DO UPDATE SET refreshed_at = excluded.refreshed_at`,
    refreshed,
  );
}

/**
 * No JIT in a refresh: with nested loops disabled every cost is inflated past PostgreSQL's JIT thresholds, and a
 * one-school cell refresh spent ~1 s per statement compiling. Ends with the transaction.
 */
export async function withoutJit(tx: Sql): Promise<void> {
  await tx.exec('SET LOCAL jit = off');
}

/**
 * Nested loops on or off for the rest of the transaction: off for aggregations over whole joins (without statistics
 * for rows inserted moments ago the planner picks them wrongly), on for reads of small aggregate tables.
 */
export async function allowNestedLoops(tx: Sql, allowed: boolean): Promise<void> {
  await tx.exec(`SET LOCAL enable_nestloop = ${allowed ? 'on' : 'off'}`);
}

/**
 * The register's statistics after a school's first register import, as statements a script runs after the index
 * builds (import.service.ts): from a smaller sample than analyzeRegister's (300 × 30 rows instead of 300 × 100),
 * enough for the plans of the import's own statements and of the reads after it. The table is analysed with the
 * full sample again by autovacuum where it runs (the import's rows count as changes since this ANALYZE), or by the
 * next import into the register (analyzeRegister). Measured on 1,000,000 rows: ~70 ms instead of 150–320 ms.
 */
export const ANALYZE_REGISTER_QUICKLY: readonly string[] = [
  'SET LOCAL default_statistics_target = 30',
  'ANALYZE register_entry',
  'SET LOCAL default_statistics_target TO DEFAULT',
];

/** Fresh statistics for the register after an import wrote to it in this transaction. */
export async function analyzeRegister(tx: Sql): Promise<void> {
  await tx.exec('ANALYZE register_entry');
}

/** The school years (monitor_school_year) of some dates. */
export async function schoolYearsOfDates(tx: Sql, dates: readonly string[]): Promise<string[]> {
  const [row] = await tx.query<{ years: string[] | null }>(
    'SELECT array_agg(DISTINCT monitor_school_year(d)) AS years FROM unnest($1::date[]) d',
    [dates],
  );
  return row?.years ?? [];
}

export async function aggregateRowCounts(tx: Sql): Promise<{ days: number; pupilYears: number; cells: number }> {
  const [counts] = await tx.query<{ days: number; pupilYears: number; cells: number }>(
    `SELECT (SELECT count(*) FROM monitor_day)::int AS days, (SELECT count(*) FROM monitor_pupil_year)::int AS "pupilYears",
            (SELECT count(*) FROM monitor_cell)::int AS cells`,
  );
  return counts ?? { days: 0, pupilYears: 0, cells: 0 };
}

/** The school years a school has data in (enrolments), for a whole-school refresh. */
export async function schoolYearsOfSchool(db: Sql, schoolId: number): Promise<string[]> {
  const rows = await db.query<{ schoolYear: string }>(
    'SELECT DISTINCT school_year AS "schoolYear" FROM enrolment WHERE school_id = $1 ORDER BY 1',
    [schoolId],
  );
  return rows.map((r) => r.schoolYear);
}

/** Cells of some schools and years, summed over the schools (a region or CLB reads one row per cell). */
export async function readCells(
  db: Sql,
  schoolIds: readonly number[],
  schoolYears: readonly string[],
): Promise<MonitorCell[]> {
  return db.query<MonitorCell>(
    `SELECT school_year AS "schoolYear", dimension, key, code, sum(value)::int AS value
     FROM monitor_cell WHERE school_id = ANY($1::bigint[]) AND school_year = ANY($2::text[])
     GROUP BY school_year, dimension, key, code`,
    [schoolIds, schoolYears],
  );
}

/** When the schools' aggregates were last refreshed (the oldest of them). */
export async function refreshedAt(db: Sql, schoolIds: readonly number[]): Promise<string | null> {
  const [row] = await db.query<{ at: string | null }>(
    `SELECT to_char(min(refreshed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
     FROM monitor_refresh WHERE school_id = ANY($1::bigint[])`,
    [schoolIds],
  );
  return row?.at ?? null;
}

/** Signals per rule of some schools in a school year: holding, and of those not handled yet (live). */
export async function signalCounts(db: Sql, schoolIds: readonly number[], schoolYear: string) {
  return db.query<{ ruleId: string; holding: number; open: number }>(
    `SELECT rule_id AS "ruleId", count(*)::int AS holding, count(*) FILTER (WHERE status <> 'handled')::int AS open
     FROM signal WHERE holds AND school_id = ANY($1::bigint[]) AND school_year = $2 GROUP BY rule_id`,
    [schoolIds, schoolYear],
  );
}

/**
 * Days from B5_CLB (its trigger date) to the signal to the CLB: the CLB-signal workflow record of the pupil file
 * (clb-signalled.sql.ts), not the moment the B5_CLB signal was marked handled (docs/monitor.md). A signal before
 * the 5th B half-day counts as 0 days.
 */
export async function clbDelay(db: Sql, schoolIds: readonly number[], schoolYear: string, today: string) {
  const [row] = await db.query<{
    signalled: number;
    medianDays: number | null;
    averageDays: number | null;
    notYetSignalled: number;
    medianDaysOpen: number | null;
  }>(
    `WITH b5 AS (
       SELECT s.triggered_on, ${clbSignalledOn('s')} AS signalled_on
       FROM signal s WHERE s.holds AND s.rule_id = 'B5_CLB' AND s.school_id = ANY($1::bigint[]) AND s.school_year = $2
     )
     SELECT count(*) FILTER (WHERE signalled_on IS NOT NULL)::int AS signalled,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(0, signalled_on - triggered_on))
               FILTER (WHERE signalled_on IS NOT NULL))::float8 AS "medianDays",
            round(avg(GREATEST(0, signalled_on - triggered_on)) FILTER (WHERE signalled_on IS NOT NULL), 1)::float8
              AS "averageDays",
            count(*) FILTER (WHERE signalled_on IS NULL)::int AS "notYetSignalled",
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY $3::date - triggered_on)
               FILTER (WHERE signalled_on IS NULL))::float8 AS "medianDaysOpen"
     FROM b5`,
    [schoolIds, schoolYear, today],
  );
  return row ?? { signalled: 0, medianDays: null, averageDays: null, notYetSignalled: 0, medianDaysOpen: null };
}

/** A CLB or region with the schools it serves or covers. */
export async function organisationWithSchools(db: Sql, kind: 'clb' | 'region', organisationId: number) {
  const link = kind === 'clb' ? 'clb_school l ON l.clb_id = o.id' : 'region_school l ON l.region_id = o.id';
  const [row] = await db.query<{ id: number; name: string; schoolIds: number[] | null }>(
    `SELECT o.id::int AS id, o.name, array_agg(l.school_id::int ORDER BY l.school_id) FILTER (WHERE l.school_id IS NOT NULL) AS "schoolIds"
     FROM organisation o LEFT JOIN ${link} WHERE o.id = $1 AND o.kind = $2 GROUP BY o.id, o.name`,
    [organisationId, kind],
  );
  return row ? { id: row.id, name: row.name, schoolIds: row.schoolIds ?? [] } : undefined;
}

/** Open agreements of the schools' pupil files, and how many are past their due date (live, small table). */
export async function agreementCounts(db: Sql, schoolIds: readonly number[], today: string) {
  const [row] = await db.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_on < $2::date)::int AS overdue
     FROM file_agreement WHERE school_id = ANY($1::bigint[]) AND status = 'open'`,
    [schoolIds, today],
  );
  return row ?? { open: 0, overdue: 0 };
}

/**
 * What the pupil file knows about children at home. Only entries shared with the school (levels `school` and
 * `school+clb`) count, so a CLB-confidential entry cannot surface here as "TOAH".
 */
export async function pupilFileFacts(db: Sql, pupilIds: readonly number[], educationKinds: readonly string[]) {
  const rows = await db.query<{
    pupilId: number;
    hasFile: boolean;
    pivot: string | null;
    education: string[] | null;
    lastContactOn: string | null;
    lastReached: boolean | null;
  }>(
    `SELECT p.id::int AS "pupilId", f.pupil_id IS NOT NULL AS "hasFile",
            CASE WHEN f.pivot_name IS NULL THEN NULL
                 ELSE f.pivot_name || COALESCE(' (' || f.pivot_role || ')', '') END AS pivot,
            (SELECT array_agg(DISTINCT e.kind ORDER BY e.kind) FROM file_entry e
              WHERE e.pupil_id = p.id AND e.kind = ANY($2::text[]) AND e.confidentiality IN ('school', 'school+clb'))
              AS education,
            c.attempted_on AS "lastContactOn", c.reached AS "lastReached"
     FROM unnest($1::bigint[]) AS p (id)
     LEFT JOIN pupil_file f ON f.pupil_id = p.id
     LEFT JOIN LATERAL (SELECT attempted_on, reached FROM file_contact_attempt a WHERE a.pupil_id = p.id
                        ORDER BY attempted_on DESC, id DESC LIMIT 1) c ON true`,
    [pupilIds, educationKinds],
  );
  return new Map(rows.map((r) => [r.pupilId, r]));
}

/** What the in-memory aggregation (src/domain/monitor/aggregates.ts) needs besides the register and enrolments. */
export interface MonitorAggregateInputs {
  codes: AggregateCode[];
  calendars: SchoolHalfDays[];
}

/** The absence codes and the school half-days of one school or (null) every school, as slots. */
export async function codesAndSchoolHalfDays(tx: Sql, schoolId: number | null): Promise<MonitorAggregateInputs> {
  if (schoolId !== null && !Number.isSafeInteger(schoolId)) throw new Error(`invalid school id ${schoolId}`);
  const codes = await tx.query<AggregateCode>(
    'SELECT code, counts_as_absent AS "countsAsAbsent", maps_to AS "mapsTo" FROM absence_code ORDER BY code',
  );
  const ofSchool = schoolId === null ? '' : ` AND school_id = ${schoolId}`;
  const calendars = await tx.query<SchoolHalfDays>(
    `SELECT school_id::int AS "schoolId", array_agg((date - DATE '1970-01-01') * 2 + (half = 'PM')::int) AS slots
     FROM calendar_half_day WHERE school_day${ofSchool} GROUP BY school_id`,
  );
  return { codes, calendars };
}

/** A code of up to six ASCII characters as one number (its bytes, base 256), for the byte-level register scan. */
function codeKey(code: string): number {
  let key = 0;
  for (let i = 0; i < code.length; i++) key = key * 256 + code.charCodeAt(i);
  return key;
}

/**
 * Streams the register of one school or (null) every school as integers — pupil, school, slot (day number × 2,
 * +1 for PM) and the index of its code in `codes` (-1 for another) — and calls `row` for each: one sequential
 * scan, no join, no aggregation in the database (the monitor's full refresh, issue 16). The rows travel in
 * PostgreSQL's binary COPY format (no dates or numbers formatted as text) and are read from the bytes.
 */
export async function scanRegisterSlots(
  tx: Sql,
  schoolId: number | null,
  codes: readonly string[],
  row: (pupilId: number, schoolId: number, slot: number, code: number) => void,
  /** Only the rows in these blocks of the table (a part of a scan split over connections); null: to the end. */
  blocks?: { from: number; to: number | null },
): Promise<void> {
  if (schoolId !== null && !Number.isSafeInteger(schoolId)) throw new Error(`invalid school id ${schoolId}`);
  const where: string[] = [];
  if (schoolId !== null) where.push(`school_id = ${schoolId}`);
  if (blocks) {
    if (!Number.isSafeInteger(blocks.from) || (blocks.to !== null && !Number.isSafeInteger(blocks.to)))
      throw new Error('invalid block range');
    where.push(`ctid >= '(${blocks.from},0)'::tid`);
    if (blocks.to !== null) where.push(`ctid < '(${blocks.to},0)'::tid`);
  }
  const indexOf = new Map<number, number>();
  codes.forEach((code, i) => {
    if (!/^[\x21-\x7e]{1,6}$/.test(code)) throw new Error(`invalid code ${code}`);
    indexOf.set(codeKey(code), i);
  });
  const chunks = tx.copyOut(
    `(SELECT pupil_id, school_id, date, half, code FROM register_entry${where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`})`,
    [],
    'binary',
  );
  // One tuple: field count (2 bytes, -1 ends the data), then per field its length (4) and bytes: pupil and
  // school (8 each), date (4), half and code (text).
  await eachBinaryChunk(chunks, (bytes, view, start) => {
    let at = start;
    while (at + 2 <= bytes.length) {
      const fields = view.getInt16(at);
      if (fields === -1) return at + 2;
      if (fields !== 5) throw new Error(`register scan: ${fields} fields`);
      if (at + 44 > bytes.length) break;
      const pupil = view.getUint32(at + 6) * 4_294_967_296 + view.getUint32(at + 10);
      const school = view.getUint32(at + 18) * 4_294_967_296 + view.getUint32(at + 22);
      const date = view.getInt32(at + 30);
      if (view.getInt32(at + 34) !== 2) throw new Error('register scan: unexpected half');
      const pm = bytes[at + 38] === 80; // 'P'
      const codeLength = view.getInt32(at + 40);
      if (codeLength < 0) throw new Error('unexpected null in the register scan');
      const end = at + 44 + codeLength;
      if (end > bytes.length) break;
      let key = 0;
      for (let i = at + 44; i < end; i++) key = key * 256 + (bytes[i] as number);
      row(
        pupil,
        school,
        (date + POSTGRES_EPOCH_DAY) * 2 + (pm ? 1 : 0),
        codeLength > 6 ? -1 : (indexOf.get(key) ?? -1),
      );
      at = end;
    }
    return at;
  });
}

/**
 * Replaces the day rows and pupil-year totals of a whole-school (or every-school) scope with rows aggregated in
 * memory (WholeMonitorRefresh), written with COPY. The school years of the scope bound both the rows removed and the
 * rows written, as in refreshDaysAndPupilYears.
 */
export async function writeDaysAndPupilYears(
  tx: Sql,
  scope: RefreshScope,
  days: RowsToCopy<DayRow>,
  pupilYears: RowsToCopy<PupilYearRow>,
  pendingIndexes?: PendingIndexBuilds,
): Promise<void> {
  if (scope.dates !== null || scope.pupilIds !== null) throw new Error('writes whole school years');
  const own = literalConditions(scope, { school: 'school_id', year: 'school_year' });
  await tx.exec(`DELETE FROM monitor_day WHERE true${own}; DELETE FROM monitor_pupil_year WHERE true${own}`);
  const years = scope.schoolYears === null ? null : new Set(scope.schoolYears);
  const inScope = (row: { schoolId: number; schoolYear: string }) =>
    (scope.schoolId === null || row.schoolId === scope.schoolId) && (years === null || years.has(row.schoolYear));
  await copyRowsInto(tx, DAY_ROWS, days, inScope);
  await copyRowsInto(
    tx,
    PUPIL_YEAR_ROWS,
    await bulkLoadOf(tx, 'monitor_pupil_year', pupilYears, pendingIndexes),
    inScope,
  );
  if (scope.schoolId === null) await tx.exec('ANALYZE monitor_day, monitor_pupil_year');
}
