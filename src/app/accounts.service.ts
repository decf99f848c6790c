// Use cases of the account administration: invite users, assign and remove roles, deactivate, reset passwords.

import { grantEvents } from '../db/audit.repository.ts';
import type { Database, Sql } from '../db/database.ts';
import { clearLoginFailuresOfAccount } from '../db/login-throttle.repository.ts';
import { listOrganisations, organisationKind } from '../db/organisation.repository.ts';
import {
  addMembership,
  deleteSessionsOf,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsersOf,
  membershipsOf,
  removeMembership,
  setPassword,
  setUserActive,
} from '../db/user.repository.ts';
import { isRole, type OrganisationKind, type Role, roleFitsOrganisation } from '../domain/roles.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { hashPassword, temporaryPassword } from './auth.service.ts';
import { AppError, invalidInput, notFound } from './errors.ts';
import { can, organisationsWhere, requireAccess } from './policy/policy.ts';

export interface OrganisationChoice {
  id: number;
  name: string;
  kind: OrganisationKind;
}

/** The organisations whose accounts the actor manages (for the admin page). */
export async function manageableOrganisations(db: Sql, actor: Actor): Promise<OrganisationChoice[]> {
  const ids = organisationsWhere(actor, 'user.manage');
  if (ids !== 'all' && ids.length === 0) requireAccess(actor, 'user.manage', { organisationId: -1 });
  return listOrganisations(db, ids);
}

export async function listUsers(db: Sql, actor: Actor, organisationId?: number) {
  if (organisationId !== undefined) {
    requireAccess(actor, 'user.manage', { organisationId });
    return listUsersOf(db, [organisationId]);
  }
  const ids = organisationsWhere(actor, 'user.manage');
  if (ids !== 'all' && ids.length === 0) requireAccess(actor, 'user.manage', { organisationId: -1 });
  return listUsersOf(db, ids);
}

export interface RoleAssignment {
  organisationId: number;
  role: string;
  classNames?: string[];
}

async function checkAssignment(db: Sql, actor: Actor, assignment: RoleAssignment): Promise<Role> {
  requireAccess(actor, 'user.manage', { organisationId: assignment.organisationId });
  const kind = await organisationKind(db, assignment.organisationId);
  if (!kind) throw notFound({ nl: 'Organisatie', en: 'Organisation' });
  if (!isRole(assignment.role) || !roleFitsOrganisation(assignment.role, kind)) {
    throw invalidInput({
      nl: `De rol "${assignment.role}" past niet bij deze organisatie.`,
      en: `The role "${assignment.role}" does not fit this organisation.`,
    });
  }
  if (assignment.role === 'leerkracht' && (assignment.classNames ?? []).length === 0) {
    throw invalidInput({
      nl: 'Kies minstens één klas voor een leerkracht.',
      en: 'Choose at least one class for a teacher.',
    });
  }
  return assignment.role;
}

/** Creates an account with one role and a temporary password, shown once; the user must change it. */
export async function inviteUser(
  db: Database,
  actor: Actor,
  invitation: { email: string; displayName: string } & RoleAssignment,
): Promise<{ userId: number; temporaryPassword: string }> {
  const role = await checkAssignment(db, actor, invitation);
  const email = invitation.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || invitation.displayName.trim() === '') {
    throw invalidInput({ nl: 'Vul een geldig e-mailadres en een naam in.', en: 'Enter a valid email and a name.' });
  }
  if (await findUserByEmail(db, email)) {
    throw new AppError(409, 'conflict', {
      nl: 'Er bestaat al een account met dit e-mailadres: ken die een rol toe.',
      en: 'An account with this email already exists: assign it a role instead.',
    });
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      email,
      displayName: invitation.displayName.trim(),
      passwordHash,
      mustChangePassword: true,
    });
    await addMembership(tx, {
      userId: id,
      organisationId: invitation.organisationId,
      role,
      classNames: classesFor(role, invitation),
    });
    await recordAudit(tx, actor, {
      action: 'user.invite',
      organisationId: invitation.organisationId,
      detail: { userId: id, email, role },
    });
    return id;
  });
  return { userId, temporaryPassword: password };
}

const classesFor = (role: Role, assignment: RoleAssignment) =>
  role === 'leerkracht' ? [...new Set((assignment.classNames ?? []).map((c) => c.trim()).filter(Boolean))] : [];

async function existingUser(db: Sql, userId: number) {
  const user = await findUserById(db, userId);
  if (!user) throw notFound({ nl: 'Gebruiker', en: 'User' });
  return user;
}

/**
 * A user the actor manages: a member of at least one organisation where the actor is beheerder. Accounts of
 * other organisations answer "not found", so their ids and existence do not leak across tenants.
 */
async function managedUser(db: Sql, actor: Actor, userId: number) {
  const user = await existingUser(db, userId);
  if (actor.kind === 'system') return user;
  const memberships = await membershipsOf(db, userId);
  if (!memberships.some((m) => can(actor, 'user.manage', { organisationId: m.organisationId }))) {
    throw notFound({ nl: 'Gebruiker', en: 'User' });
  }
  return user;
}

/**
 * Separation of duties (docs/decisions/0009): nobody grants a role to their own account, so a beheerder cannot
 * make itself clb-arts (or anything else) and read what the role reads. Refused with 403 `self-grant`, which the
 * refusal audit records and the grant history shows.
 */
const selfGrant = (role: string) =>
  new AppError(
    403,
    'self-grant',
    {
      nl: 'U kunt uzelf geen rol toekennen: vraag dit aan een andere beheerder.',
      en: 'You cannot grant a role to yourself: ask another administrator.',
    },
    { role },
  );

export async function assignRole(db: Database, actor: Actor, userId: number, assignment: RoleAssignment) {
  if (actor.kind === 'user' && actor.userId === userId) throw selfGrant(assignment.role);
  const role = await checkAssignment(db, actor, assignment);
  await managedUser(db, actor, userId);
  await db.transaction(async (tx) => {
    await addMembership(tx, {
      userId,
      organisationId: assignment.organisationId,
      role,
      classNames: classesFor(role, assignment),
    });
    await recordAudit(tx, actor, {
      action: 'user.assign-role',
      organisationId: assignment.organisationId,
      detail: { userId, role, classNames: classesFor(role, assignment) },
    });
  });
}

export async function removeRole(db: Database, actor: Actor, userId: number, organisationId: number, role: string) {
  requireAccess(actor, 'user.manage', { organisationId });
  await existingUser(db, userId);
  if (!(await membershipsOf(db, userId)).some((m) => m.organisationId === organisationId)) {
    throw notFound({ nl: 'Gebruiker', en: 'User' });
  }
  await db.transaction(async (tx) => {
    await removeMembership(tx, userId, organisationId, role);
    await recordAudit(tx, actor, { action: 'user.remove-role', organisationId, detail: { userId, role } });
  });
}

/**
 * Deactivating or resetting a whole account touches every organisation it belongs to, so the actor must manage
 * all of them; a beheerder of one school can only remove that school's roles from a shared account.
 */
async function requireWholeAccount(db: Sql, actor: Actor, userId: number): Promise<number | null> {
  await existingUser(db, userId);
  const memberships = await membershipsOf(db, userId);
  if (memberships.length === 0) {
    requireAccess(actor, 'user.manage', { organisationId: -1 }); // only the system manages unattached accounts
    return null;
  }
  for (const m of memberships) requireAccess(actor, 'user.manage', { organisationId: m.organisationId });
  return memberships[0]?.organisationId ?? null;
}

export async function setActive(db: Database, actor: Actor, userId: number, active: boolean) {
  const organisationId = await requireWholeAccount(db, actor, userId);
  if (!active && userId === actor.userId) {
    throw invalidInput({
      nl: 'U kunt uw eigen account niet uitschakelen.',
      en: 'You cannot deactivate your own account.',
    });
  }
  await db.transaction(async (tx) => {
    await setUserActive(tx, userId, active);
    if (!active) await deleteSessionsOf(tx, userId);
    await recordAudit(tx, actor, {
      action: active ? 'user.activate' : 'user.deactivate',
      organisationId,
      detail: { userId },
    });
  });
}

/** Sets a new temporary password (shown once, expiring), ends the user's sessions and lifts any back-off. */
export async function resetPassword(db: Database, actor: Actor, userId: number) {
  const organisationId = await requireWholeAccount(db, actor, userId);
  const user = await existingUser(db, userId);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPassword(tx, userId, passwordHash, true);
    await deleteSessionsOf(tx, userId);
    await clearLoginFailuresOfAccount(tx, user.email.trim().toLowerCase());
    await recordAudit(tx, actor, { action: 'user.password-reset', organisationId, detail: { userId } });
  });
  return { temporaryPassword: password };
}

/** Who granted or removed which role when, in the organisations the actor manages (the admin page's history). */
export async function grantHistory(db: Sql, actor: Actor, query: { organisationId?: number; userId?: number }) {
  if (query.organisationId !== undefined) requireAccess(actor, 'user.manage', { organisationId: query.organisationId });
  const ids = query.organisationId !== undefined ? [query.organisationId] : organisationsWhere(actor, 'user.manage');
  if (ids !== 'all' && ids.length === 0) requireAccess(actor, 'user.manage', { organisationId: -1 });
  return grantEvents(db, { organisationIds: ids, userId: query.userId, limit: 200 });
}
