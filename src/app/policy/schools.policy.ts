// Schools: who sees that a school exists (name, school years) and the shared code list.

import { ROLES, SCHOOL_ROLES } from '../../domain/roles.ts';
import { anywhere, inRegion, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const schoolsPolicy = {
  /** The list itself is open to everyone signed in; it shows only the schools `school.read` reaches. */
  'school.list': [allow(ROLES, anywhere)],
  'school.read': [
    allow([...SCHOOL_ROLES, 'beheerder'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
    allow(['analist'], inRegion),
  ],
  'absence-code.read': [allow(ROLES, anywhere)],
} satisfies PolicyTable<string>;
