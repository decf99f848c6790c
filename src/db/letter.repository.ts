// Letters to parents (migration 0027): a school's own templates, and the register half-days a letter counts.
import type { Sql } from './database.ts';

export interface LetterTemplateRow {
  kind: string;
  subject: string;
  body: string;
  version: number;
  updatedAt: string;
}

export async function letterTemplatesOf(db: Sql, schoolId: number): Promise<LetterTemplateRow[]> {
  return db.query<LetterTemplateRow>(
    `SELECT kind, subject, body, version,
            to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
     FROM letter_template WHERE school_id = $1 ORDER BY kind`,
    [schoolId],
  );
}

/**
 * Stores a school's template at the version the editor saw (0: the default, nothing stored yet); false when
 * someone else saved in the meantime.
 */
export async function writeLetterTemplate(
  db: Sql,
  schoolId: number,
  kind: string,
  text: { subject: string; body: string },
  version: number,
  userId: number | null,
): Promise<boolean> {
  const rows =
    version === 0
      ? await db.query(
          `INSERT INTO letter_template (school_id, kind, subject, body, updated_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (school_id, kind) DO NOTHING RETURNING kind`,
          [schoolId, kind, text.subject, text.body, userId],
        )
      : await db.query(
          `UPDATE letter_template SET subject = $3, body = $4, updated_by = $5, version = version + 1, updated_at = now()
           WHERE school_id = $1 AND kind = $2 AND version = $6 RETURNING kind`,
          [schoolId, kind, text.subject, text.body, userId, version],
        );
  return rows.length === 1;
}

/** Back to the default text: the school's own template is removed. */
export async function deleteLetterTemplate(db: Sql, schoolId: number, kind: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM letter_template WHERE school_id = $1 AND kind = $2 RETURNING kind', [
    schoolId,
    kind,
  ]);
  return rows.length === 1;
}

/** The pupil's register half-days with one of the codes between two dates (both included), oldest first. */
export async function halfDaysWithCodes(
  db: Sql,
  pupilId: number,
  codes: readonly string[],
  from: string,
  until: string,
): Promise<{ date: string; half: 'AM' | 'PM' }[]> {
  return db.query(
    `SELECT date::text AS date, half FROM register_entry
     WHERE pupil_id = $1 AND code = ANY($2::text[]) AND date BETWEEN $3 AND $4 ORDER BY date, half`,
    [pupilId, codes, from, until],
  );
}
