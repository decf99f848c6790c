// Typed client for the Aanwezig HTTP API: JSON over fetch, problem+json errors, CSRF header, 401 → login.

export type Locale = 'nl-BE' | 'en';
export type Half = 'AM' | 'PM';
export type Level = 'kleuter' | 'lager' | 'secundair';
export type ImportKind = 'pupils' | 'register' | 'calendar';

export interface LocalizedMessages {
  nl: string;
  en: string;
}

export interface Membership {
  organisationId: number | string;
  organisationName: string;
  kind: 'school' | 'clb' | 'region';
  role: string;
}

export interface Me {
  id: number | string;
  email: string;
  displayName: string;
  locale: Locale;
  memberships: Membership[];
  /** Signed in with a temporary password: the server refuses everything but "who am I" and the change. */
  mustChangePassword?: boolean;
  /** The actions the server's policy allows this user somewhere (e.g. `monitor.region`, `user.manage`). */
  actions?: string[];
}

export interface School {
  id: number | string;
  name: string;
  institutionNumber: string;
  calendarLevel: 'basis' | 'secundair';
  /** Newest first, e.g. `2025-2026`. */
  schoolYears: string[];
  /** The current school year when the school has data for it. */
  defaultSchoolYear: string;
  /** The actions the server's policy allows this user on this school (e.g. `pupil.list`, `import.list`). */
  actions?: string[];
}

export interface AbsenceCode {
  code: string;
  official: boolean;
  mapsTo: string | null;
  countsAsAbsent: boolean;
  nl: string;
  en: string;
}

export interface PupilSummary {
  id: number | string;
  externalId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  level: Level;
  grade: number | null;
  className: string | null;
  absentHalfDays: number;
  countsByCode: Record<string, number>;
}

export interface PupilList {
  schoolYear: string;
  total: number;
  classes: string[];
  /** Codes registered in this school year (stable code columns across pages). */
  codes?: string[];
  items: PupilSummary[];
}

export type PupilSort = 'lastName' | 'firstName' | 'className' | 'absent' | `code:${string}`;
export type SortOrder = 'asc' | 'desc';

export interface PupilListQuery {
  schoolYear: string;
  className?: string;
  level?: Level;
  q?: string;
  sort?: PupilSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

export interface Enrolment {
  schoolYear: string;
  level: Level;
  grade: number | null;
  className: string | null;
  enrolledFrom: string;
  enrolledUntil: string | null;
  excludedOn: string | null;
  /** After a definitive exclusion: enrolled in another school from this date (recorded in the app). */
  enrolledElsewhereFrom: string | null;
  enrolledElsewhereSchool: string | null;
  /** Optimistic lock of the enrolled-elsewhere edits. */
  version: number;
}

export interface EnrolledElsewhereChange {
  from: string | null;
  school: string | null;
  version: number;
}

export interface CalendarHalfDay {
  date: string;
  half: Half;
  schoolDay: boolean;
}

export interface RegisterEntry {
  date: string;
  half: Half;
  code: string;
  note: string | null;
}

export interface HistoryEntry {
  date: string;
  half: Half;
  oldCode: string | null;
  newCode: string | null;
  changedAt: string;
  changedBy: string | null;
  importId: number | null;
}

export interface PupilDetail {
  pupil: {
    id: number | string;
    externalId: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    schoolId: number | string;
  };
  enrolment: Enrolment | null;
  schoolYears: string[];
  calendar: CalendarHalfDay[];
  register: RegisterEntry[];
  countsByCode: Record<string, number>;
  history: HistoryEntry[];
  /** What the page may offer to change (the server checks again). */
  permissions: { enrolmentElsewhere: boolean };
}

/** One problem in an imported file (or a warning). */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  code: string;
  messages: LocalizedMessages;
}

export interface ImportResult {
  status: 'applied' | 'unchanged';
  rows: number;
  inserted: number;
  updated: number;
  warnings: ImportProblem[];
}

export interface ImportRecord {
  id: number | string;
  kind: ImportKind;
  fileName: string;
  rowCount: number;
  insertedCount: number;
  updatedCount: number;
  createdAt: string;
  createdBy: string | null;
}

export type SignalStatus = 'new' | 'acknowledged' | 'handled';
export type SignalTrack =
  | 'ongeoorloofd'
  | 'geoorloofd'
  | 'schoolweigering'
  | 'thuiszitter'
  | 'kleuterparticipatie'
  | 'algemeen';
export type Obligation = 'legal' | 'legal-consequence' | 'duty' | 'guidance' | 'practice' | 'regulation';

/** The half-days behind a signal, or (for rules over facts, such as last year's count) the facts themselves. */
export type SignalEvidence = { date: string; half: Half; code: string }[] | Record<string, number | string | boolean>;

/** One signal as the attention list and the pupil page show it; the server sorts lists by `priority`. */
export interface AttentionItem {
  id: number;
  version: number;
  schoolId: number;
  schoolName: string;
  pupil: {
    id: number;
    externalId: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    className: string | null;
  };
  ruleId: string;
  title: LocalizedMessages;
  action: LocalizedMessages;
  obligation: Obligation | string;
  source: string;
  track: SignalTrack;
  triggeredOn: string;
  status: SignalStatus;
  explanation: LocalizedMessages;
  evidence: SignalEvidence;
  /** Days a legal obligation has been open; null for other rules and for handled signals. */
  daysOpen: number | null;
  priority: {
    rule: number;
    legal: boolean;
    ageYears: number;
    parentsUnreachable: boolean;
    recentAbsences: number;
    otherOpenSignals: number;
  };
  handledNote: string | null;
  handledAt: string | null;
}

export interface AttentionList {
  schoolYear: string;
  asOf: string;
  total: number;
  items: AttentionItem[];
  /** Rule ids and class names present in the list (for the filters). */
  rules: string[];
  classes: string[];
}

export interface AttentionQuery {
  schoolYear: string;
  rule?: string;
  className?: string;
  track?: SignalTrack;
  status?: 'open' | 'handled' | 'all';
  limit?: number;
  offset?: number;
}

export interface PupilSignals {
  schoolYear: string;
  asOf: string;
  items: AttentionItem[];
}

export interface SignalFollowUpResult {
  id: number;
  version: number;
  status: SignalStatus;
}

/** RFC 9457 problem details as the API sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  messages?: LocalizedMessages;
  problems?: ImportProblem[];
}

/** Thrown for every non-2xx answer; carries the problem+json body when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The message to show a user: the localized message when present, else the detail or title. */
  messageFor(lang: 'nl' | 'en'): string {
    return this.problem.messages?.[lang] ?? this.problem.detail ?? this.problem.title;
  }
}

/** Turns anything caught from an API call into text for the user. */
export function errorMessage(error: unknown, lang: 'nl' | 'en', fallback: string): string {
  if (error instanceof ApiError) return error.messageFor(lang);
  return fallback;
}

const CSRF_COOKIE = 'aanwezig_csrf';

/** Reads a cookie value from a `document.cookie` string; undefined when absent. */
export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Lets the app route to the login page without a full reload when the session has ended. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A 401 from this request is an answer (wrong password), not an ended session. */
  allowUnauthorized?: boolean;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary itself
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const csrf = readCookie(document.cookie, CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      messages: {
        nl: 'De server is niet bereikbaar. Controleer de verbinding en probeer opnieuw.',
        en: 'The server cannot be reached. Check the connection and try again.',
      },
    });
  }

  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const body = (await response.json()) as Partial<ProblemDetails>;
    return {
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: body.status ?? response.status,
      detail: body.detail,
      messages: body.messages,
      problems: body.problems,
    };
  } catch {
    return {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
  }
}

/** Builds a query string, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: number | string) => encodeURIComponent(String(value));

export const api = {
  /** Whether single sign-on is configured (no session needed). */
  singleSignOn: () => request<{ enabled: boolean; label: string | null }>('/api/auth/oidc'),
  login: (email: string, password: string) =>
    request<{ user: Me; notice?: { failedLoginsSinceLastSignIn: number } }>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
      allowUnauthorized: true,
    }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/api/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', allowUnauthorized: true }),
  me: () => request<Me>('/api/me'),
  schools: () => request<School[]>('/api/schools'),
  absenceCodes: () => request<AbsenceCode[]>('/api/absence-codes'),
  pupils: (schoolId: number | string, query: PupilListQuery) =>
    request<PupilList>(
      `/api/schools/${id(schoolId)}/pupils${queryString({
        schoolYear: query.schoolYear,
        class: query.className,
        level: query.level,
        q: query.q,
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      })}`,
    ),
  pupil: (pupilId: number | string, schoolYear?: string) =>
    request<PupilDetail>(`/api/pupils/${id(pupilId)}${queryString({ schoolYear })}`),
  /** Records (from a date) or clears (null) that an excluded pupil is enrolled in another school. */
  recordEnrolledElsewhere: (pupilId: number | string, schoolYear: string, change: EnrolledElsewhereChange) =>
    request<Enrolment>(`/api/pupils/${id(pupilId)}/enrolments/${id(schoolYear)}/elsewhere`, {
      method: 'PUT',
      body: change,
    }),
  importFile: (schoolId: number | string, kind: ImportKind, file: File, schoolYear?: string) => {
    const form = new FormData();
    if (schoolYear && kind === 'pupils') form.set('schoolYear', schoolYear);
    form.set('file', file); // after the other fields, so a streaming parser sees them first
    return request<ImportResult>(`/api/schools/${id(schoolId)}/imports/${kind}`, {
      method: 'POST',
      body: form,
    });
  },
  imports: (schoolId: number | string) => request<ImportRecord[]>(`/api/schools/${id(schoolId)}/imports`),
  /** One school's attention list, or (schoolId null) the list across every school the user may see. */
  attention: (schoolId: number | string | null, query: AttentionQuery) =>
    request<AttentionList>(
      `${schoolId === null ? '/api/attention' : `/api/schools/${id(schoolId)}/attention`}${queryString({
        schoolYear: query.schoolYear,
        rule: query.rule,
        class: query.className,
        track: query.track,
        status: query.status,
        limit: query.limit,
        offset: query.offset,
      })}`,
    ),
  pupilSignals: (pupilId: number | string, schoolYear?: string) =>
    request<PupilSignals>(`/api/pupils/${id(pupilId)}/signals${queryString({ schoolYear })}`),
  acknowledgeSignal: (signalId: number, version: number) =>
    request<SignalFollowUpResult>(`/api/signals/${id(signalId)}/acknowledge`, { method: 'POST', body: { version } }),
  handleSignal: (signalId: number, change: { version: number; note: string; link?: string }) =>
    request<SignalFollowUpResult>(`/api/signals/${id(signalId)}/handle`, { method: 'POST', body: change }),
};
