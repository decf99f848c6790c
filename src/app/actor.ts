// Who is acting: a signed-in user (with memberships) or the system itself (CLI, demo seeding, jobs).
import type { Membership } from '../domain/roles.ts';

export interface Actor {
  kind: 'user' | 'system';
  userId: number | null;
  label: string;
  memberships: Membership[];
  /** Where the action comes from, for the audit log: `GET /api/pupils/:pupilId`, `cli: export register`. */
  origin?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, label: 'system', memberships: [], origin: 'system' };
