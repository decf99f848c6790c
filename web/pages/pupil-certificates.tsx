// The pupil page's medical certificates (issue 14): the list with each certificate's assessment and CLB route, the
// school's form to record one, the school's "tell the CLB" step and the CLB doctor's steps. The server decides who
// sees the doctor's note (the visibility rule) and which steps each role may take (mayWrite, mayAdvise).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { todayIso } from '../../src/domain/civil-date.ts';
import { DOUBT_OUTCOME_LABELS, ISSUER_KIND_LABELS, labelOf } from '../../src/domain/labels.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { type Certificate, type CertificateInput, medicalApi } from '../api/medical-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Notice = { tone: 'success' | 'error'; text: string } | null;

export function PupilCertificates({ pupilId }: { pupilId: number | string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['pupil', String(pupilId), 'certificates'],
    queryFn: () => medicalApi.certificates(pupilId),
  });
  const [notice, setNotice] = useState<Notice>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['pupil', String(pupilId)] });
  // A role without access (a class teacher) gets 403: the section is then left out.
  if (query.error instanceof ApiError && query.error.status === 403) return null;
  return (
    <section aria-labelledby="certificates-title" className="section" data-testid="pupil-certificates">
      <h2 id="certificates-title">{t('medical.title')}</h2>
      {query.isPending && <Loading />}
      {query.error && <ErrorMessage error={query.error} onRetry={reload} />}
      {notice && (
        <p
          className={`alert alert--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="certificate-notice"
        >
          {notice.text}
        </p>
      )}
      {query.data && query.data.certificates.length === 0 && <p className="muted">{t('medical.empty')}</p>}
      {query.data && query.data.certificates.length > 0 && (
        <table className="table" data-testid="certificate-table">
          <thead>
            <tr>
              <th scope="col">{t('medical.period')}</th>
              <th scope="col">{t('medical.issuer')}</th>
              <th scope="col">{t('medical.received')}</th>
              <th scope="col">{t('medical.flags')}</th>
              <th scope="col">{t('medical.route')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.certificates.map((c) => (
              <CertificateRow
                key={c.id}
                certificate={c}
                mayWrite={query.data.mayWrite}
                mayAdvise={query.data.mayAdvise}
                onDone={(n) => {
                  setNotice(n);
                  reload();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {query.data?.mayWrite && (
        <AddCertificate
          pupilId={pupilId}
          onDone={(n) => {
            setNotice(n);
            reload();
          }}
        />
      )}
    </section>
  );
}

function useFailure() {
  const { t, language } = useI18n();
  return (caught: unknown): Notice => {
    if (caught instanceof ApiError && caught.status === 409) return { tone: 'error', text: t('medical.conflict') };
    if (caught instanceof ApiError && caught.status === 422) {
      return { tone: 'error', text: t('medical.refused', { reason: caught.messageFor(language) }) };
    }
    return { tone: 'error', text: errorMessage(caught, language, t('app.error')) };
  };
}

function CertificateRow({
  certificate: c,
  mayWrite,
  mayAdvise,
  onDone,
}: {
  certificate: Certificate;
  mayWrite: boolean;
  mayAdvise: boolean;
  onDone: (notice: Notice) => void;
}) {
  const { t, language } = useI18n();
  const failed = useFailure();
  const tell = useMutation({ mutationFn: () => medicalApi.tellClb(c.id, { on: todayIso(), version: c.version }) });
  return (
    <tr data-testid={`certificate-${c.id}`}>
      <td>
        {formatDate(c.from)}
        {c.fromHalf === 'PM' ? ` (${t('medical.afternoon').toLowerCase()})` : ''} – {formatDate(c.to)}
        {c.toHalf === 'AM' ? ` (${t('medical.morning').toLowerCase()})` : ''}
      </td>
      <td>{labelOf(ISSUER_KIND_LABELS, c.issuerKind, language)}</td>
      <td>{formatDate(c.receivedOn)}</td>
      <td>
        {c.dixit && <p>{t('medical.dixit')}</p>}
        {c.doubt ? (
          <p>
            {t('medical.doubt')}: {c.doubtReason}
          </p>
        ) : (
          !c.dixit && <p className="muted">{t('medical.noDoubt')}</p>
        )}
      </td>
      <td data-testid="certificate-route">
        {c.doubt && (
          <>
            <p>{c.clbToldOn ? t('medical.clbTold', { date: formatDate(c.clbToldOn) }) : t('medical.notTold')}</p>
            {c.consentOn && (
              <p>
                {t('medical.consentOn')}: {formatDate(c.consentOn)}
              </p>
            )}
            {c.doctorContactedOn && (
              <p>
                {t('medical.contactedOn')}: {formatDate(c.doctorContactedOn)}
              </p>
            )}
            <p data-testid="certificate-outcome">
              {c.outcome
                ? `${labelOf(DOUBT_OUTCOME_LABELS, c.outcome, language)} (${formatDate(c.outcomeOn)})`
                : t('medical.noOutcome')}
            </p>
            {c.doctorNote !== null && (
              <p data-testid="certificate-doctor-note">
                {t('medical.doctorNote')}: {c.doctorNote}
              </p>
            )}
            {mayWrite && c.clbToldOn === null && (
              <button
                type="button"
                className="button button--secondary"
                disabled={tell.isPending}
                data-testid="certificate-tell-clb"
                onClick={() =>
                  tell.mutate(undefined, {
                    onSuccess: () =>
                      onDone({ tone: 'success', text: t('medical.clbTold', { date: formatDate(todayIso()) }) }),
                    onError: (e) => onDone(failed(e)),
                  })
                }
              >
                {t('medical.tellClb')}
              </button>
            )}
            {mayAdvise && c.clbToldOn !== null && <AdviceForm certificate={c} onDone={onDone} />}
          </>
        )}
      </td>
    </tr>
  );
}

function AdviceForm({ certificate: c, onDone }: { certificate: Certificate; onDone: (notice: Notice) => void }) {
  const { t, language } = useI18n();
  const failed = useFailure();
  const [consentOn, setConsentOn] = useState(c.consentOn ?? '');
  const [contactedOn, setContactedOn] = useState(c.doctorContactedOn ?? '');
  const [outcome, setOutcome] = useState<string>(c.outcome ?? '');
  const [outcomeOn, setOutcomeOn] = useState(c.outcomeOn ?? '');
  const [note, setNote] = useState(c.doctorNote ?? '');
  const save = useMutation({
    mutationFn: () =>
      medicalApi.advise(c.id, {
        version: c.version,
        consentOn: consentOn || null,
        doctorContactedOn: contactedOn || null,
        outcome: (outcome || null) as Certificate['outcome'],
        outcomeOn: outcomeOn || null,
        note: note.trim() || null,
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: () => onDone({ tone: 'success', text: t('medical.adviceSaved') }),
      onError: (e) => onDone(failed(e)),
    });
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid="certificate-advice-form">
      <TextField
        label={t('medical.consentOn')}
        type="date"
        value={consentOn}
        onChange={setConsentOn}
        testId="advice-consent"
      />
      <TextField
        label={t('medical.contactedOn')}
        type="date"
        value={contactedOn}
        onChange={setContactedOn}
        testId="advice-contacted"
      />
      <Field label={t('medical.outcome')}>
        {(id) => (
          <select id={id} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="advice-outcome">
            <option value="">{t('medical.noOutcome')}</option>
            {Object.keys(DOUBT_OUTCOME_LABELS).map((o) => (
              <option key={o} value={o}>
                {labelOf(DOUBT_OUTCOME_LABELS, o, language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('medical.outcomeOn')}
        type="date"
        value={outcomeOn}
        onChange={setOutcomeOn}
        testId="advice-outcome-on"
      />
      <Field label={t('medical.note')}>
        {(id) => (
          <textarea
            id={id}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            data-testid="advice-note"
          />
        )}
      </Field>
      <div className="file-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="advice-save">
          {t('medical.adviceSave')}
        </button>
      </div>
    </form>
  );
}

const EMPTY: CertificateInput = {
  from: '',
  fromHalf: null,
  to: '',
  toHalf: null,
  issuerKind: 'arts',
  receivedOn: '',
  dixit: false,
  doubt: false,
  doubtReason: null,
};

function AddCertificate({ pupilId, onDone }: { pupilId: number | string; onDone: (notice: Notice) => void }) {
  const { t, language } = useI18n();
  const failed = useFailure();
  const [form, setForm] = useState<CertificateInput>({ ...EMPTY, receivedOn: todayIso() });
  const set = (change: Partial<CertificateInput>) => setForm((f) => ({ ...f, ...change }));
  const add = useMutation({ mutationFn: (input: CertificateInput) => medicalApi.addCertificate(pupilId, input) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { ...form, doubtReason: form.doubt ? form.doubtReason : null },
      {
        onSuccess: () => {
          setForm({ ...EMPTY, receivedOn: todayIso() });
          onDone({ tone: 'success', text: t('medical.added') });
        },
        onError: (e) => onDone(failed(e)),
      },
    );
  };
  return (
    <details className="elsewhere">
      <summary>{t('medical.add')}</summary>
      <form className="file-form" onSubmit={submit} data-testid="certificate-form">
        <TextField
          label={t('medical.from')}
          type="date"
          value={form.from}
          onChange={(from) => set({ from })}
          required
          testId="certificate-from"
        />
        <Field label={t('medical.fromHalf')}>
          {(id) => (
            <select
              id={id}
              value={form.fromHalf ?? ''}
              onChange={(e) => set({ fromHalf: e.target.value === 'PM' ? 'PM' : null })}
            >
              <option value="">{t('medical.wholeDay')}</option>
              <option value="PM">{t('medical.afternoon')}</option>
            </select>
          )}
        </Field>
        <TextField
          label={t('medical.to')}
          type="date"
          value={form.to}
          onChange={(to) => set({ to })}
          required
          testId="certificate-to"
        />
        <Field label={t('medical.toHalf')}>
          {(id) => (
            <select
              id={id}
              value={form.toHalf ?? ''}
              onChange={(e) => set({ toHalf: e.target.value === 'AM' ? 'AM' : null })}
            >
              <option value="">{t('medical.wholeDay')}</option>
              <option value="AM">{t('medical.morning')}</option>
            </select>
          )}
        </Field>
        <Field label={t('medical.issuer')}>
          {(id) => (
            <select
              id={id}
              value={form.issuerKind}
              onChange={(e) => set({ issuerKind: e.target.value as CertificateInput['issuerKind'] })}
              data-testid="certificate-issuer"
            >
              {Object.keys(ISSUER_KIND_LABELS).map((k) => (
                <option key={k} value={k}>
                  {labelOf(ISSUER_KIND_LABELS, k, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('medical.received')}
          type="date"
          value={form.receivedOn}
          onChange={(receivedOn) => set({ receivedOn })}
          required
          testId="certificate-received"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.dixit}
            onChange={(e) => set({ dixit: e.target.checked })}
            data-testid="certificate-dixit"
          />
          {t('medical.dixit')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.doubt}
            onChange={(e) => set({ doubt: e.target.checked })}
            data-testid="certificate-doubt"
          />
          {t('medical.doubt')}
        </label>
        {form.doubt && (
          <TextField
            label={t('medical.doubtReason')}
            value={form.doubtReason ?? ''}
            onChange={(doubtReason) => set({ doubtReason })}
            required
            maxLength={2000}
            testId="certificate-doubt-reason"
          />
        )}
        <div className="file-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={add.isPending}
            data-testid="certificate-save"
          >
            {t('medical.add')}
          </button>
        </div>
      </form>
    </details>
  );
}
