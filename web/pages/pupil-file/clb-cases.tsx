// What the school sent to the CLB and the status the CLB gave it (received → in behandeling → afgesloten), the prompt
// to signal again when B half-days followed the CLB's closing, and the CLB referral with its grounds (seed 003 §2.1).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { clbInboxApi } from '../../api/clb-inbox-client.ts';
import type { PupilFile } from '../../api/pupil-file-client.ts';
import { Field, FieldErrors } from '../../components/form-field.tsx';
import { formatDate } from '../../dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import { FormError, type Run, useFormRun } from './form-run.tsx';
import { Section } from './section.tsx';

const GROUNDS = ['trajectory-not-working', 'underlying-problem', 'no-longer-comes'] as const;
const ANSWERS = ['causeClarification', 'actionsTaken', 'parentsInformed', 'helpQuestion'] as const;

export function ClbCases({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
  const { t, language } = useI18n();
  const query = useQuery({ queryKey: ['clb-cases', pupilId], queryFn: () => clbInboxApi.pupilCases(pupilId) });
  const data = query.data;
  if (!data || (data.items.length === 0 && !data.resignal && !file.permissions.manage)) return null;
  return (
    <Section title={t('clbCases.title')} testId="clb-cases">
      {data.resignal && (
        <p className="alert alert--error" role="status" data-testid="clb-resignal">
          <strong>{data.resignal.title[language]}</strong> {data.resignal.action[language]}{' '}
          {t('clbCases.resignalSince', {
            date: formatDate(data.resignal.closedOn),
            count: data.resignal.newBHalfDays.length,
          })}
        </p>
      )}
      {data.items.length === 0 ? (
        <p className="muted">{t('clbCases.none')}</p>
      ) : (
        <ul className="clb-cases">
          {data.items.map((item) => (
            <li key={item.id} data-testid="clb-case">
              {t(`inbox.kind.${item.kind}` as MessageKey)} {t('clbCases.on', { date: formatDate(item.receivedOn) })} (
              {item.clb.name}):{' '}
              <strong data-testid="clb-case-status">{t(`inbox.status.${item.status}` as MessageKey)}</strong>
              {item.plan ? ` — ${t('inbox.plan')}: ${item.plan}` : ''}
              {item.outcome ? ` — ${t(`inbox.outcome.${item.outcome}` as MessageKey)}` : ''}
              {item.closedOn ? ` (${formatDate(item.closedOn)})` : ''}
            </li>
          ))}
        </ul>
      )}
      {file.permissions.manage && <ReferralForm pupilId={pupilId} run={run} />}
    </Section>
  );
}

function ReferralForm({ pupilId, run }: { pupilId: string; run: Run }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [grounds, setGrounds] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { submit, problems, formError } = useFormRun(run, ['grounds', ...ANSWERS.map((a) => `answers.${a}`)]);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => clbInboxApi.refer(pupilId, { grounds, answers }), t('clbCases.referDone')).then((ok) => {
      if (ok) setOpen(false);
      void client.invalidateQueries({ queryKey: ['clb-cases', pupilId] });
    });
  };
  if (!open)
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)} data-testid="refer-open">
        {t('clbCases.refer')}
      </button>
    );
  return (
    <form className="file-form" onSubmit={send} data-testid="refer-form">
      <fieldset>
        <legend>{t('clbCases.grounds')}</legend>
        <FieldErrors problems={problems.grounds} />
        {GROUNDS.map((g) => (
          <label key={g} className="checkbox">
            <input
              type="checkbox"
              checked={grounds.includes(g)}
              onChange={(e) => setGrounds(e.target.checked ? [...grounds, g] : grounds.filter((x) => x !== g))}
            />{' '}
            {t(`inbox.ground.${g}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {ANSWERS.map((a) => (
        <Field key={a} label={t(`clbCases.answer.${a}` as MessageKey)} problems={problems[`answers.${a}`]}>
          {(id) => (
            <textarea
              id={id}
              rows={2}
              maxLength={4000}
              value={answers[a] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [a]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="refer-submit">
        {t('clbCases.referSubmit')}
      </button>
    </form>
  );
}
