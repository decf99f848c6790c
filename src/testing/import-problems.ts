// For import tests: run an import that must be rejected, check it wrote nothing, and list its problems compactly.
import { expect } from 'vitest';
import { ImportRejected } from '../app/import/import-problem.ts';

/**
 * Runs `attempt`, expects an ImportRejected, expects `state()` (what the import could have written) unchanged,
 * and returns the problems as row, column and code.
 */
export async function rejectedProblems(
  attempt: () => Promise<unknown>,
  state: () => Promise<unknown>,
): Promise<{ row: number | null; column: string | null; code: string }[]> {
  const before = await state();
  const error = await attempt().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRejected);
  expect(await state()).toEqual(before);
  return (error as ImportRejected).problems.map((p) => ({ row: p.row, column: p.column, code: p.code }));
}
