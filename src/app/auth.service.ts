// Use cases for signing in and out: argon2id password hashes and database-backed session tokens.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../db/database.ts';
import {
  deleteSession,
  findSessionUser,
  findUserByEmail,
  insertSession,
  membershipsOf,
  type UserRow,
} from '../db/user.repository.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

/** Sessions expire after a school day's worth of work; users sign in again the next day. */
export const SESSION_HOURS = 12;

// Algorithm 2 = argon2id; parameters are the OWASP-recommended minimum (19 MiB, 2 iterations).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidLogin = () =>
  new AppError(401, 'invalid-login', {
    nl: 'Onbekend e-mailadres of verkeerd wachtwoord.',
    en: 'Unknown email address or wrong password.',
  });

export async function login(
  db: Database,
  email: string,
  password: string,
): Promise<{ token: string; user: UserRow; expiresAt: Date }> {
  const user = await findUserByEmail(db, email.trim());
  if (!user?.active || !user.passwordHash) {
    // Spend the same time as a real check so response times do not reveal which emails exist.
    await hashPassword(password);
    throw invalidLogin();
  }
  if (!(await verify(user.passwordHash, password))) throw invalidLogin();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await insertSession(db, hashToken(token), user.id, expiresAt);
  return { token, user, expiresAt };
}

export async function logout(db: Database, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** The acting user of a session token, or null when the token is unknown, expired or the user inactive. */
export async function actorForSession(db: Database, token: string): Promise<(Actor & { user: UserRow }) | null> {
  const user = await findSessionUser(db, hashToken(token));
  if (!user) return null;
  return {
    kind: 'user',
    userId: user.id,
    label: user.email,
    memberships: await membershipsOf(db, user.id),
    user,
  };
}
