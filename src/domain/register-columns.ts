// Register rows as columns (typed arrays, no object per row): what a school's first import accepted, handed to the
// signals recompute and the monitor (issue 16). Codes are indexes into ABSENCE_CODES.
import { ABSENCE_CODES } from './absence-codes.ts';

export interface RegisterColumns {
  readonly length: number;
  /** The pupil's database id, per row. */
  readonly pupil: Int32Array;
  /** Day number × 2, +1 for PM, per row. */
  readonly slot: Int32Array;
  /** Index into ABSENCE_CODES, per row. */
  readonly code: Uint8Array;
}

/** The code text of each code index of RegisterColumns. */
export const COLUMN_CODES: readonly string[] = ABSENCE_CODES.map((c) => c.code);
