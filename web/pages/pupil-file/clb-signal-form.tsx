// The checklist that signals the pupil to the CLB (offered while B5_CLB is open, or when the CLB closed the last
// signal and new B half-days followed), pre-filled with what the app knows.
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fileApi, type PupilFile } from '../../api/pupil-file-client.ts';
import { Field } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormError, type Run, useFormRun } from './form-run.tsx';
import { Section } from './section.tsx';

export function ClbSignalForm({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
  const { t, language } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const {
    submit: send,
    problems,
    formError,
  } = useFormRun(run, [...file.clbSignalFields.map((field) => `checklist.${field.id}`), 'noConversationReason']);
  const [answers, setAnswers] = useState<Record<string, string>>({ ...file.clbSignalDraft });
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(
      () => fileApi.signalClb(pupilId, { checklist: answers, ...(reason ? { noConversationReason: reason } : {}) }),
      t('file.clbSignalDone'),
    ).then((ok) => {
      if (ok) setOpen(false);
      // The CLB case the signal opened shows in the CLB section above.
      void client.invalidateQueries({ queryKey: ['clb-cases', pupilId] });
    });
  };
  return (
    <Section title={t('file.clbSignal')} testId="clb-signal">
      <p className="muted">{t('file.clbSignalHint')}</p>
      {!open ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => setOpen(true)}
          data-testid="clb-signal-open"
        >
          {t('file.clbSignalStart')}
        </button>
      ) : (
        <form className="file-form" onSubmit={submit} data-testid="clb-signal-form">
          {file.clbSignalFields.map((field) => (
            <Field key={field.id} label={field[language]} problems={problems[`checklist.${field.id}`]}>
              {(id) => (
                <textarea
                  id={id}
                  rows={2}
                  required
                  maxLength={4000}
                  value={answers[field.id] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [field.id]: e.target.value })}
                  data-testid={`clb-field-${field.id}`}
                />
              )}
            </Field>
          ))}
          <Field label={t('file.noConversationReason')} problems={problems.noConversationReason}>
            {(id) => (
              <input
                id={id}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="clb-no-conversation"
              />
            )}
          </Field>
          <FormError text={formError} />
          <button type="submit" className="button button--primary" data-testid="clb-signal-submit">
            {t('file.clbSignalSubmit')}
          </button>
        </form>
      )}
    </Section>
  );
}
