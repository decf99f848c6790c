// Typed clients of issue 19 and the care meeting: the e-mail digest preference, letters to parents and their
// templates, care meetings (zorgoverleg).
import { requestFile, segment } from './http.ts';
import { send } from './pupil-file-client.ts';
import type { ApiResponse } from './schema.d.ts';

export type NotificationSettings = ApiResponse<'/api/me/notifications', 'get'>;
export type LetterTemplates = ApiResponse<'/api/schools/{schoolId}/letter-templates', 'get'>;
export type CareMeetingList = ApiResponse<'/api/schools/{schoolId}/care-meetings', 'get'>;
export type CareMeeting = ApiResponse<'/api/care-meetings/{meetingId}', 'get'>;
export type AgendaProposal = ApiResponse<'/api/schools/{schoolId}/care-meetings/proposal', 'get'>;

export interface LetterRequest {
  kind: string;
  format: 'pdf' | 'docx';
  from?: string;
  until?: string;
  meetingAt?: string;
  meetingPlace?: string;
}

export interface AttendeeInput {
  name: string;
  role: string;
  side: 'school' | 'clb';
}

export interface DecisionInput {
  note: string;
  clbNote?: string | null;
  agreements: { what: string; who: string; dueOn: string; remindOn?: string | null; checkNote?: string | null }[];
}

/** Saves a downloaded file under its name (the browser's download). */
export function saveFile(file: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const notifyApi = {
  settings: () => send<NotificationSettings>('/api/me/notifications'),
  setFrequency: (frequency: string, version: number) =>
    send<NotificationSettings>('/api/me/notifications', 'PUT', { frequency, version }),
  letter: (pupilId: number | string, body: LetterRequest) =>
    requestFile(`/api/pupils/${segment(pupilId)}/letters`, body),
  templates: (schoolId: number | string) => send<LetterTemplates>(`/api/schools/${segment(schoolId)}/letter-templates`),
  saveTemplate: (schoolId: number | string, kind: string, body: { subject: string; body: string; version: number }) =>
    send<LetterTemplates>(`/api/schools/${segment(schoolId)}/letter-templates/${segment(kind)}`, 'PUT', body),
  meetings: (schoolId: number | string) => send<CareMeetingList>(`/api/schools/${segment(schoolId)}/care-meetings`),
  proposal: (schoolId: number | string) =>
    send<AgendaProposal>(`/api/schools/${segment(schoolId)}/care-meetings/proposal`),
  createMeeting: (
    schoolId: number | string,
    body: { heldOn: string; title?: string; attendees: AttendeeInput[]; pupilIds: number[] },
  ) => send<{ id: number }>(`/api/schools/${segment(schoolId)}/care-meetings`, 'POST', body),
  meeting: (meetingId: number | string) => send<CareMeeting>(`/api/care-meetings/${segment(meetingId)}`),
  decide: (meetingId: number | string, pupilId: number, body: DecisionInput) =>
    send<unknown>(`/api/care-meetings/${segment(meetingId)}/pupils/${segment(pupilId)}/decisions`, 'POST', body),
  minutesUrl: (meetingId: number | string) => `/api/care-meetings/${segment(meetingId)}/minutes.pdf`,
};
