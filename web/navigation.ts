// The menu and the start page per user, from what the server's policy allows (the `actions` of /me and of each
// school): the menu offers only pages the user may open, and each role lands on its own start page.
import type { MessageKey } from './i18n/nl.ts';

export type MenuKey =
  | 'overview'
  | 'attention'
  | 'import'
  | 'selfscan'
  | 'monitor'
  | 'admin'
  | 'audit'
  | 'care'
  | 'letters'
  | 'clb-inbox'
  | 'lop';

export interface MenuItem {
  key: MenuKey;
  path: string;
  label: MessageKey;
}

interface SchoolActions {
  id: number | string;
  actions?: readonly string[];
}

interface UserActions {
  actions?: readonly string[];
  /** The user's memberships (from /me): a LOP's staff find their LOP here. */
  memberships?: readonly { kind: string; organisationId: number | string }[];
}

const MONITOR_ACTIONS = ['monitor.school', 'monitor.thuiszitters', 'monitor.clb', 'monitor.region'];

const schoolPath = (school: SchoolActions) => `/schools/${encodeURIComponent(String(school.id))}`;
const allows = (holder: { actions?: readonly string[] } | undefined, action: string) =>
  holder?.actions?.includes(action) ?? false;

/** The exclusions view of the user's LOP (a lop-medewerker), or null. */
function lopPath(me: UserActions): string | null {
  if (!allows(me, 'monitor.lop')) return null;
  const lop = me.memberships?.find((m) => m.kind === 'lop');
  return lop ? `/monitor/lops/${encodeURIComponent(String(lop.organisationId))}` : null;
}

/** The menu for the user with `school` chosen in the header, in display order. */
export function menuFor(me: UserActions, school: SchoolActions | undefined): MenuItem[] {
  const items: MenuItem[] = [];
  if (school) {
    const base = schoolPath(school);
    if (allows(school, 'pupil.list')) items.push({ key: 'overview', path: base, label: 'header.overview' });
    if (allows(school, 'signal.list'))
      items.push({ key: 'attention', path: `${base}/attention`, label: 'header.attention' });
    if (allows(school, 'import.list')) items.push({ key: 'import', path: `${base}/import`, label: 'header.import' });
    if (allows(school, 'selfscan.read'))
      items.push({ key: 'selfscan', path: `${base}/selfscan`, label: 'selfscan.nav' });
    if (allows(school, 'care-meeting.read'))
      items.push({ key: 'care', path: `${base}/care-meetings`, label: 'care.nav' });
    if (allows(school, 'letter.template'))
      items.push({ key: 'letters', path: `${base}/letters`, label: 'letter.templates' });
  }
  if (MONITOR_ACTIONS.some((action) => allows(me, action)))
    items.push({ key: 'monitor', path: '/monitor', label: 'monitor.nav' });
  if (allows(me, 'clb-inbox.read')) items.push({ key: 'clb-inbox', path: '/clb-inbox', label: 'inbox.nav' });
  const lop = lopPath(me);
  if (lop) items.push({ key: 'lop', path: lop, label: 'lop.nav' });
  if (allows(me, 'user.manage')) items.push({ key: 'admin', path: '/admin/users', label: 'header.admin' });
  if (allows(me, 'audit.read')) items.push({ key: 'audit', path: '/admin/audit', label: 'header.audit' });
  return items;
}

/** The menu item a path belongs to, if any. */
export function menuKeyOf(pathname: string): MenuKey | null {
  if (pathname === '/attention' || /^\/schools\/[^/]+\/attention$/.test(pathname)) return 'attention';
  if (/^\/schools\/[^/]+\/import$/.test(pathname)) return 'import';
  if (/^\/schools\/[^/]+\/selfscan(\/|$)/.test(pathname)) return 'selfscan';
  if (pathname.startsWith('/monitor/lops/')) return 'lop';
  if (pathname.startsWith('/monitor') || /^\/schools\/[^/]+\/(monitor|thuiszitters)$/.test(pathname)) return 'monitor';
  if (pathname === '/clb-inbox') return 'clb-inbox';
  if (pathname === '/admin/users') return 'admin';
  if (pathname === '/admin/audit') return 'audit';
  if (/^\/schools\/[^/]+\/care-meetings(\/|$)/.test(pathname)) return 'care';
  if (/^\/schools\/[^/]+\/letters$/.test(pathname)) return 'letters';
  if (/^\/schools\/[^/]+$/.test(pathname)) return 'overview';
  return null;
}

/** Where the header's school choice leads: the same page of the new school if allowed, else its first page. */
export function pathAfterSchoolChange(me: UserActions, pathname: string, next: SchoolActions): string | null {
  if (!/^\/schools\/[^/]+/.test(pathname)) return null; // not a school's page: only the header changes
  const items = menuFor(me, next);
  const current = menuKeyOf(pathname);
  return (items.find((item) => item.key === current) ?? items[0])?.path ?? '/';
}

/** The organisations whose dashboards the user may open (from /api/monitor/scopes). */
export interface DashboardScopes {
  clbs: readonly { id: number | string }[];
  regions: readonly { id: number | string }[];
}

/** Whether the start page depends on the monitor scopes (a CLB or region user), so they must be fetched first. */
export function needsDashboardScopes(me: UserActions): boolean {
  return allows(me, 'monitor.clb') || allows(me, 'monitor.region');
}

/**
 * The start page: a CLB worker on the CLB dashboard, school staff (a class teacher: their classes) on the pupil
 * overview of their school, an analist on the region dashboard, a LOP's staff on the LOP's exclusions view; else
 * the first page the menu offers.
 */
export function startPath(
  me: UserActions,
  preferred: SchoolActions | undefined,
  schools: readonly SchoolActions[],
  scopes: DashboardScopes | null,
): string | null {
  const clb = allows(me, 'monitor.clb') ? scopes?.clbs[0] : undefined;
  if (clb) return `/monitor/clbs/${encodeURIComponent(String(clb.id))}`;
  const withPupils = [preferred, ...schools].find((school) => allows(school, 'pupil.list'));
  if (withPupils) return schoolPath(withPupils);
  const region = allows(me, 'monitor.region') ? scopes?.regions[0] : undefined;
  if (region) return `/monitor/regions/${encodeURIComponent(String(region.id))}`;
  const lop = lopPath(me);
  if (lop) return lop;
  for (const school of [preferred, ...schools]) {
    const first = menuFor(me, school)[0];
    if (first) return first.path;
  }
  return null;
}
