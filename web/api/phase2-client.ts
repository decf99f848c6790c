// Typed client for the phase-2 routes of the pupil file (M-document, AgODi, A-document, spijbelactieplan, police)
// and the facts the phase-2 section shows, through the one fetch wrapper.
import { send } from './pupil-file-client.ts';

export interface AbsenceWindow {
  from: string | null;
  until: string | null;
  schoolHalfDays: number;
  absentHalfDays: number;
}

export interface Phase2Overview {
  canRecord: boolean;
  facts: {
    clbInvolved: boolean;
    schoolMeasures: number;
    clbConsultations: number;
    firstTruancyRegistrations: number;
    truancyRegistrations: number;
    agodiReports: { entryId: number; occurredOn: string }[];
  };
  absenceRising: {
    ruleId: 'ABSENCE_RISING';
    holds: boolean;
    evaluated: boolean;
    firstMeasureOn: string;
    windowSchoolDays: number;
    before: AbsenceWindow;
    after: AbsenceWindow;
    rateBefore: number | null;
    rateAfter: number | null;
    minRisePoints: number;
  } | null;
}

const file = (pupilId: number | string) => `/api/pupils/${encodeURIComponent(String(pupilId))}/file`;
const route = (pupilId: number | string, name: string, input: unknown) =>
  send<{ id: number }>(`${file(pupilId)}/workflows/${name}`, 'POST', input);

export const phase2Api = {
  overview: (pupilId: number | string) => send<Phase2Overview>(`${file(pupilId)}/phase2`),
  mDocument: (pupilId: number | string, input: Record<string, unknown>) => route(pupilId, 'm-document', input),
  agodiReport: (pupilId: number | string, input: Record<string, unknown>) => route(pupilId, 'agodi-report', input),
  agodiLetterCopy: (pupilId: number | string, input: Record<string, unknown>) =>
    route(pupilId, 'agodi-letter-copy', input),
  nrtjReferral: (pupilId: number | string, input: Record<string, unknown>) => route(pupilId, 'nrtj-referral', input),
  truancyActionPlan: (pupilId: number | string, input: Record<string, unknown>) =>
    route(pupilId, 'truancy-action-plan', input),
  policeReport: (pupilId: number | string, input: Record<string, unknown>) =>
    send<{ id: number; formEntryId: number | null }>(`${file(pupilId)}/workflows/police-report`, 'POST', input),
  movePhase: (
    pupilId: number | string,
    track: string,
    change: { phase: number; reason: string; version: number; whatWasDone?: string; noClbReason?: string },
  ) => send<unknown>(`${file(pupilId)}/tracks/${track}`, 'PUT', change),
};
