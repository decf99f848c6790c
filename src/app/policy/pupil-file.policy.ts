// The pupil file (leerlingendossier): who reads it, who records measures, who steers the care continuum.
import { ofOwnClasses, ofSchool, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

const schoolCare = ['leerlingbegeleider', 'zorgcoordinator', 'directie'] as const;
const clb = ['clb-medewerker', 'clb-arts'] as const;

export const pupilFilePolicy = {
  /** The file and its timeline; entries are further filtered by their confidentiality level (NOTE_READERS). */
  'file.read': [allow(schoolCare, ofSchool), allow(['leerkracht'], ofOwnClasses), allow(clb, servedByClb)],
  /** Record an intervention, a contact attempt, a person involved or an agreement (a class teacher too). */
  'file.write': [allow(schoolCare, ofSchool), allow(['leerkracht'], ofOwnClasses), allow(clb, servedByClb)],
  /** Phases, the spilfiguur and the guided workflows (CLB signal, police report, return plans). */
  'file.manage': [allow(schoolCare, ofSchool), allow(clb, servedByClb)],
  /**
   * Phase 1 of the school-refusal tool a class teacher may use too (seed 002 §1.1 signals list, §1.6 perspectives):
   * for pupils of its own classes; the other workflows and the phases stay with file.manage.
   */
  'file.phase1': [allow(schoolCare, ofSchool), allow(['leerkracht'], ofOwnClasses), allow(clb, servedByClb)],
  /** The PDF and JSON export (for the verifier, a CLB referral, a warm handover). */
  'file.export': [allow(schoolCare, ofSchool), allow(clb, servedByClb)],
  /** Phase-2 routes with legal weight (M-document OCJ/VK, AgODi report, NRTJ A-document, spijbelactieplan with the
   *  police): the zorgcoördinator, the directie and the CLB — never a class teacher (seed 000:134-165). */
  'file.legal-route': [allow(['zorgcoordinator', 'directie'], ofSchool), allow(clb, servedByClb)],
} satisfies PolicyTable<string>;
