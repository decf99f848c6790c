// Documents in the pupil file: multipart upload (size-limited while streaming, checked by content), the paginated
// list, the audited download as an attachment, and removal with the version the remover saw.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import type { Action } from '../../app/policy/policy.ts';
import { requirePupilAccess } from '../../app/pupil-access.ts';
import {
  documentTooLarge,
  downloadDocument,
  listDocuments,
  removeDocument,
  requireDocumentAccess,
  uploadDocument,
} from '../../app/pupil-file/documents.service.ts';
import { DOCUMENT_LIMITS } from '../../domain/pupil-file/documents.ts';
import { access } from '../route-access.ts';
import { type Api, PageQuery, params, Timestamp } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { sendStoredFile } from '../stored-file-reply.ts';
import { accessBeforeBody, idParam, requireActor } from './require-actor.ts';

const Removal = z.object({ version: z.number().int().min(1), reason: z.string().max(2000).nullable().optional() });
const FileDocument = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  schoolId: z.number().int(),
  entryId: z.number().int().nullable().describe('The measure (entry) the document belongs to, if any'),
  title: z.string(),
  description: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  confidentiality: z.enum(['school', 'school+clb', 'clb', 'clb-arts']),
  uploadedBy: z.string().nullable(),
  uploaderRole: z.string(),
  uploadedAt: Timestamp,
  removedAt: Timestamp.nullable(),
  removedBy: z.string().nullable(),
  removalReason: z.string().nullable(),
  version: z.number().int(),
});
const Documents = z.object({
  items: z.array(FileDocument),
  total: z.number().int().describe('Documents the user may see, over all pages'),
  limit: z.number().int(),
  offset: z.number().int(),
  rules: z
    .object({ maxBytes: z.number().int(), accept: z.string().describe('File extensions for the file picker') })
    .describe('What an upload may be'),
});
const UPLOAD_FIELDS = new Set(['title', 'description', 'confidentiality', 'entryId']);

const chooseFile = () =>
  invalidInput({ nl: 'Kies één bestand om op te laden.', en: 'Choose one file to upload.' }, { field: 'file' });

/** Reads the form: the small fields and one file, held in memory only up to the document limit. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw chooseFile();
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: DOCUMENT_LIMITS.maxBytes, files: 1, fields: 8, fieldSize: 8192, parts: 10 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw chooseFile();
        file = { fileName: part.filename ?? '', content: await part.toBuffer() };
      } else if (UPLOAD_FIELDS.has(part.fieldname)) {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw documentTooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw chooseFile();
    throw error;
  }
  if (!file) throw chooseFile();
  const entryId = fields.entryId ? Number(fields.entryId) : null;
  if (entryId !== null && !(Number.isSafeInteger(entryId) && entryId > 0))
    throw invalidInput({ nl: 'Ongeldige maatregel.', en: 'Invalid entry.' }, { field: 'entryId' });
  return {
    title: fields.title ?? '',
    description: fields.description ?? null,
    confidentiality: fields.confidentiality || undefined,
    entryId,
    fileName: file.fileName,
    content: file.content,
  };
}

export async function fileDocumentRoutes(api: Api, { db, today }: RouteContext) {
  // Writes check access on the pupil (or the document's pupil) before the body is read or validated.
  const onPupil = (action: Action) => ({
    ...access(action),
    preValidation: accessBeforeBody('pupilId', (actor, id) => requirePupilAccess(db, actor, action, id, today())),
  });
  const onDocument = (action: Action) => ({
    ...access(action),
    preValidation: accessBeforeBody('documentId', (actor, id) => requireDocumentAccess(db, actor, action, id, today())),
  });

  api.get(
    '/pupils/:pupilId/file/documents',
    {
      ...access('file.read'),
      schema: { params: params('pupilId'), querystring: PageQuery, response: { 200: Documents } },
    },
    async (request) =>
      listDocuments(db, requireActor(request), idParam(request.params.pupilId), request.query, today()),
  );

  api.post(
    '/pupils/:pupilId/file/documents',
    {
      ...onPupil('file.write'),
      // The multipart form is read by the handler (size-limited while streaming), not parsed by a schema.
      schema: {
        params: params('pupilId'),
        consumes: ['multipart/form-data'],
        response: { 201: FileDocument },
        description: 'multipart/form-data: `file`, `title`, optionally `description`, `confidentiality`, `entryId`.',
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const stored = await uploadDocument(db, requireActor(request), idParam(request.params.pupilId), upload, today());
      return reply.status(201).send(stored);
    },
  );

  api.get(
    '/file/documents/:documentId/content',
    {
      ...access('file.read'),
      // The stored file as uploaded (its own media type: PDF, images, office documents), as an attachment.
      schema: { params: params('documentId'), produces: ['application/octet-stream'] },
    },
    async (request, reply) => {
      const { document, content } = await downloadDocument(
        db,
        requireActor(request),
        idParam(request.params.documentId),
        today(),
      );
      return sendStoredFile(reply, { mediaType: document.mediaType, fileName: document.fileName, content });
    },
  );

  api.post(
    '/file/documents/:documentId/remove',
    {
      ...onDocument('file.manage'),
      schema: { params: params('documentId'), body: Removal, response: { 200: FileDocument } },
    },
    async (request) =>
      removeDocument(db, requireActor(request), idParam(request.params.documentId), request.body, today()),
  );
}
