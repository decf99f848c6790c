// The roles a membership can carry, and the kind of organisation each belongs to.
export const SCHOOL_ROLES = [
  'secretariaat',
  'leerkracht',
  'leerlingbegeleider',
  'zorgcoordinator',
  'directie',
] as const;
export const CLB_ROLES = ['clb-medewerker', 'clb-arts'] as const;
export const REGION_ROLES = ['analist'] as const;
/** A beheerder manages accounts and reads the audit log of its organisation; it can sit in any organisation. */
export const ADMIN_ROLES = ['beheerder'] as const;
/** Staff of a LOP (lokaal overlegplatform): aggregates of its schools' exclusions only (docs/decisions/0037). */
export const LOP_ROLES = ['lop-medewerker'] as const;

export const ROLES = [...SCHOOL_ROLES, ...CLB_ROLES, ...REGION_ROLES, ...ADMIN_ROLES, ...LOP_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The kinds of organisation: a school, a CLB, a region (analysts) or a LOP (lokaal overlegplatform). */
export type OrganisationKind = 'school' | 'clb' | 'region' | 'lop';

/** The organisation kind a role belongs to; beheerder fits every kind. */
export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  if (role === 'beheerder') return true;
  if (kind === 'school') return (SCHOOL_ROLES as readonly string[]).includes(role);
  if (kind === 'clb') return (CLB_ROLES as readonly string[]).includes(role);
  if (kind === 'lop') return (LOP_ROLES as readonly string[]).includes(role);
  return (REGION_ROLES as readonly string[]).includes(role);
}

/** A role held in one organisation, with what it reaches. */
export interface Membership {
  organisationId: number;
  organisationName: string;
  kind: OrganisationKind;
  role: Role;
  /** Classes a class teacher (leerkracht) follows; empty for other roles. */
  classNames: string[];
  /** Schools this membership reaches: the school itself, the schools a CLB serves, a region's or a LOP's schools. */
  schoolIds: number[];
}
