// A transferred file as the receiving CLB reads it (issue 15): a read-only snapshot with its provenance (which CLB
// and school sent it, when, by whom, under which decision), the items as they were sent, what was left out, and the
// attention point "opvolging vereist". The CLB doctor's items show only to a CLB doctor.
import { useQuery } from '@tanstack/react-query';
import { fileTransferApi } from '../api/file-transfer-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLabels } from '../i18n/labels.ts';
import type { MessageKey } from '../i18n/nl.ts';
import { Link } from '../router.tsx';

export function FileTransferPage({ transferId }: { transferId: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const query = useQuery({
    queryKey: ['file-transfer-snapshot', transferId],
    queryFn: () => fileTransferApi.snapshot(transferId),
    retry: false,
  });
  const data = query.data;
  const category = (id: string) => t(`transfer.category.${id}` as MessageKey);
  return (
    <main id="main" className="page" data-testid="file-transfer-page">
      <h1>{t('transfer.page.title')}</h1>
      {query.error && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Loading />}
      {data && (
        <>
          <p className="alert alert--info" data-testid="transfer-attention">
            {t('transfer.attention')}
          </p>
          <p className="muted">{t('transfer.page.readOnly', { date: formatDate(data.sentOn) })}</p>
          <dl className="facts">
            <dt>{t('transfer.page.pupil')}</dt>
            <dd>
              <Link to={`/pupils/${data.to.pupil.id}/file`}>{data.to.pupil.name}</Link> ({data.to.school.name})
            </dd>
            <dt>{t('transfer.page.from')}</dt>
            <dd data-testid="transfer-from">
              {data.from.clb.name} · {data.from.school.name}
            </dd>
            <dt>{t('transfer.page.to')}</dt>
            <dd>{data.to.clb.name}</dd>
            <dt>{t('transfer.page.sentBy')}</dt>
            <dd>
              {data.sentBy ?? '—'} ({data.senderRole}), {formatDate(data.sentOn)}
            </dd>
            {data.decision && (
              <>
                <dt>{t('transfer.decision')}</dt>
                <dd data-testid="transfer-page-decision">
                  {t('transfer.decisionRow', {
                    who: t(`transfer.decidedBy.${data.decision.decidedBy}` as MessageKey),
                    informed: formatDate(data.decision.informedOn),
                    decided: formatDate(data.decision.decidedOn),
                    refused:
                      data.decision.refused.length === 0
                        ? t('transfer.noObjection')
                        : `${t('transfer.refused')}: ${data.decision.refused.map(category).join(', ')}`,
                  })}
                </dd>
              </>
            )}
            {data.handoverNote && (
              <>
                <dt>{t('transfer.handoverNote')}</dt>
                <dd data-testid="transfer-page-note">{data.handoverNote}</dd>
              </>
            )}
            {data.leftOut.length > 0 && (
              <>
                <dt>{t('transfer.leftOut')}</dt>
                <dd>
                  {data.leftOut
                    .map(
                      (l) => `${category(l.category)} (${l.count}, ${t(`transfer.reason.${l.reason}` as MessageKey)})`,
                    )
                    .join(', ')}
                </dd>
              </>
            )}
          </dl>
          {data.hiddenItems > 0 && <p className="muted">{t('transfer.page.hidden', { n: data.hiddenItems })}</p>}
          <h2>{t('transfer.page.items')}</h2>
          {data.items.length === 0 && <p className="muted">{t('transfer.page.noItems')}</p>}
          <ul className="file-list" data-testid="transfer-items">
            {data.items.map((item) => (
              <li key={item.id} className="card">
                <strong>{category(item.category)}</strong> · {formatDate(item.occurredOn)}
                {item.source === 'entry' ? (
                  <>
                    {' '}
                    · {labels.eventKind(item.kind ?? '')} · {item.who}
                    <p className="pre-line">{item.what}</p>
                    {item.effect && <p className="muted">{item.effect}</p>}
                  </>
                ) : (
                  <>
                    {' '}
                    · {item.title}{' '}
                    <a href={fileTransferApi.documentUrl(data.id, item.id)} download={item.fileName ?? undefined}>
                      {t('transfer.page.download')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
