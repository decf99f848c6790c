// Writes one audit row per refused (403) API request, under each organisation of the refused user, so that
// the organisation's beheerder sees probing and misconfigured roles; an anonymous refusal is a system-level row.
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../app/audit.service.ts';
import type { Database } from '../db/database.ts';

/**
 * The problem type of a problem+json body ("urn:aanwezig:problem:forbidden" → "forbidden") and, for a refused
 * self-grant, the role that was asked for (so the grant history can show it).
 */
function problemOf(payload: unknown): { problem: string; role?: string } {
  if (typeof payload !== 'string') return { problem: 'unknown' };
  try {
    const body = JSON.parse(payload) as { type?: unknown; role?: unknown };
    const problem = typeof body.type === 'string' ? body.type.replace('urn:aanwezig:problem:', '') : 'unknown';
    return typeof body.role === 'string' ? { problem, role: body.role.slice(0, 40) } : { problem };
  } catch {
    return { problem: 'unknown' };
  }
}

export async function auditRefusal(db: Database, request: FastifyRequest, payload: unknown): Promise<void> {
  const actor = request.actor;
  const detail = {
    method: request.method,
    route: request.routeOptions.url ?? null,
    url: request.url.slice(0, 500),
    ...problemOf(payload),
    clientAddress: request.ip,
  };
  const organisations = actor ? [...new Set(actor.memberships.map((m) => m.organisationId))] : [];
  const who = actor ?? { kind: 'user' as const, userId: null, label: 'anonymous', memberships: [] };
  try {
    for (const organisationId of organisations.length > 0 ? organisations : [null]) {
      await recordAudit(
        db,
        { ...who, origin: `${request.method} ${request.routeOptions.url ?? request.url}` },
        { action: 'access.refused', organisationId, detail },
      );
    }
  } catch (error) {
    // The refusal itself stands; a failing audit write must not turn it into a 500.
    request.log.error(error, 'could not audit a refused request');
  }
}
