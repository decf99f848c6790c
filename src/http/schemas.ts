// The one request-validation path: zod schemas declared on each route, shared pieces of those schemas, and the
// Fastify instance type that infers handler types from them (see docs/api.md).
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The API instance every route module receives: `schema` (zod) types `request.params/query/body` and the reply. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * A numeric id in the URL. Kept a string here and read with `idParam`, which turns a malformed id into one that
 * matches nothing: a bad id answers like an unknown one (403/404), never with a 400 that tells ids apart.
 */
export const Id = z.string().max(40).describe('Id of the resource (a number for stored rows)');

/** One path parameter object from names: `params('pupilId')` → `{ pupilId: Id }`. */
export const params = <const Name extends string>(...names: Name[]) =>
  z.object(
    Object.fromEntries(names.map((name) => [name, name === 'schoolYear' ? SchoolYear : Id])) as {
      [Key in Name]: Key extends 'schoolYear' ? typeof SchoolYear : typeof Id;
    },
  );

/** A school year such as `2025-2026`. */
export const SchoolYear = z.string().max(9).describe('School year, e.g. 2025-2026');

/** `?limit=&offset=` of the paginated lists. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** `?schoolYear=` of the views of one school year (default: the current one). */
export const YearQuery = z.object({ schoolYear: SchoolYear.optional() });

/** A civil date `YYYY-MM-DD`. */
export const CivilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Civil date YYYY-MM-DD');

/** A moment (timestamptz): the database driver gives a Date, serialised as an ISO 8601 string. */
export const Timestamp = z.union([z.date(), z.string()]).describe('Date and time, ISO 8601');

/** Dutch and English text of a message. */
export const Messages = z.object({ nl: z.string(), en: z.string() });

/** RFC 9457 problem+json as src/http/problem.ts writes it; `errors` points at the fields of a rejected request. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    messages: Messages,
    errors: z
      .array(z.object({ in: z.string(), pointer: z.string(), detail: z.string() }))
      .optional()
      .describe('Each invalid field of the request: where (body, querystring, params), a JSON pointer, and why'),
  })
  .loose();

/** A response without a body. */
export const NoContent = z.undefined().describe('No content');

/** A file download (CSV, PDF, DOCX, a stored document). */
export const FileDownload = z.any().describe('File download');

/** The answer to a create: the new row's id. */
export const Created = z.object({ id: z.number().int() });

/** A consent sharing one CLB doctor's note, pupil-file entry or document (exactly one of the three ids is set). */
export const Consent = z.object({
  id: z.number().int(),
  noteId: z.number().int().nullable(),
  entryId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  givenBy: z.string(),
  purpose: z.string(),
  sharedWithRoles: z.array(z.string()),
  validUntil: CivilDate,
  recordedAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
