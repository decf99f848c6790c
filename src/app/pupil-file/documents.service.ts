// Documents in the pupil file: upload (checked by content and size, nothing stored when refused), a paginated
// list of the documents the reader may see, an audited download, and removal with optimistic locking (the row
// and its history stay, the content goes). See docs/pupil-file.md, "Documents".
import { createHash } from 'node:crypto';
import type { Database, Sql } from '../../db/database.ts';
import {
  type DocumentRow,
  documentContent,
  documentShared,
  documentsOf,
  findDocument,
  insertDocument,
  removeDocument as removeDocumentRow,
} from '../../db/file-document.repository.ts';
import type { Visibility } from '../../db/file-visibility.sql.ts';
import { ensureFile, findEntry, insertEdit } from '../../db/pupil-file.repository.ts';
import { checkDocument, DOCUMENT_LIMITS, DOCUMENT_TYPES } from '../../domain/pupil-file/documents.ts';
import type { Problem } from '../../domain/pupil-file/workflows/index.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../policy/notes.policy.ts';
import type { Action } from '../policy/policy.ts';
import { type PupilScope, requirePupilAccess } from '../pupil-access.ts';
import { conflict, consentSharing, fileVisibility, readableLevels, writerRole } from './file-access.ts';

const DOCUMENT = { nl: 'Document', en: 'Document' };

/** What the upload form needs to know: the size limit and the extensions to offer in the file picker. */
export const DOCUMENT_UPLOAD_RULES = {
  maxBytes: DOCUMENT_LIMITS.maxBytes,
  accept: DOCUMENT_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(','),
};

/** 413 for a file over the limit, with the limit in the message (nl/en). */
export const documentTooLarge = (problems?: readonly Problem[]) => {
  const mb = DOCUMENT_LIMITS.maxBytes / (1024 * 1024);
  return new AppError(
    413,
    'too-large',
    {
      nl: `Het bestand is te groot: een document mag hoogstens ${mb} MB zijn. Er werd niets bewaard.`,
      en: `The file is too large: a document may be ${mb} MB at most. Nothing was stored.`,
    },
    { maxBytes: DOCUMENT_LIMITS.maxBytes, problems: problems ?? [] },
  );
};

/** 422 listing every reason an upload was refused (nl/en); nothing was stored. */
export const documentRefused = (problems: readonly Problem[]) =>
  new AppError(
    422,
    'document-refused',
    {
      nl: `Het document werd niet bewaard: ${problems.map((p) => p.nl).join(' ')}`,
      en: `The document was not stored: ${problems.map((p) => p.en).join(' ')}`,
    },
    { problems },
  );

const page = (p: { limit?: number; offset?: number }) => ({
  limit: Math.min(Math.max(p.limit ?? 20, 1), 500),
  offset: Math.max(p.offset ?? 0, 0),
});

function requireText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (text.length === 0 || text.length > max)
    throw invalidInput({ nl: `${field}: 1 tot ${max} tekens.`, en: `${field}: 1 to ${max} characters.` }, { field });
  return text;
}

function requireLevel(value: string): Confidentiality {
  if (!(CONFIDENTIALITY_LEVELS as readonly string[]).includes(value))
    throw invalidInput({ nl: 'Onbekend vertrouwelijkheidsniveau.', en: 'Unknown confidentiality level.' });
  return value as Confidentiality;
}

/** The metadata as history and audit keep it (never the content). */
const summary = (d: DocumentRow) => ({
  id: d.id,
  title: d.title,
  fileName: d.fileName,
  mediaType: d.mediaType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  confidentiality: d.confidentiality,
  entryId: d.entryId,
  removedAt: d.removedAt,
  removalReason: d.removalReason,
  version: d.version,
});

/**
 * Loads a document and checks the action on its pupil; a document at a level the actor may not read answers 404
 * (as if it did not exist). Used by the routes before the request body is read, and by every use case below.
 */
export async function requireDocumentAccess(
  db: Sql,
  actor: Actor,
  action: Action,
  documentId: number,
  today: string,
): Promise<{ document: DocumentRow; scope: PupilScope }> {
  const document = await findDocument(db, documentId);
  if (!document) throw notFound(DOCUMENT);
  const scope = await requirePupilAccess(db, actor, action, document.pupilId, today);
  // A clb-arts document shared by consent can be read (listed, downloaded), never removed.
  const readable =
    readableLevels(actor, scope).includes(document.confidentiality) ||
    (action === 'file.read' && (await documentShared(db, documentId, consentSharing(actor, scope, today))));
  if (!readable) throw notFound(DOCUMENT);
  return { document, scope };
}

export interface DocumentUpload {
  title: string;
  description?: string | null;
  confidentiality?: string;
  entryId?: number | null;
  fileName: string;
  content: Uint8Array;
}

/** Stores one document in the pupil's file; every check runs before anything is written. */
export async function uploadDocument(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: DocumentUpload,
  today: string,
): Promise<DocumentRow> {
  const scope = await requirePupilAccess(db, actor, 'file.write', pupilId, today);
  const title = requireText(input.title, 'title', DOCUMENT_LIMITS.maxTitle);
  const description = (input.description ?? '').trim().slice(0, DOCUMENT_LIMITS.maxDescription) || null;
  const level = requireLevel(input.confidentiality ?? 'school+clb');
  const role = writerRole(actor, 'file.write', scope, level);
  const check = checkDocument({ fileName: input.fileName, bytes: input.content });
  if (!check.ok)
    throw check.problems.some((p) => p.code === 'too-large')
      ? documentTooLarge(check.problems)
      : documentRefused(check.problems);
  if (input.entryId != null) {
    const entry = await findEntry(db, input.entryId);
    if (entry?.pupilId !== pupilId || !readableLevels(actor, scope).includes(entry.confidentiality))
      throw notFound({ nl: 'Maatregel', en: 'Entry' });
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return db.transaction(async (tx) => {
    await ensureFile(tx, pupilId, scope.schoolId);
    const id = await insertDocument(tx, {
      pupilId,
      schoolId: scope.schoolId,
      entryId: input.entryId ?? null,
      title,
      description,
      fileName: check.document.fileName,
      mediaType: check.document.mediaType,
      sha256,
      content: input.content,
      confidentiality: level,
      uploadedBy: actor.userId,
      uploaderRole: role,
    });
    const stored = (await findDocument(tx, id)) as DocumentRow;
    await insertEdit(tx, {
      pupilId,
      item: 'document',
      itemId: id,
      version: 1,
      before: null,
      after: summary(stored),
      by: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'file.document.upload',
      organisationId: scope.schoolId,
      pupilIds: [pupilId],
      detail: { documentId: id, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes, confidentiality: level },
    });
    return stored;
  });
}

/** One page of the pupil's documents the actor may see (not removed), newest first. */
export async function listDocuments(
  db: Database,
  actor: Actor,
  pupilId: number,
  query: { limit?: number; offset?: number },
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'file.read', pupilId, today);
  const { limit, offset } = page(query);
  const result = await documentsOf(db, pupilId, {
    ...fileVisibility(actor, scope, today),
    limit,
    offset,
  });
  await recordAudit(db, actor, {
    action: 'file.documents',
    organisationId: scope.schoolId,
    pupilIds: [pupilId],
    detail: { limit, offset },
  });
  return { ...result, limit, offset, rules: DOCUMENT_UPLOAD_RULES };
}

/** The bytes of one document for download; writes one audit row naming the pupil and the document. */
export async function downloadDocument(db: Database, actor: Actor, documentId: number, today: string) {
  const { document, scope } = await requireDocumentAccess(db, actor, 'file.read', documentId, today);
  const content = document.removedAt === null ? await documentContent(db, documentId) : undefined;
  if (!content)
    throw new AppError(410, 'gone', {
      nl: 'Dit document werd uit het dossier verwijderd; enkel de gegevens erover blijven bewaard.',
      en: 'This document was removed from the file; only its details are kept.',
    });
  await recordAudit(db, actor, {
    action: 'file.document.download',
    organisationId: scope.schoolId,
    pupilIds: [document.pupilId],
    detail: { documentId, sha256: document.sha256 },
  });
  return { document, content };
}

/**
 * Removes a document at the version the remover saw (file.manage): the content is cleared, the metadata and the
 * edit history stay. A stale version, or a document someone else removed first, answers 409 with the current one.
 */
export async function removeDocument(
  db: Database,
  actor: Actor,
  documentId: number,
  input: { version: number; reason?: string | null },
  today: string,
) {
  const { document, scope } = await requireDocumentAccess(db, actor, 'file.manage', documentId, today);
  const reason = (input.reason ?? '').trim().slice(0, 2000) || null;
  return db.transaction(async (tx) => {
    if (!(await removeDocumentRow(tx, documentId, input.version, { by: actor.userId, reason })))
      throw conflict(await findDocument(tx, documentId), { version: input.version, reason });
    const after = (await findDocument(tx, documentId)) as DocumentRow;
    await insertEdit(tx, {
      pupilId: document.pupilId,
      item: 'document',
      itemId: documentId,
      version: after.version,
      before: summary(document),
      after: summary(after),
      by: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'file.document.remove',
      organisationId: scope.schoolId,
      pupilIds: [document.pupilId],
      detail: { documentId },
    });
    return after;
  });
}

/** The documents of an export: only levels the exporter reads, removed ones left out. */
export async function exportedDocuments(db: Sql, pupilId: number, visibility: Visibility) {
  const { items } = await documentsOf(db, pupilId, { ...visibility, limit: 5000, offset: 0 });
  return items.map((d) => ({
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    mediaType: d.mediaType,
    typeLabel: DOCUMENT_TYPES.find((t) => t.mediaType === d.mediaType)?.nl ?? d.mediaType,
    sizeBytes: d.sizeBytes,
    uploadedAt: d.uploadedAt,
    uploadedBy: d.uploadedBy,
    confidentiality: d.confidentiality,
    entryId: d.entryId,
  }));
}

/** One line of the PDF export: 02/03/2026 · title · file name (PDF, 12 kB) · door who. */
export function documentLine(d: Awaited<ReturnType<typeof exportedDocuments>>[number]): string {
  const date = `${d.uploadedAt.slice(8, 10)}/${d.uploadedAt.slice(5, 7)}/${d.uploadedAt.slice(0, 4)}`;
  const size =
    d.sizeBytes < 1024 * 1024 ? `${Math.ceil(d.sizeBytes / 1024)} kB` : `${(d.sizeBytes / 1048576).toFixed(1)} MB`;
  return `${date} · ${d.title} · ${d.fileName} (${d.typeLabel}, ${size}) · door ${d.uploadedBy ?? '-'}`;
}
