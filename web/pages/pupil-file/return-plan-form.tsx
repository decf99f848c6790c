// School refusal: the gradual return plan (seed 002, FAQ 3).
import { type FormEvent, useState } from 'react';
import { workflowApi } from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { formatDate, weekday } from '../../dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import {
  FieldProblems,
  type FormProps,
  ProblemList,
  RowButton,
  SubmitButton,
  saved,
  useWorkflow,
  WIDE,
} from './workflow-form.tsx';

interface StepState {
  key: number;
  from: string;
  load: string;
  description: string;
  leaveOut: string;
}

export function ReturnPlanForm({ pupilId, run, onDone }: FormProps) {
  const { t } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [receivedBy, setReceivedBy] = useState('');
  const [where, setWhere] = useState('');
  const [steps, setSteps] = useState<StepState[]>([{ key: 0, from: '', load: '1', description: '', leaveOut: '' }]);
  const setStep = (index: number, change: Partial<StepState>) =>
    setSteps(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        workflowApi.returnPlan(pupilId, {
          how: { receivedBy, where },
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
      <h4>{t('wf.returnPlan.how')}</h4>
      <TextField
        label={t('wf.returnPlan.receivedBy')}
        hint={<FieldProblems problems={problems} field="how.receivedBy" />}
        value={receivedBy}
        onChange={setReceivedBy}
        maxLength={200}
        testId="wf-return-receivedBy"
      />
      <TextField
        label={t('wf.returnPlan.where')}
        hint={<FieldProblems problems={problems} field="how.where" />}
        value={where}
        onChange={setWhere}
        maxLength={200}
        testId="wf-return-where"
      />
      <h4>{t('wf.returnPlan.when')}</h4>
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
