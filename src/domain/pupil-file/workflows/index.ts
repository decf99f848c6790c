// The pupil file's guided workflows: pure preconditions and checklists, one workflow (with its form's fields) per
// file, each traced to its seed lines. The app layer (src/app/pupil-file/workflows.service.ts) runs them.

// Phase-2 routes with legal weight (seed 000:78-165, seed 001:663-706, seed 003) and the move to phase 2.
export * from './agodi-report.ts';
export * from './clb-signal.ts';
export * from './hospital-return.ts';
export * from './let-go-of-school.ts';
export * from './m-document.ts';
export * from './nrtj-referral.ts';
export * from './perspectives.ts';
export * from './phase-transition.ts';
export * from './police-report.ts';
export type { Problem } from './problem.ts';
export * from './restart-decision.ts';
export * from './return-plan.ts';
export * from './school-refusal-review.ts';
export * from './school-refusal-signals.ts';
export { STAKEHOLDERS } from './stakeholders.ts';
export * from './truancy-action-plan.ts';

import { LET_GO_ALTERNATIVES, LET_GO_GROUNDS } from './let-go-of-school.ts';
import { PERSPECTIVE_COLUMNS } from './perspectives.ts';
import { REVIEW_CHANNELS, REVIEW_COLUMNS, REVIEW_STAGES } from './school-refusal-review.ts';
import { SCHOOL_REFUSAL_SIGNALS } from './school-refusal-signals.ts';
import { STAKEHOLDERS } from './stakeholders.ts';

/** The checklist definitions the file page needs for the school-refusal workflows. */
export const SCHOOL_REFUSAL_DEFINITIONS = {
  signals: SCHOOL_REFUSAL_SIGNALS,
  stakeholders: STAKEHOLDERS,
  perspectiveColumns: PERSPECTIVE_COLUMNS,
  reviewColumns: REVIEW_COLUMNS,
  reviewStages: REVIEW_STAGES,
  reviewChannels: REVIEW_CHANNELS,
  letGoGrounds: LET_GO_GROUNDS,
  letGoAlternatives: LET_GO_ALTERNATIVES,
} as const;
export * from './clb-referral.ts';
export * from './phase2-fields.ts';
