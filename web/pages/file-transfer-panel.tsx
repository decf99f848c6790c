// The pupil file's panel "Dossieroverdracht" for the CLB (issue 15): where the pupil went (same identity at another
// school), the decision of the parents or the adult pupil, the items to choose with their rule (a verslag always,
// refused categories and disciplinary content never), sending, and the transfers sent and received. Hidden for
// roles that may not see it (403): school staff never see it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { fileTransferApi, type TransferOverview } from '../api/file-transfer-client.ts';
import { ApiError, errorMessage } from '../api/http.ts';
import { ErrorMessage } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLabels } from '../i18n/labels.ts';
import type { MessageKey } from '../i18n/nl.ts';
import { Link } from '../router.tsx';

type Category = TransferOverview['categories'][number];

export function FileTransferPanel({ pupilId }: { pupilId: string }) {
  const { t, language } = useI18n();
  const client = useQueryClient();
  const key = ['file-transfer', pupilId];
  const query = useQuery({ queryKey: key, queryFn: () => fileTransferApi.overview(pupilId), retry: false });
  const reload = () => client.invalidateQueries({ queryKey: key });
  if (query.error instanceof ApiError && query.error.status === 403) return null;
  const data = query.data;
  const categoryName = (id: string) => data?.categories.find((c) => c.id === id)?.[language] ?? id;
  return (
    <section aria-labelledby="transfer-title" className="section card" data-testid="file-transfer" id="file-transfer">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <p className="muted">{t('transfer.intro')}</p>
      {query.error && <ErrorMessage error={query.error} onRetry={() => void reload()} />}
      {data && (
        <>
          <Rules categories={data.categories} />
          {data.received.length > 0 && (
            <div data-testid="transfer-received">
              <h3>{t('transfer.received')}</h3>
              <ul className="file-list">
                {data.received.map((r) => (
                  <li key={r.id}>
                    <strong>{t('transfer.attention')}</strong>{' '}
                    {t('transfer.receivedSummary', {
                      date: formatDate(r.sentOn),
                      clb: r.from.clb.name,
                      school: r.from.school.name,
                    })}{' '}
                    <Link to={`/file-transfers/${r.id}`}>{t('transfer.open')}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h3>{t('transfer.newSchool')}</h3>
          {data.newSchools.length === 0 ? (
            <p className="muted" data-testid="transfer-no-new-school">
              {t('transfer.noNewSchool')}
            </p>
          ) : (
            <ul className="file-list" data-testid="transfer-new-schools">
              {data.newSchools.map((s) => (
                <li key={s.pupilId}>
                  {t('transfer.newSchoolRow', {
                    school: s.school.name,
                    date: formatDate(s.enrolledFrom),
                    clb: s.clb?.name ?? t('transfer.noClb'),
                  })}
                </li>
              ))}
            </ul>
          )}
          {data.newSchools.length > 0 && (
            <>
              <DecisionForm pupilId={pupilId} data={data} categoryName={categoryName} onSaved={reload} />
              {data.decisions[0] && (
                <SendForm pupilId={pupilId} data={data} categoryName={categoryName} onSent={reload} />
              )}
            </>
          )}
          {data.sent.length > 0 && (
            <div data-testid="transfer-sent">
              <h3>{t('transfer.sent')}</h3>
              <ul className="file-list">
                {data.sent.map((s) => (
                  <li key={s.id}>
                    {t('transfer.sentSummary', {
                      date: formatDate(s.sentOn),
                      clb: s.to.clb.name,
                      school: s.to.school.name,
                    })}
                    {': '}
                    {s.counts.map((c) => `${categoryName(c.category)} (${c.count})`).join(', ') || '—'}
                    {s.leftOut.length > 0 &&
                      ` · ${t('transfer.leftOut')}: ${s.leftOut
                        .map(
                          (l) =>
                            `${categoryName(l.category)} (${l.count}, ${t(`transfer.reason.${l.reason}` as MessageKey)})`,
                        )
                        .join(', ')}`}{' '}
                    <Link to={`/file-transfers/${s.id}`}>{t('transfer.open')}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Rules({ categories }: { categories: Category[] }) {
  const { t, language } = useI18n();
  return (
    <details>
      <summary>{t('transfer.rules')}</summary>
      <ul className="file-list">
        {categories.map((c) => (
          <li key={c.id}>
            <strong>{c[language]}</strong>: {t(`transfer.rule.${c.rule}` as MessageKey)}
            {c.readers === 'clb-arts' ? ` · ${t('transfer.doctorOnly')}` : ''}
            <br />
            <span className="muted">{c.source}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

interface FormProps {
  pupilId: string;
  data: TransferOverview;
  categoryName: (id: string) => string;
}

function DecisionForm({ pupilId, data, categoryName, onSaved }: FormProps & { onSaved: () => void }) {
  const { t, language } = useI18n();
  const current = data.decisions[0] ?? null;
  const [informedOn, setInformedOn] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [refused, setRefused] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const informedId = useId();
  const decidedId = useId();
  const noteId = useId();
  const refusable = data.categories.filter((c) => c.rule === 'unless-refused');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await fileTransferApi.decide(pupilId, {
        decidedBy: data.decider.now,
        informedOn,
        decidedOn,
        refused,
        note: note.trim() || null,
        replaces: current?.id ?? null,
      });
      setRefused([]);
      setNote('');
    } catch (caught) {
      setError(errorMessage(caught, language, t('app.error')));
    } finally {
      setBusy(false);
      onSaved();
    }
  };
  return (
    <div data-testid="transfer-decision">
      <h3>{t('transfer.decision')}</h3>
      {current ? (
        <p data-testid="transfer-decision-current">
          {t('transfer.decisionRow', {
            who: t(`transfer.decidedBy.${current.decidedBy}` as MessageKey),
            informed: formatDate(current.informedOn),
            decided: formatDate(current.decidedOn),
            refused:
              current.refused.length === 0
                ? t('transfer.noObjection')
                : `${t('transfer.refused')}: ${current.refused.map(categoryName).join(', ')}`,
          })}
        </p>
      ) : (
        <p className="muted">{t('transfer.decisionNone')}</p>
      )}
      <form className="file-form" onSubmit={(e) => void submit(e)}>
        <p>
          {t('transfer.deciderNow', { who: t(`transfer.decidedBy.${data.decider.now}` as MessageKey) })}{' '}
          <span className="muted">({data.decider.source})</span>
        </p>
        <label htmlFor={informedId}>{t('transfer.informedOn')}</label>
        <input
          id={informedId}
          type="date"
          required
          value={informedOn}
          onChange={(e) => setInformedOn(e.target.value)}
          data-testid="transfer-informed-on"
        />
        <label htmlFor={decidedId}>{t('transfer.decidedOn')}</label>
        <input
          id={decidedId}
          type="date"
          required
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
          data-testid="transfer-decided-on"
        />
        <fieldset>
          <legend>{t('transfer.refusedLegend')}</legend>
          {refusable.map((c) => (
            <label key={c.id} className="checkbox">
              <input
                type="checkbox"
                checked={refused.includes(c.id)}
                onChange={(e) =>
                  setRefused((now) => (e.target.checked ? [...now, c.id] : now.filter((x) => x !== c.id)))
                }
                data-testid={`transfer-refuse-${c.id}`}
              />{' '}
              {c[language]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={noteId}>{t('transfer.note')}</label>
        <textarea id={noteId} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button button--primary" disabled={busy} data-testid="transfer-record-decision">
          {t('transfer.recordDecision')}
        </button>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

function SendForm({ pupilId, data, categoryName, onSent }: FormProps & { onSent: () => void }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const decision = data.decisions[0];
  const [target, setTarget] = useState<number>(data.newSchools[0]?.pupilId ?? 0);
  const [entries, setEntries] = useState<number[]>([]);
  const [documents, setDocuments] = useState<number[]>([]);
  const [verslagen, setVerslagen] = useState<number[]>([]);
  const [handoverNote, setHandoverNote] = useState('');
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const targetId = useId();
  const noteId = useId();
  const toggle = (list: number[], value: number, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);
  const verdict = (item: { rule: string; goesAlong: boolean; reason: string | null }) =>
    item.goesAlong
      ? t(`transfer.rule.${item.rule}` as MessageKey)
      : t(`transfer.reason.${item.reason ?? 'refused'}` as MessageKey);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    setBusy(true);
    setNotice(null);
    try {
      await fileTransferApi.send(pupilId, {
        toPupilId: target,
        decisionId: decision.id,
        entryIds: entries,
        documents: documents.map((id) => ({ id, mark: verslagen.includes(id) ? 'verslag' : null })),
        handoverNote: handoverNote.trim() || null,
      });
      setNotice({ tone: 'success', text: t('transfer.done') });
      setEntries([]);
      setDocuments([]);
      setVerslagen([]);
      setHandoverNote('');
    } catch (caught) {
      setNotice({ tone: 'error', text: errorMessage(caught, language, t('app.error')) });
    } finally {
      setBusy(false);
      onSent();
    }
  };
  return (
    <form className="file-form" onSubmit={(e) => void submit(e)} data-testid="transfer-send-form">
      <h3>{t('transfer.items')}</h3>
      <label htmlFor={targetId}>{t('transfer.newSchool')}</label>
      <select id={targetId} value={target} onChange={(e) => setTarget(Number(e.target.value))}>
        {data.newSchools.map((s) => (
          <option key={s.pupilId} value={s.pupilId}>
            {s.school.name} ({s.clb?.name ?? t('transfer.noClb')})
          </option>
        ))}
      </select>
      {data.choosable.entries.length + data.choosable.documents.length === 0 && (
        <p className="muted">{t('transfer.nothingToChoose')}</p>
      )}
      <ul className="file-list">
        {data.choosable.entries.map((e) => (
          <li key={`e${e.id}`}>
            <Choice
              label={`${formatDate(e.occurredOn)} · ${labels.eventKind(e.kind)} · ${e.who} — ${categoryName(e.category)} (${verdict(e)})`}
              disabled={e.rule === 'never'}
              checked={entries.includes(e.id)}
              onChange={(on) => setEntries((now) => toggle(now, e.id, on))}
              testId={`transfer-entry-${e.id}`}
            />
          </li>
        ))}
        {data.choosable.documents.map((d) => (
          <li key={`d${d.id}`}>
            <Choice
              label={`${formatDate(d.uploadedOn)} · ${d.title} — ${
                verslagen.includes(d.id) ? categoryName('verslag') : `${categoryName(d.category)} (${verdict(d)})`
              }`}
              disabled={d.rule === 'never'}
              checked={documents.includes(d.id)}
              onChange={(on) => setDocuments((now) => toggle(now, d.id, on))}
              testId={`transfer-document-${d.id}`}
            />{' '}
            {d.confidentiality !== 'clb-arts' && (
              <Choice
                label={t('transfer.markVerslag')}
                checked={verslagen.includes(d.id)}
                onChange={(on) => setVerslagen((now) => toggle(now, d.id, on))}
                testId={`transfer-verslag-${d.id}`}
              />
            )}
          </li>
        ))}
      </ul>
      <label htmlFor={noteId}>{t('transfer.handoverNote')}</label>
      <textarea
        id={noteId}
        rows={3}
        maxLength={4000}
        value={handoverNote}
        onChange={(e) => setHandoverNote(e.target.value)}
        data-testid="transfer-handover-note"
      />
      <button type="submit" className="button button--primary" disabled={busy || !target} data-testid="transfer-send">
        {t('transfer.send')}
      </button>
      {notice && (
        <p className={`alert alert--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
    </form>
  );
}

interface ChoiceProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}

/** One checkbox with its label (an item to send, or the verslag mark of a document). */
function Choice({ label, checked, disabled = false, onChange, testId }: ChoiceProps) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        disabled={disabled}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />{' '}
      {label}
    </label>
  );
}
