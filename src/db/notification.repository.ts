// E-mail digests (migration 0027): users' preferences, the recipients of a day's run, the new legal signals a
// digest lists, and the log of what was sent (to whom, what kind, how many items, when; never the content).
import type { Sql } from './database.ts';

export type DigestFrequency = 'daily' | 'weekly' | 'off';
/** Without a stored preference a user gets the daily digest. */
export const DEFAULT_FREQUENCY: DigestFrequency = 'daily';

export interface PreferenceRow {
  frequency: DigestFrequency;
  version: number;
}

export async function preferenceOf(db: Sql, userId: number): Promise<PreferenceRow> {
  const rows = await db.query<PreferenceRow>(
    'SELECT frequency, version FROM notification_preference WHERE user_id = $1',
    [userId],
  );
  return rows[0] ?? { frequency: DEFAULT_FREQUENCY, version: 0 };
}

/** Writes the preference at the version the user saw (0: none stored yet); false when it changed meanwhile. */
export async function writePreference(
  db: Sql,
  userId: number,
  frequency: DigestFrequency,
  version: number,
): Promise<boolean> {
  const rows =
    version === 0
      ? await db.query(
          `INSERT INTO notification_preference (user_id, frequency) VALUES ($1, $2)
           ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
          [userId, frequency],
        )
      : await db.query(
          `UPDATE notification_preference SET frequency = $2, version = version + 1, updated_at = now()
           WHERE user_id = $1 AND version = $3 RETURNING user_id`,
          [userId, frequency, version],
        );
  return rows.length === 1;
}

export interface RecipientRow {
  userId: number;
  email: string;
  displayName: string;
  frequency: DigestFrequency;
  /** When this user's previous digest went out (ISO instant), or null. */
  lastSentAt: string | null;
}

/** Active users with at least one membership, their preference and their previous digest. */
export async function digestRecipients(db: Sql, kind: string): Promise<RecipientRow[]> {
  return db.query<RecipientRow>(
    `SELECT u.id::int AS "userId", u.email, u.display_name AS "displayName",
            COALESCE(np.frequency, $1) AS frequency,
            (SELECT to_char(max(l.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM notification_log l
             WHERE l.user_id = u.id AND l.kind = $2 AND l.outcome = 'sent') AS "lastSentAt"
     FROM app_user u LEFT JOIN notification_preference np ON np.user_id = u.id
     WHERE u.active AND EXISTS (SELECT 1 FROM membership m WHERE m.user_id = u.id)
     ORDER BY u.id`,
    [DEFAULT_FREQUENCY, kind],
  );
}

export async function alreadySent(db: Sql, userId: number, kind: string, day: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM notification_log WHERE user_id = $1 AND kind = $2 AND day = $3 AND outcome = 'sent'`,
    [userId, kind, day],
  );
  return rows.length > 0;
}

export interface NotificationLogInput {
  userId: number;
  recipient: string;
  kind: string;
  day: string;
  itemCount: number;
  outcome: 'sent' | 'failed';
  attempts: number;
  error: string | null;
}

export async function logNotification(db: Sql, entry: NotificationLogInput): Promise<void> {
  await db.query(
    `INSERT INTO notification_log (user_id, recipient, kind, day, item_count, outcome, attempts, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [
      entry.userId,
      entry.recipient,
      entry.kind,
      entry.day,
      entry.itemCount,
      entry.outcome,
      entry.attempts,
      entry.error?.slice(0, 500) ?? null,
    ],
  );
}

export interface NotificationLogRow extends NotificationLogInput {
  at: string;
}

/** The log of one user, newest first (what the preferences page shows). */
export async function notificationLogOf(db: Sql, userId: number, limit: number): Promise<NotificationLogRow[]> {
  return db.query<NotificationLogRow>(
    `SELECT user_id::int AS "userId", recipient, kind, day::text AS day, item_count AS "itemCount", outcome, attempts,
            error, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
     FROM notification_log WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
    [userId, limit],
  );
}

export interface NewSignalRow {
  signalId: number;
  schoolId: number;
  schoolName: string;
  pupilId: number;
  firstName: string;
  lastName: string;
  className: string | null;
  triggeredOn: string;
}

/**
 * Signals of the given rules that hold, are still new (nobody acknowledged or handled them) and were detected after
 * `since` (all of them when null), in the schools given, for one school year.
 */
export async function newSignalsOfRules(
  db: Sql,
  schoolIds: readonly number[],
  ruleIds: readonly string[],
  schoolYear: string,
  since: string | null,
): Promise<NewSignalRow[]> {
  if (schoolIds.length === 0) return [];
  return db.query<NewSignalRow>(
    `SELECT s.id::int AS "signalId", s.school_id::int AS "schoolId", o.name AS "schoolName",
            s.pupil_id::int AS "pupilId", p.first_name AS "firstName", p.last_name AS "lastName",
            e.class_name AS "className", s.triggered_on::text AS "triggeredOn"
     FROM signal s
     JOIN pupil p ON p.id = s.pupil_id
     JOIN organisation o ON o.id = s.school_id
     LEFT JOIN enrolment e ON e.pupil_id = s.pupil_id AND e.school_year = s.school_year AND e.school_id = s.school_id
     WHERE s.school_id = ANY($1::bigint[]) AND s.rule_id = ANY($2::text[]) AND s.school_year = $3
       AND s.holds AND s.status = 'new' AND ($4::timestamptz IS NULL OR s.detected_at > $4::timestamptz)
     ORDER BY s.triggered_on, s.id`,
    [schoolIds, ruleIds, schoolYear, since],
  );
}
