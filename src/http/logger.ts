// Structured JSON logs (pino, Fastify's own logger): one line per request with its id, errors with their stack.
// Secrets and pupil data never reach the log: cookies, CSRF tokens and authorization headers are redacted,
// query-string values are masked (a search can be a pupil's name), and name fields are censored wherever a
// logged object carries them.
import type { FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';

const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'password',
  '*.password',
  'firstName',
  'lastName',
  'first_name',
  'last_name',
  '*.firstName',
  '*.lastName',
  '*.first_name',
  '*.last_name',
];

/** The path with every query value replaced, e.g. `/api/schools/1/pupils?search=…&page=…`. */
export function maskQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const keys = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${keys.join('&')}`;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: maskQuery(request.url),
          remoteAddress: request.ip,
        }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
