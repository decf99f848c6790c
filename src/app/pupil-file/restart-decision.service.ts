// Use case: the taxatie and the keuzeschema's decision on restarting school (seed 002 §2.1–2.3), recorded as one
// entry of the pupil file with the answers, the outcome and its reasons. When the team decides otherwise than the
// keuzeschema, it must say why. A relapse after a return is recorded with its evaluation (seed 002 l. 1438–1440:
// "Hou er rekening mee dat een terugval mogelijk is"). Phase 3 gets a term and a review date (seed 002 l. 1866–1886)
// that becomes a reminder (an agreement of the file).
import type { Database } from '../../db/database.ts';
import { insertAgreement } from '../../db/pupil-file.repository.ts';
import { isValidIsoDate } from '../../domain/civil-date.ts';
import {
  checkTaxatie,
  decideRestart,
  type Problem,
  RESTART_OUTCOMES,
  type RestartOutcome,
  type TaxatieAnswers,
} from '../../domain/pupil-file/workflows/index.ts';
import { problem } from '../../domain/pupil-file/workflows/problem.ts';
import type { Actor } from '../actor.ts';
import type { Confidentiality } from '../policy/notes.policy.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { writeEntry } from './pupil-file.service.ts';
import { preconditionFailed } from './workflows.service.ts';

export interface RestartDecisionInput {
  taxatie: TaxatieAnswers;
  /** The team's decision; when it differs from the keuzeschema's, `otherwiseBecause` is required. */
  decision: RestartOutcome;
  otherwiseBecause?: string;
  /** A relapse after an earlier return: what happened and how it was evaluated. */
  relapse?: { on: string; what: string; evaluation: string };
  /** Phase 3: how long the alternative runs and when it is reviewed (a reminder). */
  term?: string;
  reviewOn?: string;
  occurredOn?: string;
  who?: string;
  confidentiality?: Confidentiality;
}

const label = (id: string) => RESTART_OUTCOMES.find((o) => o.id === id)?.nl ?? id;

export async function recordRestartDecision(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: RestartDecisionInput,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.manage', pupilId, today);
  const problems: Problem[] = checkTaxatie(input.taxatie);
  const advised = problems.length === 0 ? decideRestart(input.taxatie) : null;
  if (!RESTART_OUTCOMES.some((o) => o.id === input.decision)) {
    problems.push(problem('decision', 'required', 'Kies de beslissing.', 'Choose the decision.'));
  }
  if (advised && input.decision !== advised.outcome && !input.otherwiseBecause?.trim()) {
    problems.push(
      problem(
        'otherwiseBecause',
        'required',
        `Het keuzeschema wijst op "${label(advised.outcome)}": zeg waarom het team anders beslist.`,
        'The decision tree points elsewhere: say why the team decides otherwise.',
      ),
    );
  }
  if (
    input.relapse &&
    (!isValidIsoDate(input.relapse.on) || !input.relapse.what.trim() || !input.relapse.evaluation.trim())
  ) {
    problems.push(
      problem(
        'relapse',
        'required',
        'Een terugval: datum, wat er gebeurde en de evaluatie.',
        'A relapse: date, what happened and the evaluation.',
      ),
    );
  }
  if (
    input.decision === 'let-go' &&
    (!input.term?.trim() || !input.reviewOn || !isValidIsoDate(input.reviewOn) || input.reviewOn < today)
  ) {
    problems.push(
      problem(
        'reviewOn',
        'required',
        'Fase 3: geef een termijn en een datum (vandaag of later) waarop het alternatief herbekeken wordt.',
        'Phase 3: give a term and a date (today or later) on which the alternative is reviewed.',
      ),
    );
  }
  if (problems.length > 0 || !advised) throw preconditionFailed(problems);
  const reasons = advised.reasons.map((r) => `- ${r.nl}`).join('\n');
  const what = [
    `Keuzeschema: ${label(advised.outcome)}.`,
    reasons,
    input.decision === advised.outcome
      ? `Beslissing: ${label(input.decision)}.`
      : `Beslissing: ${label(input.decision)}, omdat ${input.otherwiseBecause?.trim()}.`,
    input.relapse
      ? `Terugval op ${input.relapse.on}: ${input.relapse.what.trim()} Evaluatie: ${input.relapse.evaluation.trim()}`
      : '',
    input.decision === 'let-go' ? `Termijn: ${input.term?.trim()}; herbekijken op ${input.reviewOn}.` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return db.transaction(async (tx) => {
    const entry = await writeEntry(tx, actor, scope, {
      kind: 'restart-decision',
      occurredOn: input.occurredOn ?? today,
      who: input.who?.trim() || actor.label,
      what,
      effect: null,
      confidentiality: input.confidentiality ?? 'school+clb',
      details: {
        taxatie: input.taxatie,
        advised: advised.outcome,
        reasons: advised.reasons,
        decision: input.decision,
        otherwiseBecause: input.otherwiseBecause?.trim() || null,
        relapse: input.relapse ?? null,
        term: input.term?.trim() || null,
        reviewOn: input.reviewOn ?? null,
      },
    });
    if (input.decision === 'let-go' && input.reviewOn) {
      await insertAgreement(tx, {
        pupilId,
        schoolId: scope.schoolId,
        what: `Fase 3 herbekijken (termijn: ${input.term?.trim()}): kan de jongere (deels) terug naar school?`,
        who: input.who?.trim() || actor.label,
        dueOn: input.reviewOn,
        checkNote: null,
        status: 'open',
        entryId: entry.id,
        by: actor.userId,
      });
    }
    return { ...entry, advised: advised.outcome };
  });
}
