// Users, memberships and database sessions.
import type { Membership } from '../app/actor.ts';
import type { Sql } from './database.ts';

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: 'nl-BE' | 'en';
  active: boolean;
}

const USER_COLUMNS = `id::int AS id, email, display_name AS "displayName", password_hash AS "passwordHash", locale, active`;

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
  user: { email: string; displayName: string; passwordHash: string; locale?: 'nl-BE' | 'en' },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO app_user (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4) RETURNING id::int AS id`,
    [user.email, user.displayName, user.passwordHash, user.locale ?? 'nl-BE'],
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

export async function membershipsOf(db: Sql, userId: number): Promise<Membership[]> {
  return db.query<Membership>(
    `SELECT m.organisation_id::int AS "organisationId", o.name AS "organisationName", o.kind, m.role,
            m.class_names AS "classNames"
     FROM membership m JOIN organisation o ON o.id = m.organisation_id
     WHERE m.user_id = $1 ORDER BY o.name, m.role`,
    [userId],
  );
}

export async function insertSession(db: Sql, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt.toISOString(),
  ]);
}

export async function findSessionUser(db: Sql, tokenHash: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(
    `SELECT u.id::int AS id, u.email, u.display_name AS "displayName", NULL AS "passwordHash", u.locale, u.active
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [tokenHash],
  );
  return rows[0];
}

export async function deleteSession(db: Sql, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}
