// Who is acting: a signed-in user (with memberships) or the system itself (CLI, demo seeding, jobs).
export interface Membership {
  organisationId: number;
  organisationName: string;
  kind: 'school' | 'clb' | 'region';
  role: string;
  classNames: string[];
}

export interface Actor {
  kind: 'user' | 'system';
  userId: number | null;
  label: string;
  memberships: Membership[];
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, label: 'system', memberships: [] };
