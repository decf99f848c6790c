// The page header: product name, school and school-year choice, main navigation, user and sign-out.
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export function AppHeader() {
  const { t } = useI18n();
  const { me, schools, schoolId, setSchoolId, schoolYear, setSchoolYear, signOut } = useReadySession();
  const { pathname } = useLocation();
  const schoolSelectId = useId();
  const yearSelectId = useId();
  const school = schools.find((candidate) => String(candidate.id) === schoolId) ?? schools[0];
  const onImport = pathname.endsWith('/import');
  const onAttention = pathname === '/attention' || pathname.endsWith('/attention');

  const chooseSchool = (next: string) => {
    setSchoolId(next);
    navigate(`/schools/${encodeURIComponent(next)}${onImport ? '/import' : onAttention ? '/attention' : ''}`);
  };

  const overviewPath = school ? `/schools/${encodeURIComponent(String(school.id))}` : '/';
  const importPath = school ? `${overviewPath}/import` : '/';
  const attentionPath = school ? `${overviewPath}/attention` : '/attention';
  const isOverview = school !== undefined && pathname === overviewPath;
  const isBeheerder = (me.memberships ?? []).some((membership) => membership.role === 'beheerder');

  return (
    <header className="app-header">
      <div className="app-header__top">
        <Link to={overviewPath} className="app-header__brand">
          {t('app.name')}
        </Link>
        <div className="app-header__user">
          <span className="app-header__name" title={me.email}>
            {me.displayName}
          </span>
          <LanguageSwitch />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              void signOut().finally(() => navigate('/login'));
            }}
            data-testid="logout"
          >
            {t('header.logout')}
          </button>
        </div>
      </div>
      <div className="app-header__bar">
        {school && (
          <div className="app-header__pickers">
            <div className="field field--inline">
              <label htmlFor={schoolSelectId}>{t('header.school')}</label>
              <select
                id={schoolSelectId}
                value={String(school.id)}
                onChange={(event) => chooseSchool(event.target.value)}
                data-testid="school-select"
              >
                {schools.map((candidate) => (
                  <option key={candidate.id} value={String(candidate.id)}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field--inline">
              <label htmlFor={yearSelectId}>{t('header.schoolYear')}</label>
              <select
                id={yearSelectId}
                value={schoolYear ?? school.defaultSchoolYear}
                onChange={(event) => setSchoolYear(event.target.value)}
                data-testid="school-year-select"
              >
                {school.schoolYears.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <nav aria-label={t('header.nav')} className="app-nav">
          <ul>
            <li>
              <Link to={overviewPath} aria-current={isOverview ? 'page' : undefined} data-testid="nav-overview">
                {t('header.overview')}
              </Link>
            </li>
            <li>
              <Link to={attentionPath} aria-current={onAttention ? 'page' : undefined} data-testid="nav-attention">
                {t('header.attention')}
              </Link>
            </li>
            <li>
              <Link to={importPath} aria-current={onImport ? 'page' : undefined} data-testid="nav-import">
                {t('header.import')}
              </Link>
            </li>
            <li>
              <Link
                to={`${overviewPath}/selfscan`}
                aria-current={pathname.includes('/selfscan') ? 'page' : undefined}
                data-testid="nav-selfscan"
              >
                {t('selfscan.nav')}
              </Link>
            </li>
            <li>
              <Link
                to="/monitor"
                aria-current={
                  pathname.startsWith('/monitor') || pathname.endsWith('/monitor') || pathname.endsWith('/thuiszitters')
                    ? 'page'
                    : undefined
                }
                data-testid="nav-monitor"
              >
                {t('monitor.nav')}
              </Link>
            </li>
            {isBeheerder && (
              <>
                <li>
                  <Link to="/admin/users" aria-current={pathname === '/admin/users' ? 'page' : undefined}>
                    {t('header.admin')}
                  </Link>
                </li>
                <li>
                  <Link to="/admin/audit" aria-current={pathname === '/admin/audit' ? 'page' : undefined}>
                    {t('header.audit')}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
