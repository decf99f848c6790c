// The shape of a policy file: per action, which roles may act and under which condition.

import type { Role } from '../../domain/roles.ts';
import type { Predicate } from './predicates.ts';

export interface Rule {
  roles: readonly Role[];
  when: Predicate;
}

export type PolicyTable<A extends string> = Record<A, readonly Rule[]>;

/** `allow(['directie', 'secretariaat'], ofSchool)` reads as "directie and secretariaat, of the school". */
export const allow = (roles: readonly Role[], when: Predicate): Rule => ({ roles, when });
