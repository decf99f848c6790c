// Uploads an import file with XMLHttpRequest, which (unlike fetch) reports upload progress for the progress bar;
// otherwise it behaves as `request` in http.ts: CSRF header, 401 → login, problem+json → ApiError.
import type { ImportKind, ImportResult } from './client.ts';
import { ApiError, networkError, notifyUnauthorized, type ProblemDetails, readCookie } from './http.ts';

/** What a refused import carries when its columns could not be mapped (the column-mapping step). */
export interface ColumnChoice {
  headers: string[];
  required: string[];
  optional: string[];
  missing: string[];
}

/** The column choice of a refused import, if it has one. */
export function columnChoiceOf(error: unknown): ColumnChoice | null {
  if (!(error instanceof ApiError)) return null;
  const columns = (error.problem as ProblemDetails & { columns?: ColumnChoice }).columns;
  return columns && Array.isArray(columns.headers) ? columns : null;
}

export interface UploadOptions {
  schoolYear?: string;
  /** Canonical field → header of the file. */
  mapping?: Record<string, string>;
  /** Called with the share of the file sent (0–1) as the upload goes. */
  onProgress?: (fraction: number) => void;
}

export function uploadImport(
  schoolId: number | string,
  kind: ImportKind,
  file: File,
  options: UploadOptions = {},
): Promise<ImportResult> {
  const form = new FormData();
  if (options.schoolYear && kind === 'pupils') form.set('schoolYear', options.schoolYear);
  if (options.mapping) form.set('mapping', JSON.stringify(options.mapping));
  form.set('file', file); // after the other fields, so the server's streaming parser sees them first
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/schools/${encodeURIComponent(String(schoolId))}/imports/${kind}`);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    const csrf = readCookie(document.cookie, 'aanwezig_csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.withCredentials = true;
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('error', () => reject(networkError()));
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportResult);
        return;
      }
      if (xhr.status === 401) notifyUnauthorized();
      const problem = (body ?? {}) as Partial<ProblemDetails>;
      reject(
        new ApiError({
          ...problem,
          type: problem.type ?? 'about:blank',
          title: problem.title ?? (xhr.statusText || `HTTP ${xhr.status}`),
          status: problem.status ?? xhr.status,
        }),
      );
    });
    xhr.send(form);
  });
}

/** Where the CSV template of a kind downloads from. */
export const importTemplateUrl = (schoolId: number | string, kind: ImportKind) =>
  `/api/schools/${encodeURIComponent(String(schoolId))}/imports/${kind}/template.csv`;
