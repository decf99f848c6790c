// One goal of the self-scan: its explanation and reflection questions with the school's answers, the score out
// of 10, "waar wil je op inzetten", the action plan (wat / wie / wanneer / check) and comments. Every save sends
// the version it started from; a 409 shows the other participant's change and continues from its version.
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type School } from '../api/client.ts';
import {
  type ActionInput,
  type ActionStatus,
  type ScanAction,
  type Selfscan,
  selfscanApi,
} from '../api/selfscan-client.ts';
import { SelfscanFigures } from '../components/selfscan-figures.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useUnsavedChangesWarning } from '../unsaved-changes.ts';
import { goalRows } from './selfscan-data.ts';

const STATUSES: { value: ActionStatus; key: `selfscan.status.${string}` }[] = [
  { value: 'planned', key: 'selfscan.status.planned' },
  { value: 'in-progress', key: 'selfscan.status.inProgress' },
  { value: 'done', key: 'selfscan.status.done' },
  { value: 'dropped', key: 'selfscan.status.dropped' },
];

/** The scale of the seed: 0 to 10. */
const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const EMPTY_ACTION: ActionInput = { what: '', who: '', due: '', check: '', status: 'planned' };

export function SelfscanGoalPage({
  school,
  schoolYear,
  goalId,
}: {
  school: School;
  schoolYear: string;
  goalId: string;
}) {
  const { t, language: lang } = useI18n();
  const [scan, setScan] = useState<Selfscan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setScan(await selfscanApi.get(school.id, schoolYear));
    } catch (caught) {
      setError(caught);
    }
  }, [school.id, schoolYear]);
  useEffect(() => {
    void load();
  }, [load]);

  /** The questions whose typed answer is not saved yet: leaving the page then asks first. */
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const markUnsaved = useCallback((questionId: string, isUnsaved: boolean) => {
    setUnsaved((previous) => {
      if (previous.has(questionId) === isUnsaved) return previous;
      const next = new Set(previous);
      if (isUnsaved) next.add(questionId);
      else next.delete(questionId);
      return next;
    });
  }, []);
  useUnsavedChangesWarning(unsaved.size > 0, t('selfscan.unsavedWarning'));
  /** Bumped on a conflicting answer: the answers are shown afresh from the server's version. */
  const [conflicts, setConflicts] = useState(0);
  const onConflict = useCallback(
    (conflict: ApiError) => {
      setNotice(conflict.messageFor(lang));
      void load().then(() => setConflicts((n) => n + 1));
    },
    [lang, load],
  );

  /** Runs a save; on 409 reloads so the form shows the other participant's version. */
  const save = async (work: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await work();
      setNotice(done);
      await load();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        setNotice(caught.messageFor(lang));
        await load();
      } else setError(caught);
    }
  };

  if (error) return <ErrorMessage error={error} onRetry={() => void load()} />;
  if (!scan) return <Loading />;
  const row = goalRows(scan.instrument.phases).find((r) => r.goal.id === goalId);
  if (!row) return <ErrorMessage error={new Error('goal')} />;
  const goal = row.goal;
  const doc = scan.instrument.document;
  const back = `/schools/${encodeURIComponent(String(school.id))}/selfscan`;
  const state = scan.goals[goal.id];

  return (
    <main id="main" className="page selfscan">
      <p>
        <Link to={back}>← {t('selfscan.back')}</Link>
      </p>
      <p className="selfscan__subtitle">
        {row.phase.title[lang]}
        {row.trackTitle ? ` · ${row.trackTitle[lang]}` : ''} · {t('selfscan.schoolYear', { year: schoolYear })}
      </p>
      <h1>
        <span className="selfscan__label">{row.label}</span> {goal.title[lang]}
      </h1>
      {goal.theme && <h2>{goal.theme[lang]}</h2>}
      {notice && (
        <p className="alert alert--info" role="status" data-testid="selfscan-notice">
          {notice}
        </p>
      )}
      <section className="card">
        {goal.explanation.map((p) =>
          p.listItem ? (
            <ul key={p.seedLine}>
              <li>{p.text[lang]}</li>
            </ul>
          ) : (
            <p key={p.seedLine}>{p.text[lang]}</p>
          ),
        )}
        <SelfscanFigures figures={scan.figures} keys={scan.instrument.goalFigures[goal.id] ?? []} />
      </section>

      <section aria-labelledby="selfscan-questions">
        <h2 id="selfscan-questions">{t('selfscan.questions')}</h2>
        <p>{doc.questionsPrompt[lang]}</p>
        {goal.questions.map((q) => (
          <AnswerField
            key={`${q.id}-${conflicts}`}
            questionId={q.id}
            question={q.text[lang]}
            answer={scan.answers[q.id]}
            canEdit={scan.canEdit}
            save={(answer, version) => selfscanApi.saveAnswer(school.id, schoolYear, q.id, { answer, version })}
            onUnsaved={markUnsaved}
            onConflict={onConflict}
          />
        ))}
      </section>

      <ScoreForm
        key={`score-${state?.version ?? 0}`}
        scorePrompt={doc.scorePrompt[lang]}
        focusPrompt={doc.focusPrompt[lang]}
        state={state}
        canEdit={scan.canEdit}
        onSave={(score, focus, version) =>
          save(
            () => selfscanApi.saveGoal(school.id, schoolYear, goal.id, { score, focus, version }),
            t('selfscan.saved'),
          )
        }
      />

      <section aria-labelledby="selfscan-plan">
        <h2 id="selfscan-plan">{t('selfscan.plan')}</h2>
        {scan.actions
          .filter((a) => a.goalId === goal.id)
          .map((action) => (
            <ActionForm
              key={`${action.id}-${action.version}`}
              action={action}
              canEdit={scan.canEdit}
              onSave={(input) =>
                save(
                  () =>
                    selfscanApi.changeAction(school.id, schoolYear, action.id, { ...input, version: action.version }),
                  t('selfscan.saved'),
                )
              }
            />
          ))}
        {scan.canEdit && (
          <ActionForm
            key={`new-${scan.actions.length}`}
            canEdit
            onSave={(input) =>
              save(() => selfscanApi.addAction(school.id, schoolYear, goal.id, input), t('selfscan.saved'))
            }
          />
        )}
      </section>

      <section aria-labelledby="selfscan-comments">
        <h2 id="selfscan-comments">{t('selfscan.comments')}</h2>
        <ul className="selfscan__comments">
          {scan.comments
            .filter((c) => c.goalId === goal.id)
            .map((c) => (
              <li key={c.id}>
                <strong>{c.author ?? '?'}</strong> ({c.createdAt.slice(0, 10)}): {c.body}
              </li>
            ))}
        </ul>
        {scan.canEdit && (
          <CommentForm
            key={`comment-${scan.comments.length}`}
            onSave={(body) =>
              save(() => selfscanApi.addComment(school.id, schoolYear, goal.id, body), t('selfscan.saved'))
            }
          />
        )}
      </section>
    </main>
  );
}

/** How long typing may pause before an answer is saved. */
const AUTOSAVE_DELAY_MS = 800;

type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

/**
 * One reflection question whose answer saves itself while the user types (debounced, and at once when the field
 * loses focus), with its state next to it: "niet bewaard", "bewaren…", "bewaard". Each save sends the version it
 * started from; a conflict is handed to the page, which reloads and shows the other participant's answer.
 */
function AnswerField({
  questionId,
  question,
  answer,
  canEdit,
  save,
  onUnsaved,
  onConflict,
}: {
  questionId: string;
  question: string;
  answer: Selfscan['answers'][string] | undefined;
  canEdit: boolean;
  save: (answer: string, version: number) => Promise<{ version: number }>;
  onUnsaved: (questionId: string, unsaved: boolean) => void;
  onConflict: (error: ApiError) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(answer?.answer ?? '');
  const [saved, setSaved] = useState({ text: answer?.answer ?? '', version: answer?.version ?? 0 });
  const [state, setState] = useState<SaveState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const dirty = value !== saved.text;

  const flush = useCallback(async () => {
    if (inFlight.current || value === saved.text) return;
    inFlight.current = true;
    setState('saving');
    try {
      const result = await save(value, saved.version);
      setSaved({ text: value, version: result.version });
      setError(null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) onConflict(caught);
      else {
        setError(caught);
        setState('failed');
      }
    } finally {
      inFlight.current = false;
    }
  }, [value, saved, save, onConflict]);

  useEffect(() => {
    onUnsaved(questionId, dirty);
    if (!dirty) {
      setState((previous) => (previous === null ? null : 'saved'));
      return;
    }
    setState((previous) => (previous === 'failed' ? previous : 'unsaved'));
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [dirty, flush, onUnsaved, questionId]);
  useEffect(() => () => onUnsaved(questionId, false), [onUnsaved, questionId]);

  return (
    <div className="field selfscan__question">
      <label htmlFor={id}>{question}</label>
      <textarea
        id={id}
        rows={2}
        value={value}
        readOnly={!canEdit}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => void flush()}
        data-testid={`selfscan-answer-${questionId}`}
      />
      {canEdit && (
        <span
          className={`save-state save-state--${state ?? 'idle'}`}
          role="status"
          data-state={state ?? 'idle'}
          data-testid={`selfscan-answer-state-${questionId}`}
        >
          {state === 'saved' && t('selfscan.answer.saved')}
          {state === 'saving' && t('selfscan.answer.saving')}
          {state === 'unsaved' && t('selfscan.answer.unsaved')}
          {state === 'failed' && t('selfscan.answer.failed')}
        </span>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}

function ScoreForm({
  scorePrompt,
  focusPrompt,
  state,
  canEdit,
  onSave,
}: {
  scorePrompt: string;
  focusPrompt: string;
  state: Selfscan['goals'][string] | undefined;
  canEdit: boolean;
  onSave: (score: number | null, focus: string, version: number) => Promise<void>;
}) {
  const { t } = useI18n();
  const scoreId = useId();
  const focusId = useId();
  const [score, setScore] = useState(state?.score === null || state?.score === undefined ? '' : String(state.score));
  const [focus, setFocus] = useState(state?.focus ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(score === '' ? null : Number(score), focus, state?.version ?? 0);
  };
  return (
    <form className="card selfscan__score" onSubmit={submit}>
      <div className="field field--inline">
        <label htmlFor={scoreId}>{scorePrompt}</label>
        <select
          id={scoreId}
          value={score}
          disabled={!canEdit}
          onChange={(event) => setScore(event.target.value)}
          data-testid="selfscan-score"
        >
          <option value="">__</option>
          {SCORES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
        <span>/10</span>
      </div>
      <div className="field">
        <label htmlFor={focusId}>{focusPrompt}</label>
        <textarea
          id={focusId}
          rows={3}
          value={focus}
          readOnly={!canEdit}
          onChange={(event) => setFocus(event.target.value)}
          data-testid="selfscan-focus"
        />
      </div>
      {state?.updatedBy && <p className="selfscan__meta">{t('selfscan.lastChange', { name: state.updatedBy })}</p>}
      {canEdit && (
        <button type="submit" className="button button--primary" data-testid="selfscan-save-goal">
          {t('selfscan.saveScore')}
        </button>
      )}
    </form>
  );
}

function ActionForm({
  action,
  canEdit,
  onSave,
}: {
  action?: ScanAction;
  canEdit: boolean;
  onSave: (input: ActionInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const prefix = useId();
  const [input, setInput] = useState<ActionInput>(action ? { ...action } : EMPTY_ACTION);
  const field = (name: 'what' | 'who' | 'due' | 'check', label: string) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input
        id={`${prefix}-${name}`}
        value={input[name]}
        readOnly={!canEdit}
        required={name === 'what'}
        onChange={(event) => setInput({ ...input, [name]: event.target.value })}
        data-testid={`selfscan-action-${name}${action ? `-${action.id}` : ''}`}
      />
    </div>
  );
  return (
    <form
      className="card selfscan__action"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(input);
      }}
      aria-label={action ? action.what : t('selfscan.newAction')}
    >
      {!action && <h3>{t('selfscan.newAction')}</h3>}
      <div className="selfscan__action-fields">
        {field('what', t('selfscan.action.what'))}
        {field('who', t('selfscan.action.who'))}
        {field('due', t('selfscan.action.when'))}
        {field('check', t('selfscan.action.check'))}
        <div className="field">
          <label htmlFor={`${prefix}-status`}>{t('selfscan.action.status')}</label>
          <select
            id={`${prefix}-status`}
            value={input.status}
            disabled={!canEdit}
            onChange={(event) => setInput({ ...input, status: event.target.value as ActionStatus })}
            data-testid={`selfscan-action-status${action ? `-${action.id}` : ''}`}
          >
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {t(s.key as 'selfscan.status.planned')}
              </option>
            ))}
          </select>
        </div>
      </div>
      {canEdit && (
        <button
          type="submit"
          className="button button--secondary"
          data-testid={action ? `selfscan-action-save-${action.id}` : 'selfscan-action-add'}
        >
          {action ? t('selfscan.saveAction') : t('selfscan.addAction')}
        </button>
      )}
    </form>
  );
}

function CommentForm({ onSave }: { onSave: (body: string) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  return (
    <form
      className="selfscan__comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) void onSave(body);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('selfscan.newComment')}</label>
        <textarea id={id} rows={2} value={body} onChange={(event) => setBody(event.target.value)} />
      </div>
      <button type="submit" className="button button--secondary button--small">
        {t('selfscan.addComment')}
      </button>
    </form>
  );
}
