// The pages a user opens less often than the attention list and the pupil page, each loaded when first shown
// (React.lazy): the first page of the day does not wait for the monitor, the self-scan, the pupil file or the
// admin pages. app.tsx renders them inside one <Suspense>.
import { lazy } from 'react';

export const AdminUsersPage = lazy(() => import('./admin-users-page.tsx').then((m) => ({ default: m.AdminUsersPage })));
export const AuditLogPage = lazy(() => import('./audit-log-page.tsx').then((m) => ({ default: m.AuditLogPage })));
export const CareMeetingPage = lazy(() =>
  import('./care-meetings-page.tsx').then((m) => ({ default: m.CareMeetingPage })),
);
export const CareMeetingsPage = lazy(() =>
  import('./care-meetings-page.tsx').then((m) => ({ default: m.CareMeetingsPage })),
);
export const ClbInboxPage = lazy(() => import('./clb-inbox-page.tsx').then((m) => ({ default: m.ClbInboxPage })));
export const FileTransferPage = lazy(() =>
  import('./file-transfer-page.tsx').then((m) => ({ default: m.FileTransferPage })),
);
export const ImportPage = lazy(() => import('./import-page.tsx').then((m) => ({ default: m.ImportPage })));
export const LetterTemplatesPage = lazy(() =>
  import('./letter-templates-page.tsx').then((m) => ({ default: m.LetterTemplatesPage })),
);
export const MonitorDashboardPage = lazy(() =>
  import('./monitor-dashboard-page.tsx').then((m) => ({ default: m.MonitorDashboardPage })),
);
export const MonitorHubPage = lazy(() => import('./monitor-hub-page.tsx').then((m) => ({ default: m.MonitorHubPage })));
export const MonitorReportPage = lazy(() =>
  import('./monitor-report-page.tsx').then((m) => ({ default: m.MonitorReportPage })),
);
export const MonitorThuiszittersPage = lazy(() =>
  import('./monitor-thuiszitters-page.tsx').then((m) => ({ default: m.MonitorThuiszittersPage })),
);
export const NotificationSettingsPage = lazy(() =>
  import('./notification-settings-page.tsx').then((m) => ({ default: m.NotificationSettingsPage })),
);
export const PupilFilePage = lazy(() => import('./pupil-file-page.tsx').then((m) => ({ default: m.PupilFilePage })));
export const SchoolOverviewPage = lazy(() =>
  import('./school-overview-page.tsx').then((m) => ({ default: m.SchoolOverviewPage })),
);
export const SelfscanGoalPage = lazy(() =>
  import('./selfscan-goal-page.tsx').then((m) => ({ default: m.SelfscanGoalPage })),
);
export const SelfscanPage = lazy(() => import('./selfscan-page.tsx').then((m) => ({ default: m.SelfscanPage })));
