// The absence register: staging of imported rows, merge with history, and per-pupil/per-school reads.
import { phaseTimer } from '../phase-timer.ts';
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

/** Statistics for the planner before the staged rows are merged (repeats were removed while parsing). */
export async function analyzeStagedRegister(tx: Sql): Promise<void> {
  await tx.exec('ANALYZE import_register');
}

/** Columns of a school's first register import, written by COPY straight into the register. */
export const REGISTER_DIRECT_COLUMNS = [
  'pupil_id',
  'date',
  'half',
  'code',
  'note',
  'school_id',
  'import_id',
  'recorded_by',
] as const;

/** Whether the school has any register row (if not, an import can write straight into the register). */
export async function schoolHasRegister(tx: Sql, schoolId: number): Promise<boolean> {
  const rows = await tx.query<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM register_entry WHERE school_id = $1) AS found',
    [schoolId],
  );
  return rows[0]?.found === true;
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

/** The pupils with register rows in the school between two civil dates, both included, in id order. */
export async function pupilIdsWithRegisterRows(db: Sql, schoolId: number, from: string, until: string) {
  const rows = await db.query<{ id: number }>(
    'SELECT DISTINCT pupil_id::int AS id FROM register_entry WHERE school_id = $1 AND date BETWEEN $2 AND $3 ORDER BY 1',
    [schoolId, from, until],
  );
  return rows.map((r) => r.id);
}

export interface RegisterPageRow {
  externalId: string;
  date: string;
  half: string;
  code: string;
  note: string | null;
}

/**
 * One page of the school's register between two dates, ordered by pupil number, date and half-day, starting
 * after `after` (keyset paging: `['', '0001-01-01', '']` for the first page).
 */
export async function registerPage(
  db: Sql,
  schoolId: number,
  range: { from: string; until: string },
  after: readonly [string, string, string],
  limit: number,
): Promise<RegisterPageRow[]> {
  return db.query<RegisterPageRow>(
    `SELECT p.external_id AS "externalId", r.date, r.half, r.code, r.note
     FROM register_entry r JOIN pupil p ON p.id = r.pupil_id
     WHERE r.school_id = $1 AND r.date BETWEEN $2 AND $3 AND (p.external_id, r.date, r.half) > ($4, $5::date, $6)
     ORDER BY p.external_id, r.date, r.half LIMIT ${Number(limit)}`,
    [schoolId, range.from, range.until, ...after],
  );
}
