// How a pupil-file form sends its change: success goes to the page's notice and reloads the file; a failure stays
// with the form that caused it — each problem next to the field the server names, the rest just above the button.
import { useState } from 'react';
import { placeProblems } from '../../components/form-problems.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Runs a change; `onError` receives the failure instead of the page's notice. */
export type Run = (work: () => Promise<unknown>, done: string, onError?: (error: unknown) => void) => Promise<boolean>;

export function useFormRun(run: Run, fields: readonly string[]) {
  const { t, language } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const submit = (work: () => Promise<unknown>, done: string) => {
    setError(null);
    return run(work, done, setError);
  };
  const placed = placeProblems(error, fields, language, t('app.error'));
  return { submit, problems: placed.byField, formError: placed.rest };
}

/** What went wrong with a form that names no field of it: right above its button. */
export function FormError({ text, testId = 'form-error' }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <p className="alert alert--error form-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
