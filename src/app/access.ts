// Access checks every use case starts with. Deny by default: a user reaches a school only through a
// membership of that school. (Roles, CLB scopes and the full policy table come with the accounts issue.)
import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';

export function canAccessSchool(actor: Actor, schoolId: number): boolean {
  if (actor.kind === 'system') return true;
  return actor.memberships.some((m) => m.kind === 'school' && m.organisationId === schoolId);
}

export function requireSchoolAccess(actor: Actor, schoolId: number): void {
  if (!canAccessSchool(actor, schoolId)) throw forbidden();
}

export function accessibleSchoolIds(actor: Actor): number[] | 'all' {
  if (actor.kind === 'system') return 'all';
  return actor.memberships.filter((m) => m.kind === 'school').map((m) => m.organisationId);
}
