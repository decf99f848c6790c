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
  /**
   * After a definitive exclusion: record that the pupil is enrolled in another school (ends EXCLUDED_NO_SCHOOL).
   * The school's administration and care staff, and the CLB worker who helps find the new school (seed 004
   * l. 2318–2345); not a class teacher, not the CLB doctor (no medical matter).
   */
  'enrolment.elsewhere': [
    allow(['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker'], servedByClb),
  ],
} satisfies PolicyTable<string>;
