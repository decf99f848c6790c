// Whether the CLB is involved in a pupil's file: a CLB consultation, signal or referral entry, or a CLB person among
// those involved (seed 000:86-87, 002:1748-1750). Read by phase 3, the phase-2 routes and the move to phase 2.
import type { Database } from '../../db/database.ts';
import { countEntries, peopleOf } from '../../db/pupil-file.repository.ts';

export const CLB_KINDS = ['clb-consultation', 'clb-signal', 'clb-referral'];

export async function isClbInvolved(db: Database, pupilId: number): Promise<boolean> {
  const [clbEntries, people] = await Promise.all([countEntries(db, pupilId, CLB_KINDS), peopleOf(db, pupilId, 500, 0)]);
  return clbEntries > 0 || people.items.some((p) => p.relation === 'clb');
}
