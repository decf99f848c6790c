// The monitor: a school's own dashboard and thuiszitters, a CLB's dashboard across its schools, and the region
// dashboard for analysts (aggregates only, with small-cell suppression; docs/monitor.md).
import { ofOwnOrganisation, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const monitorPolicy = {
  /** A school's dashboard (aggregates of its own pupils, unsuppressed) and its CSV. */
  'monitor.school': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
  /** Thuiszitters: named pupils, so the people who follow pupils up. */
  'monitor.thuiszitters': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
  /** The CLB dashboard across the schools the CLB serves (suppressed), for the CLB's own staff. */
  'monitor.clb': [allow(['clb-medewerker', 'clb-arts'], ofOwnOrganisation)],
  /** The region dashboard: aggregates only, suppressed, for the region's analysts. */
  'monitor.region': [allow(['analist'], ofOwnOrganisation)],
} satisfies PolicyTable<string>;
