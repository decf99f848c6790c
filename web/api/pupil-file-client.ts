// Typed client for the pupil file API (leerlingendossier): same CSRF and problem handling as client.ts.
import { ApiError, type LocalizedMessages, type ProblemDetails, queryString, readCookie } from './client.ts';

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
  clbSignalDraft: { absenceCount: string };
  kinds: FileKind[];
  clbSignalFields: { id: string; nl: string; en: string }[];
  permissions: { write: boolean; manage: boolean; export: boolean; levels: Confidentiality[] };
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

async function send<T>(path: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = readCookie(document.cookie, 'aanwezig_csrf') ?? '';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    const messages: LocalizedMessages = {
      nl: 'De server is niet bereikbaar. Probeer opnieuw.',
      en: 'The server cannot be reached. Try again.',
    };
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, messages });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<ProblemDetails>;
    throw new ApiError({ type: 'about:blank', title: response.statusText, status: response.status, ...problem });
  }
  return (await response.json()) as T;
}

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
  exportUrl: (pupilId: number | string, format: 'pdf' | 'json') => `${file(pupilId)}/export.${format}`,
};
