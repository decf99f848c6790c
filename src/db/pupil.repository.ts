// Pupils and their enrolments per school year.
import { ownValue } from '../domain/own-value.ts';
import type { Sql } from './database.ts';
import { analyzeIfChangedMuch } from './statistics.ts';

export interface EnrolmentPeriod {
  from: string;
  /** Last enrolled day: the unenrolment date or else the end of the school year. */
  until: string;
  schoolYear: string;
  /** The enrolment's level and the pupil's birth date (the register import's data checks, issue 14). */
  level?: 'kleuter' | 'lager' | 'secundair';
  birthDate?: string;
}

/** external pupil number → internal id and enrolment periods, for validating register rows. */
export async function loadPupilEnrolments(
  db: Sql,
  schoolId: number,
): Promise<Map<string, { id: number; periods: EnrolmentPeriod[] }>> {
  const rows = await db.query<{
    id: number;
    externalId: string;
    from: string | null;
    until: string | null;
    schoolYear: string | null;
    level: 'kleuter' | 'lager' | 'secundair' | null;
    birthDate: string;
  }>(
    `SELECT p.id::int AS id, p.external_id AS "externalId", e.enrolled_from AS "from",
            coalesce(e.enrolled_until, (substr(e.school_year, 6, 4) || '-08-31')::date) AS "until", e.school_year AS "schoolYear",
            e.level, p.birth_date AS "birthDate"
     FROM pupil p LEFT JOIN enrolment e ON e.pupil_id = p.id
     WHERE p.school_id = $1`,
    [schoolId],
  );
  const pupils = new Map<string, { id: number; periods: EnrolmentPeriod[] }>();
  for (const r of rows) {
    let entry = pupils.get(r.externalId);
    if (!entry) {
      entry = { id: r.id, periods: [] };
      pupils.set(r.externalId, entry);
    }
    if (r.from && r.until && r.schoolYear)
      entry.periods.push({
        from: r.from,
        until: r.until,
        schoolYear: r.schoolYear,
        ...(r.level ? { level: r.level } : {}),
        birthDate: r.birthDate,
      });
  }
  return pupils;
}

export const PUPIL_STAGING_COLUMNS = [
  'row_number',
  'external_id',
  'first_name',
  'last_name',
  'birth_date',
  'level',
  'grade',
  'class_name',
  'enrolled_from',
  'enrolled_until',
  'excluded_on',
  'school_year',
  'identity_hash',
  'carried_over_b',
  'carried_over_z',
  'carried_over_p',
] as const;

export async function createPupilStaging(tx: Sql): Promise<void> {
  await tx.exec(
    `CREATE TEMP TABLE import_pupils (
       row_number integer NOT NULL, external_id text NOT NULL, first_name text NOT NULL, last_name text NOT NULL,
       birth_date date NOT NULL, level text NOT NULL, grade integer, class_name text, enrolled_from date NOT NULL,
       enrolled_until date, excluded_on date, school_year text NOT NULL, identity_hash text, carried_over_b integer,
       carried_over_z integer, carried_over_p integer
     ) ON COMMIT DROP`,
  );
}

/**
 * Upserts staged pupils and their enrolment for the staged school year; returns changed row counts. The columns
 * recorded in the app (enrolled_elsewhere_*, version) are not in pupils.csv and are left as they are.
 */
export async function mergeStagedPupils(
  tx: Sql,
  schoolId: number,
): Promise<{ inserted: number; updated: number; changedPupilIds: number[] }> {
  // Pupils whose identity across schools changes: their carried-over B (counted from the other schools) may too.
  const newIdentity = await tx.query<{ id: number }>(
    `SELECT p.id::int AS id FROM import_pupils s JOIN pupil p ON p.school_id = $1 AND p.external_id = s.external_id
     WHERE s.identity_hash IS NOT NULL AND s.identity_hash IS DISTINCT FROM p.identity_hash`,
    [schoolId],
  );
  // An empty INSZ or carried-over cell keeps what is stored (a file without the column changes nothing).
  const pupils = await tx.query<{ inserted: number; updated: number }>(
    `WITH merged AS (
       INSERT INTO pupil (school_id, external_id, first_name, last_name, birth_date, identity_hash)
       SELECT $1, external_id, first_name, last_name, birth_date, identity_hash FROM import_pupils
       ON CONFLICT (school_id, external_id) DO UPDATE
         SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
             birth_date = EXCLUDED.birth_date, identity_hash = coalesce(EXCLUDED.identity_hash, pupil.identity_hash),
             updated_at = now()
         WHERE (pupil.first_name, pupil.last_name, pupil.birth_date, pupil.identity_hash)
               IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.birth_date,
                                 coalesce(EXCLUDED.identity_hash, pupil.identity_hash))
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM merged`,
    [schoolId],
  );
  const enrolments = await tx.query<{ changed: number; pupils: number[] | null }>(
    `WITH merged AS (
       INSERT INTO enrolment (pupil_id, school_id, school_year, level, grade, class_name, enrolled_from, enrolled_until,
                              excluded_on, carried_over_b, carried_over_z, carried_over_p)
       SELECT p.id, $1, s.school_year, s.level, s.grade, s.class_name, s.enrolled_from, s.enrolled_until, s.excluded_on,
              s.carried_over_b, s.carried_over_z, s.carried_over_p
       FROM import_pupils s JOIN pupil p ON p.school_id = $1 AND p.external_id = s.external_id
       ON CONFLICT (pupil_id, school_year) DO UPDATE
         SET level = EXCLUDED.level, grade = EXCLUDED.grade, class_name = EXCLUDED.class_name,
             enrolled_from = EXCLUDED.enrolled_from, enrolled_until = EXCLUDED.enrolled_until,
             excluded_on = EXCLUDED.excluded_on,
             carried_over_b = coalesce(EXCLUDED.carried_over_b, enrolment.carried_over_b),
             carried_over_z = coalesce(EXCLUDED.carried_over_z, enrolment.carried_over_z),
             carried_over_p = coalesce(EXCLUDED.carried_over_p, enrolment.carried_over_p)
         WHERE (enrolment.level, enrolment.grade, enrolment.class_name, enrolment.enrolled_from,
                enrolment.enrolled_until, enrolment.excluded_on, enrolment.carried_over_b, enrolment.carried_over_z,
                enrolment.carried_over_p)
               IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.grade, EXCLUDED.class_name, EXCLUDED.enrolled_from,
                EXCLUDED.enrolled_until, EXCLUDED.excluded_on,
                coalesce(EXCLUDED.carried_over_b, enrolment.carried_over_b),
                coalesce(EXCLUDED.carried_over_z, enrolment.carried_over_z),
                coalesce(EXCLUDED.carried_over_p, enrolment.carried_over_p))
       RETURNING pupil_id, (xmax = 0) AS inserted
     )
     SELECT count(*)::int AS changed, array_agg(pupil_id::int) AS pupils FROM merged`,
    [schoolId],
  );
  const p = pupils[0] ?? { inserted: 0, updated: 0 };
  const e = enrolments[0] ?? { changed: 0, pupils: null };
  // The monitor refresh after this merge and the next register import plan with these tables' statistics.
  await analyzeIfChangedMuch(tx, { pupil: p.inserted + p.updated, enrolment: e.changed });
  // A pupil row that did not change but whose enrolment did still counts as one updated row.
  const updated = Math.max(p.updated, e.changed - p.inserted);
  const changed = new Set([...(e.pupils ?? []), ...newIdentity.map((r) => r.id)]);
  return { inserted: p.inserted, updated, changedPupilIds: [...changed] };
}

export interface PupilListQuery {
  schoolId: number;
  schoolYear: string;
  from: string;
  until: string;
  className?: string;
  /** Only these classes (a class teacher's reach); undefined for the whole school. */
  classNames?: string[];
  level?: string;
  search?: string;
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface PupilListItem {
  id: number;
  externalId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  level: 'kleuter' | 'lager' | 'secundair';
  grade: number | null;
  className: string | null;
  absentHalfDays: number;
  countsByCode: Record<string, number>;
}

/** The columns the pupil list sorts by (besides `code:X`, the count of one absence code). */
export const PUPIL_SORT_KEYS = ['lastName', 'firstName', 'className', 'absent'] as const;

const SORT_COLUMNS: Record<(typeof PUPIL_SORT_KEYS)[number], string> = {
  lastName: 'lower(p.last_name), lower(p.first_name)',
  firstName: 'lower(p.first_name), lower(p.last_name)',
  className: 'e.class_name, lower(p.last_name)',
  absent: 'coalesce(c.absent_half_days, 0)',
};

export async function listPupils(
  db: Sql,
  q: PupilListQuery,
): Promise<{ total: number; items: PupilListItem[]; classes: string[]; codes: string[] }> {
  const params: unknown[] = [q.schoolId, q.schoolYear, q.from, q.until];
  const filters: string[] = [];
  if (q.className) {
    params.push(q.className);
    filters.push(`e.class_name = $${params.length}`);
  }
  if (q.classNames) {
    params.push(q.classNames);
    filters.push(`e.class_name = ANY($${params.length}::text[])`);
  }
  if (q.level) {
    params.push(q.level);
    filters.push(`e.level = $${params.length}`);
  }
  if (q.search) {
    params.push(`%${q.search.toLowerCase()}%`);
    filters.push(
      `(lower(p.first_name || ' ' || p.last_name) LIKE $${params.length} OR lower(p.external_id) LIKE $${params.length})`,
    );
  }
  let orderBy = ownValue(SORT_COLUMNS, q.sort) ?? SORT_COLUMNS.lastName;
  const codeSort = /^code:([A-Z])$/.exec(q.sort);
  if (codeSort) {
    params.push(codeSort[1]);
    orderBy = `coalesce((c.counts ->> $${params.length})::int, 0)`;
  }
  const direction = q.order === 'desc' ? 'DESC' : 'ASC';
  params.push(q.limit, q.offset);
  const rows = await db.query<PupilListItem & { total: number; counts: Record<string, number> | null }>(
    `WITH counted AS (
       SELECT r.pupil_id, jsonb_object_agg(r.code, r.n) AS counts,
              sum(r.n) FILTER (WHERE c.counts_as_absent)::int AS absent_half_days
       FROM (SELECT pupil_id, code, count(*)::int AS n FROM register_entry
             WHERE school_id = $1 AND date BETWEEN $3 AND $4 GROUP BY pupil_id, code) r
       JOIN absence_code c ON c.code = r.code
       GROUP BY r.pupil_id
     )
     SELECT p.id::int AS id, p.external_id AS "externalId", p.first_name AS "firstName", p.last_name AS "lastName",
            p.birth_date AS "birthDate", e.level, e.grade, e.class_name AS "className",
            coalesce(c.absent_half_days, 0) AS "absentHalfDays", c.counts,
            count(*) OVER ()::int AS total
     FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
     LEFT JOIN counted c ON c.pupil_id = p.id
     WHERE e.school_id = $1 AND e.school_year = $2 ${filters.map((f) => `AND ${f}`).join(' ')}
     ORDER BY ${orderBy} ${direction}, p.id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const classes = await db.query<{ name: string }>(
    `SELECT DISTINCT class_name AS name FROM enrolment
     WHERE school_id = $1 AND school_year = $2 AND class_name IS NOT NULL
       AND ($3::text[] IS NULL OR class_name = ANY($3::text[])) ORDER BY 1`,
    [q.schoolId, q.schoolYear, q.classNames ?? null],
  );
  const codes = await db.query<{ code: string }>(
    `SELECT DISTINCT code FROM register_entry WHERE school_id = $1 AND date BETWEEN $2 AND $3 ORDER BY 1`,
    [q.schoolId, q.from, q.until],
  );
  return {
    codes: codes.map((c) => c.code),
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, counts, ...item }) => ({ ...item, countsByCode: counts ?? {} })),
    classes: classes.map((c) => c.name),
  };
}

export interface PupilRow {
  id: number;
  externalId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  schoolId: number;
}

export async function findPupil(db: Sql, id: number): Promise<PupilRow | undefined> {
  const rows = await db.query<PupilRow>(
    `SELECT id::int AS id, external_id AS "externalId", first_name AS "firstName", last_name AS "lastName",
            birth_date AS "birthDate", school_id::int AS "schoolId" FROM pupil WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export interface EnrolmentRow {
  schoolYear: string;
  level: 'kleuter' | 'lager' | 'secundair';
  grade: number | null;
  className: string | null;
  enrolledFrom: string;
  enrolledUntil: string | null;
  excludedOn: string | null;
  /** Recorded in the app after a definitive exclusion (never by the pupils import): enrolled in another school. */
  enrolledElsewhereFrom: string | null;
  enrolledElsewhereSchool: string | null;
  /** Optimistic lock of the enrolled-elsewhere edits. */
  version: number;
}

const ENROLMENT_COLUMNS = `school_year AS "schoolYear", level, grade, class_name AS "className",
  enrolled_from AS "enrolledFrom", enrolled_until AS "enrolledUntil", excluded_on AS "excludedOn",
  enrolled_elsewhere_from AS "enrolledElsewhereFrom", enrolled_elsewhere_school AS "enrolledElsewhereSchool", version`;

export async function enrolmentsOfPupil(db: Sql, pupilId: number): Promise<EnrolmentRow[]> {
  return db.query<EnrolmentRow>(
    `SELECT ${ENROLMENT_COLUMNS} FROM enrolment WHERE pupil_id = $1 ORDER BY school_year DESC`,
    [pupilId],
  );
}

/** The pupil's enrolment of one school year, locked for the rest of the transaction when `forUpdate`. */
export async function findEnrolment(
  db: Sql,
  pupilId: number,
  schoolYear: string,
  forUpdate = false,
): Promise<EnrolmentRow | undefined> {
  const rows = await db.query<EnrolmentRow>(
    `SELECT ${ENROLMENT_COLUMNS} FROM enrolment WHERE pupil_id = $1 AND school_year = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [pupilId, schoolYear],
  );
  return rows[0];
}

/**
 * Records (or clears, with nulls) that the pupil is enrolled in another school, at the version the editor saw.
 * Undefined when the version is stale: the caller answers 409.
 */
export async function updateEnrolledElsewhere(
  db: Sql,
  change: { pupilId: number; schoolYear: string; version: number; from: string | null; school: string | null },
): Promise<EnrolmentRow | undefined> {
  const rows = await db.query<EnrolmentRow>(
    `UPDATE enrolment SET enrolled_elsewhere_from = $4, enrolled_elsewhere_school = $5, version = version + 1
     WHERE pupil_id = $1 AND school_year = $2 AND version = $3
     RETURNING ${ENROLMENT_COLUMNS}`,
    [change.pupilId, change.schoolYear, change.version, change.from, change.school],
  );
  return rows[0];
}

export async function pupilIdsOfSchool(db: Sql, schoolId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1', [schoolId]);
  return rows.map((r) => r.id);
}

/** The pupil with this school-given number in this school, if any. */
export async function pupilIdByExternalId(db: Sql, schoolId: number, externalId: string): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
    [schoolId, externalId],
  );
  return rows[0]?.id;
}

/** The first class (by name) of the school's latest school year with classes, if any. */
export async function firstClassOfSchool(db: Sql, schoolId: number): Promise<string | undefined> {
  const rows = await db.query<{ name: string }>(
    `SELECT class_name AS name FROM enrolment WHERE school_id = $1 AND class_name IS NOT NULL
     ORDER BY school_year DESC, class_name LIMIT 1`,
    [schoolId],
  );
  return rows[0]?.name;
}
