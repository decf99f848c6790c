// The Fastify application: API routes under /api, the built web app at /, sessions by cookie.

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { actorForSession, type SessionActor } from '../app/auth.service.ts';
import { type OidcSettings, oidcSettingsFromEnv } from '../app/oidc.service.ts';
import type { Database } from '../db/database.ts';
import { todayIso } from '../domain/civil-date.ts';
import { checkCsrf } from './csrf.ts';
import { healthRoutes } from './health.ts';
import { openApiRoutes, registerOpenApi } from './openapi.ts';
import { handleError } from './problem.ts';
import { auditRefusal } from './refusal-audit.ts';
import { collectRoutes, gate, type RouteEntry } from './route-access.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { careMeetingRoutes } from './routes/care-meetings.routes.ts';
import { clbInboxRoutes } from './routes/clb-inbox.routes.ts';
import { exclusionSupportRoutes } from './routes/exclusion-support.routes.ts';
import { fileDocumentRoutes } from './routes/file-documents.routes.ts';
import { fileTransferRoutes } from './routes/file-transfer.routes.ts';
import { exportRoutes, importRoutes } from './routes/imports.routes.ts';
import { lopRoutes } from './routes/lop.routes.ts';
import { medicalRoutes } from './routes/medical.routes.ts';
import { monitorRoutes } from './routes/monitor.routes.ts';
import { monitorReportRoutes } from './routes/monitor-report.routes.ts';
import { noteRoutes } from './routes/notes.routes.ts';
import { notificationRoutes } from './routes/notifications.routes.ts';
import { oidcRoutes } from './routes/oidc.routes.ts';
import { partialSchoolingRoutes } from './routes/partial-schooling.routes.ts';
import { phase2Routes } from './routes/phase2.routes.ts';
import { pupilFileRoutes } from './routes/pupil-file.routes.ts';
import { pupilRoutes } from './routes/pupils.routes.ts';
import { reminderRoutes } from './routes/reminders.routes.ts';
import { restartRoutes } from './routes/restart.routes.ts';
import { schoolRoutes } from './routes/schools.routes.ts';
import { selfscanRoutes } from './routes/selfscan.routes.ts';
import { sickPupilRoutes } from './routes/sick-pupil.routes.ts';
import { signalRoutes } from './routes/signals.routes.ts';
import { strictSerializerCompiler } from './strict-responses.ts';

export const SESSION_COOKIE = 'aanwezig_session';
const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));
/** Largest accepted upload: a whole school's multi-year register export fits easily. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** JSON bodies are small forms; uploads go through multipart with their own limit. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access (see route-access.ts). */
    routeTable: RouteEntry[];
  }
}

export interface ServerOptions {
  db: Database;
  /** A pino logger (see logger.ts; `aanwezig serve` passes one), or false/absent for none (tests). */
  logger?: boolean | Logger;
  /** Today's civil date; injectable so tests and demos are reproducible. */
  today?: () => string;
  /** Sign-in attempts per client address and window (the per-account back-off is separate). */
  loginRateLimit?: { max: number; timeWindow: string | number };
  /** Single sign-on; default from the AANWEZIG_OIDC_* environment variables (off when unset). */
  oidc?: OidcSettings | null;
  /**
   * Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed. Default none: the client
   * address is the socket's, so a forged header cannot dodge the per-address limits.
   */
  trustedProxies?: readonly string[];
  /**
   * Fail (500) an answer whose response schema would leave out a member the handler returned, other than the
   * members that are internal by design (INTERNAL_MEMBERS). Default from AANWEZIG_STRICT_RESPONSES=1, which the
   * test configurations set: every integration and end-to-end test then checks that no schema drops data.
   */
  strictResponses?: boolean;
}

/** A well-formed X-Request-Id from a proxy is kept (one id across the hops); anything else gets a new UUID. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === 'object'
      ? { loggerInstance: options.logger as FastifyBaseLogger }
      : { logger: options.logger ?? false }),
    bodyLimit: MAX_JSON_BODY_BYTES,
    // Default none: the client address is the socket's, so a forged header cannot dodge the per-address limits.
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: requestId,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const today = options.today ?? (() => todayIso());
  app.decorate('routeTable', collectRoutes(app));
  healthRoutes(app, options.db);
  app.decorateRequest('actor', null);
  app.setErrorHandler(handleError);
  // Routes declare zod schemas: requests are validated and responses serialised through them (src/http/schemas.ts).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    (options.strictResponses ?? process.env.AANWEZIG_STRICT_RESPONSES === '1')
      ? strictSerializerCompiler
      : serializerCompiler,
  );
  await registerOpenApi(app);
  await app.register(cookie);
  await app.register(helmet, {
    // The web app is a Vite build: external scripts and stylesheets only, no inline code.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await actorForSession(options.db, token);
    if (request.actor) request.actor.origin = `${request.method} ${request.routeOptions.url ?? request.url}`;
    checkCsrf(request, request.actor ? token : undefined);
    gate(request);
  });
  // Every refused request leaves a trace the organisation's beheerder can read (docs/security.md, item 10).
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 403 && request.url.startsWith('/api/')) await auditRefusal(options.db, request, payload);
    return payload;
  });

  const context = {
    db: options.db,
    today,
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: '1 minute' },
    oidc: options.oidc === undefined ? oidcSettingsFromEnv() : options.oidc,
  };
  await app.register(
    async (instance) => {
      const api = instance.withTypeProvider<ZodTypeProvider>();
      await authRoutes(api, context);
      await oidcRoutes(api, context);
      await schoolRoutes(api, context);
      await pupilRoutes(api, context);
      await importRoutes(api, context);
      await exportRoutes(api, context);
      await signalRoutes(api, context);
      await selfscanRoutes(api, context);
      await noteRoutes(api, context);
      await pupilFileRoutes(api, context);
      await fileDocumentRoutes(api, context);
      await reminderRoutes(api, context);
      await adminRoutes(api, context);
      await notificationRoutes(api, context);
      await careMeetingRoutes(api, context);
      await monitorRoutes(api, context);
      await phase2Routes(api, context);
      await partialSchoolingRoutes(api, context);
      await monitorReportRoutes(api, context);
      await exclusionSupportRoutes(api, context);
      await clbInboxRoutes(api, context);
      await medicalRoutes(api, context);
      await sickPupilRoutes(api, context);
      await restartRoutes(api, context);
      await fileTransferRoutes(api, context);
      await lopRoutes(api, context);
      await openApiRoutes(api);
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
  loginRateLimit: { max: number; timeWindow: string | number };
  oidc: OidcSettings | null;
}
