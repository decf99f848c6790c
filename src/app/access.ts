// Access checks every use case starts with; the rules themselves live in ./policy/ (role × action × scope).
export {
  ACTIONS,
  type Access,
  type Action,
  accessFor,
  allowedActions,
  can,
  hasRoleFor,
  organisationsWhere,
  requireAccess,
  schoolsWhere,
} from './policy/policy.ts';
export type { Scope } from './policy/predicates.ts';

import type { Actor } from './actor.ts';
import { can, requireAccess, schoolsWhere } from './policy/policy.ts';

/** @deprecated name your own action: `requireAccess(actor, 'pupil.list', { schoolId })`. */
export function canAccessSchool(actor: Actor, schoolId: number): boolean {
  return can(actor, 'pupil.list', { schoolId });
}

/** @deprecated name your own action: `requireAccess(actor, 'pupil.list', { schoolId })`. */
export function requireSchoolAccess(actor: Actor, schoolId: number): void {
  requireAccess(actor, 'pupil.list', { schoolId });
}

/** @deprecated use `schoolsWhere(actor, action)`. */
export function accessibleSchoolIds(actor: Actor): number[] | 'all' {
  return schoolsWhere(actor, 'school.read');
}
