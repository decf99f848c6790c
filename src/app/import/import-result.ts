// What an import reports back: applied, or unchanged (the file changed nothing); rejections throw ImportRejected.
import type { ImportProblem } from './import-problem.ts';

export type ImportKind = 'pupils' | 'register' | 'calendar';
export const IMPORT_KINDS: readonly ImportKind[] = ['pupils', 'register', 'calendar'];

export interface ImportResult {
  status: 'applied' | 'unchanged';
  importId: number | null;
  rows: number;
  inserted: number;
  updated: number;
  warnings: ImportProblem[];
  /** Internal ids of pupils whose register or enrolment changed (for incremental recomputation). */
  changedPupilIds: number[];
}

/** Thrown to roll back a transaction that would change nothing; converted to an `unchanged` result. */
export class NothingChanged extends Error {
  constructor(readonly rows: number) {
    super('nothing changed');
  }
}
