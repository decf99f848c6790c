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
import { importTemplate } from '../../app/import/import-template.ts';
import { exportRegisterCsv, exportRegisterXlsx } from '../../app/register-export.service.ts';
import { XLSX_CONTENT_TYPE } from '../../app/xlsx-writer.ts';
import { contentDisposition, safeFileName } from '../../domain/download-name.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { access } from '../route-access.ts';
import { type Api, CivilDate, Messages, Problem, params } from '../schemas.ts';
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

/** The `mapping` form field: a JSON object from canonical field to a header of the file. */
const ColumnMappingField = z
  .record(z.string().min(1).max(60), z.string().max(200))
  .refine((mapping) => Object.keys(mapping).length <= 40, 'too many fields');

/** A 422 import-rejected answer that could not map the file's columns carries this (`columns` member). */
const ColumnChoice = z.object({
  headers: z.array(z.string()).describe("The file's headers as written there"),
  required: z.array(z.string()).describe('Fields the file must provide'),
  optional: z.array(z.string()).describe('Fields the file may provide'),
  missing: z.array(z.string()).describe('Required fields no header was found for'),
});

/** Why a file was refused: every problem, and for unmapped columns what the column-mapping step offers. */
const ImportRejectedProblem = Problem.extend({
  problems: z.array(ImportProblem),
  columns: ColumnChoice.optional(),
});

function parseMapping(text: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const parsed = ColumnMappingField.safeParse(value);
  if (!parsed.success) {
    throw invalidInput({
      nl: 'De kolomkoppeling is ongeldig (verwacht: veld → kolomnaam).',
      en: 'The column mapping is invalid (expected: field → column name).',
    });
  }
  // Fields mapped to no column ("") are left to the automatic mapping.
  return Object.fromEntries(Object.entries(parsed.data).filter(([, header]) => header.trim() !== ''));
}

export async function importRoutes(api: Api, { db, today }: RouteContext) {
  api.get(
    '/schools/:schoolId/imports/:kind/template.csv',
    {
      ...access('import.run', { invalidMessages: { nl: 'Onbekend soort import.', en: 'Unknown import kind.' } }),
      schema: {
        params: z.object({ schoolId: params('schoolId').shape.schoolId, kind: ImportKind }),
        produces: ['text/csv'],
        description: 'A CSV template of the kind: the canonical headers and one example row.',
      },
    },
    async (request, reply) => {
      const kind = request.params.kind;
      const text = importTemplate(requireActor(request), idParam(request.params.schoolId), kind);
      reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition(`${kind}-template.csv`));
      return reply.send(text);
    },
  );

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
        description:
          'multipart/form-data: `file` (CSV or XLSX), for pupils optionally `schoolYear`, and optionally `mapping` ' +
          '(JSON: canonical field → header of the file; remembered for the school and header once the import ' +
          'succeeds). Fields must come before `file`. A 422 `import-rejected` whose columns could not be mapped ' +
          'carries `columns` (headers, required, optional, missing).',
        response: { 200: ImportResult, 422: ImportRejectedProblem },
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
        let mapping: Record<string, string> | undefined;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            fileName = safeFileName(part.filename) || fileName; // stored and listed: no path, ≤ 200 characters
            path = join(dir, 'upload');
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated)
              throw invalidInput({ nl: 'Het bestand is te groot.', en: 'The file is too large.' });
          } else if (part.fieldname === 'schoolYear') {
            schoolYearText = String(part.value);
          } else if (part.fieldname === 'mapping') {
            mapping = parseMapping(String(part.value));
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
          mapping,
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
