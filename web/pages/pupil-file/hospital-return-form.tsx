// Return after a hospital or K-dienst stay (seed 000:38-69).
import { type FormEvent, useState } from 'react';
import { workflowApi } from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FieldProblems, type FormProps, ProblemList, SubmitButton, saved, useWorkflow } from './workflow-form.tsx';

export function HospitalReturnForm({ file, pupilId, run, onDone }: FormProps) {
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
