// The one fetch wrapper of the web app: JSON over fetch, the CSRF header on writes, an ended session (401) back to
// the login page, and problem+json answers thrown as ApiError. Every client module in web/api/ goes through it.
import type { ImportProblem, LocalizedMessages } from './client.ts';

/** RFC 9457 problem details as the API sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  messages?: LocalizedMessages;
  problems?: ImportProblem[];
  /** RFC 9457 `errors` of a request that failed the route's schema: which field and why. */
  errors?: { in: string; pointer: string; detail: string }[];
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

/** The error of a request that never got an answer. */
export function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    messages: {
      nl: 'De server is niet bereikbaar. Controleer de verbinding en probeer opnieuw.',
      en: 'The server cannot be reached. Check the connection and try again.',
    },
  });
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

/** Tells the app the session has ended (for requests made outside `request`, e.g. an upload with progress). */
export function notifyUnauthorized(): void {
  onUnauthorized();
}

/** Lets the app route to the login page without a full reload when the session has ended. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A 401 from this request is an answer (wrong password), not an ended session. */
  allowUnauthorized?: boolean;
}

/** The one fetch wrapper: JSON or FormData body, CSRF header on writes, 401 → login, problem+json → ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
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
    throw networkError();
  }

  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The problem+json body with every extension member (conflict `current`, `preconditions`, `problems`, `errors`). */
async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const body = (await response.json()) as Partial<ProblemDetails>;
    return {
      ...body,
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: body.status ?? response.status,
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

/** A path segment from an id or a school year. */
export const segment = (value: number | string) => encodeURIComponent(String(value));

/** A POST whose answer is a file (a generated letter): the bytes and the file name the server gives it. */
export async function requestFile(path: string, body: unknown): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = {
    accept: 'application/pdf, application/octet-stream, application/problem+json, */*',
    'content-type': 'application/json',
  };
  const csrf = readCookie(document.cookie, CSRF_COOKIE);
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw new ApiError(await readProblem(response));
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), fileName };
}
