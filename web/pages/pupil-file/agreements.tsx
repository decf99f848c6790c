// Agreements (afspraken) with due date, reminder and status; an edit on a stale version shows the current one.
import { type FormEvent, useEffect, useState } from 'react';
import {
  type Agreement,
  type AgreementInput,
  conflictOf,
  fileApi,
  type Paged,
  type PupilFile,
} from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { formatDate } from '../../dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { FormError, type Run, useFormRun } from './form-run.tsx';
import { OnDemand, PAGE, Section } from './section.tsx';

export function Agreements({
  file,
  pupilId,
  run,
  reload,
}: {
  file: PupilFile;
  pupilId: string;
  run: Run;
  reload: number;
}) {
  const add = useFormRun(run, ['what', 'who', 'dueOn', 'remindOn', 'checkNote', 'status']);
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Paged<Agreement> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    let cancelled = false;
    fileApi.agreements(pupilId, { limit: PAGE, offset }).then((loaded) => !cancelled && setPage(loaded));
    return () => {
      cancelled = true;
    };
  }, [pupilId, offset, reload]);
  const items = page?.items ?? file.agreements.items;
  const total = page?.total ?? file.agreements.total;
  return (
    <Section title={t('file.agreements')} testId="file-agreements" anchor="file-agreements">
      {items.length === 0 && <p className="muted">{t('file.empty')}</p>}
      <ul className="file-list">
        {items.map((agreement) => (
          <AgreementRow
            key={`${agreement.id}:${agreement.version}`}
            agreement={agreement}
            canEdit={file.permissions.write}
            leadDays={file.reminderLeadDays}
            run={run}
          />
        ))}
      </ul>
      {total > PAGE && (
        <p className="file-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('file.previous')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('file.next')}
          </button>
        </p>
      )}
      {file.permissions.write && (
        <OnDemand label={t('file.addAgreement')} testId="file-open-agreement">
          <AgreementForm
            submitLabel={t('file.addAgreement')}
            testPrefix="agreement"
            leadDays={file.reminderLeadDays}
            onSubmit={(input) => add.submit(() => fileApi.addAgreement(pupilId, input), t('file.saved'))}
            problems={add.problems}
            formError={add.formError}
          />
        </OnDemand>
      )}
    </Section>
  );
}

function AgreementRow({
  agreement,
  canEdit,
  leadDays,
  run,
}: {
  agreement: Agreement;
  canEdit: boolean;
  leadDays: number;
  run: Run;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<Agreement | null>(null);
  const [version, setVersion] = useState(agreement.version);
  const save = async (input: AgreementInput) => {
    try {
      await fileApi.editAgreement(agreement.id, { ...input, version });
      setEditing(false);
      setConflict(null);
      return run(async () => undefined, t('file.saved'));
    } catch (caught) {
      const problem = conflictOf<Agreement>(caught);
      if (problem) {
        // Keep the user's text in the form; from now on save on top of the current version.
        setConflict(problem.current);
        setVersion(problem.current.version);
        return false;
      }
      return run(() => Promise.reject(caught), '');
    }
  };
  return (
    <li data-testid="agreement-row" data-agreement-id={agreement.id} data-version={agreement.version}>
      <span data-testid="agreement-text">
        {agreement.what} · {agreement.who} · {formatDate(agreement.dueOn)}
        {agreement.checkNote ? ` · ${agreement.checkNote}` : ''} · {labels.status(agreement.status)}
        {agreement.remindOn && agreement.status === 'open'
          ? ` · ${t('file.agreementRemindsOn', { date: formatDate(agreement.remindOn) })}`
          : ''}
      </span>
      {canEdit && !editing && (
        <button
          type="button"
          className="button button--link"
          onClick={() => setEditing(true)}
          data-testid="agreement-edit"
        >
          {t('file.edit')}
        </button>
      )}
      {conflict && (
        <p className="alert alert--error" role="alert" data-testid="agreement-conflict">
          {t('file.conflict', {
            version: conflict.version,
            what: conflict.what,
            who: conflict.who,
            due: formatDate(conflict.dueOn),
          })}
        </p>
      )}
      {editing && (
        <AgreementForm
          initial={agreement}
          submitLabel={t('file.save')}
          testPrefix="agreement-edit"
          leadDays={leadDays}
          onSubmit={save}
          onCancel={() => {
            setEditing(false);
            setConflict(null);
          }}
        />
      )}
    </li>
  );
}

function AgreementForm({
  initial,
  submitLabel,
  testPrefix,
  leadDays,
  onSubmit,
  onCancel,
  problems = {},
  formError = null,
}: {
  initial?: Agreement;
  submitLabel: string;
  testPrefix: string;
  leadDays: number;
  onSubmit: (input: AgreementInput) => Promise<boolean>;
  onCancel?: () => void;
  /** The server's problems per field (what, who, dueOn, remindOn, checkNote, status) and the rest. */
  problems?: Record<string, string[]>;
  formError?: string | null;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const [what, setWhat] = useState(initial?.what ?? '');
  const [who, setWho] = useState(initial?.who ?? '');
  const [dueOn, setDueOn] = useState(initial?.dueOn ?? '');
  const [remindOn, setRemindOn] = useState(initial?.remindOn ?? '');
  const [checkNote, setCheckNote] = useState(initial?.checkNote ?? '');
  const [status, setStatus] = useState<Agreement['status']>(initial?.status ?? 'open');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit({ what, who, dueOn, remindOn: remindOn || null, checkNote: checkNote || null, status }).then((ok) => {
      if (ok && !initial) {
        setWhat('');
        setWho('');
        setDueOn('');
        setRemindOn('');
        setCheckNote('');
      }
    });
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid={`${testPrefix}-form`}>
      <TextField
        label={t('file.agreementWhat')}
        value={what}
        onChange={setWhat}
        testId={`${testPrefix}-what`}
        problems={problems.what}
        required
        maxLength={2000}
      />
      <TextField
        label={t('file.agreementWho')}
        value={who}
        onChange={setWho}
        testId={`${testPrefix}-who`}
        problems={problems.who}
        required
        maxLength={200}
      />
      <TextField
        label={t('file.agreementDue')}
        value={dueOn}
        onChange={setDueOn}
        testId={`${testPrefix}-due`}
        problems={problems.dueOn}
        type="date"
        required
      />
      <TextField
        label={t('file.agreementRemind', { days: leadDays })}
        value={remindOn}
        onChange={setRemindOn}
        testId={`${testPrefix}-remind`}
        problems={problems.remindOn}
        type="date"
        max={dueOn || undefined}
      />
      <TextField
        label={t('file.agreementCheck')}
        value={checkNote}
        onChange={setCheckNote}
        testId={`${testPrefix}-check`}
        problems={problems.checkNote}
        maxLength={2000}
      />
      {initial && (
        <Field label={t('file.agreementStatus')} problems={problems.status}>
          {(id) => (
            <select
              id={id}
              value={status}
              onChange={(e) => setStatus(e.target.value as Agreement['status'])}
              data-testid={`${testPrefix}-status`}
            >
              {(['open', 'done', 'dropped'] as const).map((s) => (
                <option key={s} value={s}>
                  {labels.status(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FormError text={formError} />
      <p className="file-actions">
        <button type="submit" className="button button--primary" data-testid={`${testPrefix}-save`}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('file.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
