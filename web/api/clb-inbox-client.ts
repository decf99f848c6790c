// Typed client for the CLB inbox: a CLB's list of CLB signals and referrals, their status changes, and the status a
// school reads in the pupil file; plus the CLB referral workflow.
import { queryString } from './client.ts';
import { request } from './http.ts';
import type { ApiBody, ApiResponse } from './schema.d.ts';

export type ClbInbox = ApiResponse<'/api/clbs/{clbId}/inbox', 'get'>;
export type ClbInboxItem = ClbInbox['items'][number];
export type PupilClbCases = ApiResponse<'/api/pupils/{pupilId}/clb-cases', 'get'>;
export type ClbCaseChange = ApiBody<'/api/clb-cases/{caseId}/status', 'post'>;

const id = (value: number | string) => encodeURIComponent(String(value));

export const clbInboxApi = {
  inbox: (clbId: number | string, query: { status?: string } = {}) =>
    request<ClbInbox>(`/api/clbs/${id(clbId)}/inbox${queryString(query)}`),
  change: (caseId: number, change: ClbCaseChange) =>
    request<ClbInboxItem>(`/api/clb-cases/${id(caseId)}/status`, { method: 'POST', body: change }),
  pupilCases: (pupilId: number | string) => request<PupilClbCases>(`/api/pupils/${id(pupilId)}/clb-cases`),
  refer: (pupilId: number | string, input: { grounds: string[]; answers: Record<string, string> }) =>
    request<{ id: number; caseId: number | null }>(`/api/pupils/${id(pupilId)}/file/workflows/clb-referral`, {
      method: 'POST',
      body: input,
    }),
};
