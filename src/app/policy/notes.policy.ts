// Notes on a pupil and consents: who may use the notes at all, and which confidentiality levels each role reads.

import type { Role } from '../../domain/roles.ts';
import { ofOwnClasses, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

export const CONFIDENTIALITY_LEVELS = ['school', 'school+clb', 'clb', 'clb-arts'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

const schoolCare = ['leerlingbegeleider', 'zorgcoordinator', 'directie'] as const;

export const notesPolicy = {
  'note.list': [
    allow(schoolCare, ofSchool),
    allow(['leerkracht'], ofOwnClasses),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
  'note.write': [
    allow(schoolCare, ofSchool),
    allow(['leerkracht'], ofOwnClasses),
    allow(['clb-medewerker', 'clb-arts'], servedByClb),
  ],
  /** The CLB doctor records the consent (of pupil or parents) that lets a medical note be shared. */
  'consent.manage': [allow(['clb-arts'], servedByClb)],
} satisfies PolicyTable<string>;

/** Who reads a note of each level without a consent. A clb-arts note reaches others only through a consent. */
export const NOTE_READERS: Record<Confidentiality, readonly Role[]> = {
  school: ['leerkracht', ...schoolCare],
  'school+clb': ['leerkracht', ...schoolCare, 'clb-medewerker', 'clb-arts'],
  clb: ['clb-medewerker', 'clb-arts'],
  'clb-arts': ['clb-arts'],
};

/** Roles a clb-arts note may be shared with by consent (never the secretariat, a beheerder or an analist). */
export const CONSENT_ROLES: readonly Role[] = ['leerkracht', ...schoolCare, 'clb-medewerker'];

/** A role writes only levels it can read itself. */
export const mayWriteLevel = (role: Role, level: Confidentiality) => NOTE_READERS[level].includes(role);
