// Pupil-level data: the school's pupil list and one pupil's year. Analists never get pupil-level data.
import { ofOwnClasses, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable, type Rule } from './rule.ts';

const pupilReaders: readonly Rule[] = [
  allow(['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
  allow(['leerkracht'], ofOwnClasses),
  allow(['clb-medewerker', 'clb-arts'], servedByClb),
];

export const pupilsPolicy = {
  'pupil.list': pupilReaders,
  'pupil.read': pupilReaders,
} satisfies PolicyTable<string>;
