// Notifications and letters (issue 19): a user's own e-mail preferences, letters to parents and their templates.
import { ROLES } from '../../domain/roles.ts';
import { anywhere, ofSchool } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const notificationsPolicy = {
  /** One's own e-mail digest preference (daily, weekly, off) and the log of what was sent to oneself. */
  'notification.preferences': [allow(ROLES, anywhere)],
  /** Generate a letter to a pupil's parents (recorded in the file as a contact with the parents): the school's care. */
  'letter.write': [allow(['leerlingbegeleider', 'zorgcoordinator', 'directie'], ofSchool)],
  /** Edit the school's letter templates: its directie and beheerder. */
  'letter.template': [allow(['directie', 'beheerder'], ofSchool)],
} satisfies PolicyTable<string>;
