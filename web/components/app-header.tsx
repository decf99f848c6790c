// The page header: product name, school and school-year choice, main navigation, user and sign-out.
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { menuFor, menuKeyOf, pathAfterSchoolChange } from '../navigation.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useReadySession } from '../session.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export function AppHeader() {
  const { t } = useI18n();
  const { me, schools, school, setSchoolId, schoolYear, setSchoolYear, signOut } = useReadySession();
  const { pathname } = useLocation();
  const schoolSelectId = useId();
  const yearSelectId = useId();
  const items = menuFor(me, school);
  const active = menuKeyOf(pathname);

  const chooseSchool = (next: string) => {
    setSchoolId(next);
    const nextSchool = schools.find((candidate) => String(candidate.id) === next);
    const path = nextSchool ? pathAfterSchoolChange(me, pathname, nextSchool) : null;
    if (path) navigate(path);
  };

  return (
    <header className="app-header">
      <div className="app-header__top">
        <Link to="/" className="app-header__brand">
          {t('app.name')}
        </Link>
        <div className="app-header__user">
          <span className="app-header__name" title={me.email}>
            {me.displayName}
          </span>
          <Link to="/settings/notifications" data-testid="nav-notifications">
            {t('notify.nav')}
          </Link>
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
            {items.map((item) => (
              <li key={item.key}>
                <Link
                  to={item.path}
                  aria-current={active === item.key ? 'page' : undefined}
                  data-testid={`nav-${item.key}`}
                >
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
