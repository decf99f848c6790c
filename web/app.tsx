// The application shell: session gate, header and the path-based routes.
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { type School, setUnauthorizedHandler } from './api/client.ts';
import { monitorApi } from './api/monitor-client.ts';
import { AppHeader } from './components/app-header.tsx';
import { LoginNotice } from './components/login-notice.tsx';
import { ErrorMessage, Loading } from './components/status.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { type DashboardScopes, needsDashboardScopes, startPath } from './navigation.ts';
import { AttentionPage } from './pages/attention-page.tsx';
import { ChangePasswordPage } from './pages/change-password-page.tsx';
import {
  AdminUsersPage,
  AuditLogPage,
  CareMeetingPage,
  CareMeetingsPage,
  ClbInboxPage,
  FileTransferPage,
  ImportPage,
  LetterTemplatesPage,
  MonitorDashboardPage,
  MonitorHubPage,
  MonitorReportPage,
  MonitorThuiszittersPage,
  NotificationSettingsPage,
  PupilFilePage,
  SchoolOverviewPage,
  SelfscanGoalPage,
  SelfscanPage,
} from './pages/lazy-pages.ts';
import { LoginPage } from './pages/login-page.tsx';
import { PupilPage } from './pages/pupil-page.tsx';
import { Link, matchPath, navigate, useLocation } from './router.tsx';
import { preferredSchool, useReadySession, useSession } from './session.tsx';

export function App() {
  const { pathname } = useLocation();
  const { session, reload } = useSession();

  useEffect(() => {
    setUnauthorizedHandler(() => navigate('/login'));
  }, []);

  useEffect(() => {
    if (session.status === 'anonymous' && pathname !== '/login') navigate('/login', { replace: true });
  }, [session.status, pathname]);

  if (matchPath('/login', pathname)) return <LoginPage />;
  if (session.status === 'error') {
    return (
      <Bare>
        <ErrorMessage error={session.error} onRetry={reload} />
      </Bare>
    );
  }
  if (session.status !== 'ready') {
    return (
      <Bare>
        <Loading />
      </Bare>
    );
  }
  if (session.me.mustChangePassword) return <ChangePasswordPage />;
  return (
    <>
      <SkipLink />
      <AppHeader />
      <LoginNotice />
      <Suspense fallback={<PageLoading />}>
        <Routes pathname={pathname} />
      </Suspense>
    </>
  );
}

function Routes({ pathname }: { pathname: string }) {
  if (matchPath('/', pathname)) return <HomeRedirect />;
  if (matchPath('/admin/users', pathname)) return <AdminUsersPage />;
  if (matchPath('/admin/audit', pathname)) return <AuditLogPage />;
  const overview = matchPath('/schools/:schoolId', pathname);
  if (overview?.schoolId) {
    return (
      <SchoolRoute
        schoolId={overview.schoolId}
        render={(school) => <SchoolOverviewPage key={school.id} school={school} />}
      />
    );
  }
  const importPage = matchPath('/schools/:schoolId/import', pathname);
  if (importPage?.schoolId) {
    return (
      <SchoolRoute schoolId={importPage.schoolId} render={(school) => <ImportPage key={school.id} school={school} />} />
    );
  }
  const attention = matchPath('/schools/:schoolId/attention', pathname);
  if (attention?.schoolId) {
    return (
      <SchoolRoute
        schoolId={attention.schoolId}
        render={(school) => <AttentionPage key={school.id} school={school} />}
      />
    );
  }
  const selfscan = matchPath('/schools/:schoolId/selfscan', pathname);
  if (selfscan?.schoolId) {
    return (
      <SchoolRoute schoolId={selfscan.schoolId} render={(school) => <SelfscanPage key={school.id} school={school} />} />
    );
  }
  const selfscanGoal = matchPath('/schools/:schoolId/selfscan/:schoolYear/goals/:goalId', pathname);
  if (selfscanGoal?.schoolId && selfscanGoal.schoolYear && selfscanGoal.goalId) {
    const { schoolYear, goalId } = selfscanGoal;
    return (
      <SchoolRoute
        schoolId={selfscanGoal.schoolId}
        render={(school) => (
          <SelfscanGoalPage key={`${school.id}-${goalId}`} school={school} schoolYear={schoolYear} goalId={goalId} />
        )}
      />
    );
  }
  if (matchPath('/attention', pathname)) return <AttentionPage key="all" school={null} />;
  if (matchPath('/clb-inbox', pathname)) return <ClbInboxPage />;
  const transfer = matchPath('/file-transfers/:transferId', pathname);
  if (transfer?.transferId) return <FileTransferPage key={transfer.transferId} transferId={transfer.transferId} />;
  const monitorRoute = monitorPage(pathname);
  if (monitorRoute) return monitorRoute;
  const pupilFile = matchPath('/pupils/:pupilId/file', pathname);
  if (pupilFile?.pupilId) return <PupilFilePage key={pupilFile.pupilId} pupilId={pupilFile.pupilId} />;
  const pupil = matchPath('/pupils/:pupilId', pathname);
  if (pupil?.pupilId) return <PupilPage key={pupil.pupilId} pupilId={pupil.pupilId} />;
  return <NotFound />;
}

/** The monitor's pages: hub, school dashboard and thuiszitters, CLB and region dashboards. */
function monitorPage(pathname: string): ReactNode {
  if (matchPath('/monitor', pathname)) return <MonitorHubPage />;
  if (matchPath('/monitor/thuiszitters', pathname)) return <MonitorThuiszittersPage key="all" school={null} />;
  const lop = matchPath('/monitor/lops/:id', pathname);
  if (lop?.id) return <MonitorReportPage key={`l${lop.id}`} target={{ kind: 'lops', id: lop.id }} />;
  const clb = matchPath('/monitor/clbs/:id', pathname);
  if (clb?.id) return <MonitorDashboardPage key={`c${clb.id}`} target={{ kind: 'clb', id: clb.id }} />;
  const report = matchPath('/monitor/:kind/:id/report', pathname);
  if (report?.id && (report.kind === 'regions' || report.kind === 'clbs'))
    return <MonitorReportPage key={`${report.kind}${report.id}`} target={{ kind: report.kind, id: report.id }} />;
  const region = matchPath('/monitor/regions/:id', pathname);
  if (region?.id) return <MonitorDashboardPage key={`r${region.id}`} target={{ kind: 'region', id: region.id }} />;
  const school = matchPath('/schools/:schoolId/monitor', pathname);
  if (school?.schoolId)
    return (
      <SchoolRoute
        schoolId={school.schoolId}
        render={(found) => <MonitorDashboardPage key={`s${found.id}`} target={{ kind: 'school', id: found.id }} />}
      />
    );
  const thuiszitters = matchPath('/schools/:schoolId/thuiszitters', pathname);
  if (thuiszitters?.schoolId)
    return (
      <SchoolRoute
        schoolId={thuiszitters.schoolId}
        render={(found) => <MonitorThuiszittersPage key={found.id} school={found} />}
      />
    );
  if (matchPath('/settings/notifications', pathname)) return <NotificationSettingsPage />;
  const letters = matchPath('/schools/:schoolId/letters', pathname);
  if (letters?.schoolId)
    return (
      <SchoolRoute
        schoolId={letters.schoolId}
        render={(found) => <LetterTemplatesPage key={found.id} school={found} />}
      />
    );
  const careMeetings = matchPath('/schools/:schoolId/care-meetings', pathname);
  if (careMeetings?.schoolId)
    return (
      <SchoolRoute
        schoolId={careMeetings.schoolId}
        render={(found) => <CareMeetingsPage key={found.id} school={found} />}
      />
    );
  const careMeeting = matchPath('/schools/:schoolId/care-meetings/:meetingId', pathname);
  if (careMeeting?.schoolId && careMeeting.meetingId) {
    const meetingId = careMeeting.meetingId;
    return (
      <SchoolRoute
        schoolId={careMeeting.schoolId}
        render={(found) => <CareMeetingPage key={meetingId} school={found} meetingId={meetingId} />}
      />
    );
  }
  return null;
}

/** `/`: each role's own start page (docs/architecture.md, "Navigation per role"). */
function HomeRedirect() {
  const { t } = useI18n();
  const { me, schools } = useReadySession();
  const [scopes, setScopes] = useState<DashboardScopes | null | 'loading'>(() =>
    needsDashboardScopes(me) ? 'loading' : null,
  );
  useEffect(() => {
    if (scopes !== 'loading') return;
    monitorApi
      .scopes()
      .then(setScopes)
      .catch(() => setScopes(null)); // without the dashboards, the school pages still make a start page
  }, [scopes]);
  const target = scopes === 'loading' ? undefined : startPath(me, preferredSchool(schools), schools, scopes);
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  if (target !== null) return <Loading />;
  return (
    <main id="main" className="page">
      <p className="alert alert--info">{t('home.noSchools')}</p>
    </main>
  );
}

function SchoolRoute({ schoolId, render }: { schoolId: string; render: (school: School) => ReactNode }) {
  const { schools, setSchoolId } = useReadySession();
  const school = schools.find((candidate) => String(candidate.id) === schoolId);
  useEffect(() => {
    if (school) setSchoolId(String(school.id));
  }, [school, setSchoolId]);
  if (!school) return <NotFound />;
  return render(school);
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </main>
  );
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

function Bare({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <main id="main" className="page page--bare">
      <p className="login__brand">{t('app.name')}</p>
      {children}
    </main>
  );
}

/**
 * Shown while a page's code is loaded (lazy-pages.ts). Not a second `main#main`: React keeps the previous page in
 * the document (hidden) until the new one is ready.
 */
function PageLoading() {
  return (
    <div className="page">
      <Loading />
    </div>
  );
}
