// School refusal, phase 3: let go of school, not of the pupil (seed 002).
import { type FormEvent, useState } from 'react';
import { type ContactPlanInput, workflowApi } from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import {
  CONTACT_CHANNELS,
  FieldProblems,
  type FormProps,
  GroupedChoices,
  ProblemList,
  SubmitButton,
  saved,
  useWorkflow,
  WIDE,
} from './workflow-form.tsx';

export function LetGoForm({ file, pupilId, run, onDone }: FormProps) {
  const { t } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [grounds, setGrounds] = useState<string[]>([]);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [otherAlternative, setOtherAlternative] = useState('');
  const [discussedWith, setDiscussedWith] = useState('');
  const [term, setTerm] = useState('');
  const [reviewOn, setReviewOn] = useState('');
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
          ...(reviewOn ? { term, reviewOn } : {}),
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
      <TextField
        label={t('wf.restart.term')}
        hint={<FieldProblems problems={problems} field="term" />}
        value={term}
        onChange={setTerm}
        maxLength={200}
        testId="wf-letGo-term"
      />
      <TextField
        label={t('wf.restart.reviewOn')}
        hint={<FieldProblems problems={problems} field="reviewOn" />}
        value={reviewOn}
        onChange={setReviewOn}
        type="date"
        testId="wf-letGo-reviewOn"
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
