// The pupil file's section "Fase 2: trajecten met juridisch gewicht": ABSENCE_RISING (absences keep rising despite
// the school's trajectory, seed 000 l. 81), the facts the routes' preconditions read, and one route form open at a
// time — M-document (OCJ / VK), AgODi report and the copy of its letter, A-document (NRTJ), spijbelactieplan with
// the police, and the police report with the fiche onbereikbaarheid. The server checks every precondition.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { phase2Api } from '../api/phase2-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Run } from './pupil-file/form-run.tsx';
import { Phase2RouteForm, type Phase2RouteName } from './pupil-file/phase2-route-form.tsx';
import { OpenButtons } from './pupil-file/workflow-form.tsx';

/** Routes only the zorgcoördinator, the directie and the CLB take (file.legal-route); the police report is file.manage. */
const LEGAL_ROUTES: Phase2RouteName[] = ['mDocument', 'agodi', 'agodiLetter', 'nrtj', 'truancyPlan'];

export function FilePhase2({ pupilId, run, reload }: { pupilId: string; run: Run; reload: number }) {
  const { t, language } = useI18n();
  const percent = (value: number | null) =>
    new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en-GB').format(value ?? 0);
  const headingId = useId();
  const [open, setOpen] = useState<Phase2RouteName | null>(null);
  const query = useQuery({
    queryKey: ['pupil-file-phase2', pupilId, reload],
    queryFn: () => phase2Api.overview(pupilId),
  });
  const overview = query.data;
  const routes: Phase2RouteName[] = [...(overview?.canRecord ? LEGAL_ROUTES : []), 'police'];
  const trend = overview?.absenceRising ?? null;
  return (
    <section className="section card file-section" aria-labelledby={headingId} data-testid="file-phase2">
      <h2 id={headingId}>{t('p2.title')}</h2>
      <p className="muted">{t('p2.hint')}</p>
      {query.error && !overview && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {!overview && !query.error && <Loading />}
      {overview && (
        <>
          {trend && (
            <p
              className={`alert ${trend.holds ? 'alert--error' : 'alert--info'}`}
              data-testid="p2-absence-rising"
              data-holds={trend.holds}
            >
              {t(trend.holds ? 'p2.rising' : trend.evaluated ? 'p2.risingNot' : 'p2.risingTooEarly', {
                date: formatDate(trend.firstMeasureOn),
                days: trend.windowSchoolDays,
                before: percent(trend.rateBefore),
                after: percent(trend.rateAfter),
              })}
            </p>
          )}
          <p data-testid="p2-facts">
            {t('p2.facts', {
              clb: overview.facts.clbInvolved ? t('p2.yes') : t('p2.no'),
              school: overview.facts.schoolMeasures,
              consultations: overview.facts.clbConsultations,
              truancy: overview.facts.truancyRegistrations,
            })}
          </p>
          {!overview.canRecord && <p className="alert alert--info">{t('p2.onlyCare')}</p>}
          <OpenButtons names={routes} open={open} onOpen={setOpen} testIdPrefix="p2-open" />
          {open && (
            <Phase2RouteForm
              key={open}
              route={open}
              pupilId={pupilId}
              overview={overview}
              run={run}
              onDone={() => setOpen(null)}
            />
          )}
        </>
      )}
    </section>
  );
}
