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

export const ROLES = [...SCHOOL_ROLES, ...CLB_ROLES, ...REGION_ROLES, ...ADMIN_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The organisation kind a role belongs to; beheerder fits every kind. */
export function roleFitsOrganisation(role: Role, kind: 'school' | 'clb' | 'region'): boolean {
  if (role === 'beheerder') return true;
  if (kind === 'school') return (SCHOOL_ROLES as readonly string[]).includes(role);
  if (kind === 'clb') return (CLB_ROLES as readonly string[]).includes(role);
  return (REGION_ROLES as readonly string[]).includes(role);
}

/** A role held in one organisation, with what it reaches. */
export interface Membership {
  organisationId: number;
  organisationName: string;
  kind: 'school' | 'clb' | 'region';
  role: Role;
  /** Classes a class teacher (leerkracht) follows; empty for other roles. */
  classNames: string[];
  /** Schools this membership reaches: the school itself, the schools a CLB serves, or a region's schools. */
  schoolIds: number[];
}
