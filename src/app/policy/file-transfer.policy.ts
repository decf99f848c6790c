// The transfer of a pupil's CLB file to the new school's CLB (issue 15, docs/decisions/0036): the CLB of the old
// school records the decision of the parents or the adult pupil and sends; the CLB of the new school receives.
// School roles have no part in it (the CLB's file is the CLB's; seed 003 l. 329–337).
import { ofOwnOrganisation, servedByClb } from './predicates.ts';
import { allow, type PolicyTable } from './rule.ts';

const clb = ['clb-medewerker', 'clb-arts'] as const;

export const fileTransferPolicy = {
  /** The transfer panel of a pupil's file, recording the decision and sending: a CLB serving the pupil's school. */
  'file-transfer.manage': [allow(clb, servedByClb)],
  /** Reading a received snapshot: the CLB it was sent to (organisationId = the receiving CLB). */
  'file-transfer.receive': [allow(clb, ofOwnOrganisation)],
} satisfies PolicyTable<string>;
