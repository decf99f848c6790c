// The CLB inbox: every CLB signal and CLB referral the CLB's schools sent (school, pupil, date, what the school
// already did), moved along received → in behandeling (plan van aanpak) → afgesloten (outcome) by CLB staff.
// A change made by someone else in the meantime is refused (409) and the list reloads with the current status.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ClbInboxItem, clbInboxApi } from '../api/clb-inbox-client.ts';
import { errorMessage } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import { PendingTransfers } from './file-transfer-pending.tsx';

const OUTCOMES = ['clb-guidance', 'external-referral', 'no-further-request'] as const;
const STATUSES = ['received', 'in-progress', 'closed'] as const;

export function ClbInboxPage() {
  const { t } = useI18n();
  const session = useReadySession();
  const clbs = session.me.memberships.filter((m) => m.kind === 'clb');
  const [clbId, setClbId] = useState<number | null>(clbs[0]?.organisationId ?? null);
  const [status, setStatus] = useState<string>('');
  const selectId = useId();
  const statusId = useId();
  const query = useQuery({
    queryKey: ['clb-inbox', clbId, status],
    queryFn: () => clbInboxApi.inbox(clbId as number, status ? { status } : {}),
    enabled: clbId !== null,
  });
  return (
    <main id="main" className="page" data-testid="clb-inbox">
      <h1>{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.intro')}</p>
      <div className="filters">
        {clbs.length > 1 && (
          <label htmlFor={selectId}>
            {t('inbox.clb')}{' '}
            <select id={selectId} value={clbId ?? ''} onChange={(e) => setClbId(Number(e.target.value))}>
              {clbs.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {m.organisationName}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor={statusId}>
          {t('inbox.statusFilter')}{' '}
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)} data-testid="inbox-status">
            <option value="">{t('inbox.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`inbox.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {clbId === null && <p className="alert alert--info">{t('inbox.noClb')}</p>}
      {query.error && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {clbId !== null && !query.data && !query.error && <Loading />}
      {query.data && query.data.items.length === 0 && <p className="alert alert--info">{t('inbox.empty')}</p>}
      {clbId !== null && <PendingTransfers clbId={clbId} />}
      {query.data && query.data.items.length > 0 && (
        <ul className="inbox-list" aria-label={t('inbox.title')}>
          {query.data.items.map((item) => (
            <InboxCard key={item.id} item={item} />
          ))}
        </ul>
      )}
    </main>
  );
}

function InboxCard({ item }: { item: ClbInboxItem }) {
  const { t, language } = useI18n();
  const client = useQueryClient();
  const [plan, setPlan] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const planId = useId();
  const outcomeId = useId();
  const noteId = useId();
  const change = async (event: FormEvent, body: Parameters<typeof clbInboxApi.change>[1]) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await clbInboxApi.change(item.id, body);
    } catch (e) {
      setError(errorMessage(e, language, t('app.error')));
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: ['clb-inbox'] });
    }
  };
  return (
    <li className="card inbox-item" data-testid={`inbox-item-${item.pupil.externalId}`}>
      <h2 className="inbox-item__title">
        <Link to={`/pupils/${item.pupil.id}/file`}>{item.pupil.name}</Link>{' '}
        <span className="muted">
          ({item.pupil.externalId}
          {item.pupil.className ? ` · ${item.pupil.className}` : ''})
        </span>
      </h2>
      <dl className="inbox-item__facts">
        <dt>{t('inbox.kind')}</dt>
        <dd>{t(`inbox.kind.${item.kind}` as MessageKey)}</dd>
        <dt>{t('inbox.school')}</dt>
        <dd>{item.school.name}</dd>
        <dt>{t('inbox.received')}</dt>
        <dd>{formatDate(item.receivedOn)}</dd>
        <dt>{t('inbox.schoolActions')}</dt>
        <dd>{item.schoolActions || '—'}</dd>
        {item.grounds.length > 0 && (
          <>
            <dt>{t('inbox.grounds')}</dt>
            <dd>{item.grounds.map((g) => t(`inbox.ground.${g}` as MessageKey)).join('; ')}</dd>
          </>
        )}
        {item.transferId !== null && (
          <>
            <dt>{t('transfer.attention')}</dt>
            <dd>
              <Link to={`/file-transfers/${item.transferId}`} data-testid="inbox-open-transfer">
                {t('inbox.openTransfer')}
              </Link>
            </dd>
          </>
        )}
        <dt>{t('inbox.status')}</dt>
        <dd data-testid="inbox-item-status">{t(`inbox.status.${item.status}` as MessageKey)}</dd>
        {item.plan && (
          <>
            <dt>{t('inbox.plan')}</dt>
            <dd>{item.plan}</dd>
          </>
        )}
        {item.outcome && (
          <>
            <dt>{t('inbox.outcome')}</dt>
            <dd>
              {t(`inbox.outcome.${item.outcome}` as MessageKey)}
              {item.closedOn ? ` (${formatDate(item.closedOn)})` : ''}
              {item.outcomeNote ? `: ${item.outcomeNote}` : ''}
            </dd>
          </>
        )}
      </dl>
      {item.status === 'received' && (
        <form
          className="file-form"
          onSubmit={(e) => void change(e, { to: 'in-progress', version: item.version, plan })}
        >
          <label htmlFor={planId}>{t('inbox.plan')}</label>
          <textarea
            id={planId}
            rows={2}
            required
            maxLength={4000}
            value={plan}
            onChange={(e) => setPlan(e.target.value)}
            data-testid="inbox-plan"
          />
          <button type="submit" className="button button--primary" disabled={busy} data-testid="inbox-start">
            {t('inbox.start')}
          </button>
        </form>
      )}
      {item.status === 'in-progress' && (
        <form
          className="file-form"
          onSubmit={(e) =>
            void change(e, {
              to: 'closed',
              version: item.version,
              outcome,
              ...(note.trim() ? { outcomeNote: note } : {}),
            })
          }
        >
          <label htmlFor={outcomeId}>{t('inbox.outcome')}</label>
          <select
            id={outcomeId}
            required
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            data-testid="inbox-outcome"
          >
            <option value="">{t('inbox.chooseOutcome')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`inbox.outcome.${o}` as MessageKey)}
              </option>
            ))}
          </select>
          <label htmlFor={noteId}>{t('inbox.outcomeNote')}</label>
          <textarea id={noteId} rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button button--primary" disabled={busy} data-testid="inbox-close">
            {t('inbox.close')}
          </button>
        </form>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
