// The pupil file (leerlingendossier): tracks and phases, spilfiguur, people and contact attempts, the timeline
// (register facts, signals and measures), agreements with conflict handling, the CLB-signal checklist, exports.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { fileApi, preconditionsOf } from '../api/pupil-file-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLabels } from '../i18n/labels.ts';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import { FileTransferPanel } from './file-transfer-panel.tsx';
import { Agreements } from './pupil-file/agreements.tsx';
import { ClbCases } from './pupil-file/clb-cases.tsx';
import { ClbSignalForm } from './pupil-file/clb-signal-form.tsx';
import { EntryForm } from './pupil-file/entry-form.tsx';
import type { Run } from './pupil-file/form-run.tsx';
import { LetterForm } from './pupil-file/letter-form.tsx';
import { PersonForm } from './pupil-file/person-form.tsx';
import { PivotForm } from './pupil-file/pivot-form.tsx';
import { FileToc, OnDemand, Section } from './pupil-file/section.tsx';
import { Timeline } from './pupil-file/timeline.tsx';
import { TrackRow } from './pupil-file/tracks.tsx';
import { FileDocuments } from './pupil-file-documents.tsx';
import { FilePhase2 } from './pupil-file-phase2.tsx';
import { FileWorkflows } from './pupil-file-workflows.tsx';

type Notice = { tone: 'success' | 'error'; text: string } | null;

export function PupilFilePage({ pupilId }: { pupilId: string }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  // The file transfer is the CLB's (school staff never see the panel; the server refuses them anyway).
  const isClbMember = useReadySession().me.memberships.some((m) => m.kind === 'clb');
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const query = useQuery({
    queryKey: ['pupil-file', pupilId],
    queryFn: () => fileApi.file(pupilId),
    placeholderData: keepPreviousData,
  });
  const file = query.data ?? null;
  const error = query.error;
  const { refetch } = query;
  // After a change the file is read again; the timeline and agreements reload on the same counter.
  const refresh = useCallback(() => {
    setReload((n) => n + 1);
    void refetch();
  }, [refetch]);

  useEffect(() => {
    if (file) document.title = `${t('file.title')} · ${file.pupil.firstName} ${file.pupil.lastName} · ${t('app.name')}`;
  }, [file, t]);

  if (error && !file)
    return (
      <main id="main" className="page">
        <ErrorMessage error={error} onRetry={refresh} />
      </main>
    );
  if (!file)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );

  const run: Run = async (work, done, onError) => {
    try {
      await work();
      setNotice({ tone: 'success', text: done });
      refresh();
      return true;
    } catch (caught) {
      if (onError) {
        setNotice(null);
        onError(caught);
        return false;
      }
      const conditions = preconditionsOf(caught);
      setNotice({
        tone: 'error',
        text:
          conditions.length > 0
            ? conditions.map((c) => c[language]).join(' ')
            : errorMessage(caught, language, t('app.error')),
      });
      return false;
    }
  };

  const tocSections: { anchor: string; label: string }[] = [
    { anchor: 'file-timeline', label: t('file.timeline') },
    { anchor: 'file-agreements', label: t('file.agreements') },
    { anchor: 'file-tracks', label: t('file.tracks') },
    { anchor: 'file-pivot', label: t('file.pivot') },
    { anchor: 'file-people', label: t('file.people') },
    { anchor: 'file-documents-section', label: t('docs.title') },
    ...(file.permissions.manage || file.permissions.phase1
      ? [{ anchor: 'file-workflows-section', label: t('wf.title') }]
      : []),
    ...(file.permissions.manage ? [{ anchor: 'file-phase2-section', label: t('p2.title') }] : []),
    ...(isClbMember ? [{ anchor: 'file-transfer', label: t('transfer.toc') }] : []),
    ...(file.permissions.letter ? [{ anchor: 'file-letters', label: t('letter.title') }] : []),
    ...(file.permissions.export ? [{ anchor: 'file-exports', label: t('file.exports') }] : []),
  ];

  return (
    <main id="main" className="page pupil-file-page" data-testid="file-page">
      <p className="back-link">
        <Link to={`/pupils/${encodeURIComponent(pupilId)}`}>← {t('file.back')}</Link>
      </p>
      <div className="page__heading">
        <h1 data-testid="file-pupil-name">
          {t('file.title')}: {file.pupil.lastName}, {file.pupil.firstName}
        </h1>
        <p className="page__meta">
          {file.pupil.externalId} · {file.pupil.className ?? '—'}
        </p>
      </div>
      {notice && (
        <p
          className={`alert alert--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="file-notice"
        >
          {notice.text}
        </p>
      )}
      {!file.permissions.write && <p className="alert alert--info">{t('file.readOnly')}</p>}

      <ClbCases file={file} pupilId={pupilId} run={run} />
      {(file.openSignals.some((s) => s.ruleId === 'B5_CLB') || file.clbResignalDue) && file.permissions.manage && (
        <ClbSignalForm file={file} pupilId={pupilId} run={run} />
      )}
      <div className="pupil-file-layout">
        <FileToc sections={tocSections} />
        <div className="pupil-file-layout__sections">
          <Timeline pupilId={pupilId} reload={reload} kinds={file.kinds} canShare={file.permissions.consent}>
            {file.permissions.write && (
              <OnDemand label={t('file.addEntry')} testId="file-open-entry">
                <EntryForm file={file} pupilId={pupilId} run={run} />
              </OnDemand>
            )}
          </Timeline>

          <Agreements file={file} pupilId={pupilId} run={run} reload={reload} />

          <Section title={t('file.tracks')} testId="file-tracks" anchor="file-tracks">
            <ul className="file-list">
              {file.tracks.map((track) => (
                <TrackRow
                  key={track.track}
                  pupilId={pupilId}
                  track={track}
                  canManage={file.permissions.manage}
                  run={run}
                />
              ))}
            </ul>
            {file.trackChanges.length > 0 && (
              <details>
                <summary>{t('file.phaseHistory')}</summary>
                <ul data-testid="phase-history">
                  {file.trackChanges.map((c) => (
                    <li key={c.id}>
                      {t('file.phaseChange', {
                        date: formatDate(c.changedAt.slice(0, 10)),
                        track: labels.track(c.track),
                        from: c.fromPhase ?? '—',
                        to: c.toPhase,
                        who: c.changedBy ?? '—',
                        reason: c.reason,
                      })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Section>

          <Section title={t('file.pivot')} testId="file-pivot" anchor="file-pivot">
            <p className="muted">{t('file.pivotHint')}</p>
            <p data-testid="pivot-current">
              {file.pivot.name
                ? `${file.pivot.name}${file.pivot.role ? ` (${file.pivot.role})` : ''}`
                : t('file.pivotNone')}
            </p>
            {file.permissions.manage && (
              <OnDemand label={t('file.changePivot')} testId="file-open-pivot">
                <PivotForm pupilId={pupilId} pivot={file.pivot} run={run} />
              </OnDemand>
            )}
          </Section>

          <Section title={t('file.people')} testId="file-people" anchor="file-people">
            {file.parentsUnreachable && <p className="alert alert--info">{t('file.parentsUnreachable')}</p>}
            <ul className="file-list">
              {file.people.items.map((person) => (
                <li key={person.id} data-testid="person-row">
                  <strong>{person.name}</strong> · {labels.relation(person.relation)}
                  {person.phone && ` · ${person.phone}`}
                  {person.email && ` · ${person.email}`}
                  {file.permissions.write && (
                    <span className="file-actions">
                      {[true, false].map((reached) => (
                        <button
                          key={String(reached)}
                          type="button"
                          className="button button--secondary button--small"
                          data-testid={reached ? 'attempt-reached' : 'attempt-unreached'}
                          onClick={() =>
                            void run(
                              () =>
                                fileApi.addContactAttempt(person.id, {
                                  attemptedOn: new Date().toISOString().slice(0, 10),
                                  channel: 'phone',
                                  reached,
                                }),
                              t('file.saved'),
                            )
                          }
                        >
                          {reached ? t('file.reached') : t('file.notReached')}
                        </button>
                      ))}
                    </span>
                  )}
                  <ul>
                    {file.contactAttempts
                      .filter((a) => a.personId === person.id)
                      .map((a) => (
                        <li key={a.id} className="muted" data-testid="attempt-row">
                          {t('file.attempt', {
                            date: formatDate(a.attemptedOn),
                            channel: a.channel,
                            result: a.reached ? t('file.reached') : t('file.notReached'),
                          })}
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
            {file.permissions.write && (
              <OnDemand label={t('file.addPerson')} testId="file-open-person">
                <PersonForm pupilId={pupilId} run={run} />
              </OnDemand>
            )}
          </Section>

          <div id="file-documents-section" className="file-anchor">
            <FileDocuments pupilId={pupilId} file={file} />
          </div>
          {(file.permissions.manage || file.permissions.phase1) && (
            <div id="file-workflows-section" className="file-anchor">
              <FileWorkflows file={file} pupilId={pupilId} run={run} />
            </div>
          )}
          {file.permissions.manage && (
            <div id="file-phase2-section" className="file-anchor">
              <FilePhase2 pupilId={pupilId} run={run} reload={reload} />
            </div>
          )}

          {isClbMember && <FileTransferPanel pupilId={pupilId} />}

          {file.permissions.letter && (
            <Section title={t('letter.title')} testId="file-letters" anchor="file-letters">
              <OnDemand label={t('letter.title')} testId="file-open-letter">
                <LetterForm pupilId={pupilId} run={run} />
              </OnDemand>
            </Section>
          )}

          {file.permissions.export && (
            <Section title={t('file.exports')} testId="file-exports" anchor="file-exports">
              <p className="file-actions">
                <a
                  className="button button--secondary"
                  href={fileApi.exportUrl(pupilId, 'pdf')}
                  data-testid="export-pdf"
                >
                  {t('file.exportPdf')}
                </a>
                <a
                  className="button button--secondary"
                  href={fileApi.exportUrl(pupilId, 'json')}
                  data-testid="export-json"
                >
                  {t('file.exportJson')}
                </a>
              </p>
            </Section>
          )}
        </div>
      </div>
    </main>
  );
}
