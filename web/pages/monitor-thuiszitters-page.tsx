// Thuiszitters: pupils in a long-absence, fixed-slot, 30 P, long-illness or excluded-without-school signal, with
// partial schooling at the school's request, or with much time at home in total; ranked by their cumulative time
// at home (issue 15). Education, spilfiguur and last contact come with the pupil file.
import { useQuery } from '@tanstack/react-query';
import type { School } from '../api/client.ts';
import { monitorApi } from '../api/monitor-client.ts';
import { type Cell, ChartTable } from '../components/chart-table.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLabels } from '../i18n/labels.ts';
import type { MessageKey } from '../i18n/nl.ts';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';

/** `school` null: every school the user follows up (a CLB's view). */
export function MonitorThuiszittersPage({ school }: { school: School | null }) {
  const { t } = useI18n();
  const labels = useLabels();
  const session = useReadySession();
  const schoolYear = session.schoolYear ?? undefined;
  const schoolId = school?.id ?? null;
  const query = useQuery({
    queryKey: ['monitor', 'thuiszitters', schoolId, schoolYear],
    queryFn: () => monitorApi.thuiszitters(schoolId, schoolYear),
  });

  const title = school ? t('monitor.thuiszitters.titleSchool', { name: school.name }) : t('monitor.thuiszitters.title');
  if (query.error)
    return (
      <main id="main" className="page">
        <h1>{title}</h1>
        <ErrorMessage error={query.error} />
      </main>
    );
  const list = query.data;
  if (!list)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  const unknown = t('monitor.thuiszitters.unknown');
  const halfDayLabel = (value: string) => {
    const [day = '', half = ''] = value.split('-');
    return `${t(`partial.day.${day}` as MessageKey)} ${t(half === 'AM' ? 'partial.am' : 'partial.pm')}`;
  };
  const columns = [
    t('monitor.thuiszitters.pupil'),
    ...(school ? [] : [t('monitor.thuiszitters.school')]),
    t('monitor.thuiszitters.class'),
    t('monitor.thuiszitters.signals'),
    t('monitor.thuiszitters.since'),
    t('monitor.thuiszitters.absent'),
    t('monitor.thuiszitters.share'),
    t('monitor.thuiszitters.spells'),
    t('monitor.thuiszitters.days'),
    t('monitor.thuiszitters.partial'),
    t('monitor.thuiszitters.education'),
    t('monitor.thuiszitters.pivot'),
    t('monitor.thuiszitters.contact'),
  ];
  const rows: Cell[][] = list.pupils.map((p) => [
    `${p.lastName} ${p.firstName}`,
    ...(school ? [] : [p.schoolName]),
    p.className ?? '',
    p.ruleIds.map(labels.rule).join(', '),
    p.atHomeSince ? formatDate(p.atHomeSince) : t('monitor.thuiszitters.atSchool'),
    p.absentHalfDays,
    p.shareMissed === null ? '' : `${Math.round(p.shareMissed * 100)} %`,
    `${p.spells} (${p.longestSpell})`,
    p.daysAtHome,
    p.partialSchooling ? p.partialSchooling.map(halfDayLabel).join(', ') : '',
    p.education ?? unknown,
    p.pivotPerson ?? unknown,
    p.lastContact ?? unknown,
  ]);
  return (
    <main id="main" className="page monitor" data-testid="monitor-thuiszitters">
      <h1>{title}</h1>
      <p>{t('monitor.thuiszitters.intro', { year: list.schoolYear, date: formatDate(list.today) })}</p>
      {list.pupils.length === 0 ? (
        <p className="alert alert--info">{t('monitor.thuiszitters.empty')}</p>
      ) : (
        <ChartTable
          caption={title}
          columns={columns}
          rows={rows}
          fileName={`thuiszitters-${school?.id ?? 'all'}-${list.schoolYear}.csv`}
          format={(value) => String(value ?? '')}
          testId="table-thuiszitters"
          folded={false}
        />
      )}
      <ul className="monitor-links">
        {list.pupils.map((p) => (
          <li key={p.pupilId}>
            <Link to={`/pupils/${p.pupilId}`}>{`${p.lastName} ${p.firstName}`}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
