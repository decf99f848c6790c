// Stored self-scans: the scan of a school year, its goal scores, answers, actions and comments (plain SQL).
import { clbSignalledOn } from './clb-signalled.sql.ts';
import type { Sql } from './database.ts';

export interface StoredScan {
  id: number;
  schoolId: number;
  schoolYear: string;
  createdAt: string;
}

export interface StoredGoal {
  goalId: string;
  score: number | null;
  focus: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface StoredAnswer {
  questionId: string;
  answer: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'dropped';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in-progress', 'done', 'dropped'];

export interface StoredAction {
  id: number;
  goalId: string;
  what: string;
  who: string;
  due: string;
  check: string;
  status: ActionStatus;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface StoredComment {
  id: number;
  goalId: string;
  body: string;
  author: string | null;
  authorOrganisationKind: string | null;
  createdAt: string;
}

const TIMESTAMP = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export async function findScan(db: Sql, schoolId: number, schoolYear: string): Promise<StoredScan | undefined> {
  const rows = await db.query<StoredScan>(
    `SELECT id::int AS id, school_id::int AS "schoolId", school_year AS "schoolYear",
            ${TIMESTAMP('created_at')} AS "createdAt"
     FROM selfscan WHERE school_id = $1 AND school_year = $2`,
    [schoolId, schoolYear],
  );
  return rows[0];
}

/** Creates the scan of a school year, or returns the one that exists (two participants may start it at once). */
export async function insertScan(db: Sql, schoolId: number, schoolYear: string, userId: number | null) {
  await db.query(
    `INSERT INTO selfscan (school_id, school_year, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (school_id, school_year) DO NOTHING`,
    [schoolId, schoolYear, userId],
  );
  return (await findScan(db, schoolId, schoolYear)) as StoredScan;
}

export async function scansOfSchool(db: Sql, schoolId: number): Promise<StoredScan[]> {
  return db.query<StoredScan>(
    `SELECT id::int AS id, school_id::int AS "schoolId", school_year AS "schoolYear",
            ${TIMESTAMP('created_at')} AS "createdAt"
     FROM selfscan WHERE school_id = $1 ORDER BY school_year`,
    [schoolId],
  );
}

export async function goalsOfScans(db: Sql, scanIds: readonly number[]) {
  if (scanIds.length === 0) return [];
  return db.query<StoredGoal & { scanId: number }>(
    `SELECT g.selfscan_id::int AS "scanId", g.goal_id AS "goalId", g.score, g.focus, g.version,
            u.display_name AS "updatedBy", ${TIMESTAMP('g.updated_at')} AS "updatedAt"
     FROM selfscan_goal g LEFT JOIN app_user u ON u.id = g.updated_by
     WHERE g.selfscan_id = ANY($1::bigint[])`,
    [scanIds],
  );
}

export async function answersOfScan(db: Sql, scanId: number): Promise<StoredAnswer[]> {
  return db.query<StoredAnswer>(
    `SELECT a.question_id AS "questionId", a.answer, a.version, u.display_name AS "updatedBy",
            ${TIMESTAMP('a.updated_at')} AS "updatedAt"
     FROM selfscan_answer a LEFT JOIN app_user u ON u.id = a.updated_by WHERE a.selfscan_id = $1`,
    [scanId],
  );
}

export async function actionsOfScan(db: Sql, scanId: number): Promise<StoredAction[]> {
  return db.query<StoredAction>(
    `SELECT a.id::int AS id, a.goal_id AS "goalId", a.what, a.who, a.due, a.check_note AS "check", a.status,
            a.version, u.display_name AS "updatedBy", ${TIMESTAMP('a.updated_at')} AS "updatedAt"
     FROM selfscan_action a LEFT JOIN app_user u ON u.id = a.updated_by
     WHERE a.selfscan_id = $1 ORDER BY a.id`,
    [scanId],
  );
}

export async function commentsOfScan(db: Sql, scanId: number): Promise<StoredComment[]> {
  return db.query<StoredComment>(
    `SELECT c.id::int AS id, c.goal_id AS "goalId", c.body, u.display_name AS author,
            (SELECT o.kind FROM membership m JOIN organisation o ON o.id = m.organisation_id
             WHERE m.user_id = c.author_id ORDER BY (o.kind = 'clb') DESC LIMIT 1) AS "authorOrganisationKind",
            ${TIMESTAMP('c.created_at')} AS "createdAt"
     FROM selfscan_comment c LEFT JOIN app_user u ON u.id = c.author_id
     WHERE c.selfscan_id = $1 ORDER BY c.id`,
    [scanId],
  );
}

/** Everyone who changed something in the scan, with the kind of organisation they act for. */
export async function participantsOfScan(db: Sql, scanId: number) {
  return db.query<{ name: string; organisation: string; kind: string }>(
    `SELECT DISTINCT u.display_name AS name, o.name AS organisation, o.kind
     FROM (SELECT updated_by AS user_id FROM selfscan_goal WHERE selfscan_id = $1
           UNION SELECT updated_by FROM selfscan_answer WHERE selfscan_id = $1
           UNION SELECT updated_by FROM selfscan_action WHERE selfscan_id = $1
           UNION SELECT created_by FROM selfscan_action WHERE selfscan_id = $1
           UNION SELECT created_by FROM selfscan WHERE id = $1
           UNION SELECT author_id FROM selfscan_comment WHERE selfscan_id = $1) who
     JOIN app_user u ON u.id = who.user_id
     JOIN membership m ON m.user_id = u.id
     JOIN organisation o ON o.id = m.organisation_id
       AND (o.id = (SELECT school_id FROM selfscan WHERE id = $1)
            OR (o.kind = 'clb' AND EXISTS (SELECT 1 FROM clb_school cs WHERE cs.clb_id = o.id
                  AND cs.school_id = (SELECT school_id FROM selfscan WHERE id = $1))))
     ORDER BY o.kind DESC, name`,
    [scanId],
  );
}

/**
 * Writes a goal's score and focus when the caller saw `expectedVersion` (0: no row yet). Returns the new
 * version, or null when someone else wrote in between.
 */
export async function upsertGoal(
  db: Sql,
  scanId: number,
  goalId: string,
  change: { score: number | null; focus: string; expectedVersion: number; userId: number | null },
): Promise<number | null> {
  if (change.expectedVersion === 0) {
    const rows = await db.query<{ version: number }>(
      `INSERT INTO selfscan_goal (selfscan_id, goal_id, score, focus, version, updated_by)
       VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (selfscan_id, goal_id) DO NOTHING RETURNING version`,
      [scanId, goalId, change.score, change.focus, change.userId],
    );
    return rows[0]?.version ?? null;
  }
  const rows = await db.query<{ version: number }>(
    `UPDATE selfscan_goal SET score = $3, focus = $4, version = version + 1, updated_by = $6, updated_at = now()
     WHERE selfscan_id = $1 AND goal_id = $2 AND version = $5 RETURNING version`,
    [scanId, goalId, change.score, change.focus, change.expectedVersion, change.userId],
  );
  return rows[0]?.version ?? null;
}

export async function currentGoal(db: Sql, scanId: number, goalId: string) {
  const rows = await db.query<{ version: number; score: number | null; focus: string }>(
    'SELECT version, score, focus FROM selfscan_goal WHERE selfscan_id = $1 AND goal_id = $2',
    [scanId, goalId],
  );
  return rows[0] ?? { version: 0, score: null, focus: '' };
}

/** Like upsertGoal, for the answer to one question. */
export async function upsertAnswer(
  db: Sql,
  scanId: number,
  questionId: string,
  change: { answer: string; expectedVersion: number; userId: number | null },
): Promise<number | null> {
  if (change.expectedVersion === 0) {
    const rows = await db.query<{ version: number }>(
      `INSERT INTO selfscan_answer (selfscan_id, question_id, answer, version, updated_by)
       VALUES ($1, $2, $3, 1, $4) ON CONFLICT (selfscan_id, question_id) DO NOTHING RETURNING version`,
      [scanId, questionId, change.answer, change.userId],
    );
    return rows[0]?.version ?? null;
  }
  const rows = await db.query<{ version: number }>(
    `UPDATE selfscan_answer SET answer = $3, version = version + 1, updated_by = $5, updated_at = now()
     WHERE selfscan_id = $1 AND question_id = $2 AND version = $4 RETURNING version`,
    [scanId, questionId, change.answer, change.expectedVersion, change.userId],
  );
  return rows[0]?.version ?? null;
}

export async function currentAnswer(db: Sql, scanId: number, questionId: string) {
  const rows = await db.query<{ version: number; answer: string }>(
    'SELECT version, answer FROM selfscan_answer WHERE selfscan_id = $1 AND question_id = $2',
    [scanId, questionId],
  );
  return rows[0] ?? { version: 0, answer: '' };
}

export interface ActionFields {
  what: string;
  who: string;
  due: string;
  check: string;
  status: ActionStatus;
}

export async function insertAction(
  db: Sql,
  scanId: number,
  goalId: string,
  fields: ActionFields,
  userId: number | null,
): Promise<{ id: number; version: number }> {
  const rows = await db.query<{ id: number; version: number }>(
    `INSERT INTO selfscan_action (selfscan_id, goal_id, what, who, due, check_note, status, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id::int AS id, version`,
    [scanId, goalId, fields.what, fields.who, fields.due, fields.check, fields.status, userId],
  );
  return rows[0] as { id: number; version: number };
}

export async function updateAction(
  db: Sql,
  scanId: number,
  actionId: number,
  fields: ActionFields,
  expectedVersion: number,
  userId: number | null,
): Promise<number | null> {
  const rows = await db.query<{ version: number }>(
    `UPDATE selfscan_action SET what = $3, who = $4, due = $5, check_note = $6, status = $7,
            version = version + 1, updated_by = $9, updated_at = now()
     WHERE selfscan_id = $1 AND id = $2 AND version = $8 RETURNING version`,
    [scanId, actionId, fields.what, fields.who, fields.due, fields.check, fields.status, expectedVersion, userId],
  );
  return rows[0]?.version ?? null;
}

export async function findAction(db: Sql, scanId: number, actionId: number): Promise<StoredAction | undefined> {
  return (await actionsOfScan(db, scanId)).find((a) => a.id === actionId);
}

export async function insertComment(db: Sql, scanId: number, goalId: string, body: string, userId: number | null) {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO selfscan_comment (selfscan_id, goal_id, body, author_id) VALUES ($1, $2, $3, $4)
     RETURNING id::int AS id`,
    [scanId, goalId, body, userId],
  );
  return (rows[0] as { id: number }).id;
}

/** The figures the self-scan shows next to its goals, straight from the register and the signals of one year. */
export async function schoolYearFigures(
  db: Sql,
  schoolId: number,
  year: { id: string; firstDay: string; lastDay: string },
) {
  const [register] = await db.query<{ rows: number; corrections: number }>(
    `SELECT (SELECT count(*)::int FROM register_entry
             WHERE school_id = $1 AND date BETWEEN $2::date AND $3::date) AS rows,
            (SELECT count(*)::int FROM register_history h JOIN pupil p ON p.id = h.pupil_id
             WHERE p.school_id = $1 AND h.date BETWEEN $2::date AND $3::date) AS corrections`,
    [schoolId, year.firstDay, year.lastDay],
  );
  // Signalled to the CLB = the CLB-signal workflow record (clb-signalled.sql.ts), not "signal handled".
  const b5 = await db.query<{ signalled: boolean; days: number | null }>(
    `SELECT signalled_on IS NOT NULL AS signalled,
            CASE WHEN signalled_on IS NULL THEN NULL ELSE GREATEST(0, signalled_on - triggered_on) END AS days
     FROM (SELECT s.triggered_on, ${clbSignalledOn('s')} AS signalled_on FROM signal s
           WHERE s.school_id = $1 AND s.school_year = $2 AND s.rule_id = 'B5_CLB' AND s.holds) b5`,
    [schoolId, year.id],
  );
  const open = await db.query<{ ruleId: string; n: number }>(
    `SELECT rule_id AS "ruleId", count(*)::int AS n FROM signal
     WHERE school_id = $1 AND school_year = $2 AND holds AND status <> 'handled' GROUP BY rule_id`,
    [schoolId, year.id],
  );
  return { register, b5, open };
}
