// Guided workflows of the pupil file in the browser: return after a hospital or K-dienst stay (seed 000:38-69) and
// the school-refusal tool (seed 002): signals (§1.1), perspectives (§1.6), what was done (§1.7 / §2.2), the
// gradual return plan (FAQ 3) and phase 3, "let go of school, not of the pupil". The server checks the seeds'
// preconditions; its 422 problems are shown next to the fields they name, and a recorded workflow reloads the file.

import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import {
  type ContactPlanInput,
  type PreconditionProblem,
  type PupilFile,
  preconditionsOf,
  workflowApi,
} from '../api/pupil-file-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { fieldProblemsOf } from '../components/form-problems.ts';
import { formatDate, weekday } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { FormError, type Run } from './pupil-file/form-run.tsx';

type Problem = PreconditionProblem['preconditions'][number];
type WorkflowName = 'hospital' | 'signals' | 'perspectives' | 'review' | 'returnPlan' | 'letGo';

const WORKFLOWS: WorkflowName[] = ['hospital', 'signals', 'perspectives', 'review', 'returnPlan', 'letGo'];
const CONTACT_CHANNELS = ['phone', 'letter', 'message', 'email', 'home-visit', 'in-person'] as const;
const GROUPS = ['pupil', 'family', 'school'] as const;
// Layout without new stylesheet rules: tables need the full width, choices are not field labels.
const WIDE = { maxWidth: 'none' } as const;
const INLINE_CHOICE = { fontWeight: 'normal', marginRight: '0.75rem', whiteSpace: 'nowrap' } as const;
const BLOCK_CHOICE = { display: 'block', fontWeight: 'normal' } as const;

interface FormProps {
  file: PupilFile;
  pupilId: string;
  run: Run;
  onDone: () => void;
}

/** The "Begeleiding schoolweigering / terugkeer" section: one guided workflow open at a time. */
export function FileWorkflows({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<WorkflowName | null>(null);
  const headingId = useId();
  const props = { file, pupilId, run, onDone: () => setOpen(null) };
  return (
    <section className="section card file-section" aria-labelledby={headingId} data-testid="file-workflows">
      <h2 id={headingId}>{t('wf.title')}</h2>
      <p className="muted">{t('wf.hint')}</p>
      <p className="file-actions">
        {WORKFLOWS.map((name) => (
          <button
            key={name}
            type="button"
            className={`button button--small ${open === name ? 'button--primary' : 'button--secondary'}`}
            aria-expanded={open === name}
            onClick={() => setOpen(open === name ? null : name)}
            data-testid={`wf-open-${name}`}
          >
            {t(`wf.open.${name}` as MessageKey)}
          </button>
        ))}
      </p>
      {open === 'hospital' && <HospitalReturnForm {...props} />}
      {open === 'signals' && <SignalsForm {...props} />}
      {open === 'perspectives' && <PerspectivesForm {...props} />}
      {open === 'review' && <ReviewForm {...props} />}
      {open === 'returnPlan' && <ReturnPlanForm {...props} />}
      {open === 'letGo' && <LetGoForm {...props} />}
    </section>
  );
}

/** Sends a workflow; a 422 keeps the form open with every problem, anything else goes to the page's notice. */
function useWorkflow(run: Run, onDone: () => void) {
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

function ProblemList({ problems }: { problems: readonly Problem[] }) {
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
function FieldProblems({
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

function SubmitButton({ name, busy, error }: { name: WorkflowName; busy: boolean; error: string | null }) {
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

const saved = (t: ReturnType<typeof useI18n>['t'], name: WorkflowName) =>
  t('wf.saved', { name: t(`wf.open.${name}` as MessageKey) });

function HospitalReturnForm({ file, pupilId, run, onDone }: FormProps) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [dischargeOn, setDischargeOn] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => workflowApi.hospitalReturn(pupilId, { ...(dischargeOn ? { dischargeOn } : {}), answers }),
      saved(t, 'hospital'),
    );
  };
  return (
    <form className="file-form" onSubmit={send} noValidate data-testid="wf-hospital-form">
      <h3>{t('wf.open.hospital')}</h3>
      <p className="muted">{t('wf.hospital.hint')}</p>
      <ProblemList problems={problems} />
      <TextField
        label={t('wf.hospital.discharge')}
        hint={<FieldProblems problems={problems} field="dischargeOn" />}
        value={dischargeOn}
        onChange={setDischargeOn}
        testId="wf-hospital-discharge"
        type="date"
      />
      {file.hospitalReturnQuestions.map((question) => (
        <Field
          key={question.id}
          label={question[language]}
          hint={<FieldProblems problems={problems} field={question.id} />}
        >
          {(id) => (
            <textarea
              id={id}
              rows={2}
              maxLength={4000}
              value={answers[question.id] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [question.id]: e.target.value })}
              data-testid={`wf-hospital-${question.id}`}
            />
          )}
        </Field>
      ))}
      <SubmitButton name="hospital" busy={busy} error={error} />
    </form>
  );
}

function SignalsForm({ file, pupilId, run, onDone }: FormProps) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [answers, setAnswers] = useState<Record<string, { answer?: string; note?: string }>>({});
  const [followUp, setFollowUp] = useState('');
  const [recentEvents, setRecentEvents] = useState('');
  const [informationNeeded, setInformationNeeded] = useState('');
  const set = (id: string, change: { answer?: string; note?: string }) =>
    setAnswers({ ...answers, [id]: { ...answers[id], ...change } });
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => workflowApi.schoolRefusalSignals(pupilId, { answers, followUp, recentEvents, informationNeeded }),
      saved(t, 'signals'),
    );
  };
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid="wf-signals-form">
      <h3>{t('wf.open.signals')}</h3>
      <p className="muted">{t('wf.signals.hint')}</p>
      <ProblemList problems={problems} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('wf.signals.signal')}</th>
              <th scope="col">{t('wf.signals.answer')}</th>
              <th scope="col">{t('wf.signals.note')}</th>
            </tr>
          </thead>
          <tbody>
            {file.schoolRefusal.signals.map((signal) => (
              <tr key={signal.id} data-testid="wf-signal-row" data-signal={signal.id}>
                <th scope="row" id={`wf-signal-${signal.id}`}>
                  {signal[language]}
                  <FieldProblems problems={problems} field={`signals.${signal.id}`} />
                </th>
                <td>
                  <span role="radiogroup" aria-labelledby={`wf-signal-${signal.id}`}>
                    {(['yes', 'no', 'unknown'] as const).map((answer) => (
                      <label key={answer} style={INLINE_CHOICE}>
                        <input
                          type="radio"
                          name={`wf-signal-${signal.id}`}
                          value={answer}
                          checked={answers[signal.id]?.answer === answer}
                          onChange={() => set(signal.id, { answer })}
                          data-testid={`wf-signal-${signal.id}-${answer}`}
                        />{' '}
                        {t(`wf.answer.${answer}` as MessageKey)}{' '}
                      </label>
                    ))}
                  </span>
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`${t('wf.signals.note')}: ${signal[language]}`}
                    maxLength={2000}
                    value={answers[signal.id]?.note ?? ''}
                    onChange={(e) => set(signal.id, { note: e.target.value })}
                    data-testid={`wf-signal-${signal.id}-note`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Field label={t('wf.signals.followUp')} hint={<FieldProblems problems={problems} field="followUp" />}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={4000}
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
            data-testid="wf-signals-followUp"
          />
        )}
      </Field>
      <Field label={t('wf.signals.recentEvents')}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={4000}
            value={recentEvents}
            onChange={(e) => setRecentEvents(e.target.value)}
            data-testid="wf-signals-recentEvents"
          />
        )}
      </Field>
      <Field
        label={t('wf.signals.informationNeeded')}
        hint={<FieldProblems problems={problems} field="informationNeeded" />}
      >
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={4000}
            value={informationNeeded}
            onChange={(e) => setInformationNeeded(e.target.value)}
            data-testid="wf-signals-informationNeeded"
          />
        )}
      </Field>
      <SubmitButton name="signals" busy={busy} error={error} />
    </form>
  );
}

type PerspectiveCells = { name?: string; whatIsGoingOn?: string; pupilExperience?: string };

function PerspectivesForm({ file, pupilId, run, onDone }: FormProps) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [cells, setCells] = useState<Record<string, PerspectiveCells>>({});
  const set = (stakeholder: string, change: PerspectiveCells) =>
    setCells({ ...cells, [stakeholder]: { ...cells[stakeholder], ...change } });
  const send = (event: FormEvent) => {
    event.preventDefault();
    const rows = file.schoolRefusal.stakeholders
      .filter((s) => Object.values(cells[s.id] ?? {}).some((v) => v?.trim()))
      .map((s) => ({ stakeholder: s.id, ...cells[s.id] }));
    void submit(() => workflowApi.perspectives(pupilId, { rows }), saved(t, 'perspectives'));
  };
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid="wf-perspectives-form">
      <h3>{t('wf.open.perspectives')}</h3>
      <p className="muted">{t('wf.perspectives.hint')}</p>
      <ProblemList problems={problems} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('wf.stakeholder')}</th>
              <th scope="col">{t('wf.name')}</th>
              {file.schoolRefusal.perspectiveColumns.map((column) => (
                <th key={column.id} scope="col">
                  {column[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {file.schoolRefusal.stakeholders.map((stakeholder) => (
              <tr key={stakeholder.id} data-testid="wf-perspective-row" data-stakeholder={stakeholder.id}>
                <th scope="row">
                  {stakeholder[language]}
                  <FieldProblems problems={problems} field={`rows.${stakeholder.id}`} nested />
                </th>
                <td>
                  {stakeholder.named ? (
                    <input
                      type="text"
                      aria-label={`${t('wf.name')}: ${stakeholder[language]}`}
                      maxLength={200}
                      value={cells[stakeholder.id]?.name ?? ''}
                      onChange={(e) => set(stakeholder.id, { name: e.target.value })}
                      data-testid={`wf-perspective-${stakeholder.id}-name`}
                    />
                  ) : (
                    '—'
                  )}
                </td>
                {file.schoolRefusal.perspectiveColumns.map((column) => (
                  <td key={column.id}>
                    <textarea
                      aria-label={`${stakeholder[language]}: ${column[language]}`}
                      rows={2}
                      maxLength={4000}
                      value={cells[stakeholder.id]?.[column.id as keyof PerspectiveCells] ?? ''}
                      onChange={(e) => set(stakeholder.id, { [column.id]: e.target.value })}
                      data-testid={`wf-perspective-${stakeholder.id}-${column.id}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SubmitButton name="perspectives" busy={busy} error={error} />
    </form>
  );
}

interface ReviewRowState {
  key: number;
  stakeholder: string;
  name: string;
  done: string;
  effect: string;
  needed: string;
}

function ReviewForm({ file, pupilId, run, onDone }: FormProps) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const refusalPhase = file.tracks.find((track) => track.track === 'schoolweigering')?.phase ?? 0;
  const [stage, setStage] = useState(refusalPhase >= 2 ? 'phase-2' : 'phase-1');
  const empty = (key: number, stakeholder: string): ReviewRowState => ({
    key,
    stakeholder,
    name: '',
    done: '',
    effect: '',
    needed: '',
  });
  const [rows, setRows] = useState<ReviewRowState[]>([empty(0, 'pupil')]);
  const [pivot, setPivot] = useState(file.pivot.name ?? '');
  const [regie, setRegie] = useState('');
  const [clbRole, setClbRole] = useState('');
  const [channels, setChannels] = useState<string[]>([]);
  const [communication, setCommunication] = useState('');
  const setRow = (index: number, change: Partial<ReviewRowState>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        workflowApi.schoolRefusalReview(pupilId, {
          stage,
          rows: rows.map(({ key: _key, ...row }) => row),
          pivot,
          regie,
          clbRole,
          channels,
          communication,
        }),
      saved(t, 'review'),
    );
  };
  const stakeholders = file.schoolRefusal.stakeholders;
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid="wf-review-form">
      <h3>{t('wf.open.review')}</h3>
      <p className="muted">{t('wf.review.hint')}</p>
      <ProblemList problems={problems} />
      <Field label={t('wf.review.stage')} hint={<FieldProblems problems={problems} field="stage" />}>
        {(id) => (
          <select id={id} value={stage} onChange={(e) => setStage(e.target.value)} data-testid="wf-review-stage">
            {file.schoolRefusal.reviewStages.map((s) => (
              <option key={s.id} value={s.id}>
                {s[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FieldProblems problems={problems} field="rows" />
      <FieldProblems problems={problems} field="rows.pupil" />
      <ol className="file-list">
        {rows.map((row, index) => {
          const named = stakeholders.find((s) => s.id === row.stakeholder)?.named ?? false;
          return (
            <li key={row.key} data-testid="wf-review-row">
              <Field label={t('wf.stakeholder')} hint={<FieldProblems problems={problems} field={`rows.${index}`} />}>
                {(id) => (
                  <select
                    id={id}
                    value={row.stakeholder}
                    onChange={(e) => setRow(index, { stakeholder: e.target.value })}
                    data-testid={`wf-review-${index}-stakeholder`}
                  >
                    {stakeholders.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s[language]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {named && (
                <Field label={t('wf.name')} hint={<FieldProblems problems={problems} field={`rows.${index}.name`} />}>
                  {(id) => (
                    <input
                      type="text"
                      id={id}
                      maxLength={200}
                      value={row.name}
                      onChange={(e) => setRow(index, { name: e.target.value })}
                      data-testid={`wf-review-${index}-name`}
                    />
                  )}
                </Field>
              )}
              {file.schoolRefusal.reviewColumns.map((column) => (
                <Field
                  key={column.id}
                  label={column[language]}
                  hint={<FieldProblems problems={problems} field={`rows.${index}.${column.id}`} />}
                >
                  {(id) => (
                    <textarea
                      id={id}
                      rows={2}
                      maxLength={4000}
                      value={row[column.id as 'done' | 'effect' | 'needed']}
                      onChange={(e) => setRow(index, { [column.id]: e.target.value })}
                      data-testid={`wf-review-${index}-${column.id}`}
                    />
                  )}
                </Field>
              ))}
              {rows.length > 1 && (
                <RowButton
                  onClick={() => setRows(rows.filter((_, i) => i !== index))}
                  testId={`wf-review-${index}-remove`}
                  label={t('wf.removeRow')}
                />
              )}
            </li>
          );
        })}
      </ol>
      <RowButton
        add
        onClick={() => setRows([...rows, empty(Math.max(...rows.map((r) => r.key), 0) + 1, 'school-1')])}
        testId="wf-review-add"
        label={t('wf.addRow')}
      />
      <TextField
        label={t('wf.review.pivot')}
        hint={<FieldProblems problems={problems} field="pivot" />}
        value={pivot}
        onChange={setPivot}
        testId="wf-review-pivot"
        type="text"
        maxLength={200}
      />
      <TextField
        label={t('wf.review.regie')}
        hint={<FieldProblems problems={problems} field="regie" />}
        value={regie}
        onChange={setRegie}
        testId="wf-review-regie"
        type="text"
        maxLength={200}
      />
      <TextField
        label={t('wf.review.clbRole')}
        value={clbRole}
        onChange={setClbRole}
        testId="wf-review-clbRole"
        type="text"
        maxLength={2000}
      />
      <fieldset className="field">
        <legend>{t('wf.review.channels')}</legend>
        {file.schoolRefusal.reviewChannels.map((channel) => (
          <label key={channel.id} style={INLINE_CHOICE}>
            <input
              type="checkbox"
              checked={channels.includes(channel.id)}
              onChange={(e) =>
                setChannels(e.target.checked ? [...channels, channel.id] : channels.filter((c) => c !== channel.id))
              }
              data-testid={`wf-review-channel-${channel.id}`}
            />{' '}
            {channel[language]}{' '}
          </label>
        ))}
        <FieldProblems problems={problems} field="channels" />
      </fieldset>
      <TextField
        label={t('wf.review.communication')}
        value={communication}
        onChange={setCommunication}
        testId="wf-review-communication"
        type="text"
        maxLength={2000}
      />
      <SubmitButton name="review" busy={busy} error={error} />
    </form>
  );
}

interface StepState {
  key: number;
  from: string;
  load: string;
  description: string;
  leaveOut: string;
}

function ReturnPlanForm({ pupilId, run, onDone }: FormProps) {
  const { t } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [steps, setSteps] = useState<StepState[]>([{ key: 0, from: '', load: '1', description: '', leaveOut: '' }]);
  const setStep = (index: number, change: Partial<StepState>) =>
    setSteps(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        workflowApi.returnPlan(pupilId, {
          steps: steps.map((s) => ({
            from: s.from,
            load: Number(s.load),
            description: s.description,
            leaveOut: s.leaveOut
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          })),
        }),
      saved(t, 'returnPlan'),
    );
  };
  const addStep = () => {
    const last = steps.at(-1);
    setSteps([
      ...steps,
      {
        key: Math.max(...steps.map((s) => s.key), 0) + 1,
        from: '',
        load: last?.load ?? '1',
        description: last?.description ?? '',
        leaveOut: last?.leaveOut ?? '',
      },
    ]);
  };
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid="wf-returnPlan-form">
      <h3>{t('wf.open.returnPlan')}</h3>
      <p className="muted">{t('wf.returnPlan.hint')}</p>
      <ul className="muted">
        <li>{t('wf.returnPlan.rule.monday')}</li>
        <li>{t('wf.returnPlan.rule.repeat')}</li>
        <li>{t('wf.returnPlan.rule.leaveOut')}</li>
      </ul>
      <ProblemList problems={problems} />
      <FieldProblems problems={problems} field="steps" />
      <ol className="file-list">
        {steps.map((step, index) => (
          <li key={step.key} data-testid="wf-step" data-index={index}>
            <strong>{t('wf.returnPlan.step', { n: index + 1 })}</strong>
            {/^\d{4}-\d{2}-\d{2}$/.test(step.from) && (
              <span className="muted" data-testid={`wf-step-${index}-weekday`}>
                {' '}
                · {t(`weekday.${weekday(step.from)}` as MessageKey)} {formatDate(step.from)}
              </span>
            )}
            <FieldProblems problems={problems} field={`steps.${index}`} />
            <Field label={t('wf.returnPlan.from')}>
              {(id) => (
                <input
                  id={id}
                  type="date"
                  value={step.from}
                  onChange={(e) => setStep(index, { from: e.target.value })}
                  data-testid={`wf-step-${index}-from`}
                />
              )}
            </Field>
            <Field label={t('wf.returnPlan.load')}>
              {(id) => (
                <input
                  id={id}
                  type="number"
                  min={0}
                  max={100}
                  step={0.5}
                  value={step.load}
                  onChange={(e) => setStep(index, { load: e.target.value })}
                  data-testid={`wf-step-${index}-load`}
                />
              )}
            </Field>
            <Field label={t('wf.returnPlan.description')}>
              {(id) => (
                <input
                  type="text"
                  id={id}
                  maxLength={1000}
                  value={step.description}
                  onChange={(e) => setStep(index, { description: e.target.value })}
                  data-testid={`wf-step-${index}-description`}
                />
              )}
            </Field>
            <Field label={t('wf.returnPlan.leaveOut')}>
              {(id) => (
                <input
                  type="text"
                  id={id}
                  maxLength={2000}
                  value={step.leaveOut}
                  onChange={(e) => setStep(index, { leaveOut: e.target.value })}
                  data-testid={`wf-step-${index}-leaveOut`}
                />
              )}
            </Field>
            {steps.length > 1 && (
              <RowButton
                onClick={() => setSteps(steps.filter((_, i) => i !== index))}
                testId={`wf-step-${index}-remove`}
                label={t('wf.returnPlan.removeStep')}
              />
            )}
          </li>
        ))}
      </ol>
      <RowButton add onClick={addStep} testId="wf-step-add" label={t('wf.returnPlan.addStep')} />
      <SubmitButton name="returnPlan" busy={busy} error={error} />
    </form>
  );
}

function LetGoForm({ file, pupilId, run, onDone }: FormProps) {
  const { t } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [grounds, setGrounds] = useState<string[]>([]);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [otherAlternative, setOtherAlternative] = useState('');
  const [discussedWith, setDiscussedWith] = useState('');
  const [plan, setPlan] = useState<ContactPlanInput>({ who: file.pivot.name ?? '', channel: 'phone' });
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        workflowApi.letGoOfSchool(pupilId, {
          grounds,
          alternatives,
          ...(alternatives.includes('other') ? { otherAlternative } : {}),
          discussedWith,
          contactPlan: plan,
        }),
      saved(t, 'letGo'),
    );
  };
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid="wf-letGo-form">
      <h3>{t('wf.open.letGo')}</h3>
      <p className="muted">{t('wf.letGo.hint')}</p>
      <ProblemList problems={problems} />
      <FieldProblems problems={problems} field="clbInvolvement" />
      <GroupedChoices
        legend={t('wf.letGo.grounds')}
        items={file.schoolRefusal.letGoGrounds.map((g) => ({ ...g, group: g.from }))}
        groupLabel={(group) => t(`wf.letGo.from.${group}` as MessageKey)}
        chosen={grounds}
        onChange={setGrounds}
        testId="wf-letGo-ground"
      >
        <FieldProblems problems={problems} field="grounds" />
      </GroupedChoices>
      <GroupedChoices
        legend={t('wf.letGo.alternatives')}
        items={file.schoolRefusal.letGoAlternatives.map((a) => ({ ...a, group: a.for }))}
        groupLabel={(group) => t(`wf.letGo.for.${group}` as MessageKey)}
        chosen={alternatives}
        onChange={setAlternatives}
        testId="wf-letGo-alternative"
      >
        <FieldProblems problems={problems} field="alternatives" />
      </GroupedChoices>
      {alternatives.includes('other') && (
        <TextField
          label={t('wf.letGo.other')}
          hint={<FieldProblems problems={problems} field="otherAlternative" />}
          value={otherAlternative}
          onChange={setOtherAlternative}
          testId="wf-letGo-other"
          type="text"
          maxLength={1000}
        />
      )}
      <TextField
        label={t('wf.letGo.discussedWith')}
        hint={<FieldProblems problems={problems} field="discussedWith" />}
        value={discussedWith}
        onChange={setDiscussedWith}
        testId="wf-letGo-discussedWith"
        type="text"
        maxLength={1000}
      />
      <fieldset className="field">
        <legend>{t('wf.letGo.contactPlan')}</legend>
        <p className="muted">{t('wf.letGo.contactPlanHint')}</p>
        <Field label={t('wf.letGo.who')} hint={<FieldProblems problems={problems} field="contactPlan.who" />}>
          {(id) => (
            <input
              type="text"
              id={id}
              maxLength={200}
              value={plan.who ?? ''}
              onChange={(e) => setPlan({ ...plan, who: e.target.value })}
              data-testid="wf-letGo-who"
            />
          )}
        </Field>
        <Field
          label={t('wf.letGo.frequency')}
          hint={<FieldProblems problems={problems} field="contactPlan.frequency" />}
        >
          {(id) => (
            <input
              type="text"
              id={id}
              maxLength={200}
              value={plan.frequency ?? ''}
              onChange={(e) => setPlan({ ...plan, frequency: e.target.value })}
              data-testid="wf-letGo-frequency"
            />
          )}
        </Field>
        <Field
          label={t('wf.letGo.next')}
          hint={<FieldProblems problems={problems} field="contactPlan.nextContactOn" />}
        >
          {(id) => (
            <input
              id={id}
              type="date"
              value={plan.nextContactOn ?? ''}
              onChange={(e) => setPlan({ ...plan, nextContactOn: e.target.value })}
              data-testid="wf-letGo-next"
            />
          )}
        </Field>
        <Field label={t('wf.letGo.channel')} hint={<FieldProblems problems={problems} field="contactPlan.channel" />}>
          {(id) => (
            <select
              id={id}
              value={plan.channel ?? ''}
              onChange={(e) => setPlan({ ...plan, channel: e.target.value })}
              data-testid="wf-letGo-channel"
            >
              {CONTACT_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`wf.channel.${channel}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <SubmitButton name="letGo" busy={busy} error={error} />
    </form>
  );
}

/** A workflow entry's structured checklist on the timeline (the text itself is in `what`). */
export function WorkflowDetails({ kind, details }: { kind: string; details: unknown }) {
  const { t } = useI18n();
  if (!details || typeof details !== 'object') return null;
  const data = details as Record<string, unknown>;
  if (kind === 'return-plan' && Array.isArray(data.steps)) {
    const steps = data.steps as { from: string; load: number; description: string; leaveOut: string[] }[];
    return (
      <div className="table-scroll">
        <table className="data-table" data-testid="wf-details-steps">
          <thead>
            <tr>
              <th scope="col">{t('wf.returnPlan.from')}</th>
              <th scope="col">{t('wf.returnPlan.load')}</th>
              <th scope="col">{t('wf.returnPlan.description')}</th>
              <th scope="col">{t('wf.returnPlan.leaveOut')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the steps of a recorded plan never change order
              <tr key={index}>
                <td>
                  {t(`weekday.${weekday(step.from)}` as MessageKey)} {formatDate(step.from)}
                </td>
                <td>{step.load}</td>
                <td>{step.description}</td>
                <td>{step.leaveOut.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (kind === 'let-go-of-school' && data.contactPlan && typeof data.contactPlan === 'object') {
    const plan = data.contactPlan as { who: string; nextContactOn: string; channel: string };
    return (
      <p className="muted" data-testid="wf-details-contact">
        {t('wf.details.nextContact', {
          date: formatDate(plan.nextContactOn),
          who: plan.who,
          channel: t(`wf.channel.${plan.channel}` as MessageKey),
        })}
      </p>
    );
  }
  if (kind === 'school-refusal-signals' && data.answers && typeof data.answers === 'object') {
    const answers = Object.values(data.answers as Record<string, { answer: string }>).map((a) => a.answer);
    const count = (answer: string) => answers.filter((a) => a === answer).length;
    return (
      <p className="muted" data-testid="wf-details-signals">
        {t('wf.details.signals', { yes: count('yes'), unknown: count('unknown'), no: count('no') })}
      </p>
    );
  }
  return null;
}

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

/** Checkboxes grouped per pupil / family / school, as the seed lists grounds and alternatives (phase 3). */
function GroupedChoices({
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
function RowButton({
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
