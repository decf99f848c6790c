// The thuiszitters report of a region or a CLB (issue 15), and a LOP's view of exclusions in the same contract:
// every figure with its definition and source, as the server suppressed it (<5), with the CSV and PDF of it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { todayIso } from '../../src/domain/civil-date.ts';
import { partialSchoolingApi, type RegionReport, type ReportTarget } from '../api/partial-schooling-client.ts';
import { TextField } from '../components/form-field.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Figure = RegionReport['sections'][number]['figures'][number];

function figureText(f: Figure, language: 'nl' | 'en', minShown: number): string {
  if (f.value === null) return f.suppressed ? `<${minShown}` : '—';
  const format = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en-GB', {
    style: f.unit === 'share' ? 'percent' : 'decimal',
    maximumFractionDigits: 1,
  });
  return format.format(f.value);
}

export function MonitorReportPage({ target }: { target: ReportTarget }) {
  const { t, language } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const query = useQuery({
    queryKey: ['region-report', target.kind, target.id, asOf],
    queryFn: () => partialSchoolingApi.report(target, asOf || undefined),
  });
  const report = query.data;
  const lop = target.kind === 'lops';
  return (
    <main id="main" className="page monitor" data-testid="monitor-report">
      <h1>
        {t(lop ? 'lop.title' : 'report.title')}
        {report ? `: ${report.scope.name}` : ''}
      </h1>
      <p>{t(lop ? 'lop.intro' : 'report.intro')}</p>
      <TextField label={t('report.asOf')} type="date" value={asOf} onChange={setAsOf} testId="report-as-of" />
      {query.error && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {!report && !query.error && <Loading />}
      {report && (
        <>
          <p className="monitor-meta">
            {report.schoolYear} · {formatDate(report.asOf)}
          </p>
          <p>
            <a className="button button--secondary" href={partialSchoolingApi.reportUrl(target, 'csv', asOf)} download>
              {t('report.csv')}
            </a>{' '}
            <a className="button button--secondary" href={partialSchoolingApi.reportUrl(target, 'pdf', asOf)} download>
              {t('report.pdf')}
            </a>
          </p>
          {report.sections.map((section) => (
            <section key={section.id} className="section" aria-labelledby={`report-${section.id}`}>
              <h2 id={`report-${section.id}`}>{section.title[language]}</h2>
              <p className="muted">{section.definition[language]}</p>
              <p className="muted">
                {t('report.source')}: {section.source}
              </p>
              <table className="data-table" data-testid={`report-${section.id}`}>
                <caption>{section.title[language]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.figure')}</th>
                    <th scope="col">{t('report.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {section.figures.map((f) => (
                    <tr key={f.id} data-testid="report-figure" data-figure={f.id}>
                      <th scope="row">{f.label[language]}</th>
                      <td>{figureText(f, language, report.minShownCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </main>
  );
}
