// Upload of pupils, register and calendar files; the upload is streamed to a temporary file, never held in memory.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { invalidInput } from '../../app/errors.ts';
import { importFile, listImports } from '../../app/import/import.service.ts';
import { IMPORT_KINDS } from '../../app/import/import-result.ts';
import { exportRegisterCsv, exportRegisterXlsx } from '../../app/register-export.service.ts';
import { XLSX_CONTENT_TYPE } from '../../app/xlsx-writer.ts';
import { contentDisposition, safeFileName } from '../../domain/download-name.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, Messages, params } from '../schemas.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

const ImportKind = z.enum(IMPORT_KINDS as readonly ['pupils', 'register', 'calendar']);

const ImportListItem = z.object({
  id: z.number().int(),
  kind: ImportKind,
  fileName: z.string(),
  rowCount: z.number().int(),
  insertedCount: z.number().int(),
  updatedCount: z.number().int(),
  createdAt: z.string().describe('UTC timestamp'),
  createdBy: z.string().nullable(),
});

const ImportProblem = z.object({
  row: z.number().int().nullable().describe('Row as a spreadsheet numbers it (header = 1); null: the whole file'),
  column: z.string().nullable(),
  code: z.string(),
  messages: Messages,
});

/** What an import did; the ids of the pupils it changed stay on the server (the schema leaves them out). */
const ImportResult = z.object({
  status: z.enum(['applied', 'unchanged']),
  importId: z.number().int().nullable(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  warnings: z.array(ImportProblem),
});

export async function importRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/schools/:schoolId/imports',
    { ...access('import.list'), schema: { params: params('schoolId'), response: { 200: z.array(ImportListItem) } } },
    async (request) => listImports(db, requireActor(request), idParam(request.params.schoolId)),
  );

  api.post(
    '/schools/:schoolId/imports/:kind',
    {
      ...access('import.run', { invalidMessages: { nl: 'Onbekend soort import.', en: 'Unknown import kind.' } }),
      schema: {
        params: z.object({ schoolId: params('schoolId').shape.schoolId, kind: ImportKind }),
        consumes: ['multipart/form-data'],
        // The multipart body is streamed to disk by the handler, not parsed by a schema.
        description: 'multipart/form-data: `file` (CSV or XLSX) and, for a register, optionally `schoolYear`.',
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const kind = request.params.kind;
      if (!request.isMultipart()) {
        throw invalidInput({ nl: 'Kies een bestand om op te laden.', en: 'Choose a file to upload.' });
      }
      const dir = await mkdtemp(join(tmpdir(), 'aanwezig-upload-'));
      try {
        let path: string | null = null;
        let fileName = 'upload';
        let schoolYearText: string | undefined;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            fileName = safeFileName(part.filename) || fileName; // stored and listed: no path, ≤ 200 characters
            path = join(dir, 'upload');
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated)
              throw invalidInput({ nl: 'Het bestand is te groot.', en: 'The file is too large.' });
          } else if (part.fieldname === 'schoolYear') {
            schoolYearText = String(part.value);
          }
        }
        if (!path) throw invalidInput({ nl: 'Kies een bestand om op te laden.', en: 'Choose a file to upload.' });
        const schoolYear = schoolYearText ? parseSchoolYearId(schoolYearText) : undefined;
        if (schoolYear === null) {
          throw invalidInput({ nl: 'Ongeldig schooljaar.', en: 'Invalid school year.' });
        }
        return await importFile(db, actor, {
          schoolId: idParam(request.params.schoolId),
          kind,
          path,
          fileName,
          schoolYear,
          today: today(),
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}

const RegisterExportQuery = z.object({ from: CivilDate.optional(), until: CivilDate.optional() });

export async function exportRoutes(api: Api, { db }: RouteContext) {
  api.get(
    '/schools/:schoolId/register.csv',
    {
      ...access('register.export'),
      schema: { params: params('schoolId'), querystring: RegisterExportQuery, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const schoolId = idParam(request.params.schoolId);
      const chunks = exportRegisterCsv(db, actor, schoolId, request.query);
      const first = await chunks.next(); // runs the access check before any header is sent
      reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition('register.csv'));
      return reply.send(
        Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* chunks;
          })(),
        ),
      );
    },
  );

  api.get(
    '/schools/:schoolId/register.xlsx',
    {
      ...access('register.export'),
      schema: { params: params('schoolId'), querystring: RegisterExportQuery, produces: [XLSX_CONTENT_TYPE] },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const write = await exportRegisterXlsx(db, actor, idParam(request.params.schoolId), request.query);
      const body = new PassThrough();
      write(body).catch((error: Error) => body.destroy(error));
      reply.type(XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('register.xlsx'));
      return reply.send(body);
    },
  );
}
