// Typed client for the documents of the pupil file: list, multipart upload, download link and removal, with the
// through the one fetch wrapper (http.ts).
import { ApiError, queryString } from './client.ts';
import { request } from './http.ts';
import { type Confidentiality, send } from './pupil-file-client.ts';
import type { ApiResponse } from './schema.d.ts';

/** One page of the pupil's documents, with the server's limit and the extensions to offer in the file picker. */
export type DocumentPage = ApiResponse<'/api/pupils/{pupilId}/file/documents', 'get'>;

/** A document's details; `mediaType` as the server detected it from the content. */
export type FileDocument = DocumentPage['items'][number];

/** One reason an upload was refused (nl/en), as the 413 and 422 answers list them. */
export interface DocumentProblem {
  field: string;
  code: string;
  nl: string;
  en: string;
}

export interface DocumentUpload {
  title: string;
  confidentiality: Confidentiality;
  entryId?: number;
  file: File;
}

/** The problems of a refused upload (empty for any other error). */
export function documentProblemsOf(error: unknown): DocumentProblem[] {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 413)) return [];
  const problems = (error.problem as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as DocumentProblem[]) : [];
}

const upload = (path: string, form: FormData) => request<FileDocument>(path, { method: 'POST', body: form });

const id = (value: number | string) => encodeURIComponent(String(value));

export const documentsApi = {
  list: (pupilId: number | string, page: { limit: number; offset: number }) =>
    send<DocumentPage>(`/api/pupils/${id(pupilId)}/file/documents${queryString(page)}`),
  upload: (pupilId: number | string, input: DocumentUpload) => {
    const form = new FormData();
    form.set('title', input.title);
    form.set('confidentiality', input.confidentiality);
    if (input.entryId) form.set('entryId', String(input.entryId));
    form.set('file', input.file); // after the fields, so the server reads them first
    return upload(`/api/pupils/${id(pupilId)}/file/documents`, form);
  },
  /** Download link: the server answers with an attachment (and writes an audit row). */
  contentUrl: (documentId: number) => `/api/file/documents/${id(documentId)}/content`,
  remove: (documentId: number, version: number, reason?: string) =>
    send<FileDocument>(`/api/file/documents/${id(documentId)}/remove`, 'POST', { version, reason: reason || null }),
};
