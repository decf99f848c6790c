// Typed client for the account administration and audit API (beheerder): through the one fetch wrapper (http.ts).
import { queryString } from './client.ts';
import { request } from './http.ts';
import type { ApiResponse } from './schema.d.ts';

export type Organisation = ApiResponse<'/api/admin/organisations', 'get'>[number];

export type AdminUser = ApiResponse<'/api/admin/users', 'get'>[number];

export type AuditPage = ApiResponse<'/api/audit', 'get'>;

export type AuditEvent = AuditPage['items'][number];

/** One grant, removal, invitation or refused self-grant (GET /api/admin/grants). */
export type GrantEvent = ApiResponse<'/api/admin/grants', 'get'>[number];

export interface AuditFilter {
  organisationId?: string;
  pupilId?: string;
  action?: string;
  from?: string;
  until?: string;
  offset?: number;
}

const send = <T>(path: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown): Promise<T> =>
  request<T>(path, { method, body });

export const adminApi = {
  organisations: () => send<Organisation[]>('/api/admin/organisations'),
  users: (organisationId?: string) => send<AdminUser[]>(`/api/admin/users${queryString({ organisationId })}`),
  invite: (invitation: {
    email: string;
    displayName: string;
    organisationId: number;
    role: string;
    classNames: string[];
  }) => send<ApiResponse<'/api/admin/users', 'post'>>('/api/admin/users', 'POST', invitation),
  assignRole: (userId: number, assignment: { organisationId: number; role: string; classNames: string[] }) =>
    send<void>(`/api/admin/users/${userId}/roles`, 'POST', assignment),
  removeRole: (userId: number, assignment: { organisationId: number; role: string }) =>
    send<void>(`/api/admin/users/${userId}/roles/remove`, 'POST', assignment),
  setActive: (userId: number, active: boolean) =>
    send<void>(`/api/admin/users/${userId}/${active ? 'activate' : 'deactivate'}`, 'POST'),
  resetPassword: (userId: number) =>
    send<ApiResponse<'/api/admin/users/{userId}/password-reset', 'post'>>(
      `/api/admin/users/${userId}/password-reset`,
      'POST',
    ),
  grants: (organisationId?: string) => send<GrantEvent[]>(`/api/admin/grants${queryString({ organisationId })}`),
  audit: (filter: AuditFilter) =>
    send<AuditPage>(
      `/api/audit${queryString({ ...filter, limit: 50 } as Record<string, string | number | undefined>)}`,
    ),
};
