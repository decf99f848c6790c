// The school's self-scan (preventieplan) of a school year: start it, the overview per phase like seed 001's
// closing table, the school's own figures, exports, and the charts comparing the years.
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { School } from '../api/client.ts';
import { selfscanApi } from '../api/selfscan-client.ts';
import { SelfscanFigures } from '../components/selfscan-figures.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import { goalChartData, goalRows, phaseChartData } from './selfscan-data.ts';

/** ECharts is large: load it only when the charts are shown. */
const SelfscanChart = lazy(() =>
  import('../components/selfscan-chart.tsx').then((module) => ({ default: module.SelfscanChart })),
);

const STATUS_KEYS = {
  planned: 'selfscan.status.planned',
  'in-progress': 'selfscan.status.inProgress',
  done: 'selfscan.status.done',
  dropped: 'selfscan.status.dropped',
} as const;

export function SelfscanPage({ school }: { school: School }) {
  const { t, language } = useI18n();
  const { schoolYear: chosenYear } = useReadySession();
  const schoolYear = chosenYear ?? school.defaultSchoolYear;
  const query = useQuery({
    queryKey: ['selfscan', school.id, schoolYear],
    queryFn: async () => {
      const list = await selfscanApi.list(school.id);
      const scan = list.scans.some((s) => s.schoolYear === schoolYear)
        ? await selfscanApi.get(school.id, schoolYear)
        : null;
      return { list, scan };
    },
  });
  const start = useMutation({
    mutationFn: () => selfscanApi.start(school.id, schoolYear),
    onSuccess: () => query.refetch(),
  });

  const error = query.error ?? start.error;
  if (error)
    return (
      <ErrorMessage
        error={error}
        onRetry={() => {
          start.reset();
          void query.refetch();
        }}
      />
    );
  if (!query.data) return <Loading />;
  const { list, scan } = query.data;
  const lang = language;
  const doc = list.instrument.document;
  const rows = goalRows(list.instrument.phases);
  const schoolPath = `/schools/${encodeURIComponent(String(school.id))}/selfscan`;

  return (
    <main id="main" className="page selfscan">
      <h1>{t('selfscan.title', { name: school.name })}</h1>
      <p className="selfscan__subtitle">
        {doc.title[lang]} {doc.subtitle[lang]} · {t('selfscan.schoolYear', { year: schoolYear })}
      </p>

      {!scan && (
        <section className="card">
          <p>{t('selfscan.none', { year: schoolYear })}</p>
          {list.canEdit && (
            <button
              type="button"
              className="button button--primary"
              data-testid="selfscan-start"
              onClick={() => {
                start.mutate();
              }}
            >
              {t('selfscan.start', { year: schoolYear })}
            </button>
          )}
        </section>
      )}

      {scan && (
        <>
          <section className="selfscan__actions" aria-label={t('selfscan.export')}>
            <a
              className="button button--secondary button--small"
              href={selfscanApi.exportUrl(school.id, schoolYear, 'pdf', lang)}
              download
              data-testid="selfscan-export-pdf"
            >
              {t('selfscan.exportPdf')}
            </a>
            <a
              className="button button--secondary button--small"
              href={selfscanApi.exportUrl(school.id, schoolYear, 'docx', lang)}
              download
              data-testid="selfscan-export-docx"
            >
              {t('selfscan.exportDocx')}
            </a>
            {scan.participants.length > 0 && (
              <span className="selfscan__participants">
                {t('selfscan.participants')}: {scan.participants.map((p) => `${p.name} (${p.organisation})`).join(', ')}
              </span>
            )}
          </section>

          <h2>{doc.overviewTitle[lang]}</h2>
          {list.instrument.phases.map((phase) => (
            <section key={phase.number} className="selfscan__phase" aria-labelledby={`selfscan-phase-${phase.number}`}>
              <h3 id={`selfscan-phase-${phase.number}`}>{phase.overviewTitle[lang]}</h3>
              <div className="table-scroll">
                <table className="data-table selfscan__overview" data-testid={`selfscan-overview-${phase.number}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('selfscan.goal')}</th>
                      <th scope="col">{doc.columns.score[lang]}</th>
                      <th scope="col">{doc.columns.what[lang]}</th>
                      <th scope="col">{doc.columns.who[lang]}</th>
                      <th scope="col">{doc.columns.when[lang]}</th>
                      <th scope="col">{doc.columns.check[lang]}</th>
                      <th scope="col">{t('selfscan.figures')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows
                      .filter((row) => row.phase.number === phase.number)
                      .flatMap((row, index, all) => {
                        const goal = row.goal;
                        const actions = scan.actions.filter((a) => a.goalId === goal.id);
                        const heading =
                          row.trackOverviewTitle && all[index - 1]?.trackOverviewTitle !== row.trackOverviewTitle ? (
                            <tr key={`${goal.id}-track`} className="selfscan__track-row">
                              <th colSpan={7} scope="colgroup">
                                {row.trackOverviewTitle[lang]}
                              </th>
                            </tr>
                          ) : null;
                        const score = scan.goals[goal.id]?.score;
                        return [
                          heading,
                          <tr key={goal.id} data-testid={`selfscan-row-${goal.id}`}>
                            <th scope="row">
                              <span className="selfscan__label">{row.label}</span>{' '}
                              <Link to={`${schoolPath}/${encodeURIComponent(schoolYear)}/goals/${goal.id}`}>
                                {goal.overviewTitle[lang]}
                              </Link>
                              {goal.theme && <span className="selfscan__theme"> – {goal.theme[lang]}</span>}
                            </th>
                            <td data-testid={`selfscan-score-${goal.id}`}>
                              {score === null || score === undefined ? '–' : `${score}/10`}
                            </td>
                            <td>
                              {actions.map((a) => (
                                <div key={a.id}>
                                  {a.what} <span className="selfscan__status">({t(STATUS_KEYS[a.status])})</span>
                                </div>
                              ))}
                            </td>
                            <td>
                              {actions.map((a) => (
                                <div key={a.id}>{a.who}</div>
                              ))}
                            </td>
                            <td>
                              {actions.map((a) => (
                                <div key={a.id}>{a.due}</div>
                              ))}
                            </td>
                            <td>
                              {actions.map((a) => (
                                <div key={a.id}>{a.check}</div>
                              ))}
                            </td>
                            <td>
                              <SelfscanFigures
                                figures={scan.figures}
                                keys={list.instrument.goalFigures[goal.id] ?? []}
                                compact
                              />
                            </td>
                          </tr>,
                        ];
                      })}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}

      <section className="selfscan__charts" aria-labelledby="selfscan-charts">
        <h2 id="selfscan-charts">{t('selfscan.charts')}</h2>
        {list.scans.length === 0 ? (
          <p>{t('selfscan.noScores')}</p>
        ) : (
          <Suspense fallback={<Loading />}>
            <SelfscanChart
              title={t('selfscan.chart.goals')}
              data={goalChartData(list, lang)}
              filename={`zelfscan-doelstellingen-${school.institutionNumber}.csv`}
              testId="selfscan-chart-goals"
            />
            <SelfscanChart
              title={t('selfscan.chart.phases')}
              data={phaseChartData(list, lang)}
              filename={`zelfscan-fasen-${school.institutionNumber}.csv`}
              testId="selfscan-chart-phases"
            />
          </Suspense>
        )}
      </section>
    </main>
  );
}
