// Partial schooling at the school's request (issue 15): the arrangement is part of the care for a pupil, so the
// school's care team and the CLB that serves the school record and read it (docs/security.md).
import { ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const partialSchoolingPolicy = {
  /** Read and record a pupil's partial-schooling arrangements (who asked, why, which half-days, review date). */
  'partial-schooling.manage': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
} satisfies PolicyTable<string>;
