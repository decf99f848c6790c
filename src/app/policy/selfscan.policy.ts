// The school's self-scan (preventieplan): the school's care team and its CLB fill it in together; the rest of the
// school and the region read it (it holds no pupil data, only policy and school-level figures).
import { inRegion, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const selfscanPolicy = {
  /** Read a school's self-scans, their charts and exports. */
  'selfscan.read': [
    allow(['secretariaat', 'leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
    allow(['analist'], inRegion),
  ],
  /** Start a year's scan, score goals, answer questions, plan actions and comment. */
  'selfscan.edit': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
} satisfies PolicyTable<string>;
