// Typed client for the medical track (issue 14): certificates, the doubt route, exam periods.
import { send } from './pupil-file-client.ts';
import type { ApiBody, ApiResponse } from './schema.d.ts';

export type CertificateList = ApiResponse<'/api/pupils/{pupilId}/certificates', 'get'>;
export type Certificate = CertificateList['certificates'][number];
export type CertificateInput = ApiBody<'/api/pupils/{pupilId}/certificates', 'post'>;
export type DoctorAdvice = ApiBody<'/api/certificates/{certificateId}/advice', 'put'>;

const id = (value: number | string) => encodeURIComponent(String(value));

export const medicalApi = {
  certificates: (pupilId: number | string) => send<CertificateList>(`/api/pupils/${id(pupilId)}/certificates`),
  addCertificate: (pupilId: number | string, input: CertificateInput) =>
    send<{ id: number }>(`/api/pupils/${id(pupilId)}/certificates`, 'POST', input),
  tellClb: (certificateId: number, change: { on: string; version: number }) =>
    send<void>(`/api/certificates/${id(certificateId)}/clb-told`, 'POST', change),
  advise: (certificateId: number, advice: DoctorAdvice) =>
    send<void>(`/api/certificates/${id(certificateId)}/advice`, 'PUT', advice),
  /** The restart decision workflow (taxatie → keuzeschema → decision). */
  restartDecision: (pupilId: number | string, input: RestartDecisionInput) =>
    send<{ id: number; advised: string }>(`/api/pupils/${id(pupilId)}/file/workflows/restart-decision`, 'POST', input),
};

export type RestartDecisionInput = ApiBody<'/api/pupils/{pupilId}/file/workflows/restart-decision', 'post'>;

export type SickPupilOverview = ApiResponse<'/api/pupils/{pupilId}/sick-pupil', 'get'>;

/** Stays, provisions, parents informed and the TOAH/Bednet entitlement of one pupil. */
export const sickPupilOverview = (pupilId: number | string) =>
  send<SickPupilOverview>(`/api/pupils/${id(pupilId)}/sick-pupil`);

export type StayInput = ApiBody<'/api/pupils/{pupilId}/stays', 'post'>;
export type ProvisionInput = ApiBody<'/api/pupils/{pupilId}/provisions', 'post'>;
export type InformationInput = ApiBody<'/api/pupils/{pupilId}/sick-pupil/information', 'put'>;

export type ProvisionChange = ApiBody<'/api/provisions/{provisionId}', 'put'>;

export const sickPupilApi = {
  /** Records the discharge date of a stay that is still running (version-checked: 409 on a stale form). */
  discharge: (stayId: number, change: { to: string; version: number }) =>
    send<void>(`/api/stays/${id(stayId)}/discharge`, 'PUT', change),
  /** Updates a provision's checklist (answer, start, end, hours); the server keeps it in order. */
  changeProvision: (provisionId: number, change: ProvisionChange) =>
    send<void>(`/api/provisions/${id(provisionId)}`, 'PUT', change),
  addStay: (pupilId: number | string, input: StayInput) =>
    send<{ id: number }>(`/api/pupils/${id(pupilId)}/stays`, 'POST', input),
  addProvision: (pupilId: number | string, input: ProvisionInput) =>
    send<{ id: number }>(`/api/pupils/${id(pupilId)}/provisions`, 'POST', input),
  writeInformation: (pupilId: number | string, input: InformationInput) =>
    send<void>(`/api/pupils/${id(pupilId)}/sick-pupil/information`, 'PUT', input),
};
