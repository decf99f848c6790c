// Probes for a process supervisor or load balancer, without a session: /healthz says the process answers,
// /readyz that it can serve (database reachable, every migration of this version applied).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';

export function healthRoutes(app: FastifyInstance, db: Database): void {
  // Probes run every few seconds: only their failures are worth a log line.
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    let pending: string[];
    try {
      pending = await pendingMigrations(db);
    } catch (error) {
      request.log.error({ err: error }, 'readiness: database unreachable');
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
    if (pending.length > 0) return reply.status(503).send({ status: 'unavailable', database: 'ok', pending });
    return { status: 'ready', database: 'ok', engine: db.engine };
  });
}
