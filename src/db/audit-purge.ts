// The privileged maintenance path of the audit log: deletes rows older than the retention period. Only the
// `aanwezig audit purge` command calls this; the trigger of migration 0003 refuses any other delete, and this
// one too for rows younger than the retention period.
import type { Database } from './database.ts';

export async function auditRetentionDays(db: Database): Promise<number> {
  const rows = await db.query<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'audit.retention_days'`);
  return Number(rows[0]?.value ?? 730);
}

export async function setAuditRetentionDays(db: Database, days: number): Promise<void> {
  if (!Number.isSafeInteger(days) || days < 30) throw new Error('The audit retention period is at least 30 days.');
  await db.query(
    `INSERT INTO app_setting (key, value) VALUES ('audit.retention_days', $1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [String(days)],
  );
}

/** Deletes audit rows older than the retention period, in one transaction; returns how many. */
export async function purgeExpiredAuditEvents(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL aanwezig.audit_purge = 'on'`);
    const rows = await tx.query<{ n: number }>(
      `WITH purged AS (
         DELETE FROM audit_event
         WHERE at < now() - make_interval(days => (SELECT value::int FROM app_setting WHERE key = 'audit.retention_days'))
         RETURNING 1
       ) SELECT count(*)::int AS n FROM purged`,
    );
    return rows[0]?.n ?? 0;
  });
}
