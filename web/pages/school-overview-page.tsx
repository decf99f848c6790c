// The school overview: every pupil with absent half-days per code, filtered, sorted and paged.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api, type Level, type PupilSort, type School } from '../api/client.ts';
import { CodeBadge } from '../components/code-badge.tsx';
import { CodeLegend } from '../components/code-legend.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import {
  codeColumns,
  nextSort,
  type OverviewQuery,
  overviewSearch,
  PAGE_SIZE,
  parseOverviewQuery,
} from './overview-query.ts';

const SEARCH_DELAY_MS = 300;

export function SchoolOverviewPage({ school }: { school: School }) {
  const { language, t } = useI18n();
  const { codes, schoolYear } = useReadySession();
  const { pathname, search } = useLocation();
  const query = parseOverviewQuery(search);
  const [searchText, setSearchText] = useState(query.q);
  const ids = { class: useId(), level: useId(), search: useId(), heading: useId() };

  const update = (changes: Partial<OverviewQuery>) => {
    const next = { ...query, page: 1, ...changes };
    navigate(`${pathname}${overviewSearch(next)}`, { replace: !('page' in changes) });
  };

  // Typing in the search box updates the URL (and so the list) once the user pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text should restart the timer
  useEffect(() => {
    if (searchText === query.q) return;
    const timer = window.setTimeout(() => update({ q: searchText.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  useEffect(() => {
    document.title = `${school.name} · ${t('app.name')}`;
  }, [school.name, t]);

  // Another school year has other pupils: start again at the first page.
  const shownYear = useRef(schoolYear);
  useEffect(() => {
    if (shownYear.current !== schoolYear && query.page > 1) update({ page: 1 });
    shownYear.current = schoolYear;
  });

  const { className, level, q, sort, order, page } = query;
  const pupils = useQuery({
    queryKey: ['pupils', school.id, schoolYear, className, level, q, sort, order, page],
    queryFn: () =>
      api.pupils(school.id, {
        schoolYear: schoolYear ?? '',
        className: className || undefined,
        level: level || undefined,
        q: q || undefined,
        sort,
        order,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    enabled: Boolean(schoolYear),
    // The previous page stays on screen (aria-busy) while the next one loads.
    placeholderData: keepPreviousData,
  });
  const result = pupils.data ?? null;
  const error = pupils.error;
  const loading = pupils.isPending || pupils.isFetching;

  const codeOrder = codes.map((code) => code.code);
  const columns = result
    ? codeColumns(
        [...result.items.map((item) => item.countsByCode), Object.fromEntries((result.codes ?? []).map((c) => [c, 1]))],
        codeOrder,
        sort,
      )
    : [];
  const total = result?.total ?? 0;
  const levels: Level[] = school.calendarLevel === 'secundair' ? ['secundair'] : ['kleuter', 'lager'];
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en');
  const filtered = className !== '' || level !== '' || q !== '';

  const sortHeader = (label: string, key: PupilSort, numeric = false, title?: string) => {
    const active = sort === key;
    return (
      <th
        scope="col"
        className={numeric ? 'numeric' : undefined}
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => update(nextSort(query, key))}
          title={t('overview.sortBy', { column: title ?? label })}
          data-testid={`sort-${key}`}
        >
          {label}
          <span className="sort-button__arrow" aria-hidden="true">
            {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <main id="main" className="page">
      <div className="page__heading">
        <h1 id={ids.heading}>
          {t('overview.title')} <span className="page__subtitle">{school.name}</span>
        </h1>
        <p className="page__meta" aria-live="polite" data-testid="pupil-total">
          {result
            ? total === 1
              ? t('overview.total.one')
              : t('overview.total.other', { count: number.format(total) })
            : '\u00a0'}
          {schoolYear && <> · {schoolYear}</>}
        </p>
      </div>

      <search className="filters" aria-label={t('overview.filters')}>
        <div className="field">
          <label htmlFor={ids.class}>{t('overview.class')}</label>
          <select
            id={ids.class}
            value={className}
            onChange={(event) => update({ className: event.target.value })}
            data-testid="filter-class"
          >
            <option value="">{t('overview.allClasses')}</option>
            {(result?.classes ?? (className ? [className] : [])).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {levels.length > 1 && (
          <div className="field">
            <label htmlFor={ids.level}>{t('overview.level')}</label>
            <select
              id={ids.level}
              value={level}
              onChange={(event) => update({ level: event.target.value as Level | '' })}
              data-testid="filter-level"
            >
              <option value="">{t('level.all')}</option>
              {levels.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`level.${candidate}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field--grow">
          <label htmlFor={ids.search}>{t('overview.search')}</label>
          <input
            id={ids.search}
            type="search"
            value={searchText}
            placeholder={t('overview.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
            data-testid="filter-search"
          />
        </div>
        {filtered && (
          <button
            type="button"
            className="button button--secondary filters__clear"
            onClick={() => {
              setSearchText('');
              update({ className: '', level: '', q: '' });
            }}
          >
            {t('overview.clearFilters')}
          </button>
        )}
      </search>

      {error !== null && <ErrorMessage error={error} onRetry={() => void pupils.refetch()} />}

      {result && (
        <div className="table-scroll" aria-busy={loading}>
          <table className="data-table pupil-table" data-testid="pupil-table">
            <caption className="visually-hidden">{t('overview.caption', { schoolYear: result.schoolYear })}</caption>
            <thead>
              <tr>
                {sortHeader(t('overview.name'), 'lastName')}
                {sortHeader(t('overview.class'), 'className')}
                <th scope="col">{t('overview.level')}</th>
                {sortHeader(t('overview.absentShort'), 'absent', true, t('overview.absent'))}
                {columns.map((code) => (
                  <th
                    key={code}
                    scope="col"
                    className="numeric"
                    aria-sort={sort === `code:${code}` ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => update(nextSort(query, `code:${code}`))}
                      title={t('overview.sortBy', { column: code })}
                      data-testid={`sort-code-${code}`}
                    >
                      <CodeBadge code={code} codes={codes} />
                      <span className="sort-button__arrow" aria-hidden="true">
                        {sort === `code:${code}` ? (order === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.items.map((pupil) => (
                <tr key={pupil.id} data-testid="pupil-row" data-pupil-id={pupil.id}>
                  <th scope="row" className="pupil-table__name">
                    <Link to={`/pupils/${encodeURIComponent(String(pupil.id))}`}>
                      {pupil.lastName}, {pupil.firstName}
                    </Link>
                    <span className="muted pupil-table__number">{pupil.externalId}</span>
                  </th>
                  <td>{pupil.className ?? '—'}</td>
                  <td>
                    {t(`level.${pupil.level}` as MessageKey)}
                    {pupil.grade !== null && ` ${pupil.grade}`}
                  </td>
                  <td className="numeric strong">{number.format(pupil.absentHalfDays)}</td>
                  {columns.map((code) => {
                    const count = pupil.countsByCode[code] ?? 0;
                    return (
                      <td key={code} className={`numeric${count === 0 ? ' muted' : ''}`} data-code={code}>
                        {number.format(count)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {result.items.length === 0 && (
            <div className="empty-state">
              <p>{t('overview.empty')}</p>
              <p className="muted">{t('overview.emptyHint')}</p>
            </div>
          )}
        </div>
      )}

      {result && total > 0 && (
        <Pagination
          label="overview.pagination"
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          onPage={(next) => update({ page: next })}
        />
      )}

      <CodeLegend codes={codes} />
    </main>
  );
}
