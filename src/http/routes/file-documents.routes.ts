// Documents in the pupil file: multipart upload (size-limited while streaming, checked by content), the paginated
// list, the audited download as an attachment, and removal with the version the remover saw.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import type { Action } from '../../app/policy/policy.ts';
import {
  documentTooLarge,
  downloadDocument,
  listDocuments,
  removeDocument,
  requireDocumentAccess,
  uploadDocument,
} from '../../app/pupil-file/documents.service.ts';
import { requirePupilAccess } from '../../app/pupil-file/file-access.ts';
import { DOCUMENT_LIMITS } from '../../domain/care/documents.ts';
import { contentDisposition } from '../../domain/download-name.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const Removal = z.object({ version: z.number().int().min(1), reason: z.string().max(2000).nullable().optional() });
const UPLOAD_FIELDS = new Set(['title', 'description', 'confidentiality', 'entryId']);

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw invalidInput({ nl: 'Ongeldige aanvraag.', en: `Invalid request: ${result.error.message}` });
  return result.data;
}

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

type PupilParams = { Params: { pupilId: string } };
type DocumentParams = { Params: { documentId: string } };

export async function fileDocumentRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  // Writes check access on the pupil (or the document's pupil) before the body is read.
  const onPupil = (action: Action) => ({
    ...access(action),
    preHandler: async (request: FastifyRequest) => {
      const { pupilId } = request.params as { pupilId: string };
      await requirePupilAccess(db, requireActor(request), action, idParam(pupilId), today());
    },
  });
  const onDocument = (action: Action) => ({
    ...access(action),
    preHandler: async (request: FastifyRequest) => {
      const { documentId } = request.params as { documentId: string };
      await requireDocumentAccess(db, requireActor(request), action, idParam(documentId), today());
    },
  });

  api.get<PupilParams>('/pupils/:pupilId/file/documents', access('file.read'), async (request) =>
    listDocuments(db, requireActor(request), idParam(request.params.pupilId), parse(PageQuery, request.query), today()),
  );

  api.post<PupilParams>('/pupils/:pupilId/file/documents', onPupil('file.write'), async (request, reply) => {
    const upload = await readUpload(request);
    const stored = await uploadDocument(db, requireActor(request), idParam(request.params.pupilId), upload, today());
    return reply.status(201).send(stored);
  });

  api.get<DocumentParams>('/file/documents/:documentId/content', access('file.read'), async (request, reply) => {
    const { document, content } = await downloadDocument(
      db,
      requireActor(request),
      idParam(request.params.documentId),
      today(),
    );
    return reply
      .type(document.mediaType)
      .header('content-disposition', contentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(content);
  });

  api.post<DocumentParams>('/file/documents/:documentId/remove', onDocument('file.manage'), async (request) =>
    removeDocument(
      db,
      requireActor(request),
      idParam(request.params.documentId),
      parse(Removal, request.body),
      today(),
    ),
  );
}
