// One pupil's school year: enrolment (and, after an exclusion, the enrolment in another school), counts per code,
// the half-day heat-map, register rows and corrections.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { todayIso } from '../../src/domain/civil-date.ts';
import {
  type AbsenceCode,
  ApiError,
  type AttentionItem,
  api,
  type EnrolledElsewhereChange,
  type Enrolment,
  errorMessage,
} from '../api/client.ts';
import { CodeBadge, codeMeaning } from '../components/code-badge.tsx';
import { TextField } from '../components/form-field.tsx';
import { ObligationBadge, SignalStatusBadge } from '../components/signal-badges.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { YearHeatMap } from '../components/year-heat-map.tsx';
import { formatDate, formatDateWithWeekday, formatTimestamp, halfLabel } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import { defaultHighlightedSignal, evidenceHalfDays } from './attention-query.ts';
import { ExclusionSupportPanel } from './exclusion-support-panel.tsx';
import { PartialSchoolingPanel } from './partial-schooling-panel.tsx';
import { PupilCertificates } from './pupil-certificates.tsx';
import { PupilSick } from './pupil-sick.tsx';

export function PupilPage({ pupilId }: { pupilId: string }) {
  const { language, t } = useI18n();
  const { schoolYear, setSchoolId, setSchoolYear, codes } = useReadySession();
  const queryClient = useQueryClient();
  const year = schoolYear ?? undefined;
  // The previous year's page stays while another year loads (and while a reload after a change runs).
  const pupilQuery = useQuery({
    queryKey: ['pupil', pupilId, year],
    queryFn: () => api.pupil(pupilId, year),
    placeholderData: keepPreviousData,
  });
  // The pupil's signals (open and handled) load alongside; the page works without them.
  const signalsQuery = useQuery({
    queryKey: ['pupil', pupilId, 'signals', year],
    queryFn: () => api.pupilSignals(pupilId, year),
  });
  const detail = pupilQuery.data ?? null;
  const error = pupilQuery.error;
  const signals = signalsQuery.data ?? null;
  const signalsError = signalsQuery.error;
  /** Reloads the pupil and its signals (retry, or after recording an enrolment elsewhere). */
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['pupil', pupilId] });
  /** The outcome of recording an enrolment elsewhere; kept while the page reloads the pupil. */
  const [elsewhereNotice, setElsewhereNotice] = useState<Notice>(null);

  const loadedSchoolId = detail?.pupil.schoolId;
  useEffect(() => {
    if (loadedSchoolId !== undefined) setSchoolId(String(loadedSchoolId));
  }, [loadedSchoolId, setSchoolId]);

  /** Signals whose evidence is outlined on the heat-map; null until the user chooses (then: the first open one). */
  const [chosenSignals, setChosenSignals] = useState<ReadonlySet<number> | null>(null);
  // Each load of the signals starts again from the default highlight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loaded signals are the trigger
  useEffect(() => setChosenSignals(null), [signals]);

  const signalItems = signals?.items ?? [];
  const highlightedSignals = useMemo(() => {
    if (chosenSignals) return chosenSignals;
    const first = defaultHighlightedSignal(signals?.items ?? []);
    return new Set(first === null ? [] : [first]);
  }, [chosenSignals, signals]);
  const highlight = useMemo(
    () =>
      new Set(
        (signals?.items ?? [])
          .filter((item) => highlightedSignals.has(item.id))
          .flatMap((item) => evidenceHalfDays(item.evidence)),
      ),
    [signals, highlightedSignals],
  );
  const toggleSignal = (signalId: number) => {
    const next = new Set(highlightedSignals);
    if (next.has(signalId)) next.delete(signalId);
    else next.add(signalId);
    setChosenSignals(next);
  };

  const name = detail ? `${detail.pupil.firstName} ${detail.pupil.lastName}` : '';
  useEffect(() => {
    if (name) document.title = `${name} · ${t('app.name')}`;
  }, [name, t]);

  if (error !== null && !detail) {
    return (
      <main id="main" className="page">
        <ErrorMessage error={error} onRetry={reload} />
      </main>
    );
  }
  if (!detail) {
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  }

  const { pupil, enrolment } = detail;
  const shownYear = schoolYear ?? enrolment?.schoolYear ?? detail.schoolYears[0] ?? '';
  const overviewPath = `/schools/${encodeURIComponent(String(pupil.schoolId))}`;
  const register = [...detail.register].sort(byHalfDay);
  const history = [...detail.history].sort((a, b) => (a.changedAt < b.changedAt ? 1 : -1));

  return (
    <main id="main" className="page pupil-page">
      <p className="back-link">
        <Link to={overviewPath}>← {t('pupil.back')}</Link>
      </p>
      <div className="page__heading">
        <h1 data-testid="pupil-name">
          {pupil.lastName}, {pupil.firstName}
        </h1>
        <p className="page__meta">{shownYear}</p>
        <Link
          to={`/pupils/${encodeURIComponent(String(pupil.id))}/file`}
          className="button button--secondary"
          data-testid="open-file"
        >
          {t('file.open')}
        </Link>
      </div>

      {error !== null && <ErrorMessage error={error} onRetry={reload} />}

      <section className="card" aria-label={name}>
        <dl className="facts" data-testid="pupil-facts">
          <Fact label={t('pupil.number')}>{pupil.externalId}</Fact>
          <Fact label={t('pupil.birthDate')}>{formatDate(pupil.birthDate)}</Fact>
          {enrolment && (
            <>
              <Fact label={t('pupil.class')}>{enrolment.className ?? '—'}</Fact>
              <Fact label={t('pupil.level')}>
                {t(`level.${enrolment.level}` as MessageKey)}
                {enrolment.grade !== null && `, ${t('pupil.grade').toLowerCase()} ${enrolment.grade}`}
              </Fact>
              <Fact label={t('pupil.enrolledFrom')}>{formatDate(enrolment.enrolledFrom)}</Fact>
              <Fact label={t('pupil.enrolledUntil')}>
                {enrolment.enrolledUntil ? formatDate(enrolment.enrolledUntil) : t('pupil.stillEnrolled')}
              </Fact>
              {enrolment.excludedOn && (
                <Fact label={t('pupil.excludedOn')} emphasis>
                  {formatDate(enrolment.excludedOn)}
                </Fact>
              )}
              {detail.carriedOver && (
                <Fact label={t('pupil.carriedOver')}>
                  <span data-testid="carried-over">
                    {[
                      t('pupil.carriedOver.b', { count: detail.carriedOver.b }),
                      detail.carriedOver.z !== null && t('pupil.carriedOver.z', { count: detail.carriedOver.z }),
                      detail.carriedOver.p !== null && t('pupil.carriedOver.p', { count: detail.carriedOver.p }),
                    ]
                      .filter(Boolean)
                      .join(', ')}{' '}
                    (
                    {t(
                      detail.carriedOver.bSource === 'import'
                        ? 'pupil.carriedOver.import'
                        : 'pupil.carriedOver.otherSchool',
                    )}
                    )
                  </span>
                </Fact>
              )}
              {(enrolment.excludedOn || enrolment.enrolledElsewhereFrom) && (
                <Fact label={t('pupil.elsewhere')}>
                  <span data-testid="enrolled-elsewhere">
                    {enrolment.enrolledElsewhereFrom
                      ? [
                          t('pupil.elsewhere.value', { date: formatDate(enrolment.enrolledElsewhereFrom) }),
                          enrolment.enrolledElsewhereSchool,
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : t('pupil.elsewhere.none')}
                  </span>
                </Fact>
              )}
            </>
          )}
        </dl>
        {enrolment &&
          (enrolment.excludedOn || enrolment.enrolledElsewhereFrom) &&
          detail.permissions.enrolmentElsewhere && (
            <EnrolledElsewhereForm
              key={`${enrolment.schoolYear}|${enrolment.version}`}
              pupilId={pupilId}
              enrolment={enrolment}
              onNotice={setElsewhereNotice}
              onSaved={reload}
            />
          )}
        {enrolment?.excludedOn && detail.permissions.enrolmentElsewhere && (
          <ExclusionSupportPanel pupilId={pupilId} schoolYear={enrolment.schoolYear} />
        )}
        {elsewhereNotice && (
          <div
            className={`alert alert--${elsewhereNotice.tone}`}
            role={elsewhereNotice.tone === 'error' ? 'alert' : 'status'}
            data-testid="elsewhere-notice"
          >
            <p>{elsewhereNotice.text}</p>
            {elsewhereNotice.reload && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setElsewhereNotice(null);
                  reload();
                }}
              >
                {t('pupil.elsewhere.reload')}
              </button>
            )}
          </div>
        )}
        {!enrolment && (
          <p className="alert alert--info" data-testid="not-enrolled">
            {t('pupil.notEnrolled', { schoolYear: shownYear })}
          </p>
        )}
        {detail.schoolYears.length > 1 && (
          <div className="year-links">
            <span>{t('pupil.otherSchoolYears')}:</span>
            {detail.schoolYears.map((year) =>
              year === shownYear ? (
                <strong key={year} aria-current="true">
                  {year}
                </strong>
              ) : (
                <button key={year} type="button" className="button button--link" onClick={() => setSchoolYear(year)}>
                  {year}
                </button>
              ),
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="counts-title" className="section">
        <h2 id="counts-title">{t('pupil.counts')}</h2>
        <CodeCounts counts={detail.countsByCode} codes={codes} />
      </section>

      <section aria-labelledby="heat-map-title" className="section">
        <h2 id="heat-map-title">{t('pupil.heatMap', { schoolYear: shownYear })}</h2>
        <p className="muted">{t('pupil.heatMapHint')}</p>
        <YearHeatMap
          schoolYear={shownYear}
          calendar={detail.calendar}
          register={detail.register}
          enrolment={enrolment}
          codes={codes}
          highlight={highlight}
          highlightLabel={t('heatMap.evidence')}
        />
      </section>

      <section aria-labelledby="signals-title" className="section" data-testid="pupil-signals">
        <h2 id="signals-title">{t('signals.title')}</h2>
        {signalsError !== null && <ErrorMessage error={signalsError} onRetry={reload} />}
        {signals && signalItems.length === 0 && <p className="muted">{t('signals.empty')}</p>}
        {signalItems.length > 0 && (
          <ul className="pupil-signals">
            {signalItems.map((item) => (
              <PupilSignal
                key={item.id}
                item={item}
                highlighted={highlightedSignals.has(item.id)}
                onToggle={() => toggleSignal(item.id)}
              />
            ))}
          </ul>
        )}
        {signalItems.some((item) => item.status !== 'handled') && (
          <p>
            <Link to={`${overviewPath}/attention`}>{t('signals.toAttention')} →</Link>
          </p>
        )}
      </section>

      <PartialSchoolingPanel pupilId={pupilId} today={todayIso()} />
      <PupilCertificates pupilId={pupil.id} />
      <PupilSick pupilId={pupil.id} />

      <section aria-labelledby="register-title" className="section">
        <h2 id="register-title">{t('pupil.register')}</h2>
        {register.length === 0 ? (
          <p className="muted">{t('pupil.registerEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="register-table">
              <thead>
                <tr>
                  <th scope="col">{t('pupil.date')}</th>
                  <th scope="col">{t('pupil.half')}</th>
                  <th scope="col">{t('pupil.code')}</th>
                  <th scope="col">{t('pupil.note')}</th>
                </tr>
              </thead>
              <tbody>
                {register.map((entry) => (
                  <tr key={`${entry.date}|${entry.half}`} data-testid="register-row">
                    <td className="nowrap">{formatDateWithWeekday(entry.date, t)}</td>
                    <td>{halfLabel(entry.half, language)}</td>
                    <td>
                      <CodeMeaning code={entry.code} codes={codes} />
                    </td>
                    <td>{entry.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="history-title" className="section">
        <h2 id="history-title">{t('pupil.history')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('pupil.historyEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('pupil.date')}</th>
                  <th scope="col">{t('pupil.half')}</th>
                  <th scope="col">{t('pupil.oldCode')}</th>
                  <th scope="col">{t('pupil.newCode')}</th>
                  <th scope="col">{t('pupil.changedAt')}</th>
                  <th scope="col">{t('pupil.changedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((entry) => (
                  <tr
                    key={`${entry.date}|${entry.half}|${entry.changedAt}|${entry.oldCode}|${entry.newCode}`}
                    data-testid="history-row"
                  >
                    <td className="nowrap">{formatDateWithWeekday(entry.date, t)}</td>
                    <td>{halfLabel(entry.half, language)}</td>
                    <td>{entry.oldCode ? <CodeBadge code={entry.oldCode} codes={codes} /> : t('pupil.noCode')}</td>
                    <td>
                      <span aria-hidden="true" className="muted">
                        →{' '}
                      </span>
                      {entry.newCode ? <CodeBadge code={entry.newCode} codes={codes} /> : t('pupil.noCode')}
                    </td>
                    <td className="nowrap">{formatTimestamp(entry.changedAt, language)}</td>
                    <td>
                      {entry.changedBy ?? ''}
                      {entry.importId !== null && (
                        <span className="muted">
                          {entry.changedBy ? ' · ' : ''}
                          {t('pupil.viaImport', { id: entry.importId })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}

function PupilSignal({
  item,
  highlighted,
  onToggle,
}: {
  item: AttentionItem;
  highlighted: boolean;
  onToggle: () => void;
}) {
  const { language, t } = useI18n();
  const halfDays = evidenceHalfDays(item.evidence).length;
  return (
    <li
      className={`pupil-signal${highlighted && halfDays > 0 ? ' pupil-signal--highlighted' : ''}`}
      data-testid="pupil-signal"
      data-rule-id={item.ruleId}
      data-status={item.status}
    >
      <div className="pupil-signal__head">
        <h3 className="pupil-signal__title">{item.title[language]}</h3>
        <ObligationBadge obligation={item.obligation} />
        {item.daysOpen !== null && (
          <span className="badge badge--days-open">
            {item.daysOpen === 1
              ? t('attention.daysOpen.one')
              : t('attention.daysOpen.other', { count: item.daysOpen })}
          </span>
        )}
        <SignalStatusBadge status={item.status} />
      </div>
      <p className="pupil-signal__explanation">{item.explanation[language]}</p>
      <p className="muted pupil-signal__meta">{t('attention.triggeredOn', { date: formatDate(item.triggeredOn) })}</p>
      {item.status === 'handled' && (
        <p className="pupil-signal__handled">
          <strong>{t('signals.handledNote')}:</strong> {item.handledNote}
          {item.handledAt && (
            <span className="muted">
              {' '}
              ({t('signals.handledAt', { date: formatTimestamp(item.handledAt, language) })})
            </span>
          )}
        </p>
      )}
      {halfDays > 0 && (
        <button
          type="button"
          className="button button--secondary button--small pupil-signal__toggle"
          aria-pressed={highlighted}
          onClick={onToggle}
          data-testid="signal-highlight"
        >
          <span className="pupil-signal__outline" aria-hidden="true" />
          {halfDays === 1 ? t('signals.showEvidence.one') : t('signals.showEvidence.other', { count: halfDays })}
        </button>
      )}
    </li>
  );
}

type Notice = { tone: 'success' | 'error'; text: string; reload?: boolean } | null;

/**
 * Records from when an excluded pupil is enrolled in another school, or clears it, at the version shown. The
 * server recomputes the pupil's signals at once; the page then reloads the pupil and its signals.
 */
function EnrolledElsewhereForm({
  pupilId,
  enrolment,
  onNotice,
  onSaved,
}: {
  pupilId: string;
  enrolment: Enrolment;
  /** The outcome, shown by the page: this form is remounted once the saved enrolment has reloaded. */
  onNotice: (notice: Notice) => void;
  onSaved: () => void;
}) {
  const { language, t } = useI18n();
  const [from, setFrom] = useState(enrolment.enrolledElsewhereFrom ?? '');
  const [school, setSchool] = useState(enrolment.enrolledElsewhereSchool ?? '');
  const record = useMutation({
    mutationFn: (change: EnrolledElsewhereChange) => api.recordEnrolledElsewhere(pupilId, enrolment.schoolYear, change),
  });
  const busy = record.isPending;

  const send = (change: { from: string | null; school: string | null }, done: string) => {
    onNotice(null);
    record.mutate(
      { ...change, version: enrolment.version },
      {
        onSuccess: () => {
          onNotice({ tone: 'success', text: done });
          onSaved();
        },
        onError: (caught) => {
          if (caught instanceof ApiError && caught.status === 409) {
            onNotice({ tone: 'error', text: t('pupil.elsewhere.conflict'), reload: true });
          } else if (caught instanceof ApiError && caught.status === 422) {
            onNotice({ tone: 'error', text: t('pupil.elsewhere.refused', { reason: caught.messageFor(language) }) });
          } else {
            // 403 (no longer allowed), 400 or a network problem: the server's own message.
            onNotice({ tone: 'error', text: errorMessage(caught, language, t('app.error')) });
          }
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send({ from, school: school.trim() || null }, t('pupil.elsewhere.saved'));
  };

  return (
    <details className="elsewhere" open={!enrolment.enrolledElsewhereFrom} data-testid="elsewhere-form">
      <summary>{t('pupil.elsewhere.edit')}</summary>
      <form className="file-form" onSubmit={submit} data-testid="elsewhere-form">
        <p className="muted">{t('pupil.elsewhere.hint')}</p>
        <TextField
          label={t('pupil.elsewhere.from')}
          type="date"
          value={from}
          onChange={setFrom}
          min={enrolment.excludedOn ?? undefined}
          required
          testId="elsewhere-from"
        />
        <TextField
          label={t('pupil.elsewhere.school')}
          value={school}
          onChange={setSchool}
          maxLength={200}
          testId="elsewhere-school"
        />
        <div className="file-actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="elsewhere-save">
            {t('pupil.elsewhere.save')}
          </button>
          {enrolment.enrolledElsewhereFrom && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => send({ from: null, school: null }, t('pupil.elsewhere.cleared'))}
              data-testid="elsewhere-clear"
            >
              {t('pupil.elsewhere.clear')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}

function byHalfDay(a: { date: string; half: string }, b: { date: string; half: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.half === b.half ? 0 : a.half === 'AM' ? -1 : 1;
}

function Fact({ label, children, emphasis }: { label: string; children: ReactNode; emphasis?: boolean }) {
  return (
    <div className={`facts__item${emphasis ? ' facts__item--emphasis' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CodeMeaning({ code, codes }: { code: string; codes: readonly AbsenceCode[] }) {
  const { language, t } = useI18n();
  return (
    <span className="code-meaning">
      <CodeBadge code={code} codes={codes} /> {codeMeaning(code, codes, language) ?? t('codes.unknown')}
    </span>
  );
}

function CodeCounts({ counts, codes }: { counts: Record<string, number>; codes: readonly AbsenceCode[] }) {
  const { language, t } = useI18n();
  const order = codes.map((code) => code.code);
  const entries = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(order, a) - rank(order, b));
  if (entries.length === 0) return <p className="muted">{t('pupil.countsEmpty')}</p>;
  const absent = entries
    .filter(([code]) => codes.find((candidate) => candidate.code === code)?.countsAsAbsent ?? true)
    .reduce((sum, [, count]) => sum + count, 0);
  return (
    <div className="code-counts">
      <p className="code-counts__total" data-testid="pupil-total-absent">
        {t('pupil.totalAbsent')}: <strong>{absent}</strong>
      </p>
      <ul className="code-counts__list" data-testid="pupil-counts">
        {entries.map(([code, count]) => (
          <li key={code} className="code-counts__item" data-code={code}>
            <CodeBadge code={code} codes={codes} />
            <span className="code-counts__number">{count}</span>
            <span className="code-counts__label">{codeMeaning(code, codes, language) ?? t('codes.unknown')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function rank(order: readonly string[], code: string): number {
  const index = order.indexOf(code);
  return index < 0 ? order.length : index;
}
