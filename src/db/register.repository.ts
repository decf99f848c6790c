// The absence register: staging of imported rows, merge with history, and per-pupil/per-school reads.
import { phaseTimer } from '../app/import/phase-timer.ts';
import type { Sql } from './database.ts';

export const REGISTER_STAGING_COLUMNS = ['row_number', 'pupil_id', 'date', 'half', 'code', 'note'] as const;

export async function createRegisterStaging(tx: Sql): Promise<void> {
  await tx.exec(
    `CREATE TEMP TABLE import_register (
       row_number integer NOT NULL, pupil_id bigint NOT NULL, date date NOT NULL,
       half text NOT NULL, code text NOT NULL, note text
     ) ON COMMIT DROP`,
  );
}

export interface StagedConflict {
  row: number;
  firstRow: number;
}

/** Statistics for the planner when the file repeats no half-day (checked while parsing): no index needed. */
export async function analyzeStagedRegister(tx: Sql): Promise<void> {
  await tx.exec('ANALYZE import_register');
}

/**
 * Indexes the staged rows by half-day. Returns false when the file repeats a pupil and half-day; the caller
 * then looks for conflicting codes (the slow path, only for files with duplicates).
 */
export async function indexStagedRegister(tx: Sql): Promise<boolean> {
  await tx.exec('SAVEPOINT staged_key');
  try {
    await tx.exec('CREATE UNIQUE INDEX import_register_key ON import_register (pupil_id, date, half)');
    await tx.exec('RELEASE SAVEPOINT staged_key');
    await tx.exec('ANALYZE import_register');
    return true;
  } catch {
    await tx.exec('ROLLBACK TO SAVEPOINT staged_key');
    return false;
  }
}

/** Rows that repeat a pupil and half-day of an earlier row with a different code. */
export async function findConflictingDuplicates(tx: Sql, limit: number): Promise<StagedConflict[]> {
  return tx.query<StagedConflict>(
    `WITH ranked AS (
       SELECT row_number, code,
              first_value(row_number) OVER w AS first_row,
              first_value(code) OVER w AS first_code
       FROM import_register
       WINDOW w AS (PARTITION BY pupil_id, date, half ORDER BY row_number)
     )
     SELECT row_number AS "row", first_row AS "firstRow" FROM ranked
     WHERE row_number <> first_row AND code <> first_code
     ORDER BY row_number LIMIT $1`,
    [limit],
  );
}

/** Keeps the first of identical repeated rows so the staged set has one row per pupil and half-day. */
export async function removeRepeatedStagedRows(tx: Sql): Promise<void> {
  await tx.exec(
    `DELETE FROM import_register s USING import_register f
     WHERE f.pupil_id = s.pupil_id AND f.date = s.date AND f.half = s.half AND f.row_number < s.row_number`,
  );
  await tx.exec('CREATE UNIQUE INDEX import_register_key ON import_register (pupil_id, date, half)');
  await tx.exec('ANALYZE import_register');
}

export interface MergeResult {
  inserted: number;
  updated: number;
  changedPupilIds: number[];
  /** The distinct dates (YYYY-MM-DD) of the rows that were inserted or changed. */
  changedDates: string[];
}

/**
 * Merges the staged rows into the register: new half-days are inserted, changed codes or notes update the
 * row and append to register_history. Unchanged rows are not touched, so re-importing a file is a no-op.
 * The delta (new and changed rows only) is computed once with one join, so each write touches only what changes.
 */
export async function mergeStagedRegister(
  tx: Sql,
  importId: number,
  schoolId: number,
  userId: number | null,
): Promise<MergeResult> {
  const phase = phaseTimer('register merge');
  // A school's first import of a period (nothing registered yet between the file's first and last date): every
  // staged row is new, so it is inserted straight from the staging table without computing a delta. Pupils
  // belong to one school, so no other school's rows can share a key.
  const [span] = await tx.query<{ overlap: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM register_entry r
       WHERE r.school_id = $1
         AND r.date BETWEEN (SELECT min(date) FROM import_register) AND (SELECT max(date) FROM import_register)
     ) AS overlap`,
    [schoolId],
  );
  phase('overlap check');
  if (span && !span.overlap) {
    await tx.query(
      `INSERT INTO register_entry (pupil_id, date, half, school_id, code, note, import_id, recorded_by)
       SELECT pupil_id, date, half, $2, code, note, $1, $3 FROM import_register`,
      [importId, schoolId, userId],
    );
    // Every staged row was inserted (a repeated key would have failed the statement).
    const [inserted] = await tx.query<{ n: number; pupils: number[] | null; dates: string[] | null }>(
      `SELECT count(*)::int AS n, array_agg(DISTINCT pupil_id::int) AS pupils,
              array_agg(DISTINCT date::text) AS dates
       FROM import_register`,
    );
    phase('write (first import of the period)');
    return {
      inserted: inserted?.n ?? 0,
      updated: 0,
      changedPupilIds: inserted?.pupils ?? [],
      changedDates: inserted?.dates ?? [],
    };
  }
  await tx.exec(
    `CREATE TEMP TABLE import_register_delta ON COMMIT DROP AS
       SELECT s.pupil_id, s.date, s.half, s.code, s.note, r.code AS old_code, r.note AS old_note
       FROM import_register s
       LEFT JOIN register_entry r ON r.pupil_id = s.pupil_id AND r.date = s.date AND r.half = s.half
       WHERE r.code IS NULL OR r.code <> s.code OR r.note IS DISTINCT FROM s.note`,
  );
  phase('delta');
  const changed = await tx.query<{
    inserted: number;
    updated: number;
    pupils: number[] | null;
    dates: string[] | null;
  }>(
    `SELECT count(*) FILTER (WHERE old_code IS NULL)::int AS inserted,
            count(*) FILTER (WHERE old_code IS NOT NULL)::int AS updated,
            (SELECT array_agg(pupil_id::int) FROM (SELECT DISTINCT pupil_id FROM import_register_delta) p) AS pupils,
            (SELECT array_agg(date::text) FROM (SELECT DISTINCT date FROM import_register_delta) d) AS dates
     FROM import_register_delta`,
  );
  const result = changed[0] ?? { inserted: 0, updated: 0, pupils: null, dates: null };
  if (result.updated > 0) {
    await tx.query(
      `INSERT INTO register_history (pupil_id, date, half, old_code, new_code, old_note, new_note, import_id, changed_by)
       SELECT pupil_id, date, half, old_code, code, old_note, note, $1, $2
       FROM import_register_delta WHERE old_code IS NOT NULL`,
      [importId, userId],
    );
    await tx.query(
      `UPDATE register_entry r SET code = d.code, note = d.note, import_id = $1, recorded_by = $2, recorded_at = now()
       FROM import_register_delta d
       WHERE d.old_code IS NOT NULL AND r.pupil_id = d.pupil_id AND r.date = d.date AND r.half = d.half`,
      [importId, userId],
    );
  }
  if (result.inserted > 0) {
    await tx.query(
      `INSERT INTO register_entry (pupil_id, date, half, school_id, code, note, import_id, recorded_by)
       SELECT pupil_id, date, half, $2, code, note, $1, $3 FROM import_register_delta WHERE old_code IS NULL`,
      [importId, schoolId, userId],
    );
  }
  phase('write');
  return {
    inserted: result.inserted,
    updated: result.updated,
    changedPupilIds: result.pupils ?? [],
    changedDates: result.dates ?? [],
  };
}

export interface RegisterRow {
  date: string;
  half: 'AM' | 'PM';
  code: string;
  note: string | null;
}

export async function registerOfPupil(db: Sql, pupilId: number, from: string, until: string): Promise<RegisterRow[]> {
  return db.query<RegisterRow>(
    `SELECT date, half, code, note FROM register_entry
     WHERE pupil_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, half`,
    [pupilId, from, until],
  );
}

export interface HistoryRow {
  date: string;
  half: 'AM' | 'PM';
  oldCode: string;
  newCode: string;
  changedAt: string;
  changedBy: string | null;
  importId: number | null;
}

export async function historyOfPupil(db: Sql, pupilId: number, from: string, until: string): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(
    `SELECT h.date, h.half, h.old_code AS "oldCode", h.new_code AS "newCode",
            to_char(h.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "changedAt",
            u.display_name AS "changedBy", h.import_id::int AS "importId"
     FROM register_history h LEFT JOIN app_user u ON u.id = h.changed_by
     WHERE h.pupil_id = $1 AND h.date BETWEEN $2 AND $3 ORDER BY h.changed_at DESC, h.id DESC`,
    [pupilId, from, until],
  );
}

export async function registerCounts(db: Sql): Promise<{ entries: number; history: number }> {
  const rows = await db.query<{ entries: number; history: number }>(
    `SELECT (SELECT count(*) FROM register_entry)::int AS entries, (SELECT count(*) FROM register_history)::int AS history`,
  );
  return rows[0] ?? { entries: 0, history: 0 };
}
