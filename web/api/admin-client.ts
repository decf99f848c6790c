// Typed client for the account administration and audit API (beheerder): through the one fetch wrapper (http.ts).
import { queryString } from './client.ts';
import { request } from './http.ts';

export interface Organisation {
  id: number;
  name: string;
  kind: 'school' | 'clb' | 'region';
}

export interface AdminUser {
  id: number;
  email: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  memberships: { organisationId: number; organisationName: string; role: string; classNames: string[] }[];
}

export interface AuditEvent {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  organisationName: string | null;
  pupilIds: number[];
  origin: string;
}

/** One grant, removal, invitation or refused self-grant (GET /api/admin/grants). */
export interface GrantEvent {
  id: number;
  at: string;
  actorLabel: string;
  action: 'user.invite' | 'user.assign-role' | 'user.remove-role' | 'access.refused';
  organisationName: string | null;
  userEmail: string | null;
  role: string | null;
  problem: string | null;
}

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
  }) => send<{ userId: number; temporaryPassword: string }>('/api/admin/users', 'POST', invitation),
  assignRole: (userId: number, assignment: { organisationId: number; role: string; classNames: string[] }) =>
    send<void>(`/api/admin/users/${userId}/roles`, 'POST', assignment),
  removeRole: (userId: number, assignment: { organisationId: number; role: string }) =>
    send<void>(`/api/admin/users/${userId}/roles/remove`, 'POST', assignment),
  setActive: (userId: number, active: boolean) =>
    send<void>(`/api/admin/users/${userId}/${active ? 'activate' : 'deactivate'}`, 'POST'),
  resetPassword: (userId: number) =>
    send<{ temporaryPassword: string }>(`/api/admin/users/${userId}/password-reset`, 'POST'),
  grants: (organisationId?: string) => send<GrantEvent[]>(`/api/admin/grants${queryString({ organisationId })}`),
  audit: (filter: AuditFilter) =>
    send<{ total: number; items: AuditEvent[] }>(
      `/api/audit${queryString({ ...filter, limit: 50 } as Record<string, string | number | undefined>)}`,
    ),
};
