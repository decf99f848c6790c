// Upload of pupils, register and calendar files; the upload is streamed to a temporary file, never held in memory.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { invalidInput } from '../../app/errors.ts';
import { importFile, listImports } from '../../app/import/import.service.ts';
import { IMPORT_KINDS, type ImportKind } from '../../app/import/import-result.ts';
import { exportRegisterCsv, exportRegisterXlsx } from '../../app/register-export.service.ts';
import { XLSX_CONTENT_TYPE } from '../../app/xlsx-writer.ts';
import { contentDisposition, safeFileName } from '../../domain/download-name.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { access } from '../route-access.ts';
import type { RouteContext } from '../server.ts';
import { idParam, requireActor } from './require-actor.ts';

export async function importRoutes(api: FastifyInstance, { db, today }: RouteContext) {
  api.get<{ Params: { schoolId: string } }>('/schools/:schoolId/imports', access('import.list'), async (request) =>
    listImports(db, requireActor(request), idParam(request.params.schoolId)),
  );

  api.post<{ Params: { schoolId: string; kind: string } }>(
    '/schools/:schoolId/imports/:kind',
    access('import.run'),
    async (request) => {
      const actor = requireActor(request);
      const kind = request.params.kind as ImportKind;
      if (!IMPORT_KINDS.includes(kind)) {
        throw invalidInput({ nl: 'Onbekend soort import.', en: 'Unknown import kind.' });
      }
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
        const result = await importFile(db, actor, {
          schoolId: idParam(request.params.schoolId),
          kind,
          path,
          fileName,
          schoolYear,
          today: today(),
        });
        const { changedPupilIds: _internal, ...response } = result;
        return response;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}

export async function exportRoutes(api: FastifyInstance, { db }: RouteContext) {
  api.get<{ Params: { schoolId: string }; Querystring: { from?: string; until?: string } }>(
    '/schools/:schoolId/register.csv',
    access('register.export'),
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

  api.get<{ Params: { schoolId: string }; Querystring: { from?: string; until?: string } }>(
    '/schools/:schoolId/register.xlsx',
    access('register.export'),
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
