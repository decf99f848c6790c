// The CLB inbox: the CLB's own staff read what its schools sent and move it along; schools see the status in the
// pupil file (file.read).
import { ofOwnOrganisation } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

const clb = ['clb-medewerker', 'clb-arts'] as const;

export const clbInboxPolicy = {
  /** The inbox of the member's own CLB: every CLB signal and referral of the schools it serves. */
  'clb-inbox.read': [allow(clb, ofOwnOrganisation)],
  /** received → in behandeling (plan van aanpak) → afgesloten (outcome): CLB roles of that CLB only. */
  'clb-inbox.manage': [allow(clb, ofOwnOrganisation)],
} satisfies PolicyTable<string>;
