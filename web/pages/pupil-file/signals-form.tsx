// School refusal: the signals (seed 002 §1.1).
import { type FormEvent, useState } from 'react';
import { workflowApi } from '../../api/pupil-file-client.ts';
import { Field } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import {
  FieldProblems,
  type FormProps,
  INLINE_CHOICE,
  ProblemList,
  SubmitButton,
  saved,
  useWorkflow,
  WIDE,
} from './workflow-form.tsx';

export function SignalsForm({ file, pupilId, run, onDone }: FormProps) {
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
