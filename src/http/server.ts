// The Fastify application: API routes under /api, the built web app at /, sessions by cookie.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Actor } from '../app/actor.ts';
import { actorForSession } from '../app/auth.service.ts';
import type { Database } from '../db/database.ts';
import type { UserRow } from '../db/user.repository.ts';
import { handleError } from './problem.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { exportRoutes, importRoutes } from './routes/imports.routes.ts';
import { pupilRoutes } from './routes/pupils.routes.ts';
import { schoolRoutes } from './routes/schools.routes.ts';

export const SESSION_COOKIE = 'aanwezig_session';
const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
/** Largest accepted upload: a whole school's multi-year register export fits easily. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    actor: (Actor & { user: UserRow }) | null;
  }
}

export interface ServerOptions {
  db: Database;
  logger?: boolean;
  /** Today's civil date; injectable so tests and demos are reproducible. */
  today?: () => string;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: true });
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  app.decorateRequest('actor', null);
  app.setErrorHandler(handleError);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await actorForSession(options.db, token);
  });

  const context = { db: options.db, today };
  await app.register(
    async (api) => {
      await authRoutes(api, context);
      await schoolRoutes(api, context);
      await pupilRoutes(api, context);
      await importRoutes(api, context);
      await exportRoutes(api, context);
    },
    { prefix: '/api' },
  );

  if (existsSync(WEB_DIR)) {
    await app.register(fastifyStatic, { root: WEB_DIR, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !existsSync(`${WEB_DIR}index.html`)) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send({
          type: 'urn:aanwezig:problem:not-found',
          title: 'Not found',
          status: 404,
          detail: 'Niet gevonden.',
          messages: { nl: 'Niet gevonden.', en: 'Not found.' },
        });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}

export interface RouteContext {
  db: Database;
  today: () => string;
}
