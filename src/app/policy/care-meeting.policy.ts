// The care meeting (zorgoverleg / cel leerlingenbegeleiding, issue 13): the school's care team and its CLB.
import { ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

const schoolCare = ['leerlingbegeleider', 'zorgcoordinator', 'directie'] as const;
const clb = ['clb-medewerker', 'clb-arts'] as const;

export const careMeetingPolicy = {
  /** The meetings, their agenda and minutes (CLB-confidential notes only for CLB readers). */
  'care-meeting.read': [allow(schoolCare, ofSchool), allow(clb, servedByClb)],
  /** Plan a meeting, record per pupil what was discussed and the decisions (agreements in the pupil files). */
  'care-meeting.manage': [allow(schoolCare, ofSchool), allow(clb, servedByClb)],
} satisfies PolicyTable<string>;
