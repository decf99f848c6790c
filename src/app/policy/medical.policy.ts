// The medical track (issue 14): certificates and their doubt route. Certificates are health data: the school's
// administration and care staff record them, the CLB reads them; a class teacher does not. Only the CLB doctor
// records the route's medical steps (seed 003 §2.1: CLB-arts → arts; seed 001 l. 583: with consent).
import { ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

const SCHOOL_STAFF = ['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'] as const;

export const medicalPolicy = {
  'certificate.read': [allow([...SCHOOL_STAFF], ofSchool), allow(['clb-medewerker', 'clb-arts'], servedByClb)],
  'certificate.write': [allow([...SCHOOL_STAFF], ofSchool)],
  'certificate.advise': [allow(['clb-arts'], servedByClb)],
  'exam-period.manage': [allow([...SCHOOL_STAFF], ofSchool)],
  /**
   * Stays in hospital / type 5 / K-dienst, provisions (TOAH, Bednet, School en ziek zijn), informing the parents:
   * the school's care staff and the CLB (seed 000 l. 10–69, seed 001 l. 549, 577–591). Read with certificate.read.
   */
  'sick-pupil.write': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
} satisfies PolicyTable<string>;
