// The timeline of the file: register facts, signals and measures, newest first, paged and filtered by source.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { fileApi, type Paged, type PupilFile, type TimelineItem } from '../../api/pupil-file-client.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatDate } from '../../dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { FileConsents } from '../file-consents.tsx';
import { WorkflowDetails } from '../pupil-file-workflows.tsx';
import { PAGE, Section } from './section.tsx';

export function Timeline({
  pupilId,
  reload,
  kinds,
  canShare,
  children,
}: {
  pupilId: string;
  reload: number;
  /** The form to add a measure, opened on demand above the list. */
  children?: ReactNode;
  kinds: PupilFile['kinds'];
  /** The CLB doctor shares clb-arts entries by consent. */
  canShare: boolean;
}) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const [offset, setOffset] = useState(0);
  const [sources, setSources] = useState('');
  const [page, setPage] = useState<Paged<TimelineItem> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sourcesId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    let cancelled = false;
    fileApi
      .timeline(pupilId, { limit: PAGE, offset, sources: sources || undefined })
      .then((loaded) => !cancelled && setPage(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught));
    return () => {
      cancelled = true;
    };
  }, [pupilId, offset, sources, reload]);
  return (
    <Section title={t('file.timeline')} testId="file-timeline" anchor="file-timeline">
      {children}
      <div className="field field--inline">
        <label htmlFor={sourcesId}>{t('file.show')}</label>
        <select
          id={sourcesId}
          value={sources}
          onChange={(event) => {
            setSources(event.target.value);
            setOffset(0);
          }}
          data-testid="timeline-sources"
        >
          <option value="">{t('file.show.all')}</option>
          <option value="entry">{t('file.show.entry')}</option>
          <option value="signal">{t('file.show.signal')}</option>
          <option value="register">{t('file.show.register')}</option>
        </select>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {page && page.total === 0 && <p className="muted">{t('file.empty')}</p>}
      {page && page.total > 0 && (
        <>
          <p className="muted" data-testid="timeline-total">
            {t('file.timelineTotal', { from: offset + 1, to: Math.min(page.total, offset + PAGE), total: page.total })}
          </p>
          <ol className="file-timeline">
            {page.items.map((item) => (
              <li
                key={`${item.source}:${item.id}`}
                className={`file-timeline__item file-timeline__item--${item.source}`}
                data-testid="timeline-item"
                data-source={item.source}
                data-kind={item.kind}
              >
                <span className="file-timeline__date">{formatDate(item.date)}</span>{' '}
                <strong>
                  {item.source === 'entry'
                    ? (kinds.find((k) => k.id === item.kind)?.[language] ?? labels.eventKind(item.kind))
                    : item.source === 'signal'
                      ? `${labels.timelineSource('signal')} · ${labels.rule(item.kind)}`
                      : labels.timelineSource(item.source)}
                </strong>
                {item.who && <span className="muted"> · {item.who}</span>}
                {item.status && <span className="badge"> {labels.status(item.status)}</span>}
                {item.what && (
                  <p className="file-timeline__what">
                    {item.source === 'register' ? labels.halfDaySummary(item.what) : item.what}
                  </p>
                )}
                {item.source === 'entry' && <WorkflowDetails kind={item.kind} details={item.details} />}
                {item.effect && (
                  <p className="muted">
                    {t('file.effect')}: {item.effect}
                  </p>
                )}
                {item.link && (
                  <span className="muted">
                    {item.link.startsWith('signal:')
                      ? t('file.linkedSignal', { id: item.link.slice('signal:'.length) })
                      : item.link}
                  </span>
                )}
                {item.confidentiality === 'clb-arts' &&
                  (canShare ? (
                    <FileConsents item="entry" id={Number(item.id)} />
                  ) : (
                    <span className="badge badge--obligation" data-testid="entry-shared">
                      {t('consent.shared')}
                    </span>
                  ))}
              </li>
            ))}
          </ol>
          <p className="file-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
              data-testid="timeline-previous"
            >
              {t('file.previous')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset + PAGE >= page.total}
              onClick={() => setOffset(offset + PAGE)}
              data-testid="timeline-next"
            >
              {t('file.next')}
            </button>
          </p>
        </>
      )}
    </Section>
  );
}
