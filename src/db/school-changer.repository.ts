// What a pupil brings from a previous school this school year (docs/decisions/0035): the carried-over B, Z and P
// half-days. Never the INSZ (it is not stored) nor its hash (it stays in the database).
import { CARRIED_OVER_B_SQL } from './carried-over.sql.ts';
import type { Sql } from './database.ts';

export interface CarriedOver {
  /** The B half-days the rules count (imported, or found at another school through the same identity). */
  b: number;
  /** Where `b` comes from: the pupils import, or the register of another school in this database. */
  bSource: 'import' | 'other-school';
  /** Z and P half-days as the pupils import carried them over (null: not given). */
  z: number | null;
  p: number | null;
}

/** The pupil's carried-over counts in one school year; null when there are none (nothing to show). */
export async function carriedOverOfPupil(db: Sql, pupilId: number, schoolYear: string): Promise<CarriedOver | null> {
  const [row] = await db.query<{ b: number; imported: boolean; z: number | null; p: number | null }>(
    `SELECT ${CARRIED_OVER_B_SQL} AS b, e.carried_over_b IS NOT NULL AS imported,
            e.carried_over_z AS z, e.carried_over_p AS p
     FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
     WHERE e.pupil_id = $1 AND e.school_year = $2`,
    [pupilId, schoolYear],
  );
  if (!row || (row.b === 0 && !row.imported && row.z === null && row.p === null)) return null;
  return { b: row.b, bSource: row.imported ? 'import' : 'other-school', z: row.z, p: row.p };
}
