// Typed client for the self-scan API (preventieplan): through the one fetch wrapper (http.ts).
import { ApiError, type ProblemDetails } from './client.ts';
import { request } from './http.ts';

export interface Text {
  nl: string;
  en: string;
}
export type TrackKind = 'general' | 'B' | 'ZD' | 'SW';

export interface InstrumentGoal {
  id: string;
  seedLine: number;
  title: Text;
  overviewTitle: Text;
  theme?: Text;
  explanation: { seedLine: number; text: Text; listItem?: true }[];
  questions: { id: string; seedLine: number; text: Text }[];
}

export interface InstrumentPhase {
  number: number;
  title: Text;
  overviewTitle: Text;
  intro?: { text: Text }[];
  tracks: { kind: TrackKind; title?: Text; overviewTitle?: Text; goals: InstrumentGoal[] }[];
}

export interface Instrument {
  document: {
    title: Text;
    subtitle: Text;
    questionsPrompt: Text;
    scorePrompt: Text;
    focusPrompt: Text;
    overviewTitle: Text;
    columns: Record<'score' | 'what' | 'who' | 'when' | 'check', Text>;
  };
  phases: InstrumentPhase[];
  reflectionModule: {
    title: Text;
    sections: {
      id: string;
      title: Text;
      themes: { title: Text; prompts: { id: string; text: Text }[] }[];
    }[];
  };
  goalFigures: Record<string, FigureKey[]>;
}

export type FigureKey =
  | 'registerCorrections'
  | 'b5Clb'
  | 'openSignals'
  | 'openSignalsB'
  | 'openSignalsZD'
  | 'openSignalsSW'
  | 'openSignalsKleuter';

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'dropped';

export interface ScanAction {
  id: number;
  goalId: string;
  what: string;
  who: string;
  due: string;
  check: string;
  status: ActionStatus;
  version: number;
  updatedBy: string | null;
}

export interface SchoolFigures {
  schoolYear: string;
  registerRows: number;
  registerCorrections: number;
  correctedShare: number | null;
  b5Clb: { pupils: number; handled: number; medianDaysToHandled: number | null; maxDaysToHandled: number | null };
  openSignals: number;
  openSignalsByTrack: Record<string, number>;
}

export interface Selfscan {
  instrument: Instrument;
  canEdit: boolean;
  schoolId: number;
  schoolName: string;
  schoolYear: string;
  goals: Record<
    string,
    { goalId: string; score: number | null; focus: string; version: number; updatedBy: string | null }
  >;
  answers: Record<string, { questionId: string; answer: string; version: number; updatedBy: string | null }>;
  actions: ScanAction[];
  comments: { id: number; goalId: string; body: string; author: string | null; createdAt: string }[];
  participants: { name: string; organisation: string; kind: string }[];
  figures: SchoolFigures;
}

export interface SelfscanList {
  instrument: Instrument;
  canEdit: boolean;
  scans: { schoolYear: string; createdAt: string; scores: Record<string, number> }[];
}

export interface ActionInput {
  what: string;
  who: string;
  due: string;
  check: string;
  status: ActionStatus;
}

/** The server's current state in a 409 answer, so the form can show it and retry on its version. */
export function conflictCurrent(error: unknown): { version: number } & Record<string, unknown> {
  const problem = error instanceof ApiError ? (error.problem as ProblemDetails & { current?: unknown }) : undefined;
  return (problem?.current ?? { version: 0 }) as { version: number } & Record<string, unknown>;
}

const send = <T>(path: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown): Promise<T> =>
  request<T>(path, { method, body });

const base = (schoolId: string | number) => `/api/schools/${encodeURIComponent(String(schoolId))}/selfscans`;
const year = (schoolId: string | number, schoolYear: string) => `${base(schoolId)}/${encodeURIComponent(schoolYear)}`;

export const selfscanApi = {
  list: (schoolId: string | number) => send<SelfscanList>(base(schoolId)),
  get: (schoolId: string | number, schoolYear: string) => send<Selfscan>(year(schoolId, schoolYear)),
  start: (schoolId: string | number, schoolYear: string) =>
    send<{ schoolYear: string; created: boolean }>(base(schoolId), 'POST', { schoolYear }),
  saveGoal: (
    schoolId: string | number,
    schoolYear: string,
    goalId: string,
    body: { score: number | null; focus: string; version: number },
  ) => send<{ version: number }>(`${year(schoolId, schoolYear)}/goals/${encodeURIComponent(goalId)}`, 'PUT', body),
  saveAnswer: (
    schoolId: string | number,
    schoolYear: string,
    questionId: string,
    body: { answer: string; version: number },
  ) =>
    send<{ version: number }>(`${year(schoolId, schoolYear)}/answers/${encodeURIComponent(questionId)}`, 'PUT', body),
  addAction: (schoolId: string | number, schoolYear: string, goalId: string, body: ActionInput) =>
    send<ScanAction>(`${year(schoolId, schoolYear)}/goals/${encodeURIComponent(goalId)}/actions`, 'POST', body),
  changeAction: (
    schoolId: string | number,
    schoolYear: string,
    actionId: number,
    body: ActionInput & { version: number },
  ) => send<ScanAction>(`${year(schoolId, schoolYear)}/actions/${actionId}`, 'PUT', body),
  addComment: (schoolId: string | number, schoolYear: string, goalId: string, body: string) =>
    send<{ id: number }>(`${year(schoolId, schoolYear)}/goals/${encodeURIComponent(goalId)}/comments`, 'POST', {
      body,
    }),
  exportUrl: (schoolId: string | number, schoolYear: string, format: 'pdf' | 'docx', lang: 'nl' | 'en') =>
    `${year(schoolId, schoolYear)}/export.${format}?lang=${lang}`,
};
