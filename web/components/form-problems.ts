// Where a failed request's problems belong in a form: the server's problem+json names fields through the
// precondition `field` of a workflow (422) and the JSON pointers of its `errors` (400, schema-first API). Each
// field shows its own problems next to it; what names no shown field stands just above the form's button.
import { ApiError, errorMessage } from '../api/http.ts';

export interface FieldProblem {
  /** Dotted path of the field: `what`, `steps.0.from`. */
  field: string;
  message: string;
}

/** `#/steps/0/from` → `steps.0.from`. */
export function pointerField(pointer: string): string {
  return pointer.replace(/^#?\/?/, '').replaceAll('/', '.');
}

export function fieldProblemsOf(error: unknown, language: 'nl' | 'en'): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problem = error.problem as {
    field?: unknown;
    preconditions?: { field: string; nl: string; en: string }[];
    errors?: { pointer: string; detail: string }[];
  };
  return [
    // A use case's invalid input names its one field at the top level of the problem.
    ...(typeof problem.field === 'string' ? [{ field: problem.field, message: error.messageFor(language) }] : []),
    ...(problem.preconditions ?? []).map((p) => ({ field: p.field, message: p[language] })),
    ...(problem.errors ?? []).map((e) => ({ field: pointerField(e.pointer), message: e.detail })),
  ];
}

/** The problems of a failed request split over the form's fields, and the rest as one message for its button. */
export function placeProblems(
  error: unknown,
  fields: readonly string[],
  language: 'nl' | 'en',
  fallback: string,
): { byField: Record<string, string[]>; rest: string | null } {
  if (error === null || error === undefined) return { byField: {}, rest: null };
  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const problem of fieldProblemsOf(error, language)) {
    const field = fields.find((f) => problem.field === f || problem.field.startsWith(`${f}.`));
    if (field) byField[field] = [...(byField[field] ?? []), problem.message];
    else unplaced.push(problem.message);
  }
  const placed = Object.keys(byField).length > 0;
  const rest = unplaced.length > 0 ? unplaced.join(' ') : placed ? null : errorMessage(error, language, fallback);
  return { byField, rest };
}
