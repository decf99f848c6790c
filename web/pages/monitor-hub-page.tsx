// The monitor's start page: the dashboards and thuiszitters overviews this user may open.
import { useQuery } from '@tanstack/react-query';
import { monitorApi } from '../api/monitor-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useReadySession } from '../session.tsx';

export function MonitorHubPage() {
  const { t } = useI18n();
  const { schools } = useReadySession();
  const query = useQuery({ queryKey: ['monitor', 'scopes'], queryFn: monitorApi.scopes });
  if (query.error)
    return (
      <main id="main" className="page">
        <ErrorMessage error={query.error} />
      </main>
    );
  const scopes = query.data;
  if (!scopes)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  const mine = schools.filter((school) => scopes.schoolIds.includes(Number(school.id)));
  const empty = mine.length === 0 && scopes.clbs.length === 0 && scopes.regions.length === 0;
  return (
    <main id="main" className="page" data-testid="monitor-hub">
      <h1>{t('monitor.hub.title')}</h1>
      <p>{t('monitor.hub.intro')}</p>
      {empty && <p className="alert alert--info">{t('monitor.hub.none')}</p>}
      <ul className="monitor-links">
        {scopes.regions.map((region) => (
          <li key={`r${region.id}`}>
            <Link to={`/monitor/regions/${region.id}`}>{t('monitor.hub.region', { name: region.name })}</Link>
          </li>
        ))}
        {scopes.clbs.map((clb) => (
          <li key={`c${clb.id}`}>
            <Link to={`/monitor/clbs/${clb.id}`}>{t('monitor.hub.clb', { name: clb.name })}</Link>
          </li>
        ))}
        {mine.length > 1 && (
          <li>
            <Link to="/monitor/thuiszitters">{t('monitor.hub.allThuiszitters')}</Link>
          </li>
        )}
        {mine.map((school) => (
          <li key={`s${school.id}`}>
            <Link to={`/schools/${school.id}/monitor`}>{t('monitor.hub.school', { name: school.name })}</Link>
            {' · '}
            <Link to={`/schools/${school.id}/thuiszitters`}>
              {t('monitor.hub.thuiszitters', { name: school.name })}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
