// The move of a track to phase 2 of the zorgcontinuüm (uitbreiding van zorg): the CLB shares the responsibility
// (seed 000:78-90, seed 001:480), and the "what was done" of §2.2 is updated at the move (seed 002:1268-1346).
import { filled, type Problem, problem } from './problem.ts';

export interface PhaseMoveInput {
  from: number | null;
  to: number;
  /** Why the move happens without the CLB involved yet (e.g. absences pile up fast, seed 000:88-90). */
  noClbReason?: string | null;
  /** The §2.2 update: what was done and its effect so far. */
  whatWasDone?: string | null;
}

/** Moving into phase 2 needs CLB involvement in the file (or a recorded reason) and the §2.2 update. */
export function checkPhaseMove(input: PhaseMoveInput, facts: { clbInvolved: boolean }): Problem[] {
  if (input.to !== 2 || input.from === 2) return [];
  const problems: Problem[] = [];
  if (!facts.clbInvolved && !filled(input.noClbReason))
    problems.push(
      problem(
        'noClbReason',
        'clb-involvement',
        'Fase 2 vraagt betrokkenheid van het CLB: noteer eerst een signalering, overleg of aanmelding bij het CLB, of geef de reden waarom dat nog niet gebeurde.',
        'Phase 2 needs the CLB involved: first record a signal, consultation or referral to the CLB, or give the reason why not yet.',
      ),
    );
  if (!filled(input.whatWasDone))
    problems.push(
      problem(
        'whatWasDone',
        'required',
        'Werk bij wat er tot nu toe ondernomen werd en met welk effect (§2.2).',
        'Update what has been done so far and with what effect (§2.2).',
      ),
    );
  return problems;
}
