// The CLB inbox (clb_case): what schools sent to their CLB and the status the CLB gives it; the register facts the
// CLB signal is pre-filled with, and the new B half-days that prompt the school to signal again.
import type { ClbCaseKind, ClbCaseOutcome, ClbCaseStatus } from '../domain/clb-inbox.ts';
import type { Sql } from './database.ts';

export interface ClbCaseRow {
  id: number;
  kind: ClbCaseKind;
  clbId: number;
  clbName: string;
  schoolId: number;
  schoolName: string;
  pupilId: number;
  pupilExternalId: string;
  pupilName: string;
  className: string | null;
  entryId: number;
  receivedOn: string;
  summary: Record<string, unknown>;
  status: ClbCaseStatus;
  plan: string | null;
  outcome: ClbCaseOutcome | null;
  outcomeNote: string | null;
  closedOn: string | null;
  version: number;
  updatedAt: string;
}

const SELECT = `
  SELECT c.id::int AS id, c.kind, c.clb_id::int AS "clbId", clb.name AS "clbName",
         c.school_id::int AS "schoolId", s.name AS "schoolName", c.pupil_id::int AS "pupilId",
         p.external_id AS "pupilExternalId", p.first_name || ' ' || p.last_name AS "pupilName",
         (SELECT e.class_name FROM enrolment e WHERE e.pupil_id = c.pupil_id ORDER BY e.school_year DESC LIMIT 1)
           AS "className",
         c.entry_id::int AS "entryId", to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn", c.summary, c.status,
         c.plan, c.outcome, c.outcome_note AS "outcomeNote", to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn",
         c.version, to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "updatedAt"
  FROM clb_case c
  JOIN organisation clb ON clb.id = c.clb_id
  JOIN organisation s ON s.id = c.school_id
  JOIN pupil p ON p.id = c.pupil_id`;

/** The CLB that serves a school (the lowest id when several do), or undefined. */
export async function clbOfSchool(db: Sql, schoolId: number): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    'SELECT clb_id::int AS id FROM clb_school WHERE school_id = $1 ORDER BY clb_id LIMIT 1',
    [schoolId],
  );
  return rows[0]?.id;
}

export async function insertClbCase(
  db: Sql,
  c: {
    kind: ClbCaseKind;
    clbId: number;
    schoolId: number;
    pupilId: number;
    entryId: number;
    receivedOn: string;
    summary: Record<string, unknown>;
    by: number | null;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO clb_case (kind, clb_id, school_id, pupil_id, entry_id, received_on, summary, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::int AS id`,
    [c.kind, c.clbId, c.schoolId, c.pupilId, c.entryId, c.receivedOn, JSON.stringify(c.summary), c.by],
  );
  return (rows[0] as { id: number }).id;
}

/** The inbox of some CLBs, newest first; optionally one status, one school, or from a date on. */
export async function clbCasesOf(
  db: Sql,
  clbIds: readonly number[],
  filter: {
    status?: ClbCaseStatus;
    schoolId?: number;
    receivedFrom?: string;
    /** Only cases recorded after this instant (ISO), e.g. the previous e-mail digest. */
    createdAfter?: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: ClbCaseRow[]; total: number }> {
  const where = `c.clb_id = ANY($1::bigint[]) AND ($2::text IS NULL OR c.status = $2)
                 AND ($3::bigint IS NULL OR c.school_id = $3) AND ($4::date IS NULL OR c.received_on >= $4::date)
                 AND ($5::timestamptz IS NULL OR c.created_at > $5::timestamptz)`;
  const values = [
    clbIds,
    filter.status ?? null,
    filter.schoolId ?? null,
    filter.receivedFrom ?? null,
    filter.createdAfter ?? null,
  ];
  const [items, total] = await Promise.all([
    db.query<ClbCaseRow>(`${SELECT} WHERE ${where} ORDER BY c.received_on DESC, c.id DESC LIMIT $6 OFFSET $7`, [
      ...values,
      filter.limit,
      filter.offset,
    ]),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM clb_case c WHERE ${where}`, values),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function findClbCase(db: Sql, id: number): Promise<ClbCaseRow | undefined> {
  const rows = await db.query<ClbCaseRow>(`${SELECT} WHERE c.id = $1`, [id]);
  return rows[0];
}

/** The cases of one pupil, newest first. */
export async function clbCasesOfPupil(db: Sql, pupilId: number): Promise<ClbCaseRow[]> {
  return db.query<ClbCaseRow>(`${SELECT} WHERE c.pupil_id = $1 ORDER BY c.received_on DESC, c.id DESC LIMIT 50`, [
    pupilId,
  ]);
}

/** Moves a case to its next status when its version still matches; undefined when someone changed it first. */
export async function updateClbCaseStatus(
  db: Sql,
  id: number,
  version: number,
  change: {
    status: ClbCaseStatus;
    plan: string | null;
    outcome: ClbCaseOutcome | null;
    outcomeNote: string | null;
    closedOn: string | null;
    by: number | null;
  },
): Promise<{ id: number; version: number; status: ClbCaseStatus } | undefined> {
  const rows = await db.query<{ id: number; version: number; status: ClbCaseStatus }>(
    `UPDATE clb_case SET status = $3, plan = COALESCE($4, plan), outcome = $5, outcome_note = $6, closed_on = $7,
            changed_by = $8, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id::int AS id, version, status`,
    [id, version, change.status, change.plan, change.outcome, change.outcomeNote, change.closedOn, change.by],
  );
  return rows[0];
}

/**
 * Register rows coded `B` of a pupil, dated up to `until`, that are new since a case was closed: dated after the
 * closing date, or recorded (imported, corrected) after the closing moment.
 */
export async function bHalfDaysSince(
  db: Sql,
  pupilId: number,
  closed: { on: string; at: string },
  until: string,
): Promise<{ date: string; half: string }[]> {
  return db.query<{ date: string; half: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, half FROM register_entry
     WHERE pupil_id = $1 AND code = 'B' AND date <= $4::date AND (date > $2::date OR recorded_at > $3::timestamptz)
     ORDER BY date, half`,
    [pupilId, closed.on, closed.at, until],
  );
}

/** What the CLB signal is pre-filled with: register counts per code and the B half-days of a period. */
export async function registerFactsOf(
  db: Sql,
  pupilId: number,
  from: string,
  until: string,
): Promise<{ counts: { code: string; n: number }[]; bHalfDays: { date: string; half: string }[] }> {
  const [counts, bHalfDays] = await Promise.all([
    db.query<{ code: string; n: number }>(
      `SELECT code, count(*)::int AS n FROM register_entry
       WHERE pupil_id = $1 AND date BETWEEN $2::date AND $3::date GROUP BY code ORDER BY code`,
      [pupilId, from, until],
    ),
    db.query<{ date: string; half: string }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, half FROM register_entry
       WHERE pupil_id = $1 AND code = 'B' AND date BETWEEN $2::date AND $3::date ORDER BY date, half`,
      [pupilId, from, until],
    ),
  ]);
  return { counts, bHalfDays };
}

/** The measures in the file the school and the CLB share (levels school and school+clb), oldest first. */
export async function sharedMeasuresOf(db: Sql, pupilId: number): Promise<{ kind: string; occurredOn: string }[]> {
  return db.query<{ kind: string; occurredOn: string }>(
    `SELECT kind, to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn" FROM file_entry
     WHERE pupil_id = $1 AND confidentiality IN ('school', 'school+clb') ORDER BY occurred_on, id LIMIT 200`,
    [pupilId],
  );
}

/** Every signal of the pupil of these rules that holds and is not handled yet (any school year), newest first. */
export async function openSignalsOfRules(
  db: Sql,
  pupilId: number,
  ruleIds: readonly string[],
): Promise<{ id: number; version: number; ruleId: string }[]> {
  return db.query<{ id: number; version: number; ruleId: string }>(
    `SELECT id::int AS id, version, rule_id AS "ruleId" FROM signal
     WHERE pupil_id = $1 AND rule_id = ANY($2::text[]) AND holds AND status <> 'handled'
     ORDER BY triggered_on DESC, id DESC`,
    [pupilId, ruleIds],
  );
}

/** Pupils of a school with an open signal of a rule, by pupil number (the demo picks some to signal). */
export async function pupilsWithOpenSignal(
  db: Sql,
  schoolId: number,
  ruleId: string,
): Promise<{ id: number; externalId: string }[]> {
  return db.query<{ id: number; externalId: string }>(
    `SELECT DISTINCT p.id::int AS id, p.external_id AS "externalId" FROM signal s JOIN pupil p ON p.id = s.pupil_id
     WHERE s.school_id = $1 AND s.rule_id = $2 AND s.holds AND s.status <> 'handled' ORDER BY p.external_id`,
    [schoolId, ruleId],
  );
}
