// Use cases for signing in and out: argon2id password hashes, database-backed session tokens that rotate on
// sign-in and expire (absolute and idle), an exponential back-off after repeated wrong passwords (per account
// name and client address, the same for unknown accounts), expiring temporary passwords, and password changes.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../db/database.ts';
import { clearLoginFailures, loginBlockedUntil, recordLoginFailure } from '../db/login-throttle.repository.ts';
import {
  countFailedLogin,
  deleteSession,
  deleteSessionsOf,
  failedLoginsOf,
  findSessionUser,
  findUserByEmail,
  findUserById,
  insertSession,
  membershipsOf,
  resetFailedLogins,
  setPassword,
  type UserRow,
} from '../db/user.repository.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { AppError, invalidInput } from './errors.ts';

/** Sessions expire after a school day's worth of work; users sign in again the next day. */
export const SESSION_HOURS = 12;
/** A session nobody used for this long ends too (a forgotten browser in the staff room). */
export const SESSION_IDLE_MINUTES = 60;
/**
 * Wrong passwords for one account name from one client address before the back-off starts; from then on each
 * further failure doubles the wait, from BACKOFF_FIRST_SECONDS up to BACKOFF_MAX_SECONDS. No hard lock: an
 * attacker's failures never block the owner signing in from another address.
 */
export const FAILURES_BEFORE_BACKOFF = 5;
export const BACKOFF_FIRST_SECONDS = 15;
export const BACKOFF_MAX_SECONDS = 15 * 60;

/** Seconds to wait after the given number of consecutive failures (0: no wait). */
export function backoffSeconds(failures: number): number {
  if (failures < FAILURES_BEFORE_BACKOFF) return 0;
  return Math.min(BACKOFF_FIRST_SECONDS * 2 ** (failures - FAILURES_BEFORE_BACKOFF), BACKOFF_MAX_SECONDS);
}
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

/** The same answer whether the account exists or not (the back-off is kept per typed name, known or not). */
const loginThrottled = (until: Date) =>
  new AppError(
    429,
    'login-throttled',
    {
      nl: 'Te veel mislukte aanmeldingen: wacht even en probeer het daarna opnieuw.',
      en: 'Too many failed sign-ins: wait a moment, then try again.',
    },
    { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) },
  );

const temporaryPasswordExpired = () =>
  new AppError(401, 'temporary-password-expired', {
    nl: 'Uw tijdelijk wachtwoord is verlopen. Vraag de beheerder om een nieuw.',
    en: 'Your temporary password has expired. Ask your administrator for a new one.',
  });

const anonymous = (origin: string, label: string): Actor => ({
  kind: 'user',
  userId: null,
  label,
  memberships: [],
  origin,
});

/** Hashes and discards: the cost of a real check for a name without a usable password. Always false. */
async function spendHashTime(password: string): Promise<false> {
  await hashPassword(password);
  return false;
}

/** The typed account name as the back-off knows it: the same key for known and unknown accounts. */
const accountKeyOf = (email: string) => email.trim().toLowerCase();

export interface LoginResult {
  token: string;
  user: UserRow;
  expiresAt: Date;
  /** Wrong passwords typed for this account since its last successful sign-in (shown to the user once). */
  failedLoginsSinceLastSignIn: number;
}

export async function login(
  db: Database,
  email: string,
  password: string,
  origin = 'login',
  clientAddress = 'local',
): Promise<LoginResult> {
  const accountKey = accountKeyOf(email);
  // Checked before the account is looked up, so known and unknown names take the same path and answer alike.
  const blockedUntil = await loginBlockedUntil(db, accountKey, clientAddress);
  if (blockedUntil) throw loginThrottled(blockedUntil);
  const user = await findUserByEmail(db, email.trim());
  const usable = user?.active && user.passwordHash ? user : undefined;
  // An unknown account spends the same argon2 time as a real check, so timing does not reveal which exist.
  const valid = usable?.passwordHash ? await verify(usable.passwordHash, password) : await spendHashTime(password);
  if (!usable || !valid) {
    await recordFailure(db, { accountKey, clientAddress, origin, user: usable });
    throw invalidLogin();
  }
  if (usable.mustChangePassword && usable.passwordExpiresAt && new Date(usable.passwordExpiresAt) <= new Date()) {
    await recordAudit(
      db,
      { ...anonymous(origin, usable.email), userId: usable.id },
      {
        action: 'auth.temporary-password-expired',
        organisationId: null,
      },
    );
    throw temporaryPasswordExpired();
  }
  await clearLoginFailures(db, accountKey, clientAddress);
  const failedLoginsSinceLastSignIn = await failedLoginsOf(db, usable.id);
  const session = await startSession(
    db,
    usable,
    origin,
    failedLoginsSinceLastSignIn > 0 ? { failedLoginsSinceLastSignIn } : {},
  );
  return { ...session, failedLoginsSinceLastSignIn };
}

/**
 * Counts a failed sign-in for the back-off and audits it: for a known account under each of its organisations,
 * so their beheerders see it; for an unknown name as one system-level row (no organisation).
 */
async function recordFailure(
  db: Database,
  failure: { accountKey: string; clientAddress: string; origin: string; user: UserRow | undefined },
): Promise<void> {
  const { accountKey, clientAddress, origin, user } = failure;
  const counted = await recordLoginFailure(db, accountKey, clientAddress, backoffSeconds);
  const detail = { failures: counted.failures, clientAddress };
  const entries: { action: string; detail: Record<string, unknown> }[] = [{ action: 'auth.login-failed', detail }];
  if (counted.blockedUntil) {
    entries.push({ action: 'auth.backoff', detail: { ...detail, blockedUntil: counted.blockedUntil.toISOString() } });
  }
  if (!user) {
    const actor = anonymous(origin, accountKey.slice(0, 320));
    for (const entry of entries)
      await recordAudit(db, actor, {
        ...entry,
        organisationId: null,
        detail: { ...entry.detail, unknownAccount: true },
      });
    return;
  }
  await countFailedLogin(db, user.id);
  const actor = { ...anonymous(origin, user.email), userId: user.id };
  const organisations = [...new Set((await membershipsOf(db, user.id)).map((m) => m.organisationId))];
  for (const organisationId of organisations.length > 0 ? organisations : [null])
    for (const entry of entries) await recordAudit(db, actor, { ...entry, organisationId });
}

/** Opens a new session for an authenticated user (password or single sign-on). */
export async function startSession(
  db: Database,
  user: UserRow,
  origin: string,
  detail: Record<string, unknown> = {},
): Promise<Omit<LoginResult, 'failedLoginsSinceLastSignIn'>> {
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

/** The memberships of a user who just signed in, for the sign-in answer. */
export function membershipsOfUser(db: Database, userId: number) {
  return membershipsOf(db, userId);
}

export async function logout(db: Database, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

export type SessionActor = Actor & { user: UserRow };

/** The acting user of a session token, or null when the token is unknown, expired, idle or the user inactive. */
export async function actorForSession(db: Database, token: string): Promise<SessionActor | null> {
  const found = await findSessionUser(db, hashToken(token), SESSION_IDLE_MINUTES);
  if (!found) return null;
  return {
    kind: 'user',
    userId: found.user.id,
    label: found.user.email,
    memberships: found.memberships,
    user: found.user,
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
