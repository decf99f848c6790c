// Users, memberships and database sessions.
import type { Membership } from '../domain/roles.ts';
import type { Sql } from './database.ts';
import { prepared } from './prepared.ts';

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: 'nl-BE' | 'en';
  active: boolean;
  mustChangePassword?: boolean;
  /** When a temporary password (invitation, reset) stops working; null for a password the user chose. */
  passwordExpiresAt?: Date | string | null;
}

const USER_COLUMNS = `id::int AS id, email, display_name AS "displayName", password_hash AS "passwordHash", locale, active,
  must_change_password AS "mustChangePassword", password_expires_at AS "passwordExpiresAt"`;

/** A temporary password expires after `auth.temporary_password_days` (migration 0013; 7 when unset). */
const TEMPORARY_PASSWORD_EXPIRY = `now() + make_interval(days => coalesce(
  (SELECT value::int FROM app_setting WHERE key = 'auth.temporary_password_days'), 7))`;

export async function findUserByEmail(db: Sql, email: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE lower(email) = lower($1)`, [email]);
  return rows[0];
}

export async function findUserById(db: Sql, id: number): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id]);
  return rows[0];
}

export async function insertUser(
  db: Sql,
  user: {
    email: string;
    displayName: string;
    passwordHash: string;
    locale?: 'nl-BE' | 'en';
    mustChangePassword?: boolean;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO app_user (email, display_name, password_hash, locale, must_change_password, password_expires_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 THEN ${TEMPORARY_PASSWORD_EXPIRY} END) RETURNING id::int AS id`,
    [user.email, user.displayName, user.passwordHash, user.locale ?? 'nl-BE', user.mustChangePassword ?? false],
  );
  return (rows[0] as { id: number }).id;
}

export async function addMembership(
  db: Sql,
  membership: { userId: number; organisationId: number; role: string; classNames?: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO membership (user_id, organisation_id, role, class_names) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, organisation_id, role) DO UPDATE SET class_names = EXCLUDED.class_names`,
    [membership.userId, membership.organisationId, membership.role, membership.classNames ?? []],
  );
}

/** The schools a membership reaches (`m` membership, `o` its organisation): itself, a CLB's or a region's schools. */
const SCHOOLS_REACHED = `CASE o.kind
              WHEN 'school' THEN ARRAY[o.id::int]
              WHEN 'clb' THEN ARRAY(SELECT school_id::int FROM clb_school WHERE clb_id = o.id ORDER BY 1)
              WHEN 'lop' THEN ARRAY(SELECT school_id::int FROM lop_school WHERE lop_id = o.id ORDER BY 1)
              ELSE ARRAY(SELECT school_id::int FROM region_school WHERE region_id = o.id ORDER BY 1)
            END`;

/** A user's memberships with the schools each reaches: the school itself, a CLB's or a region's schools. */
export async function membershipsOf(db: Sql, userId: number): Promise<Membership[]> {
  return db.query<Membership>(
    `SELECT m.organisation_id::int AS "organisationId", o.name AS "organisationName", o.kind, m.role,
            m.class_names AS "classNames", ${SCHOOLS_REACHED} AS "schoolIds"
     FROM membership m JOIN organisation o ON o.id = m.organisation_id
     WHERE m.user_id = $1 ORDER BY o.name, m.role`,
    [userId],
  );
}

export async function removeMembership(db: Sql, userId: number, organisationId: number, role: string): Promise<void> {
  await db.query('DELETE FROM membership WHERE user_id = $1 AND organisation_id = $2 AND role = $3', [
    userId,
    organisationId,
    role,
  ]);
}

export interface UserListItem {
  id: number;
  email: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  memberships: { organisationId: number; organisationName: string; role: string; classNames: string[] }[];
}

/** Users with at least one membership in the given organisations, with those memberships only. */
export async function listUsersOf(db: Sql, organisationIds: number[] | 'all'): Promise<UserListItem[]> {
  return db.query<UserListItem>(
    `SELECT u.id::int AS id, u.email, u.display_name AS "displayName", u.active, u.locked_until AS "lockedUntil",
            coalesce(jsonb_agg(jsonb_build_object('organisationId', m.organisation_id::int, 'organisationName', o.name,
              'role', m.role, 'classNames', m.class_names) ORDER BY o.name, m.role)
              FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
     FROM app_user u
     LEFT JOIN membership m ON m.user_id = u.id AND ($1::bigint[] IS NULL OR m.organisation_id = ANY($1::bigint[]))
     LEFT JOIN organisation o ON o.id = m.organisation_id
     GROUP BY u.id
     HAVING $1::bigint[] IS NULL OR count(m.id) > 0
     ORDER BY lower(u.display_name), u.id`,
    [organisationIds === 'all' ? null : organisationIds],
  );
}

export async function setUserActive(db: Sql, userId: number, active: boolean): Promise<void> {
  await db.query('UPDATE app_user SET active = $2 WHERE id = $1', [userId, active]);
}

export async function setPassword(db: Sql, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.query(
    `UPDATE app_user SET password_hash = $2, must_change_password = $3, failed_logins = 0, locked_until = NULL,
       password_expires_at = CASE WHEN $3 THEN ${TEMPORARY_PASSWORD_EXPIRY} END
     WHERE id = $1`,
    [userId, passwordHash, mustChange],
  );
}

/** Counts a wrong password for the notice at the next successful sign-in; returns the count so far. */
export async function countFailedLogin(db: Sql, userId: number): Promise<number> {
  const rows = await db.query<{ failedLogins: number }>(
    'UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins AS "failedLogins"',
    [userId],
  );
  return rows[0]?.failedLogins ?? 0;
}

/** Wrong passwords since the user's last successful sign-in. */
export async function failedLoginsOf(db: Sql, userId: number): Promise<number> {
  const rows = await db.query<{ failedLogins: number }>(
    'SELECT failed_logins AS "failedLogins" FROM app_user WHERE id = $1',
    [userId],
  );
  return rows[0]?.failedLogins ?? 0;
}

export async function resetFailedLogins(db: Sql, userId: number): Promise<void> {
  await db.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND failed_logins > 0', [
    userId,
  ]);
}

/** Ends every session of a user: on sign-in (rotation), password reset and deactivation. */
export async function deleteSessionsOf(db: Sql, userId: number): Promise<void> {
  await db.query('DELETE FROM user_session WHERE user_id = $1', [userId]);
}

export async function insertSession(db: Sql, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt.toISOString(),
  ]);
}

const SESSION_USER = prepared(
  `WITH live AS (
     SELECT s.token_hash, s.user_id, s.last_seen_at FROM user_session s
     WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
   ), touched AS (
     UPDATE user_session t SET last_seen_at = now() FROM live
     WHERE t.token_hash = live.token_hash AND live.last_seen_at < now() - interval '1 minute'
   )
   SELECT u.id::int AS id, u.email, u.display_name AS "displayName", NULL AS "passwordHash", u.locale, u.active,
          u.must_change_password AS "mustChangePassword",
          coalesce((SELECT json_agg(json_build_object('organisationId', m.organisation_id::int,
                      'organisationName', o.name, 'kind', o.kind, 'role', m.role, 'classNames', m.class_names,
                      'schoolIds', ${SCHOOLS_REACHED}) ORDER BY o.name, m.role)
                    FROM membership m JOIN organisation o ON o.id = m.organisation_id
                    WHERE m.user_id = u.id), '[]') AS memberships
   FROM live JOIN app_user u ON u.id = live.user_id
   WHERE u.active`,
);

/**
 * The user of a live session (not past its absolute expiry, not idle longer than `idleMinutes`, user active) with
 * their memberships, in one statement: it runs on every request (issue 16). The same statement marks the session
 * as used, at most once a minute, so reads do not turn into a write (and a commit) per request.
 */
export async function findSessionUser(
  db: Sql,
  tokenHash: string,
  idleMinutes: number,
): Promise<{ user: UserRow; memberships: Membership[] } | undefined> {
  const rows = await db.query<UserRow & { memberships: Membership[] | string }>(SESSION_USER, [tokenHash, idleMinutes]);
  const row = rows[0];
  if (!row) return undefined;
  const { memberships, ...user } = row;
  return { user, memberships: typeof memberships === 'string' ? JSON.parse(memberships) : memberships };
}

export async function deleteSession(db: Sql, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

/** Removes a temporary password that was never changed (the account signs in through single sign-on instead). */
export async function dropTemporaryPassword(db: Sql, userId: number): Promise<void> {
  await db.query(
    `UPDATE app_user SET password_hash = NULL, must_change_password = false, password_expires_at = NULL
     WHERE id = $1 AND must_change_password`,
    [userId],
  );
}
