// The restart decision (seed 002 §2.1–2.3): the taxatie's questions, the keuzeschema's advice with its reasons as
// the answers come in (the same pure function the server runs), and the team's decision; deciding otherwise asks
// why; phase 3 asks a term and a review date; a relapse can be recorded with its evaluation.
import { type FormEvent, useState } from 'react';
import {
  decideRestart,
  RESTART_OUTCOMES,
  type RestartOutcome,
  TAXATIE_QUESTIONS,
  type TaxatieAnswers,
} from '../../../src/domain/pupil-file/workflows/restart-decision.ts';
import { medicalApi } from '../../api/medical-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import { FieldProblems, type FormProps, ProblemList, SubmitButton, saved, useWorkflow } from './workflow-form.tsx';

export function RestartForm({ pupilId, run, onDone }: FormProps) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [answers, setAnswers] = useState<TaxatieAnswers>({});
  const [decision, setDecision] = useState<RestartOutcome | ''>('');
  const [otherwiseBecause, setOtherwiseBecause] = useState('');
  const [term, setTerm] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [relapseOn, setRelapseOn] = useState('');
  const [relapseWhat, setRelapseWhat] = useState('');
  const [relapseEvaluation, setRelapseEvaluation] = useState('');
  const complete = TAXATIE_QUESTIONS.every((q) => answers[q.id]);
  const advice = complete ? decideRestart(answers) : null;
  const chosen = decision || advice?.outcome || '';
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () =>
        medicalApi.restartDecision(pupilId, {
          taxatie: answers,
          decision: chosen || 'prepare',
          ...(otherwiseBecause.trim() ? { otherwiseBecause } : {}),
          ...(chosen === 'let-go' ? { term, reviewOn } : {}),
          ...(relapseOn ? { relapse: { on: relapseOn, what: relapseWhat, evaluation: relapseEvaluation } } : {}),
        }),
      saved(t, 'restart'),
    );
  };
  return (
    <form className="file-form" onSubmit={send} noValidate data-testid="wf-restart-form">
      <h3>{t('wf.open.restart')}</h3>
      <p className="muted">{t('wf.restart.hint')}</p>
      <ProblemList problems={problems} />
      {TAXATIE_QUESTIONS.map((q) => (
        <Field key={q.id} label={q[language]} hint={<FieldProblems problems={problems} field={`taxatie.${q.id}`} />}>
          {(id) => (
            <select
              id={id}
              value={answers[q.id] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
              data-testid={`wf-taxatie-${q.id}`}
            >
              <option value="">—</option>
              {q.options.map((o) => (
                <option key={o} value={o}>
                  {t(`wf.restart.option.${o}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      {advice && (
        <div className="alert alert--info" data-testid="wf-restart-advice">
          <p>
            <strong>{t('wf.restart.advice')}</strong>{' '}
            {RESTART_OUTCOMES.find((o) => o.id === advice.outcome)?.[language]}
          </p>
          <ul>
            {advice.reasons.map((r) => (
              <li key={r.nl}>{r[language]}</li>
            ))}
          </ul>
        </div>
      )}
      <Field label={t('wf.restart.decision')} hint={<FieldProblems problems={problems} field="decision" />}>
        {(id) => (
          <select
            id={id}
            value={chosen}
            onChange={(e) => setDecision(e.target.value as RestartOutcome)}
            data-testid="wf-restart-decision"
          >
            <option value="">—</option>
            {RESTART_OUTCOMES.map((o) => (
              <option key={o.id} value={o.id}>
                {o[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {advice && chosen !== advice.outcome && (
        <TextField
          label={t('wf.restart.otherwise')}
          hint={<FieldProblems problems={problems} field="otherwiseBecause" />}
          value={otherwiseBecause}
          onChange={setOtherwiseBecause}
          maxLength={2000}
          testId="wf-restart-otherwise"
        />
      )}
      {chosen === 'let-go' && (
        <>
          <TextField
            label={t('wf.restart.term')}
            value={term}
            onChange={setTerm}
            maxLength={200}
            testId="wf-restart-term"
          />
          <TextField
            label={t('wf.restart.reviewOn')}
            hint={<FieldProblems problems={problems} field="reviewOn" />}
            type="date"
            value={reviewOn}
            onChange={setReviewOn}
            testId="wf-restart-review"
          />
        </>
      )}
      <details>
        <summary>{t('wf.restart.relapse')}</summary>
        <TextField label={t('wf.restart.relapseOn')} type="date" value={relapseOn} onChange={setRelapseOn} />
        <TextField label={t('wf.restart.relapseWhat')} value={relapseWhat} onChange={setRelapseWhat} maxLength={2000} />
        <TextField
          label={t('wf.restart.relapseEvaluation')}
          hint={<FieldProblems problems={problems} field="relapse" />}
          value={relapseEvaluation}
          onChange={setRelapseEvaluation}
          maxLength={2000}
        />
      </details>
      <SubmitButton name="restart" busy={busy} error={error} />
    </form>
  );
}
