// Typed client for the monitor API: dashboards (school, CLB, region), thuiszitters and which ones I can open.
import { queryString } from './client.ts';
import { request } from './http.ts';
import type { ApiResponse } from './schema.d.ts';

/** A count as the server shows it: null when suppressed (1 to 4, CLB and region only). */
export type ShownCount = number | null;

/** A dashboard answer: its scope, when its figures were refreshed, the school weeks' Mondays, the figures. */
export type MonitorResponse = ApiResponse<'/api/schools/{schoolId}/monitor', 'get'>;

export type Dashboard = MonitorResponse['dashboard'];

export type SeriesDimension = keyof Dashboard['series'];

export type SeriesRow = Dashboard['series'][SeriesDimension][number];

export type Thuiszitter = ThuiszittersList['pupils'][number];

export type ThuiszittersList = ApiResponse<'/api/monitor/thuiszitters', 'get'>;

export type MonitorScopes = ApiResponse<'/api/monitor/scopes', 'get'>;

const get = <T>(path: string): Promise<T> => request<T>(path);

const id = (value: number | string) => encodeURIComponent(String(value));

export type DashboardTarget = { kind: 'school' | 'clb' | 'region'; id: number | string };

export function dashboardPath(target: DashboardTarget): string {
  if (target.kind === 'school') return `/api/schools/${id(target.id)}/monitor`;
  return `/api/monitor/${target.kind === 'clb' ? 'clbs' : 'regions'}/${id(target.id)}`;
}

export const monitorApi = {
  scopes: () => get<MonitorScopes>('/api/monitor/scopes'),
  dashboard: (target: DashboardTarget, schoolYear?: string) =>
    get<MonitorResponse>(`${dashboardPath(target)}${queryString({ schoolYear })}`),
  /** The server's CSV export (suppressed for a CLB or region), as a link target. */
  exportUrl: (target: DashboardTarget, schoolYear?: string) =>
    `${dashboardPath(target)}/export.csv${queryString({ schoolYear })}`,
  thuiszitters: (schoolId: number | string | null, schoolYear?: string) =>
    get<ThuiszittersList>(
      `${schoolId === null ? '/api/monitor/thuiszitters' : `/api/schools/${id(schoolId)}/monitor/thuiszitters`}${queryString({ schoolYear })}`,
    ),
};
