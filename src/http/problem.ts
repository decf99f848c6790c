// Maps errors once to RFC 9457 problem+json with a Dutch and an English message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Messages } from '../app/errors.ts';
import { ImportRejected } from '../app/import/import-problem.ts';
import { isConnectionLost } from '../db/database.ts';

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
      { problems: error.problems },
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
  const e = error as { statusCode?: number; validation?: unknown; code?: string; message?: string };
  if (e.validation || e.code === 'FST_ERR_VALIDATION') {
    return send(reply, request, 400, 'invalid-input', {
      nl: 'Ongeldige aanvraag.',
      en: `Invalid request: ${e.message}`,
    });
  }
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
