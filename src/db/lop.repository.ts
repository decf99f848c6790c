// LOPs (lokaal overlegplatform, migration 0033): the organisation with its level and schools, and the live reads
// of its view of exclusions — the definitive exclusions of its schools, and the pupils excluded elsewhere each
// school took in. Few rows (exclusions are rare), read live like the region report's exclusions.
import type { LopExclusion, LopLevel } from '../domain/monitor/lop-report.ts';
import type { Sql } from './database.ts';

export async function insertLop(db: Sql, name: string, level: LopLevel): Promise<number> {
  const rows = await db.query<{ id: number }>(
    "INSERT INTO organisation (kind, name, lop_level) VALUES ('lop', $1, $2) RETURNING id::int AS id",
    [name, level],
  );
  return (rows[0] as { id: number }).id;
}

export async function findLopByName(db: Sql, name: string): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    "SELECT id::int AS id FROM organisation WHERE kind = 'lop' AND name = $1",
    [name],
  );
  return rows[0]?.id;
}

/** A LOP with its level and its schools (by name), or undefined. */
export async function lopWithSchools(db: Sql, lopId: number) {
  const [row] = await db.query<{
    id: number;
    name: string;
    level: LopLevel;
    schools: { schoolId: number; schoolName: string }[] | null;
  }>(
    `SELECT o.id::int AS id, o.name, o.lop_level AS level,
            (SELECT json_agg(json_build_object('schoolId', s.id::int, 'schoolName', s.name) ORDER BY s.name, s.id)
             FROM lop_school l JOIN organisation s ON s.id = l.school_id WHERE l.lop_id = o.id) AS schools
     FROM organisation o WHERE o.id = $1 AND o.kind = 'lop'`,
    [lopId],
  );
  return row ? { ...row, schools: row.schools ?? [] } : undefined;
}

/** The same child: this pupil row, or a pupil row with the same keyed identity (docs/decisions/0035). */
const SAME_CHILD = `(op.id = p.id OR (p.identity_hash IS NOT NULL AND op.identity_hash = p.identity_hash))`;

/**
 * Definitive exclusions at the schools of the levels in a school year up to a date. The new school is the earlier
 * of what the excluding school recorded and the first enrolment of the same child at another school of this
 * database from the exclusion on; repeated: the same child was excluded definitively before (any school, any year).
 */
export async function lopExclusions(
  db: Sql,
  options: { schoolIds: readonly number[]; levels: readonly string[]; schoolYear: string; asOf: string },
): Promise<LopExclusion[]> {
  return db.query<LopExclusion>(
    `SELECT e.school_id::int AS "schoolId", e.level, e.excluded_on AS "excludedOn",
            LEAST(e.enrolled_elsewhere_from,
                  (SELECT min(oe.enrolled_from) FROM pupil op JOIN enrolment oe ON oe.pupil_id = op.id
                    WHERE p.identity_hash IS NOT NULL AND op.identity_hash = p.identity_hash AND op.id <> p.id
                      AND oe.enrolled_from >= e.excluded_on)) AS "newSchoolFrom",
            e.exclusion_opvang AS opvang, e.exclusion_search_help AS "searchHelp",
            EXISTS (SELECT 1 FROM pupil op JOIN enrolment o ON o.pupil_id = op.id
                     WHERE ${SAME_CHILD} AND o.excluded_on IS NOT NULL AND o.excluded_on < e.excluded_on) AS repeated
     FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
     WHERE e.school_year = $2 AND e.school_id = ANY($1::bigint[]) AND e.level = ANY($3::text[])
       AND e.excluded_on IS NOT NULL AND e.excluded_on <= $4::date
     ORDER BY e.excluded_on`,
    [options.schoolIds, options.schoolYear, options.levels, options.asOf],
  );
}

/**
 * Per school: pupils enrolled in the school year up to a date whose same child (keyed identity) was excluded
 * definitively at another school earlier in the same school year, on or before the enrolment began.
 */
export async function takenInAfterExclusionElsewhere(
  db: Sql,
  options: { schoolIds: readonly number[]; schoolYear: string; asOf: string },
): Promise<Map<number, number>> {
  const rows = await db.query<{ schoolId: number; pupils: number }>(
    `SELECT e.school_id::int AS "schoolId", count(DISTINCT e.pupil_id)::int AS pupils
     FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
     WHERE e.school_year = $2 AND e.school_id = ANY($1::bigint[]) AND e.enrolled_from <= $3::date
       AND p.identity_hash IS NOT NULL
       AND EXISTS (SELECT 1 FROM pupil op JOIN enrolment o ON o.pupil_id = op.id
                    WHERE op.identity_hash = p.identity_hash AND o.school_id <> e.school_id
                      AND o.school_year = e.school_year AND o.excluded_on IS NOT NULL
                      AND o.excluded_on <= e.enrolled_from)
     GROUP BY e.school_id`,
    [options.schoolIds, options.schoolYear, options.asOf],
  );
  return new Map(rows.map((r) => [r.schoolId, r.pupils]));
}
