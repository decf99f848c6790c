// Partial schooling at the school's request (migration 0025): the arrangements, the school half-days they are
// checked against, and the counts per school for the monitor and the region report.
import type { PartialSchoolingTerms, PupilHalfDay, WeekHalfDay } from '../domain/monitor/partial-schooling.ts';
import type { Sql } from './database.ts';

export interface ArrangementRow extends PartialSchoolingTerms {
  id: number;
  pupilId: number;
  schoolId: number;
  homeHalfDays: WeekHalfDay[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

const COLUMNS = `id::int AS id, pupil_id::int AS "pupilId", school_id::int AS "schoolId", requested_by AS "requestedBy",
  reason, home_half_days AS "homeHalfDays", since, review_on AS "reviewOn", ended_on AS "endedOn",
  parents_agreed AS "parentsAgreed", clb_involved AS "clbInvolved", clb_doctor_involved AS "clbDoctorInvolved",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt", version`;

const termValues = (t: PartialSchoolingTerms) => [
  t.requestedBy,
  t.reason,
  t.homeHalfDays,
  t.since,
  t.reviewOn,
  t.endedOn,
  t.parentsAgreed,
  t.clbInvolved,
  t.clbDoctorInvolved,
];

export async function arrangementsOfPupil(db: Sql, pupilId: number): Promise<ArrangementRow[]> {
  return db.query<ArrangementRow>(
    `SELECT ${COLUMNS} FROM partial_schooling WHERE pupil_id = $1 ORDER BY since DESC, id DESC`,
    [pupilId],
  );
}

export async function insertArrangement(
  db: Sql,
  row: { pupilId: number; schoolId: number; createdBy: number | null; terms: PartialSchoolingTerms },
): Promise<ArrangementRow> {
  const [inserted] = await db.query<ArrangementRow>(
    `INSERT INTO partial_schooling (requested_by, reason, home_half_days, since, review_on, ended_on, parents_agreed,
       clb_involved, clb_doctor_involved, pupil_id, school_id, created_by)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
    [...termValues(row.terms), row.pupilId, row.schoolId, row.createdBy],
  );
  if (!inserted) throw new Error('partial_schooling insert returned nothing');
  return inserted;
}

/** Changes an arrangement at the version the editor saw; undefined when the version is stale (409). */
export async function updateArrangement(
  db: Sql,
  change: { id: number; pupilId: number; version: number; terms: PartialSchoolingTerms },
): Promise<ArrangementRow | undefined> {
  const [updated] = await db.query<ArrangementRow>(
    `UPDATE partial_schooling SET requested_by = $1, reason = $2, home_half_days = $3::text[], since = $4,
       review_on = $5, ended_on = $6, parents_agreed = $7, clb_involved = $8, clb_doctor_involved = $9,
       updated_at = now(), version = version + 1
     WHERE id = $10 AND pupil_id = $11 AND version = $12 RETURNING ${COLUMNS}`,
    [...termValues(change.terms), change.id, change.pupilId, change.version],
  );
  return updated;
}

export async function findArrangement(db: Sql, pupilId: number, id: number): Promise<ArrangementRow | undefined> {
  const [row] = await db.query<ArrangementRow>(
    `SELECT ${COLUMNS} FROM partial_schooling WHERE id = $1 AND pupil_id = $2`,
    [id, pupilId],
  );
  return row;
}

/**
 * The pupil's school half-days in the school from `from` to `until` (the school's calendar, within the pupil's
 * enrolments there), each with whether the register marks it with a code that counts as absent.
 */
export async function pupilSchoolHalfDays(
  db: Sql,
  pupilId: number,
  schoolId: number,
  from: string,
  until: string,
): Promise<PupilHalfDay[]> {
  return db.query<PupilHalfDay>(
    `SELECT c.date, c.half, (ac.code IS NOT NULL) AS absent
     FROM calendar_half_day c
     JOIN enrolment e ON e.pupil_id = $1 AND e.school_id = c.school_id AND c.date >= e.enrolled_from
      AND (e.enrolled_until IS NULL OR c.date <= e.enrolled_until)
      AND c.date >= make_date(left(e.school_year, 4)::int, 9, 1) AND c.date < make_date(left(e.school_year, 4)::int + 1, 9, 1)
     LEFT JOIN register_entry r ON r.pupil_id = $1 AND r.school_id = c.school_id AND r.date = c.date AND r.half = c.half
     LEFT JOIN absence_code ac ON ac.code = r.code AND ac.counts_as_absent
     WHERE c.school_id = $2 AND c.school_day AND c.date BETWEEN $3::date AND $4::date
     ORDER BY c.date, c.half`,
    [pupilId, schoolId, from, until],
  );
}

/** Whether a rule holds for the pupil this school year (FIXED_SLOT proposes recording an arrangement). */
export async function ruleHolds(db: Sql, pupilId: number, schoolYear: string, ruleId: string): Promise<boolean> {
  const [row] = await db.query<{ holds: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM signal WHERE pupil_id = $1 AND school_year = $2 AND rule_id = $3 AND holds) AS holds',
    [pupilId, schoolYear, ruleId],
  );
  return row?.holds ?? false;
}

export interface PartialSchoolingSchoolCount {
  schoolId: number;
  schoolName: string;
  /** Pupils with an arrangement in force at some time in the period. */
  pupils: number;
  /** Of those, arrangements without the parents' agreement, without the CLB, and past their review date. */
  withoutParents: number;
  withoutClb: number;
  reviewOverdue: number;
}

/** Per school of the list: the pupils with an arrangement in force between `from` and `until` (live, small table). */
export async function partialSchoolingPerSchool(
  db: Sql,
  schoolIds: readonly number[],
  from: string,
  until: string,
): Promise<PartialSchoolingSchoolCount[]> {
  return db.query<PartialSchoolingSchoolCount>(
    `SELECT p.school_id::int AS "schoolId", o.name AS "schoolName", count(DISTINCT p.pupil_id)::int AS pupils,
            count(DISTINCT p.pupil_id) FILTER (WHERE NOT p.parents_agreed)::int AS "withoutParents",
            count(DISTINCT p.pupil_id) FILTER (WHERE NOT p.clb_involved)::int AS "withoutClb",
            count(DISTINCT p.pupil_id) FILTER (WHERE p.review_on < $3::date
              AND (p.ended_on IS NULL OR p.ended_on > $3::date))::int AS "reviewOverdue"
     FROM partial_schooling p JOIN organisation o ON o.id = p.school_id
     WHERE p.school_id = ANY($1::bigint[]) AND p.since <= $3::date AND (p.ended_on IS NULL OR p.ended_on >= $2::date)
     GROUP BY p.school_id, o.name ORDER BY o.name`,
    [schoolIds, from, until],
  );
}
