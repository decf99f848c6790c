// Typed client for the pupil file API (leerlingendossier): through the one fetch wrapper (http.ts).
import { ApiError, type ProblemDetails, queryString } from './client.ts';
import { request } from './http.ts';

export type Confidentiality = 'school' | 'school+clb' | 'clb' | 'clb-arts';

export interface FileKind {
  id: string;
  nl: string;
  en: string;
  source: string;
  workflow?: boolean;
}

export interface FileTrack {
  track: 'ongeoorloofd' | 'geoorloofd' | 'schoolweigering' | 'thuiszitter';
  phase: number | null;
  version: number;
  updatedAt: string | null;
}

export interface TrackChange {
  id: number;
  track: string;
  fromPhase: number | null;
  toPhase: number;
  reason: string;
  changedBy: string | null;
  changedAt: string;
}

export interface FilePerson {
  id: number;
  relation: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  note: string | null;
  version: number;
}

export interface ContactAttempt {
  id: number;
  personId: number;
  personName: string;
  relation: string;
  attemptedOn: string;
  channel: string;
  reached: boolean;
  note: string | null;
  recordedBy: string | null;
}

export interface Agreement {
  id: number;
  what: string;
  who: string;
  dueOn: string;
  remindOn: string | null;
  checkNote: string | null;
  status: 'open' | 'done' | 'dropped';
  version: number;
  createdBy: string | null;
  updatedAt: string;
}

export interface PupilFile {
  pupil: {
    id: number;
    externalId: string;
    firstName: string;
    lastName: string;
    schoolId: number;
    className: string | null;
  };
  pivot: { name: string | null; role: string | null; contact: string | null; version: number };
  tracks: FileTrack[];
  trackChanges: TrackChange[];
  people: { items: FilePerson[]; total: number };
  contactAttempts: ContactAttempt[];
  parentsUnreachable: boolean;
  agreements: { items: Agreement[]; total: number };
  openSignals: { id: number; ruleId: string; version: number; status: string; triggeredOn: string }[];
  /** The CLB signal's answers pre-filled from the register and the file. */
  clbSignalDraft: { absenceCount: string; actionsTaken: string };
  /** The CLB closed the latest CLB signal and new B half-days followed: signal again. */
  clbResignalDue: boolean;
  kinds: FileKind[];
  clbSignalFields: { id: string; nl: string; en: string }[];
  hospitalReturnQuestions: WorkflowDefinition[];
  schoolRefusal: SchoolRefusalDefinitions;
  /** Days before the due date an agreement without its own reminder date is recalled. */
  reminderLeadDays: number;
  permissions: {
    write: boolean;
    manage: boolean;
    /** The phase-1 workflows (signals list, perspectives) a class teacher may use too. */
    phase1: boolean;
    export: boolean;
    consent: boolean;
    letter: boolean;
    levels: Confidentiality[];
  };
}

export type ConsentItem = 'entry' | 'document';

export interface FileConsent {
  id: number;
  entryId: number | null;
  documentId: number | null;
  givenBy: string;
  purpose: string;
  sharedWithRoles: string[];
  validUntil: string;
  revokedAt: string | null;
  valid: boolean;
}

export interface TimelineItem {
  source: 'register' | 'signal' | 'entry';
  id: string;
  date: string;
  kind: string;
  who: string | null;
  what: string | null;
  effect: string | null;
  confidentiality: Confidentiality | null;
  status: string | null;
  link: string | null;
  version: number | null;
  /** A workflow entry's structured checklist (e.g. the steps of a return plan). */
  details?: unknown;
}

export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface EntryInput {
  kind: string;
  occurredOn: string;
  who: string;
  what: string;
  effect?: string | null;
  confidentiality?: Confidentiality;
  handlesSignal?: { id: number; version: number };
}

export interface AgreementInput {
  what: string;
  who: string;
  dueOn: string;
  /** Empty: the default lead time before the due date. */
  remindOn?: string | null;
  checkNote?: string | null;
  status?: Agreement['status'];
}

/** The body of a 409: the item as it is now and the change that was not saved. */
export interface ConflictProblem<T> extends ProblemDetails {
  current: T;
  yours: unknown;
}

export interface PreconditionProblem extends ProblemDetails {
  preconditions: { field: string; code: string; nl: string; en: string }[];
}

export function conflictOf<T>(error: unknown): ConflictProblem<T> | null {
  return error instanceof ApiError && error.status === 409 ? (error.problem as ConflictProblem<T>) : null;
}

export function preconditionsOf(error: unknown): PreconditionProblem['preconditions'] {
  return error instanceof ApiError && error.status === 422
    ? ((error.problem as PreconditionProblem).preconditions ?? [])
    : [];
}

export const send = <T>(path: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown): Promise<T> =>
  request<T>(path, { method, body });

const file = (pupilId: number | string) => `/api/pupils/${encodeURIComponent(String(pupilId))}/file`;

export const fileApi = {
  file: (pupilId: number | string) => send<PupilFile>(file(pupilId)),
  timeline: (pupilId: number | string, page: { limit: number; offset: number; sources?: string }) =>
    send<Paged<TimelineItem>>(`${file(pupilId)}/timeline${queryString(page)}`),
  agreements: (pupilId: number | string, page: { limit: number; offset: number }) =>
    send<Paged<Agreement>>(`${file(pupilId)}/agreements${queryString(page)}`),
  setPhase: (pupilId: number | string, track: string, change: { phase: number; reason: string; version: number }) =>
    send<FileTrack>(`${file(pupilId)}/tracks/${track}`, 'PUT', change),
  setPivot: (pupilId: number | string, pivot: { name: string; role?: string; contact?: string; version: number }) =>
    send<PupilFile['pivot']>(`${file(pupilId)}/pivot`, 'PUT', pivot),
  addPerson: (pupilId: number | string, person: Omit<FilePerson, 'id' | 'version'>) =>
    send<FilePerson>(`${file(pupilId)}/people`, 'POST', person),
  addContactAttempt: (
    personId: number,
    attempt: { attemptedOn: string; channel: string; reached: boolean; note?: string },
  ) => send<{ id: number }>(`/api/file/people/${personId}/contact-attempts`, 'POST', attempt),
  addEntry: (pupilId: number | string, entry: EntryInput) =>
    send<{ id: number; signal?: { id: number; status: string } }>(`${file(pupilId)}/entries`, 'POST', entry),
  addAgreement: (pupilId: number | string, agreement: AgreementInput) =>
    send<Agreement>(`${file(pupilId)}/agreements`, 'POST', agreement),
  editAgreement: (agreementId: number, agreement: AgreementInput & { version: number }) =>
    send<Agreement>(`/api/file/agreements/${agreementId}`, 'PUT', agreement),
  signalClb: (pupilId: number | string, input: { checklist: Record<string, string>; noConversationReason?: string }) =>
    send<{ id: number; signal?: { id: number; status: string } }>(
      `${file(pupilId)}/workflows/clb-signal`,
      'POST',
      input,
    ),
  /** The attention list's "handled": records what was done as a timeline entry the signal then links to. */
  handleSignalWithEntry: (signalId: number, change: { version: number; note: string; kind?: string }) =>
    send<{ id: number }>(`/api/signals/${signalId}/handle-with-entry`, 'POST', change),
  /** Consents sharing a clb-arts entry or document (for the CLB doctor). */
  consents: (item: ConsentItem, id: number) =>
    send<{ items: FileConsent[] }>(`/api/file/${item === 'entry' ? 'entries' : 'documents'}/${id}/consents`),
  addConsent: (
    item: ConsentItem,
    id: number,
    consent: { givenBy: string; purpose: string; sharedWithRoles: string[]; validUntil: string },
  ) => send<{ id: number }>(`/api/file/${item === 'entry' ? 'entries' : 'documents'}/${id}/consents`, 'POST', consent),
  revokeConsent: (consentId: number) => send<void>(`/api/consents/${consentId}/revoke`, 'POST'),
  exportUrl: (pupilId: number | string, format: 'pdf' | 'json') => `${file(pupilId)}/export.${format}`,
};

// --- Guided workflows: return after hospital (seed 000) and the school-refusal tool (seed 002) ------------------

export interface WorkflowDefinition {
  id: string;
  nl: string;
  en: string;
  source?: string;
}

/** The checklists of the school-refusal tool as GET …/file exposes them (src/domain/pupil-file/workflows/). */
export interface SchoolRefusalDefinitions {
  signals: WorkflowDefinition[];
  stakeholders: (WorkflowDefinition & { named: boolean })[];
  perspectiveColumns: WorkflowDefinition[];
  reviewColumns: WorkflowDefinition[];
  reviewStages: WorkflowDefinition[];
  reviewChannels: WorkflowDefinition[];
  letGoGrounds: (WorkflowDefinition & { from: string })[];
  letGoAlternatives: (WorkflowDefinition & { for: string })[];
}

export interface ReturnStepInput {
  from: string;
  load: number;
  description: string;
  leaveOut: string[];
}

export interface StakeholderRowInput {
  stakeholder: string;
  name?: string;
}

export interface ContactPlanInput {
  who?: string;
  frequency?: string;
  nextContactOn?: string;
  channel?: string;
}

const workflow = <T = { id: number }>(pupilId: number | string, name: string, input: unknown) =>
  send<T>(`${file(pupilId)}/workflows/${name}`, 'POST', input);

export const workflowApi = {
  hospitalReturn: (pupilId: number | string, input: { dischargeOn?: string; answers: Record<string, string> }) =>
    workflow(pupilId, 'hospital-return', input),
  returnPlan: (
    pupilId: number | string,
    input: { how: { receivedBy: string; where: string }; steps: ReturnStepInput[] },
  ) => workflow(pupilId, 'return-plan', input),
  schoolRefusalSignals: (
    pupilId: number | string,
    input: {
      answers: Record<string, { answer?: string; note?: string }>;
      followUp?: string;
      recentEvents?: string;
      informationNeeded?: string;
    },
  ) => workflow(pupilId, 'school-refusal-signals', input),
  perspectives: (
    pupilId: number | string,
    input: { rows: (StakeholderRowInput & { whatIsGoingOn?: string; pupilExperience?: string })[] },
  ) => workflow(pupilId, 'perspectives', input),
  schoolRefusalReview: (
    pupilId: number | string,
    input: {
      stage: string;
      rows: (StakeholderRowInput & { done?: string; effect?: string; needed?: string })[];
      pivot?: string;
      regie?: string;
      clbRole?: string;
      channels: string[];
      communication?: string;
    },
  ) => workflow<{ id: number; pivotSet: boolean }>(pupilId, 'school-refusal-review', input),
  letGoOfSchool: (
    pupilId: number | string,
    input: {
      grounds: string[];
      alternatives: string[];
      otherAlternative?: string;
      discussedWith?: string;
      contactPlan: ContactPlanInput;
      term?: string;
      reviewOn?: string;
    },
  ) => workflow<{ id: number; agreementId: number }>(pupilId, 'let-go-of-school', input),
};
