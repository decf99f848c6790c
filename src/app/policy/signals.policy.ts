// Signals (knipperlichten) and the attention list: who sees them and who acknowledges or handles them.
import { ofOwnClasses, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const signalsPolicy = {
  /** The attention list and a pupil's signals: the same people who may read the pupil. */
  'signal.list': [
    allow(['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['leerkracht'], ofOwnClasses),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
  /**
   * Acknowledge or handle: the people who follow up (not the secretariat); a class teacher only for pupils of its
   * own classes and only the signals addressed to the class teacher (catalog `addressedTo`, checked per rule).
   */
  'signal.follow-up': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['leerkracht'], ofOwnClasses),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
  /** Follow up any signal, whoever it is addressed to: the care team and the CLB. */
  'signal.follow-up-any': [
    allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
} satisfies PolicyTable<string>;
