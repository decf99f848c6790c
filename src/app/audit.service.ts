// Use cases of the audit log: record who read or changed what, and let a beheerder search it.
import { type AuditEventInput, insertAuditEvents, searchAuditEvents } from '../db/audit.repository.ts';
import { auditRetentionDays, purgeExpiredAuditEvents, setAuditRetentionDays } from '../db/audit-purge.ts';
import { type Database, isConnectionLost, type Sql } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { invalidInput } from './errors.ts';
import { organisationsWhere, requireAccess } from './policy/policy.ts';

export interface AuditEntry {
  action: string;
  organisationId: number | null;
  pupilIds?: readonly number[];
  detail?: Record<string, unknown>;
}

/**
 * Appends one audit row for an action of the actor (in the caller's transaction when given one). Resolves once the
 * row is written — committed, outside a transaction — so a caller that answers after it never answers a read whose
 * row could still be lost (docs/decisions/0034-attention-list-per-request-cost.md).
 *
 * Rows of concurrent calls on the same connection handle are written together: while one INSERT is on its way,
 * the rows that arrive wait and go in the next, one statement (and one commit) for all of them. Nothing waits on a
 * timer: a lone call is written at once.
 */
export function recordAudit(db: Sql, actor: Actor, entry: AuditEntry): Promise<void> {
  const event: AuditEventInput = {
    userId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    organisationId: entry.organisationId,
    pupilIds: entry.pupilIds ?? [],
    origin: actor.origin ?? actor.kind,
    detail: entry.detail,
  };
  return new Promise((resolve, reject) => {
    let queue = auditQueues.get(db);
    if (!queue) {
      queue = { waiting: [], writing: false };
      auditQueues.set(db, queue);
    }
    queue.waiting.push({ event, resolve, reject });
    if (!queue.writing) void writeQueued(db, queue);
  });
}

interface Waiting {
  event: AuditEventInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows waiting for the INSERT in progress, per connection handle (the pool, or one transaction). */
const auditQueues = new WeakMap<Sql, { waiting: Waiting[]; writing: boolean }>();
/** Rows per statement at most (a burst is written in several). */
const AUDIT_BATCH = 500;

async function writeQueued(db: Sql, queue: { waiting: Waiting[]; writing: boolean }): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, AUDIT_BATCH);
      try {
        await insertAuditEvents(
          db,
          batch.map((w) => w.event),
        );
        for (const w of batch) w.resolve();
      } catch (error) {
        // One bad row must not fail the others: on anything but a lost connection each is tried on its own.
        if (batch.length === 1 || isConnectionLost(error)) for (const w of batch) w.reject(error);
        else
          for (const w of batch)
            await insertAuditEvents(db, [w.event]).then(
              () => w.resolve(),
              (e: unknown) => w.reject(e),
            );
      }
    }
  } finally {
    queue.writing = false;
  }
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
