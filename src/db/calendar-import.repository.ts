// A calendar import's staging table and its merge into the school's calendar (src/app/import/calendar-import.ts).
import type { Sql } from './database.ts';
import { analyzeIfChangedMuch } from './statistics.ts';

export const CALENDAR_STAGING_COLUMNS = ['row_number', 'date', 'half', 'school_day'] as const;

export async function createCalendarStaging(tx: Sql): Promise<void> {
  await tx.exec(
    `CREATE TEMP TABLE import_calendar (row_number integer, date date, half text, school_day boolean) ON COMMIT DROP`,
  );
}

/** Staged rows that would turn a half-day with register rows into a free one, with how many rows each would orphan. */
export async function stagedCalendarOrphans(tx: Sql, schoolId: number): Promise<{ row: number; count: number }[]> {
  return tx.query<{ row: number; count: number }>(
    `SELECT c.row_number AS "row", count(*)::int AS count
     FROM import_calendar c JOIN register_entry r ON r.school_id = $1 AND r.date = c.date AND r.half = c.half
     WHERE NOT c.school_day GROUP BY c.row_number ORDER BY 1`,
    [schoolId],
  );
}

/** Writes the staged half-days that differ from the school's calendar (the first row of a repeated half-day wins). */
export async function mergeStagedCalendarRows(
  tx: Sql,
  schoolId: number,
  source: string,
): Promise<{ inserted: number; updated: number }> {
  const rows = await tx.query<{ inserted: number; updated: number }>(
    `WITH merged AS (
       INSERT INTO calendar_half_day (school_id, date, half, school_day, source)
       SELECT DISTINCT ON (date, half) $1, date, half, school_day, $2 FROM import_calendar ORDER BY date, half, row_number
       ON CONFLICT (school_id, date, half) DO UPDATE SET school_day = EXCLUDED.school_day, source = EXCLUDED.source
       WHERE calendar_half_day.school_day <> EXCLUDED.school_day
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM merged`,
    [schoolId, source],
  );
  const merged = rows[0] ?? { inserted: 0, updated: 0 };
  await analyzeIfChangedMuch(tx, { calendar_half_day: merged.inserted + merged.updated });
  return merged;
}
