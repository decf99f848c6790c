// The audit log: append and search only. Rows are never updated or deleted by the application (migration 0003
// refuses both); the retention purge is a separate maintenance path (audit-purge.ts).
import type { Sql } from './database.ts';
import { prepared } from './prepared.ts';

export interface AuditEventInput {
  userId: number | null;
  actorLabel: string;
  action: string;
  organisationId: number | null;
  pupilIds: readonly number[];
  origin: string;
  detail?: Record<string, unknown>;
}

export interface AuditEventRow {
  id: number;
  at: string;
  userId: number | null;
  actorLabel: string;
  action: string;
  organisationId: number | null;
  organisationName: string | null;
  pupilIds: number[];
  origin: string;
  detail: Record<string, unknown>;
}

const INSERT_EVENTS = prepared(
  `INSERT INTO audit_event (user_id, actor_label, action, organisation_id, pupil_ids, origin, detail)
   SELECT e.user_id, e.actor_label, e.action, e.organisation_id,
          ARRAY(SELECT jsonb_array_elements_text(e.pupil_ids)::bigint), e.origin, e.detail
   FROM jsonb_to_recordset($1::jsonb)
        AS e(user_id bigint, actor_label text, action text, organisation_id bigint, pupil_ids jsonb, origin text,
             detail jsonb)`,
);

/**
 * Appends audit rows in one statement, in the given order (one commit outside a transaction: see
 * audit.service.ts, which gathers the rows of concurrent requests).
 */
export async function insertAuditEvents(db: Sql, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(INSERT_EVENTS, [
    JSON.stringify(
      events.map((event) => ({
        user_id: event.userId,
        actor_label: event.actorLabel,
        action: event.action,
        organisation_id: event.organisationId,
        pupil_ids: event.pupilIds,
        origin: event.origin,
        detail: event.detail ?? {},
      })),
    ),
  ]);
}

export interface AuditSearch {
  /** Limit to these organisations; 'all' for the system. */
  organisationIds: number[] | 'all';
  pupilId?: number;
  userId?: number;
  action?: string;
  from?: string;
  until?: string;
  limit: number;
  offset: number;
}

export async function searchAuditEvents(db: Sql, q: AuditSearch): Promise<{ total: number; items: AuditEventRow[] }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown, sql: (p: string) => string) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.organisationIds !== 'all') add(q.organisationIds, (p) => `a.organisation_id = ANY(${p}::bigint[])`);
  if (q.pupilId !== undefined) add(q.pupilId, (p) => `${p}::bigint = ANY(a.pupil_ids)`);
  if (q.userId !== undefined) add(q.userId, (p) => `a.user_id = ${p}`);
  if (q.action) add(q.action, (p) => `a.action = ${p}`);
  if (q.from) add(q.from, (p) => `a.at >= ${p}::date`);
  if (q.until) add(q.until, (p) => `a.at < ${p}::date + 1`);
  params.push(q.limit, q.offset);
  const rows = await db.query<AuditEventRow & { total: number }>(
    `SELECT a.id::int AS id, a.at, a.user_id::int AS "userId", a.actor_label AS "actorLabel", a.action,
            a.organisation_id::int AS "organisationId", o.name AS "organisationName",
            a.pupil_ids::int[] AS "pupilIds", a.origin, a.detail, count(*) OVER ()::int AS total
     FROM audit_event a LEFT JOIN organisation o ON o.id = a.organisation_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.at DESC, a.id DESC
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...row }) => row) };
}

export interface GrantEventRow {
  id: number;
  at: string;
  actorLabel: string;
  action: 'user.invite' | 'user.assign-role' | 'user.remove-role' | 'access.refused';
  organisationId: number | null;
  organisationName: string | null;
  userId: number | null;
  userEmail: string | null;
  role: string | null;
  problem: string | null;
}

/** Role grants, removals, invitations and refused self-grants in the given organisations, newest first. */
export async function grantEvents(
  db: Sql,
  q: { organisationIds: number[] | 'all'; userId?: number; limit: number },
): Promise<GrantEventRow[]> {
  return db.query<GrantEventRow>(
    `SELECT a.id::int AS id, a.at, a.actor_label AS "actorLabel", a.action,
            a.organisation_id::int AS "organisationId", o.name AS "organisationName",
            u.id::int AS "userId", u.email AS "userEmail", a.detail->>'role' AS role, a.detail->>'problem' AS problem
     FROM audit_event a
     LEFT JOIN organisation o ON o.id = a.organisation_id
     LEFT JOIN app_user u ON u.id = CASE WHEN a.action = 'access.refused' THEN a.user_id
                                         WHEN a.detail->>'userId' ~ '^[0-9]{1,18}$' THEN (a.detail->>'userId')::bigint END
     WHERE (a.action IN ('user.invite', 'user.assign-role', 'user.remove-role')
            OR (a.action = 'access.refused' AND a.detail->>'problem' = 'self-grant'))
       AND ($1::bigint[] IS NULL OR a.organisation_id = ANY($1::bigint[]))
       AND ($2::bigint IS NULL OR u.id = $2::bigint)
     ORDER BY a.at DESC, a.id DESC
     LIMIT $3`,
    [q.organisationIds === 'all' ? null : q.organisationIds, q.userId ?? null, q.limit],
  );
}
