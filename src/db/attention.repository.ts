// The attention list's reads (the signals in scope, the page's details, the 28-day counts, parents unreachable)
// and the follow-up of one signal (issue 20: the SQL of src/app/signals/attention-list.service.ts lives here).
import type { Sql } from './database.ts';

/** What the order needs of every signal. */
export interface RankRow {
  id: number;
  schoolId: number;
  pupilId: number;
  birthDate: string;
  className: string | null;
  ruleId: string;
  triggeredOn: string;
  status: 'new' | 'acknowledged' | 'handled';
}

/** The rest of a signal's item, read for the page only. */
export interface SignalDetail {
  id: number;
  className: string | null;
  version: number;
  schoolName: string;
  externalId: string;
  firstName: string;
  lastName: string;
  explanationNl: string;
  explanationEn: string;
  evidence: unknown;
  handledNote: string | null;
  handledAt: string | null;
}

/** The signals with their pupil, school and enrolment of that school year (one row per enrolment found). */
const SIGNALS_FROM = `FROM signal s
     JOIN pupil p ON p.id = s.pupil_id
     JOIN organisation o ON o.id = s.school_id
     LEFT JOIN enrolment e ON e.pupil_id = s.pupil_id AND e.school_year = s.school_year`;

/** The few columns the order needs, of every holding signal of the schools and year that passes the filters. */
export function signalsToRank(
  db: Sql,
  q: {
    schoolIds: readonly number[];
    schoolYear: string;
    status: 'open' | 'handled' | 'all';
    ruleId: string | null;
    className: string | null;
    pupilId: number | null;
  },
): Promise<RankRow[]> {
  return db.query<RankRow>(
    `SELECT s.id::int AS id, s.school_id::int AS "schoolId", s.pupil_id::int AS "pupilId",
            p.birth_date AS "birthDate", e.class_name AS "className", s.rule_id AS "ruleId",
            s.triggered_on AS "triggeredOn", s.status
     ${SIGNALS_FROM}
     WHERE s.school_id = ANY($1::bigint[]) AND s.school_year = $2 AND s.holds
       AND ($3 = 'all' OR ($3 = 'open' AND s.status <> 'handled') OR ($3 = 'handled' AND s.status = 'handled'))
       AND ($4::text IS NULL OR s.rule_id = $4) AND ($5::text IS NULL OR e.class_name = $5)
       AND ($6::bigint IS NULL OR s.pupil_id = $6)`,
    [q.schoolIds, q.schoolYear, q.status, q.ruleId, q.className, q.pupilId],
  );
}

/** Evidence, sentences, names and version of the given signals (one row per enrolment of the signal's year). */
export function signalDetails(db: Sql, ids: readonly number[]): Promise<SignalDetail[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query<SignalDetail>(
    `SELECT s.id::int AS id, e.class_name AS "className", s.version, o.name AS "schoolName",
            p.external_id AS "externalId", p.first_name AS "firstName", p.last_name AS "lastName",
            s.explanation_nl AS "explanationNl", s.explanation_en AS "explanationEn", s.evidence,
            s.handled_note AS "handledNote",
            to_char(s.handled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "handledAt"
     ${SIGNALS_FROM}
     WHERE s.id = ANY($1::bigint[])`,
    [ids],
  );
}

/** Absent half-days per pupil of the schools in the `days` days up to and including `asOf`. */
export async function recentAbsences(
  db: Sql,
  schoolIds: readonly number[],
  asOf: string,
  days: number,
): Promise<Map<number, number>> {
  const rows = await db.query<{ pupilId: number; n: number }>(
    `SELECT r.pupil_id::int AS "pupilId", count(*)::int AS n
     FROM register_entry r JOIN absence_code c ON c.code = r.code AND c.counts_as_absent
     WHERE r.school_id = ANY($1::bigint[]) AND r.date > ($2::date - $3::int) AND r.date <= $2::date
     GROUP BY r.pupil_id`,
    [schoolIds, asOf, days],
  );
  return new Map(rows.map((r) => [r.pupilId, r.n]));
}

/** Pupils whose latest recorded contact attempt with a parent (up to `asOf`) did not reach them. */
export async function parentsUnreachable(db: Sql, schoolIds: readonly number[], asOf: string): Promise<Set<number>> {
  const rows = await db.query<{ pupilId: number }>(
    `SELECT latest."pupilId" FROM (
       SELECT DISTINCT ON (a.pupil_id) a.pupil_id::int AS "pupilId", a.reached
       FROM file_contact_attempt a JOIN file_person fp ON fp.id = a.person_id
       WHERE fp.school_id = ANY($1::bigint[]) AND fp.relation IN ('parent1', 'parent2', 'plus-parent')
         AND a.attempted_on <= $2::date
       ORDER BY a.pupil_id, a.attempted_on DESC, a.id DESC
     ) latest WHERE NOT latest.reached`,
    [schoolIds, asOf],
  );
  return new Set(rows.map((r) => r.pupilId));
}

export interface SignalState {
  schoolId: number;
  pupilId: number;
  version: number;
  status: string;
  ruleId: string;
  className: string | null;
}

/** A signal's school, pupil, version, status and the pupil's class in the signal's year. */
export async function signalState(db: Sql, signalId: number): Promise<SignalState | undefined> {
  const rows = await db.query<SignalState>(
    `SELECT s.school_id::int AS "schoolId", s.pupil_id::int AS "pupilId", s.version, s.status, s.rule_id AS "ruleId",
            e.class_name AS "className"
     FROM signal s LEFT JOIN enrolment e ON e.pupil_id = s.pupil_id AND e.school_year = s.school_year
     WHERE s.id = $1`,
    [signalId],
  );
  return rows[0];
}

/**
 * Moves a signal to acknowledged (from new) or handled (from new or acknowledged) if it still has `version`, with
 * its lifecycle event; undefined when the version or status no longer matches.
 */
export async function followUp(
  db: Sql,
  signalId: number,
  change: { to: 'acknowledged' | 'handled'; version: number; userId: number | null; note?: string; link?: string },
): Promise<{ id: number; version: number; status: string } | undefined> {
  const updated = await db.query<{ id: number; version: number; status: string }>(
    change.to === 'acknowledged'
      ? `UPDATE signal SET status = 'acknowledged', acknowledged_by = $3, acknowledged_at = now(),
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND status = 'new' RETURNING id::int AS id, version, status`
      : `UPDATE signal SET status = 'handled', handled_by = $3, handled_at = now(), handled_note = $4,
                handled_link = $5, handled_evidence_key = evidence_key, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND status <> 'handled' RETURNING id::int AS id, version, status`,
    change.to === 'acknowledged'
      ? [signalId, change.version, change.userId]
      : [signalId, change.version, change.userId, change.note?.trim() ?? null, change.link ?? null],
  );
  const row = updated[0];
  if (!row) return undefined;
  await db.query(`INSERT INTO signal_event (signal_id, event, actor_id, note) VALUES ($1, $2, $3, $4)`, [
    signalId,
    change.to,
    change.userId,
    change.note ?? null,
  ]);
  return row;
}
