// Use cases of the audit log: record who read or changed what, and let a beheerder search it.
import { insertAuditEvent, searchAuditEvents } from '../db/audit.repository.ts';
import { auditRetentionDays, purgeExpiredAuditEvents, setAuditRetentionDays } from '../db/audit-purge.ts';
import type { Database, Sql } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { invalidInput } from './errors.ts';
import { organisationsWhere, requireAccess } from './policy/policy.ts';

export interface AuditEntry {
  action: string;
  organisationId: number | null;
  pupilIds?: readonly number[];
  detail?: Record<string, unknown>;
}

/** Appends one audit row for an action of the actor (in the caller's transaction when given one). */
export async function recordAudit(db: Sql, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    userId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    organisationId: entry.organisationId,
    pupilIds: entry.pupilIds ?? [],
    origin: actor.origin ?? actor.kind,
    detail: entry.detail,
  });
}

export interface AuditQuery {
  organisationId?: number;
  pupilId?: number;
  userId?: number;
  action?: string;
  from?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Searches the audit of the organisations where the actor is beheerder (or one of them). */
export async function searchAudit(db: Sql, actor: Actor, query: AuditQuery) {
  if (query.organisationId !== undefined) requireAccess(actor, 'audit.read', { organisationId: query.organisationId });
  else requireAccess(actor, 'audit.read', anyOrganisationOf(actor));
  for (const date of [query.from, query.until])
    if (date !== undefined && !DATE.test(date))
      throw invalidInput({ nl: 'Datum als JJJJ-MM-DD.', en: 'Dates as YYYY-MM-DD.' });
  const organisationIds =
    query.organisationId !== undefined ? [query.organisationId] : organisationsWhere(actor, 'audit.read');
  const result = await searchAuditEvents(db, {
    organisationIds,
    pupilId: query.pupilId,
    userId: query.userId,
    action: query.action,
    from: query.from,
    until: query.until,
    limit: Math.min(Math.max(query.limit ?? 50, 1), 500),
    offset: Math.max(query.offset ?? 0, 0),
  });
  await recordAudit(db, actor, {
    action: 'audit.read',
    organisationId: query.organisationId ?? null,
    detail: { filter: { ...query } },
  });
  return result;
}

/** Some organisation where the actor holds audit.read, so the check passes for "search all of mine". */
function anyOrganisationOf(actor: Actor) {
  const where = organisationsWhere(actor, 'audit.read');
  return { organisationId: where === 'all' ? 0 : (where[0] ?? -1) };
}

/**
 * The privileged purge of the audit log (`aanwezig audit purge`, the daily job): optionally sets a new retention
 * period first, then deletes the rows older than it. Returns the period and how many rows went.
 */
export async function purgeAuditLog(db: Database, retentionDays?: number): Promise<{ days: number; purged: number }> {
  if (retentionDays !== undefined) await setAuditRetentionDays(db, retentionDays);
  const days = await auditRetentionDays(db);
  return { days, purged: await purgeExpiredAuditEvents(db) };
}
