// Imports and exports of a school's files: the staff who keep the register, never the CLB or a region.
import { ofSchool } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

const registerKeepers = ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'] as const;

export const importsPolicy = {
  /** Import history holds file names and counts only, so the school's beheerder may follow it too. */
  'import.list': [allow([...registerKeepers, 'beheerder'], ofSchool)],
  'import.run': [allow(registerKeepers, ofSchool)],
  'register.export': [allow(registerKeepers, ofSchool)],
} satisfies PolicyTable<string>;
