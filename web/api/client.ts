// Typed client for the Aanwezig HTTP API (sign-in, schools, pupils, imports, signals) over the one fetch wrapper.

import type { ApiResponse } from './schema.d.ts';

export type Locale = 'nl-BE' | 'en';
export type Half = 'AM' | 'PM';
export type Level = 'kleuter' | 'lager' | 'secundair';
export type ImportKind = 'pupils' | 'register' | 'calendar';

export interface LocalizedMessages {
  nl: string;
  en: string;
}

/** The signed-in user: memberships, `mustChangePassword` (a temporary password: only the change is allowed) and
 * `actions` (what the server's policy allows this user somewhere, e.g. `monitor.region`, `user.manage`). */
export type Me = ApiResponse<'/api/me', 'get'>;

export type Membership = Me['memberships'][number];

export type SignedIn = ApiResponse<'/api/auth/login', 'post'>;

/** A school the user may see; `schoolYears` newest first, e.g. `2025-2026`. */
export type School = ApiResponse<'/api/schools', 'get'>[number];

export type AbsenceCode = ApiResponse<'/api/absence-codes', 'get'>[number];

export type PupilSummary = PupilList['items'][number];

export type PupilList = ApiResponse<'/api/schools/{schoolId}/pupils', 'get'>;

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

export type Enrolment = ApiResponse<'/api/pupils/{pupilId}/enrolments/{schoolYear}/elsewhere', 'put'>;

export interface EnrolledElsewhereChange {
  from: string | null;
  school: string | null;
  version: number;
}

/** One pupil's school year: enrolment, calendar, register, corrections, and what the page may offer to change. */
export type PupilDetail = ApiResponse<'/api/pupils/{pupilId}', 'get'>;

export type CalendarHalfDay = PupilDetail['calendar'][number];

export type RegisterEntry = PupilDetail['register'][number];

export type HistoryEntry = PupilDetail['history'][number];

/** One problem in an imported file (or a warning). */
export type ImportProblem = ImportResult['warnings'][number];

export type ImportResult = ApiResponse<'/api/schools/{schoolId}/imports/{kind}', 'post'>;

export type ImportRecord = ApiResponse<'/api/schools/{schoolId}/imports', 'get'>[number];

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
  /** Pupil-file kinds whose entry alone closes this legal signal (e.g. the CLB signal for B5_CLB); null: any. */
  closedBy: string[] | null;
}

export interface AttentionList {
  schoolYear: string;
  asOf: string;
  total: number;
  items: AttentionItem[];
  /** With `group: 'pupil'`: one card per pupil, its signals in priority order (then `items` is empty). */
  groups?: AttentionGroup[];
  /** Rule ids and class names present in the list (for the filters), with each rule's title. */
  rules: string[];
  ruleTitles: Record<string, LocalizedMessages>;
  classes: string[];
}

/** One pupil on the attention list with all of their signals; `priority` is that of the first signal. */
export interface AttentionGroup {
  schoolId: number;
  schoolName: string;
  pupil: AttentionItem['pupil'];
  legal: boolean;
  priority: AttentionItem['priority'];
  signals: AttentionItem[];
}

export interface AttentionQuery {
  schoolYear: string;
  rule?: string;
  className?: string;
  track?: SignalTrack;
  status?: 'open' | 'handled' | 'all';
  /** 'pupil': one card per pupil, paged by pupil. */
  group?: 'signal' | 'pupil';
  limit?: number;
  offset?: number;
}

export interface PupilSignals {
  schoolYear: string;
  asOf: string;
  items: AttentionItem[];
}

export type SignalFollowUpResult = ApiResponse<'/api/signals/{signalId}/acknowledge', 'post'>;

export {
  ApiError,
  errorMessage,
  type ProblemDetails,
  queryString,
  readCookie,
  request,
  setUnauthorizedHandler,
} from './http.ts';

const id = (value: number | string) => encodeURIComponent(String(value));

import { queryString, request } from './http.ts';

export const api = {
  /** Whether single sign-on is configured (no session needed). */
  singleSignOn: () => request<ApiResponse<'/api/auth/oidc', 'get'>>('/api/auth/oidc'),
  login: (email: string, password: string) =>
    request<SignedIn>('/api/auth/login', {
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
        group: query.group,
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
