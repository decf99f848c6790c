// The privileged maintenance path of the audit log: deletes rows older than the retention period. Only the
// `aanwezig audit purge` command calls this, and only through the database function audit_purge_expired
// (migration 0013): its trigger refuses any other delete, and any row younger than the retention floor.
import type { Database } from './database.ts';

/** The retention period can never be set below this (the database enforces the same floor). */
export const AUDIT_RETENTION_FLOOR_DAYS = 365;

export async function auditRetentionDays(db: Database): Promise<number> {
  const rows = await db.query<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'audit.retention_days'`);
  return Number(rows[0]?.value ?? 730);
}

export async function setAuditRetentionDays(db: Database, days: number): Promise<void> {
  if (!Number.isSafeInteger(days) || days < AUDIT_RETENTION_FLOOR_DAYS || days > 999_999) {
    throw new Error(`The audit retention period is at least ${AUDIT_RETENTION_FLOOR_DAYS} days.`);
  }
  await db.query(
    `INSERT INTO app_setting (key, value) VALUES ('audit.retention_days', $1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [String(days)],
  );
}

/** Deletes audit rows older than the retention period and audits the purge itself; returns how many. */
export async function purgeExpiredAuditEvents(db: Database, purgedBy = 'aanwezig audit purge'): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT audit_purge_expired($1) AS n', [purgedBy]);
  return rows[0]?.n ?? 0;
}
