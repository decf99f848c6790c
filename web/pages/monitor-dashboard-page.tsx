// The monitor dashboards: a school's own (unsuppressed), a CLB's across its schools and a region's for analysts
// (both with counts of 1 to 4 suppressed by the server). Every chart also as a table with a CSV download.
import { useQuery } from '@tanstack/react-query';
import {
  type Dashboard,
  type DashboardTarget,
  type MonitorResponse,
  monitorApi,
  type SeriesDimension,
} from '../api/monitor-client.ts';
import { type Cell, ChartTable } from '../components/chart-table.tsx';
import { type ChartSeries, MonitorChart } from '../components/monitor-chart.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate, formatTimestamp } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelsFor, useLabels } from '../i18n/labels.ts';
import type { MessageKey } from '../i18n/nl.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function keyLabel(dimension: SeriesDimension, key: string, response: MonitorResponse, t: Translate, language: string) {
  if (dimension === 'week')
    return t('monitor.week.label', { number: Number(key), date: formatDate(response.weekStarts[key] ?? '') });
  if (dimension === 'month') return (language === 'nl' ? MONTHS_NL : MONTHS_EN)[Number(key) - 1] ?? key;
  if (dimension === 'weekday') {
    const [day, half] = key.split('-');
    return `${t(`weekday.${day}` as MessageKey)} ${labelsFor(language as Language).half(half ?? '')}`;
  }
  if (dimension === 'grade') return key.replace('-', ' ');
  return key;
}

export function useCountFormat() {
  const { t } = useI18n();
  return (value: Cell, minShown: number) =>
    value === null
      ? t('monitor.lessThan', { count: minShown })
      : typeof value === 'number'
        ? value.toLocaleString('nl-BE')
        : value;
}

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);

function SeriesSection({
  dimension,
  response,
  fileStem,
}: {
  dimension: SeriesDimension;
  response: MonitorResponse;
  fileStem: string;
}) {
  const { t, language } = useI18n();
  const count = useCountFormat();
  const { dashboard } = response;
  const rows = dashboard.series[dimension];
  const title = t(`monitor.${dimension}.title` as MessageKey);
  const categories = rows.map((row) => keyLabel(dimension, row.key, response, t, language));
  const withPrevious = dimension === 'week' || dimension === 'month';
  const series: ChartSeries[] = dashboard.codes.map((code) => ({
    name: code,
    code,
    kind: 'bar',
    values: rows.map((row) => row.current[code] ?? null),
  }));
  if (withPrevious)
    series.push({
      name: t('monitor.previousTotal', { year: dashboard.previousSchoolYear }),
      code: null,
      kind: 'line',
      values: rows.map((row) => {
        const shown = Object.values(row.previous).filter((v): v is number => v !== null);
        return shown.length === 0 ? null : shown.reduce((sum, v) => sum + v, 0);
      }),
    });
  const columns = [
    t(`monitor.${dimension}.key` as MessageKey),
    ...dashboard.codes.map((code) => `${code} ${dashboard.schoolYear}`),
    ...(withPrevious ? dashboard.codes.map((code) => `${code} ${dashboard.previousSchoolYear}`) : []),
  ];
  const tableRows: Cell[][] = rows.map((row, index) => [
    categories[index] ?? row.key,
    ...dashboard.codes.map((code) => row.current[code] ?? 0),
    ...(withPrevious ? dashboard.codes.map((code) => row.previous[code] ?? 0) : []),
  ]);
  return (
    <section className="monitor-section" aria-labelledby={`monitor-${dimension}`}>
      <h2 id={`monitor-${dimension}`}>{title}</h2>
      {rows.length > 0 && (
        <MonitorChart title={title} categories={categories} series={series} testId={`chart-${dimension}`} />
      )}
      <ChartTable
        caption={t('monitor.showTable', { title })}
        columns={columns}
        rows={tableRows}
        fileName={`${fileStem}-${dimension}.csv`}
        format={(value) => count(value, dashboard.minShownCount)}
        testId={`table-${dimension}`}
      />
    </section>
  );
}

function ThresholdSection({ dashboard, fileStem }: { dashboard: Dashboard; fileStem: string }) {
  const { t } = useI18n();
  const count = useCountFormat();
  const levels = [...new Set(dashboard.thresholds.map((r) => r.halfDays))];
  const codes = [...new Set(dashboard.thresholds.map((r) => r.code))];
  const find = (code: string, halfDays: number) =>
    dashboard.thresholds.find((r) => r.code === code && r.halfDays === halfDays);
  const codeLabel = (code: string) => (code === '*' ? t('monitor.code.all') : code);
  const title = t('monitor.thresholds.title');
  const series: ChartSeries[] = levels.map((halfDays) => ({
    name: t('monitor.thresholds.share', { count: halfDays }),
    code: null,
    kind: 'bar',
    values: codes.map((code) => {
      const share = find(code, halfDays)?.share ?? null;
      return share === null ? null : Math.round(share * 1000) / 10;
    }),
  }));
  series.forEach((s, i) => {
    s.code = ['P', 'Z', 'B'][i] ?? null;
  });
  const columns = [
    t('monitor.thresholds.code'),
    ...levels.flatMap((n) => [
      t('monitor.thresholds.atLeast', { count: n }),
      t('monitor.thresholds.share', { count: n }),
    ]),
  ];
  const rows: Cell[][] = codes.map((code) => [
    codeLabel(code),
    ...levels.flatMap((n) => {
      const row = find(code, n);
      return [row?.pupils ?? 0, percent(row?.share ?? null)];
    }),
  ]);
  return (
    <section className="monitor-section" aria-labelledby="monitor-thresholds">
      <h2 id="monitor-thresholds">{title}</h2>
      <p>{t('monitor.thresholds.intro', { enrolled: count(dashboard.enrolled.current, dashboard.minShownCount) })}</p>
      <MonitorChart
        title={title}
        categories={codes.map(codeLabel)}
        series={series}
        stacked={false}
        testId="chart-thresholds"
      />
      <ChartTable
        caption={t('monitor.showTable', { title })}
        columns={columns}
        rows={rows}
        fileName={`${fileStem}-thresholds.csv`}
        format={(value) => (typeof value === 'string' ? value : count(value, dashboard.minShownCount))}
        testId="table-thresholds"
      />
    </section>
  );
}

function SignalSection({ dashboard, fileStem }: { dashboard: Dashboard; fileStem: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const count = useCountFormat();
  const title = t('monitor.signals.title');
  if (dashboard.signals.length === 0)
    return (
      <section className="monitor-section" aria-labelledby="monitor-signals">
        <h2 id="monitor-signals">{title}</h2>
        <p>{t('monitor.signals.none')}</p>
      </section>
    );
  const rules = dashboard.signals.map((s) => labels.rule(s.ruleId));
  return (
    <section className="monitor-section" aria-labelledby="monitor-signals">
      <h2 id="monitor-signals">{title}</h2>
      <MonitorChart
        title={title}
        categories={rules}
        stacked={false}
        series={[
          {
            name: t('monitor.signals.holding'),
            code: 'Z',
            kind: 'bar',
            values: dashboard.signals.map((s) => s.holding),
          },
          { name: t('monitor.signals.open'), code: 'B', kind: 'bar', values: dashboard.signals.map((s) => s.open) },
        ]}
        testId="chart-signals"
      />
      <ChartTable
        caption={t('monitor.showTable', { title })}
        columns={[t('monitor.signals.rule'), t('monitor.signals.holding'), t('monitor.signals.open')]}
        rows={dashboard.signals.map((s) => [labels.rule(s.ruleId), s.holding, s.open])}
        fileName={`${fileStem}-signals.csv`}
        format={(value) => count(value, dashboard.minShownCount)}
        testId="table-signals"
      />
    </section>
  );
}

function DelaySection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const count = useCountFormat();
  const d = dashboard.clbDelay;
  const days = (value: number | null) => (value === null ? t('monitor.none') : String(value));
  return (
    <section className="monitor-section" aria-labelledby="monitor-delay">
      <h2 id="monitor-delay">{t('monitor.delay.title')}</h2>
      <dl className="monitor-facts" data-testid="monitor-delay">
        <dt>{t('monitor.delay.signalled')}</dt>
        <dd>{count(d.signalled, dashboard.minShownCount)}</dd>
        <dt>{t('monitor.delay.median')}</dt>
        <dd>{days(d.medianDays)}</dd>
        <dt>{t('monitor.delay.average')}</dt>
        <dd>{days(d.averageDays)}</dd>
        <dt>{t('monitor.delay.open')}</dt>
        <dd>{count(d.notYetSignalled, dashboard.minShownCount)}</dd>
        <dt>{t('monitor.delay.medianOpen')}</dt>
        <dd>{days(d.medianDaysOpen)}</dd>
        <dt>{t('monitor.agreements.title')}</dt>
        <dd data-testid="monitor-overdue">
          {t('monitor.agreements.counts', {
            overdue: count(dashboard.agreements.overdue, dashboard.minShownCount),
            open: count(dashboard.agreements.open, dashboard.minShownCount),
          })}
        </dd>
      </dl>
      <p className="monitor-note">{t('monitor.delay.note')}</p>
    </section>
  );
}

export function MonitorDashboardPage({ target }: { target: DashboardTarget }) {
  const { t, language } = useI18n();
  const session = useReadySession();
  const schoolYear = session.schoolYear ?? undefined;
  const query = useQuery({
    queryKey: ['monitor', 'dashboard', target.kind, target.id, schoolYear],
    queryFn: () => monitorApi.dashboard(target, schoolYear),
  });

  if (query.error)
    return (
      <main id="main" className="page">
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </main>
    );
  const response = query.data;
  if (!response)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  const { dashboard, scope } = response;
  const fileStem = `monitor-${scope.kind}-${scope.id}-${dashboard.schoolYear}`;
  return (
    <main id="main" className="page monitor" data-testid={`monitor-${scope.kind}`}>
      <h1>{t(`monitor.${scope.kind}.title` as MessageKey, { name: scope.name })}</h1>
      <p className="monitor-meta">
        {t('monitor.year.current', { year: dashboard.schoolYear })}
        {scope.kind !== 'school' && <> · {t('monitor.scope.schools', { count: scope.schoolCount })}</>}
        {response.refreshedAt && (
          <> · {t('monitor.refreshedAt', { date: formatTimestamp(response.refreshedAt, language) })}</>
        )}
      </p>
      {dashboard.suppressed && (
        <p className="alert alert--info" data-testid="monitor-suppressed">
          {t('monitor.suppressed')}
        </p>
      )}
      <p>
        <a
          className="button button--secondary"
          href={monitorApi.exportUrl(target, schoolYear)}
          download
          data-testid="monitor-export"
        >
          {t('monitor.exportCsv')}
        </a>
        {scope.kind !== 'school' && (
          <>
            {' '}
            <Link
              to={`/monitor/${scope.kind === 'region' ? 'regions' : 'clbs'}/${scope.id}/report`}
              data-testid="monitor-report-link"
            >
              {t('report.open')}
            </Link>
          </>
        )}
      </p>
      <ThresholdSection dashboard={dashboard} fileStem={fileStem} />
      {(['week', 'month', 'weekday', 'class', 'grade'] as const).map((dimension) => (
        <SeriesSection key={dimension} dimension={dimension} response={response} fileStem={fileStem} />
      ))}
      <SignalSection dashboard={dashboard} fileStem={fileStem} />
      <DelaySection dashboard={dashboard} />
    </main>
  );
}
