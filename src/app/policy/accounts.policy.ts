// Accounts and the audit log: a beheerder manages the users and reads the audit of its own organisation.

import { ROLES } from '../../domain/roles.ts';
import { anywhere, ofOwnOrganisation } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const accountsPolicy = {
  'session.read': [allow(ROLES, anywhere)],
  'password.change': [allow(ROLES, anywhere)],
  'user.manage': [allow(['beheerder'], ofOwnOrganisation)],
  'audit.read': [allow(['beheerder'], ofOwnOrganisation)],
} satisfies PolicyTable<string>;
