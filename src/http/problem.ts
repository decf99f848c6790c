// Maps errors once to RFC 9457 problem+json with a Dutch and an English message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Messages } from '../app/errors.ts';
import { ImportRejected } from '../app/import/import-problem.ts';
import { isConnectionLost } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The words for a request that fails this route's schema, when the generic "invalid request" says too little. */
    invalidMessages?: Messages;
  }
}

export function preferredLanguage(request: FastifyRequest): 'nl' | 'en' {
  const header = String(request.headers['accept-language'] ?? '');
  return /^en\b/i.test(header) ? 'en' : 'nl';
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  type: string,
  messages: Messages,
  extra = {},
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `urn:aanwezig:problem:${type}`,
      title: messages.en,
      status,
      detail: messages[preferredLanguage(request)],
      messages,
      ...extra,
    });
}

interface FieldIssue {
  instancePath?: string;
  message?: string;
}

/**
 * A request that failed its route schema: 400 with one entry per invalid field (RFC 9457 `errors`: where it is,
 * a JSON pointer into that part of the request, and why). A route may word the message (config.invalidMessages).
 */
function invalidRequest(
  reply: FastifyReply,
  request: FastifyRequest,
  error: { validation?: FieldIssue[]; validationContext?: string; message?: string },
) {
  const where = error.validationContext ?? 'body';
  const errors = (error.validation ?? []).map((issue) => ({
    in: where,
    pointer: `#${issue.instancePath === '/' ? '' : (issue.instancePath ?? '')}`,
    detail: issue.message ?? 'invalid',
  }));
  const fields = errors.map((issue) => `${where}${issue.pointer.slice(1).replaceAll('/', '.')}`).join(', ');
  const messages = request.routeOptions.config.invalidMessages ?? {
    nl: `Ongeldige aanvraag${fields ? `: ${fields}` : ''}.`,
    en: `Invalid request${fields ? `: ${fields}` : ''}: ${errors.map((issue) => issue.detail).join('; ') || error.message}`,
  };
  return send(reply, request, 400, 'invalid-input', messages, { errors });
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, request, error.status, error.type, error.messages, error.extra);
  if (error instanceof ImportRejected) {
    return send(
      reply,
      request,
      422,
      'import-rejected',
      {
        nl: `${error.problems.length} probleem/problemen gevonden: niets werd ingelezen.`,
        en: `${error.problems.length} problem(s) found: nothing was imported.`,
      },
      error.columns ? { problems: error.problems, columns: error.columns } : { problems: error.problems },
    );
  }
  if (isConnectionLost(error)) {
    // Always logged: an operator needs to see that the database went away. The transaction was rolled back.
    request.log.error({ err: error }, 'database unavailable');
    return send(reply.header('retry-after', '5'), request, 503, 'database-unavailable', {
      nl: 'De databank is tijdelijk niet bereikbaar; er werd niets opgeslagen. Probeer het zo meteen opnieuw.',
      en: 'The database is temporarily unavailable; nothing was saved. Please try again in a moment.',
    });
  }
  const e = error as {
    statusCode?: number;
    validation?: FieldIssue[];
    validationContext?: string;
    code?: string;
    message?: string;
  };
  if (e.validation || e.code === 'FST_ERR_VALIDATION') return invalidRequest(reply, request, e);
  if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
    return send(reply, request, 413, 'too-large', {
      nl: 'Het bestand is te groot.',
      en: 'The file is too large.',
    });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return send(reply, request, e.statusCode, 'bad-request', {
      nl: 'Ongeldige aanvraag.',
      en: e.message ?? 'Bad request',
    });
  }
  request.log.error(error);
  return send(reply, request, 500, 'internal', {
    nl: 'Er liep iets mis. Probeer het later opnieuw.',
    en: 'Something went wrong. Please try again later.',
  });
}
