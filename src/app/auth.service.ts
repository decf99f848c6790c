// Use cases for signing in and out: argon2id password hashes, database-backed session tokens that rotate on
// sign-in and expire (absolute and idle), a lockout after repeated wrong passwords, and password changes.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../db/database.ts';
import {
  deleteSession,
  deleteSessionsOf,
  findSessionUser,
  findUserByEmail,
  findUserById,
  insertSession,
  lockedUntilOf,
  membershipsOf,
  recordFailedLogin,
  resetFailedLogins,
  setPassword,
  touchSession,
  type UserRow,
} from '../db/user.repository.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { AppError, invalidInput } from './errors.ts';

/** Sessions expire after a school day's worth of work; users sign in again the next day. */
export const SESSION_HOURS = 12;
/** A session nobody used for this long ends too (a forgotten browser in the staff room). */
export const SESSION_IDLE_MINUTES = 60;
/** Wrong passwords in a row before the account locks, and for how long. */
export const LOCK_AFTER_FAILURES = 20;
export const LOCK_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 12;

// Algorithm 2 = argon2id; parameters are the OWASP-recommended minimum (19 MiB, 2 iterations).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The CSRF token of a session (double submit): derived from the secret session token, so only its holder knows it. */
export const csrfTokenFor = (sessionToken: string) =>
  createHash('sha256').update(`aanwezig-csrf:${sessionToken}`).digest('base64url');

const invalidLogin = () =>
  new AppError(401, 'invalid-login', {
    nl: 'Onbekend e-mailadres of verkeerd wachtwoord.',
    en: 'Unknown email address or wrong password.',
  });

const accountLocked = (until: Date) =>
  new AppError(
    429,
    'account-locked',
    {
      nl: 'Te veel verkeerde wachtwoorden: deze account is tijdelijk geblokkeerd. Probeer het later opnieuw.',
      en: 'Too many wrong passwords: this account is temporarily locked. Try again later.',
    },
    { lockedUntil: until.toISOString() },
  );

const anonymous = (origin: string, label: string): Actor => ({
  kind: 'user',
  userId: null,
  label,
  memberships: [],
  origin,
});

export async function login(
  db: Database,
  email: string,
  password: string,
  origin = 'login',
): Promise<{ token: string; user: UserRow; expiresAt: Date }> {
  const user = await findUserByEmail(db, email.trim());
  if (!user?.active || !user.passwordHash) {
    // Spend the same time as a real check so response times do not reveal which emails exist.
    await hashPassword(password);
    throw invalidLogin();
  }
  const lockedUntil = await lockedUntilOf(db, user.id);
  if (lockedUntil) {
    await hashPassword(password);
    throw accountLocked(lockedUntil);
  }
  if (!(await verify(user.passwordHash, password))) {
    const failure = await recordFailedLogin(
      db,
      user.id,
      LOCK_AFTER_FAILURES,
      new Date(Date.now() + LOCK_MINUTES * 60_000),
    );
    const actor = { ...anonymous(origin, user.email), userId: user.id };
    await recordAudit(db, actor, {
      action: failure.locked ? 'auth.locked' : 'auth.login-failed',
      organisationId: null,
      detail: { failedLogins: failure.failedLogins },
    });
    throw invalidLogin();
  }
  return startSession(db, user, origin);
}

/** Opens a new session for an authenticated user (password or single sign-on). */
export async function startSession(
  db: Database,
  user: UserRow,
  origin: string,
  detail: Record<string, unknown> = {},
): Promise<{ token: string; user: UserRow; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await db.transaction(async (tx) => {
    await resetFailedLogins(tx, user.id);
    // Rotation: a sign-in ends the user's earlier sessions, so a planted or stolen token dies with it.
    await deleteSessionsOf(tx, user.id);
    await insertSession(tx, hashToken(token), user.id, expiresAt);
    await recordAudit(
      tx,
      { ...anonymous(origin, user.email), userId: user.id },
      { action: 'auth.login', organisationId: null, detail },
    );
  });
  return { token, user, expiresAt };
}

export async function logout(db: Database, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

export type SessionActor = Actor & { user: UserRow };

/** The acting user of a session token, or null when the token is unknown, expired, idle or the user inactive. */
export async function actorForSession(db: Database, token: string): Promise<SessionActor | null> {
  const tokenHash = hashToken(token);
  const user = await findSessionUser(db, tokenHash, SESSION_IDLE_MINUTES);
  if (!user) return null;
  await touchSession(db, tokenHash);
  return {
    kind: 'user',
    userId: user.id,
    label: user.email,
    memberships: await membershipsOf(db, user.id),
    user,
  };
}

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024) {
    throw invalidInput({
      nl: `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`,
      en: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
    });
  }
}

/** A signed-in user changes their own password (required after an invitation or a reset). */
export async function changeOwnPassword(db: Database, actor: Actor, current: string, next: string): Promise<void> {
  const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
  // 400, not 401: a wrong current password must not look like an ended session to the web client.
  if (!user?.passwordHash || !(await verify(user.passwordHash, current))) {
    throw invalidInput({ nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is wrong.' });
  }
  checkPasswordStrength(next);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, false);
    await recordAudit(tx, actor, { action: 'auth.password-changed', organisationId: null });
  });
}

/** A temporary password that is easy to type over from a screen: 4 groups of 4 letters and digits. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let text = '';
  for (let i = 0; i < 16; i++) text += alphabet[randomInt(alphabet.length)];
  return text.replace(/(.{4})(?!$)/g, '$1-');
}
