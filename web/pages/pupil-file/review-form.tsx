// School refusal: what was done and its effect (seed 002 §1.7 / §2.2).
import { type FormEvent, useState } from 'react';
import { workflowApi } from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  FieldProblems,
  type FormProps,
  INLINE_CHOICE,
  ProblemList,
  RowButton,
  SubmitButton,
  saved,
  useWorkflow,
  WIDE,
} from './workflow-form.tsx';

interface ReviewRowState {
  key: number;
  stakeholder: string;
  name: string;
  done: string;
  effect: string;
  needed: string;
}

export function ReviewForm({ file, pupilId, run, onDone }: FormProps) {
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
