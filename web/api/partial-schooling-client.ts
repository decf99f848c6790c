// Typed client for partial schooling at the school's request and the region report (issue 15).
import { queryString } from './client.ts';
import { request } from './http.ts';
import type { ApiBody, ApiResponse } from './schema.d.ts';

export type PupilPartialSchooling = ApiResponse<'/api/pupils/{pupilId}/partial-schooling', 'get'>;
export type Arrangement = PupilPartialSchooling['arrangements'][number];
export type ArrangementTerms = ApiBody<'/api/pupils/{pupilId}/partial-schooling', 'post'>;
export type RegionReport = ApiResponse<'/api/monitor/regions/{regionId}/report', 'get'>;
export type ExclusionSupport = ApiResponse<'/api/pupils/{pupilId}/enrolments/{schoolYear}/exclusion-support', 'get'>;

const id = (value: number | string) => encodeURIComponent(String(value));

/** A region's or a CLB's thuiszitters report, or a LOP's view of exclusions (the same contract). */
export type ReportTarget = { kind: 'regions' | 'clbs' | 'lops'; id: number | string };

export const partialSchoolingApi = {
  ofPupil: (pupilId: number | string) => request<PupilPartialSchooling>(`/api/pupils/${id(pupilId)}/partial-schooling`),
  record: (pupilId: number | string, terms: ArrangementTerms) =>
    request<Arrangement>(`/api/pupils/${id(pupilId)}/partial-schooling`, { method: 'POST', body: terms }),
  change: (pupilId: number | string, arrangementId: number, terms: ArrangementTerms & { version: number }) =>
    request<Arrangement>(`/api/pupils/${id(pupilId)}/partial-schooling/${arrangementId}`, {
      method: 'PUT',
      body: terms,
    }),
  exclusionSupport: (pupilId: number | string, schoolYear: string) =>
    request<ExclusionSupport>(`/api/pupils/${id(pupilId)}/enrolments/${id(schoolYear)}/exclusion-support`),
  recordExclusionSupport: (
    pupilId: number | string,
    schoolYear: string,
    change: { opvang: boolean | null; searchHelp: boolean | null; version: number },
  ) =>
    request<ExclusionSupport>(`/api/pupils/${id(pupilId)}/enrolments/${id(schoolYear)}/exclusion-support`, {
      method: 'PUT',
      body: change,
    }),
  /** The thuiszitters report of a region or a CLB. */
  report: (target: ReportTarget, asOf?: string) =>
    request<RegionReport>(`/api/monitor/${target.kind}/${id(target.id)}/report${queryString({ asOf })}`),
  reportUrl: (target: ReportTarget, format: 'csv' | 'pdf', asOf?: string) =>
    `/api/monitor/${target.kind}/${id(target.id)}/report.${format}${queryString({ asOf })}`,
};
