// What every guided workflow form of the pupil file shares: sending with the seeds preconditions kept next to
// their fields, the submit button with the error that names no field, and choice lists.
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../api/http.ts';
import { type PreconditionProblem, type PupilFile, preconditionsOf } from '../../api/pupil-file-client.ts';
import { fieldProblemsOf } from '../../components/form-problems.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import { FormError, type Run } from './form-run.tsx';

type Problem = PreconditionProblem['preconditions'][number];

export type WorkflowName =
  | 'hospital'
  | 'signals'
  | 'perspectives'
  | 'review'
  | 'returnPlan'
  | 'letGo'
  | 'restart'
  // The phase-2 routes (pupil-file-phase2.tsx)
  | 'mDocument'
  | 'agodi'
  | 'agodiLetter'
  | 'nrtj'
  | 'truancyPlan'
  | 'police';

export const WORKFLOWS: WorkflowName[] = [
  'hospital',
  'signals',
  'perspectives',
  'review',
  'returnPlan',
  'letGo',
  'restart',
];

export const CONTACT_CHANNELS = ['phone', 'letter', 'message', 'email', 'home-visit', 'in-person'] as const;

const GROUPS = ['pupil', 'family', 'school'] as const;

// Layout without new stylesheet rules: tables need the full width, choices are not field labels.
export const WIDE = { maxWidth: 'none' } as const;

export const INLINE_CHOICE = { fontWeight: 'normal', marginRight: '0.75rem', whiteSpace: 'nowrap' } as const;

const BLOCK_CHOICE = { display: 'block', fontWeight: 'normal' } as const;

export interface FormProps {
  file: PupilFile;
  pupilId: string;
  run: Run;
  onDone: () => void;
}

/** Sends a workflow; a 422 keeps the form open with every problem, anything else goes to the page's notice. */
export function useWorkflow(run: Run, onDone: () => void) {
  const { t, language } = useI18n();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setBusy(false);
      // The seeds' preconditions (422) and the schema's invalid fields (400, JSON pointers) go next to their field;
      // anything else stands above the button that was pressed.
      const found: Problem[] = [
        ...preconditionsOf(caught),
        ...fieldProblemsOf(caught, language)
          .filter((p) => !preconditionsOf(caught).some((c) => c.field === p.field))
          .map((p) => ({ field: p.field, code: 'invalid', nl: p.message, en: p.message })),
      ];
      setProblems(found);
      if (found.length === 0) setError(errorMessage(caught, language, t('app.error')));
      return false;
    }
    setBusy(false);
    setProblems([]);
    const ok = await run(async () => undefined, done);
    if (ok) onDone();
    return ok;
  };
  return { problems, busy, submit, error };
}

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { t, language } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert" data-testid="wf-problems">
      <p>{t('wf.problems')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.field}:${p.code}:${p.en}`} data-field={p.field} data-code={p.code}>
            {p[language]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The problems the server names for one field (and, with `nested`, for the fields under it). */
export function FieldProblems({
  problems,
  field,
  nested = false,
}: {
  problems: readonly Problem[];
  field: string;
  nested?: boolean;
}) {
  const { language } = useI18n();
  const mine = problems.filter((p) => p.field === field || (nested && p.field.startsWith(`${field}.`)));
  return (
    <>
      {mine.map((p) => (
        <p
          key={`${p.field}:${p.code}:${p.en}`}
          className="field__error"
          data-testid={`wf-problem-${p.field}`}
          data-code={p.code}
        >
          {p[language]}
        </p>
      ))}
    </>
  );
}

export function SubmitButton({ name, busy, error }: { name: WorkflowName; busy: boolean; error: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <FormError text={error} testId={`wf-${name}-error`} />
      <p className="file-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid={`wf-${name}-submit`}>
          {busy ? t('file.busy') : t('wf.submit')}
        </button>
      </p>
    </>
  );
}

/** One button per workflow; the open one is pressed (aria-expanded), pressing it again closes it. */
export function OpenButtons<N extends WorkflowName>({
  names,
  open,
  onOpen,
  testIdPrefix,
}: {
  names: readonly N[];
  open: N | null;
  onOpen: (name: N | null) => void;
  testIdPrefix: string;
}) {
  const { t } = useI18n();
  return (
    <p className="file-actions">
      {names.map((name) => (
        <button
          key={name}
          type="button"
          className={`button button--small ${open === name ? 'button--primary' : 'button--secondary'}`}
          aria-expanded={open === name}
          onClick={() => onOpen(open === name ? null : name)}
          data-testid={`${testIdPrefix}-${name}`}
        >
          {t(`wf.open.${name}`)}
        </button>
      ))}
    </p>
  );
}

export const saved = (t: ReturnType<typeof useI18n>['t'], name: WorkflowName) =>
  t('wf.saved', { name: t(`wf.open.${name}` as MessageKey) });

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

/** Checkboxes grouped per pupil / family / school, as the seed lists grounds and alternatives (phase 3). */
export function GroupedChoices({
  legend,
  items,
  groupLabel,
  chosen,
  onChange,
  testId,
  children,
}: {
  legend: string;
  items: readonly { id: string; nl: string; en: string; group: string }[];
  groupLabel: (group: (typeof GROUPS)[number]) => string;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { language } = useI18n();
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {GROUPS.map((group) => (
        <div key={group}>
          <p>
            <em>{groupLabel(group)}</em>
          </p>
          {items
            .filter((item) => item.group === group)
            .map((item) => (
              <label key={item.id} style={BLOCK_CHOICE}>
                <input
                  type="checkbox"
                  checked={chosen.includes(item.id)}
                  onChange={(e) => onChange(toggle(chosen, item.id, e.target.checked))}
                  data-testid={`${testId}-${item.id}`}
                />{' '}
                {item[language]}
              </label>
            ))}
        </div>
      ))}
      {children}
    </fieldset>
  );
}

/** Adds a row (a button on its own line) or removes one (a link-style button in the row). */
export function RowButton({
  add = false,
  onClick,
  testId,
  label,
}: {
  add?: boolean;
  onClick: () => void;
  testId: string;
  label: string;
}) {
  const button = (
    <button
      type="button"
      className={add ? 'button button--secondary button--small' : 'button button--link'}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </button>
  );
  return add ? <p>{button}</p> : button;
}
