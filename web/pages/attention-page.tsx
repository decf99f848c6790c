// The attention list ("Aandachtslijst"): open signals of one school, or of every school a CLB serves, in the
// server's priority order, with "seen" and "handled" follow-up right in the row.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  ApiError,
  type AttentionGroup,
  type AttentionItem,
  api,
  errorMessage,
  type LocalizedMessages,
  type School,
  type SignalTrack,
} from '../api/client.ts';
import { fileApi } from '../api/pupil-file-client.ts';
import { Pagination } from '../components/pagination.tsx';
import { RemindersPanel } from '../components/reminders-panel.tsx';
import { ObligationBadge, SignalStatusBadge } from '../components/signal-badges.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { formatDate, formatTimestamp } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelsFor } from '../i18n/labels.ts';
import type { Translate } from '../i18n/translate.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { preferredSchool, useReadySession } from '../session.tsx';
import {
  ATTENTION_PAGE_SIZE,
  type AttentionFilter,
  type AttentionStatusFilter,
  type AttentionView,
  attentionSearch,
  type PriorityReason,
  parseAttentionFilter,
  priorityReasons,
  TRACKS,
} from './attention-query.ts';

type Notice = { tone: 'success' | 'error'; text: string };

/** `school` null: the list across every school the user may see (a CLB worker's view). */
export function AttentionPage({ school }: { school: School | null }) {
  const { language, t } = useI18n();
  const session = useReadySession();
  const { me, schools } = session;
  const schoolYear = session.schoolYear ?? (school ?? preferredSchool(schools))?.defaultSchoolYear ?? null;
  const { pathname, search } = useLocation();
  const filter = parseAttentionFilter(search);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const ids = {
    scope: useId(),
    class: useId(),
    rule: useId(),
    track: useId(),
    status: useId(),
    view: useId(),
    heading: useId(),
  };
  const crossSchool = school === null;
  const hasClb = (me.memberships ?? []).some((membership) => membership.kind === 'clb');
  const scopeKey = `${school?.id ?? 'all'}|${schoolYear ?? ''}`;

  // Filter options seen so far for this school and year: the server lists only what matches the current filter.
  const [known, setKnown] = useState<{
    key: string;
    rules: Record<string, LocalizedMessages | null>;
    classes: string[];
  }>({ key: scopeKey, rules: {}, classes: [] });

  const update = (changes: Partial<AttentionFilter>) => {
    const next = { ...filter, page: 1, ...changes };
    navigate(`${pathname}${attentionSearch(next)}`, { replace: !('page' in changes) });
  };

  useEffect(() => {
    document.title = `${t('attention.title')} · ${school?.name ?? t('attention.allSchools')} · ${t('app.name')}`;
  }, [school?.name, t]);

  // Another school year has other signals: start again at the first page.
  const shownYear = useRef(schoolYear);
  useEffect(() => {
    if (shownYear.current !== schoolYear && filter.page > 1) update({ page: 1 });
    shownYear.current = schoolYear;
  });

  const { className, rule, track, status, view, page } = filter;
  const query = useQuery({
    queryKey: ['attention', school?.id ?? null, schoolYear, className, rule, track, status, view, page],
    queryFn: () =>
      api.attention(school?.id ?? null, {
        schoolYear: schoolYear as string,
        className: className || undefined,
        rule: rule || undefined,
        track: track || undefined,
        status,
        group: view,
        limit: ATTENTION_PAGE_SIZE,
        offset: (page - 1) * ATTENTION_PAGE_SIZE,
      }),
    enabled: schoolYear !== null,
    placeholderData: keepPreviousData,
  });
  const result = query.data ?? null;
  const error = query.error;
  const loading = query.isFetching;
  const reload = () => void query.refetch();

  // Remember the rules and classes seen for this school and year, so a filter does not hide its own options.
  useEffect(() => {
    const list = query.data;
    if (!list) return;
    setKnown((previous) => {
      const base = previous.key === scopeKey ? previous : { key: scopeKey, rules: {}, classes: [] };
      const rules = { ...base.rules };
      for (const id of list.rules) rules[id] = list.ruleTitles?.[id] ?? rules[id] ?? null;
      return { key: scopeKey, rules, classes: [...new Set([...base.classes, ...list.classes])].sort() };
    });
  }, [query.data, scopeKey]);

  const pupilName = (item: AttentionItem) => `${item.pupil.firstName} ${item.pupil.lastName}`;

  const announce = (next: Notice) => {
    setNotice(next);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  /** Runs a follow-up; a 409 (someone else was first) shows the server's message and reloads the list. */
  const followUp = async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await run();
      announce({ tone: 'success', text: done });
      reload();
      return true;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        announce({ tone: 'error', text: `${caught.messageFor(language)} ${t('attention.conflictReloaded')}` });
        reload();
        return true;
      }
      throw caught;
    }
  };

  const acknowledge = (item: AttentionItem) =>
    followUp(
      () => api.acknowledgeSignal(item.id, item.version),
      t('attention.acknowledged', { pupil: pupilName(item) }),
    );
  const handle = (item: AttentionItem, note: string, link: string) =>
    followUp(
      // Without a link of its own, what was done becomes a timeline entry of the pupil file the signal links to.
      () =>
        link
          ? api.handleSignal(item.id, { version: item.version, note, link })
          : fileApi.handleSignalWithEntry(item.id, { version: item.version, note }),
      t('attention.handled', { pupil: pupilName(item) }),
    );

  const total = result?.total ?? 0;
  const offset = (page - 1) * ATTENTION_PAGE_SIZE;
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en');
  const filtered = className !== '' || rule !== '' || track !== '' || status !== 'open';
  // By the answer's shape, not the filter: while another view loads, the previous answer stays as it was.
  const groups = result?.groups ?? null;
  const empty = groups ? groups.length === 0 : (result?.items.length ?? 0) === 0;
  const knownRules = known.key === scopeKey ? known.rules : {};
  const ruleOptions = Object.keys({ ...knownRules, ...(rule ? { [rule]: null } : {}) }).sort();
  const classOptions = [
    ...new Set([...(known.key === scopeKey ? known.classes : []), ...(className ? [className] : [])]),
  ].sort();

  const chooseScope = (value: string) => {
    const keep = attentionSearch({ ...filter, className: '', rule: '', page: 1 });
    navigate(value === '' ? `/attention${keep}` : `/schools/${encodeURIComponent(value)}/attention${keep}`);
  };

  return (
    <main id="main" className="page attention-page">
      <div className="page__heading">
        <h1 id={ids.heading}>
          {t('attention.title')} <span className="page__subtitle">{school?.name ?? t('attention.allSchools')}</span>
        </h1>
        <p className="page__meta" aria-live="polite" data-testid="attention-total">
          {result
            ? total === 1
              ? t(groups ? 'attention.totalPupils.one' : 'attention.total.one')
              : t(groups ? 'attention.totalPupils.other' : 'attention.total.other', {
                  count: number.format(total),
                })
            : '\u00a0'}
          {result && <> · {result.schoolYear}</>}
          {result && <> · {t('attention.asOf', { date: formatDate(result.asOf) })}</>}
        </p>
      </div>
      <p className="muted lead">{t('attention.intro')}</p>
      <RemindersPanel schoolId={school?.id ?? null} />

      <search className="filters" aria-label={t('attention.filters')}>
        {hasClb && (
          <div className="field">
            <label htmlFor={ids.scope}>{t('attention.scope')}</label>
            <select
              id={ids.scope}
              value={school ? String(school.id) : ''}
              onChange={(event) => chooseScope(event.target.value)}
              data-testid="filter-scope"
            >
              <option value="">{t('attention.allSchools')}</option>
              {schools.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.class}>{t('attention.class')}</label>
          <select
            id={ids.class}
            value={className}
            onChange={(event) => update({ className: event.target.value })}
            data-testid="filter-class"
          >
            <option value="">{t('attention.allClasses')}</option>
            {classOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field attention-filters__rule">
          <label htmlFor={ids.rule}>{t('attention.rule')}</label>
          <select
            id={ids.rule}
            value={rule}
            onChange={(event) => update({ rule: event.target.value })}
            data-testid="filter-rule"
          >
            <option value="">{t('attention.allRules')}</option>
            {ruleOptions.map((id) => {
              const title = knownRules[id]?.[language] ?? labelsFor(language).rule(id);
              return (
                <option key={id} value={id}>
                  {title}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.track}>{t('attention.track')}</label>
          <select
            id={ids.track}
            value={track}
            onChange={(event) => update({ track: event.target.value as SignalTrack | '' })}
            data-testid="filter-track"
          >
            <option value="">{t('attention.allTracks')}</option>
            {TRACKS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`track.${candidate}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('attention.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(event) => update({ status: event.target.value as AttentionStatusFilter })}
            data-testid="filter-status"
          >
            <option value="open">{t('attention.status.open')}</option>
            <option value="handled">{t('attention.status.handled')}</option>
            <option value="all">{t('attention.status.all')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.view}>{t('attention.view')}</label>
          <select
            id={ids.view}
            value={view}
            onChange={(event) => update({ view: event.target.value as AttentionView })}
            data-testid="filter-view"
          >
            <option value="pupil">{t('attention.view.pupil')}</option>
            <option value="signal">{t('attention.view.signal')}</option>
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button button--secondary filters__clear"
            onClick={() => update({ className: '', rule: '', track: '', status: 'open' })}
          >
            {t('attention.clearFilters')}
          </button>
        )}
      </search>

      <p
        ref={noticeRef}
        tabIndex={-1}
        role="status"
        className={notice ? `alert alert--${notice.tone}` : 'visually-hidden'}
        data-testid="attention-notice"
      >
        {notice?.text ?? ''}
      </p>

      {!schoolYear && <p className="alert alert--info">{t('attention.noSchoolYear')}</p>}
      {error !== null && <ErrorMessage error={error} onRetry={reload} />}

      {result && (
        <div aria-busy={loading} className="attention-list-wrap">
          {empty ? (
            <div className="empty-state card" data-testid="attention-empty">
              <p>{status === 'open' && !filtered ? t('attention.emptyOpen') : t('attention.empty')}</p>
            </div>
          ) : groups ? (
            <ol
              className="attention-list attention-list--pupils"
              start={offset + 1}
              aria-label={t('attention.caption', { schoolYear: result.schoolYear })}
              data-testid="attention-list"
            >
              {groups.map((group, index) => (
                <PupilCard
                  key={`${group.schoolId}|${group.pupil.id}`}
                  group={group}
                  position={offset + index + 1}
                  showSchool={crossSchool}
                  onAcknowledge={acknowledge}
                  onHandle={handle}
                />
              ))}
            </ol>
          ) : (
            <ol
              className="attention-list"
              start={offset + 1}
              aria-label={t('attention.caption', { schoolYear: result.schoolYear })}
              data-testid="attention-list"
            >
              {result.items.map((item, index) => (
                <AttentionRow
                  key={`${item.id}|${item.version}`}
                  item={item}
                  position={offset + index + 1}
                  showSchool={crossSchool}
                  onAcknowledge={acknowledge}
                  onHandle={handle}
                />
              ))}
            </ol>
          )}
        </div>
      )}

      {result && total > 0 && (
        <Pagination
          label="attention.pagination"
          page={page}
          pageSize={ATTENTION_PAGE_SIZE}
          total={total}
          onPage={(next) => update({ page: next })}
        />
      )}
    </main>
  );
}

interface AttentionRowProps {
  item: AttentionItem;
  position: number;
  showSchool: boolean;
  /** Inside a pupil's card: the card names the pupil and explains the priority once. */
  inCard?: boolean;
  onAcknowledge: (item: AttentionItem) => Promise<boolean>;
  onHandle: (item: AttentionItem, note: string, link: string) => Promise<boolean>;
}

/** The pupil's name (to the pupil page), class, school when several are shown, and the link to the file. */
function PupilHeading(props: {
  id: string;
  position: number;
  pupil: AttentionItem['pupil'];
  schoolName: string | null;
}) {
  const { t } = useI18n();
  const path = `/pupils/${encodeURIComponent(String(props.pupil.id))}`;
  return (
    <h2 className="attention-row__title" id={props.id}>
      <span className="visually-hidden">{t('attention.position', { position: props.position })}: </span>
      <Link to={path} data-testid="attention-pupil">
        {props.pupil.lastName}, {props.pupil.firstName}
      </Link>
      <span className="attention-row__pupil-meta">
        {props.pupil.className ?? '—'}
        {props.schoolName !== null && <> · {props.schoolName}</>}
      </span>{' '}
      <Link to={`${path}/file`} className="attention-row__file" data-testid="attention-file">
        {t('attention.toFile')}
      </Link>
    </h2>
  );
}

/** One card per pupil: name, class and file link once, why the pupil stands here once, then each signal. */
function PupilCard({
  group,
  position,
  showSchool,
  onAcknowledge,
  onHandle,
}: Omit<AttentionRowProps, 'item' | 'inCard'> & { group: AttentionGroup }) {
  const { t } = useI18n();
  const heading = useId();
  return (
    <li
      className={`attention-row attention-card${group.legal ? ' attention-row--legal' : ''}`}
      aria-labelledby={heading}
      data-testid="attention-card"
      data-pupil-id={group.pupil.id}
    >
      <div className="attention-row__position" aria-hidden="true">
        {position}
      </div>
      <div className="attention-row__body">
        <div className="attention-row__head">
          <PupilHeading
            id={heading}
            position={position}
            pupil={group.pupil}
            schoolName={showSchool ? group.schoolName : null}
          />
          <span className="badge" data-testid="attention-card-count">
            {group.signals.length === 1
              ? t('attention.total.one')
              : t('attention.total.other', { count: group.signals.length })}
          </span>
        </div>
        <p className="attention-row__why" data-testid="attention-why">
          <span className="attention-row__label">{t('attention.why')}:</span>{' '}
          {reasonText(priorityReasons(group.priority), t)}
        </p>
        <ul className="attention-card__signals">
          {group.signals.map((item) => (
            <AttentionRow
              key={`${item.id}|${item.version}`}
              item={item}
              position={position}
              showSchool={showSchool}
              inCard
              onAcknowledge={onAcknowledge}
              onHandle={onHandle}
            />
          ))}
        </ul>
      </div>
    </li>
  );
}

function AttentionRow({ item, position, showSchool, inCard = false, onAcknowledge, onHandle }: AttentionRowProps) {
  const { language, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [handling, setHandling] = useState(false);
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const handleButtonRef = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), note: useId(), noteHint: useId(), noteError: useId(), link: useId() };
  const reasons = priorityReasons(item.priority);
  const name = `${item.pupil.firstName} ${item.pupil.lastName}`;
  const title = item.title[language];

  useEffect(() => {
    if (handling) noteRef.current?.focus();
  }, [handling]);

  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught, language, t('app.error')));
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setNoteMissing(true);
      noteRef.current?.focus();
      return;
    }
    void run(() => onHandle(item, note.trim(), link.trim()));
  };

  const cancel = () => {
    setHandling(false);
    setNoteMissing(false);
    window.setTimeout(() => handleButtonRef.current?.focus(), 0);
  };

  return (
    <li
      className={`attention-row${item.priority.legal ? ' attention-row--legal' : ''}`}
      aria-labelledby={ids.title}
      data-testid="attention-row"
      data-rule-id={item.ruleId}
      data-pupil-id={item.pupil.id}
      data-signal-id={item.id}
      data-status={item.status}
    >
      {!inCard && (
        <div className="attention-row__position" aria-hidden="true">
          {position}
        </div>
      )}
      <div className="attention-row__body">
        {inCard ? (
          <div className="attention-row__head">
            <h3
              className="attention-row__title"
              id={ids.title}
              data-testid="attention-rule-title"
              title={item.source || undefined}
            >
              {title}
            </h3>
            <SignalStatusBadge status={item.status} />
          </div>
        ) : (
          <div className="attention-row__head">
            <PupilHeading
              id={ids.title}
              position={position}
              pupil={item.pupil}
              schoolName={showSchool ? item.schoolName : null}
            />
            <SignalStatusBadge status={item.status} />
          </div>
        )}
        <p className="attention-row__rule">
          {!inCard && (
            <>
              <strong data-testid="attention-rule-title" title={item.source || undefined}>
                {title}
              </strong>{' '}
            </>
          )}
          <ObligationBadge obligation={item.obligation} />
          {item.daysOpen !== null && (
            <span className="badge badge--days-open" data-testid="days-open">
              {item.daysOpen === 1
                ? t('attention.daysOpen.one')
                : t('attention.daysOpen.other', { count: item.daysOpen })}
            </span>
          )}
          <span className="muted attention-row__track"> · {t(`track.${item.track}`)}</span>
        </p>
        <p className="attention-row__explanation" data-testid="attention-explanation">
          {item.explanation[language]}
        </p>
        {item.action[language] && (
          <p className="attention-row__action">
            <span className="attention-row__label">{t('attention.action')}:</span> {item.action[language]}
          </p>
        )}
        <p className="attention-row__meta muted">
          {t('attention.triggeredOn', { date: formatDate(item.triggeredOn) })}
        </p>
        {!inCard && (
          <p className="attention-row__why" data-testid="attention-why">
            <span className="attention-row__label">{t('attention.why')}:</span> {reasonText(reasons, t)}
          </p>
        )}
        {item.status === 'handled' && (
          <p className="attention-row__handled">
            <span className="attention-row__label">{t('signals.handledNote')}:</span> {item.handledNote}
            {item.handledAt && (
              <span className="muted">
                {' '}
                ({t('signals.handledAt', { date: formatTimestamp(item.handledAt, language) })})
              </span>
            )}
          </p>
        )}

        {item.status !== 'handled' && !handling && (
          <div className="attention-row__buttons">
            {item.status === 'new' && (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy}
                onClick={() => void run(() => onAcknowledge(item))}
                aria-describedby={ids.title}
                data-testid="acknowledge"
              >
                {t('attention.acknowledge')}
              </button>
            )}
            {item.closedBy ? (
              // A legal signal closes only through its route in the pupil file (decision 0023): no free note here.
              <Link
                to={`/pupils/${encodeURIComponent(String(item.pupil.id))}/file#file-workflows-section`}
                className="button button--primary button--small"
                aria-describedby={ids.title}
                data-testid="handle-route"
              >
                {t('attention.handleRoute')}
              </Link>
            ) : (
              <button
                ref={handleButtonRef}
                type="button"
                className="button button--primary button--small"
                disabled={busy}
                onClick={() => setHandling(true)}
                aria-describedby={ids.title}
                data-testid="handle"
              >
                {t('attention.handle')}
              </button>
            )}
          </div>
        )}

        {handling && (
          <form className="handle-form" onSubmit={submit} noValidate data-testid="handle-form">
            <p className="handle-form__title">{t('attention.handleTitle', { title, pupil: name })}</p>
            <div className="field">
              <label htmlFor={ids.note}>{t('attention.handleNote')}</label>
              <textarea
                ref={noteRef}
                id={ids.note}
                rows={3}
                maxLength={4000}
                required
                aria-required="true"
                aria-invalid={noteMissing ? true : undefined}
                aria-describedby={noteMissing ? `${ids.noteError} ${ids.noteHint}` : ids.noteHint}
                value={note}
                onChange={(event) => {
                  setNote(event.target.value);
                  if (event.target.value.trim()) setNoteMissing(false);
                }}
                data-testid="handle-note"
              />
              <span id={ids.noteHint} className="muted field__hint">
                {t('attention.handleNoteHint')}
              </span>
              {noteMissing && (
                <p id={ids.noteError} className="field__error" role="alert">
                  {t('attention.handleNoteRequired')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={ids.link}>{t('attention.handleLink')}</label>
              <input
                id={ids.link}
                type="text"
                inputMode="url"
                maxLength={500}
                value={link}
                onChange={(event) => setLink(event.target.value)}
                data-testid="handle-link"
              />
            </div>
            <div className="attention-row__buttons">
              <button type="submit" className="button button--primary" disabled={busy} data-testid="handle-submit">
                {busy ? t('attention.busy') : t('attention.handleSubmit')}
              </button>
              <button type="button" className="button button--secondary" disabled={busy} onClick={cancel}>
                {t('attention.cancel')}
              </button>
            </div>
          </form>
        )}
        {error && (
          <p className="alert alert--error attention-row__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

function reasonText(reasons: readonly PriorityReason[], t: Translate): string {
  if (reasons.length === 0) return t('attention.why.rule');
  return reasons
    .map((reason) => {
      switch (reason.kind) {
        case 'legal':
          return t('attention.why.legal');
        case 'younger':
          return t('attention.why.younger', { age: reason.ageYears });
        case 'parentsUnreachable':
          return t('attention.why.parentsUnreachable');
        case 'rapid':
          return t('attention.why.rapid', { count: reason.recentAbsences });
        case 'otherSignals':
          return reason.count === 1
            ? t('attention.why.otherSignals.one')
            : t('attention.why.otherSignals.other', { count: reason.count });
      }
      return '';
    })
    .join(' · ');
}
