// Maps a file's header onto the canonical columns of ../shared/domain/formats.md (case-insensitive).
import { type ImportProblem, problem } from './import-problem.ts';

export interface ColumnSpec<Name extends string> {
  required: readonly Name[];
  optional: readonly Name[];
}

export type ColumnIndex<Name extends string> = Record<Name, number>;

/** Returns the index of every known column (-1 when absent), problems for missing ones, warnings for unknown ones. */
export function mapColumns<Name extends string>(
  header: readonly string[],
  spec: ColumnSpec<Name>,
): { index: ColumnIndex<Name>; problems: ImportProblem[]; warnings: ImportProblem[] } {
  const index = {} as ColumnIndex<Name>;
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const known = new Set<string>([...spec.required, ...spec.optional]);
  for (const name of [...spec.required, ...spec.optional]) index[name] = header.indexOf(name);
  if (header.length === 0) return { index, problems: [problem(1, null, 'empty-file')], warnings };
  for (const name of spec.required) if (index[name] < 0) problems.push(problem(1, name, 'missing-column'));
  for (const name of header) if (name && !known.has(name)) warnings.push(problem(1, name, 'unknown-column'));
  return { index, problems, warnings };
}

export function cell(values: readonly string[], index: number): string {
  return index < 0 ? '' : (values[index] ?? '').trim();
}
