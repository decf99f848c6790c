// The small named conditions policy rules are built from: does this membership reach the thing acted on?
import type { Membership } from '../../domain/roles.ts';

/** What an action touches: a school's data, a pupil's classes (this school year), or an organisation. */
export interface Scope {
  schoolId?: number;
  /** The classes of the pupil concerned; leave out for school-wide actions (the reach is then the class list). */
  classNames?: readonly string[];
  organisationId?: number;
}

/** false: not reached; 'all': reached whole; string[]: reached only for these classes (a class teacher). */
export type Reach = false | 'all' | readonly string[];

export type Predicate = (membership: Membership, scope: Scope) => Reach;

/** Actions that need no scope at all (who am I, the code list, the list of my schools). */
export const anywhere: Predicate = () => 'all';

/** A member of the school itself. */
export const ofSchool: Predicate = (m, scope) =>
  m.kind === 'school' && scope.schoolId !== undefined && m.organisationId === scope.schoolId ? 'all' : false;

/** A member of a CLB that serves the school (clb_school). */
export const servedByClb: Predicate = (m, scope) =>
  m.kind === 'clb' && scope.schoolId !== undefined && m.schoolIds.includes(scope.schoolId) ? 'all' : false;

/** A member of a region the school belongs to (region_school). */
export const inRegion: Predicate = (m, scope) =>
  m.kind === 'region' && scope.schoolId !== undefined && m.schoolIds.includes(scope.schoolId) ? 'all' : false;

/** A class teacher of the school: only pupils of the teacher's own classes. */
export const ofOwnClasses: Predicate = (m, scope) => {
  if (ofSchool(m, scope) === false) return false;
  if (scope.classNames === undefined) return m.classNames;
  return scope.classNames.some((name) => m.classNames.includes(name)) ? 'all' : false;
};

/** A member of exactly this organisation (accounts and audit of a school, a CLB or a region). */
export const ofOwnOrganisation: Predicate = (m, scope) => {
  const organisationId = scope.organisationId ?? scope.schoolId;
  return organisationId !== undefined && m.organisationId === organisationId ? 'all' : false;
};
