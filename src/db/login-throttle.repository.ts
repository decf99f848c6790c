// Failed sign-ins per typed account name and client address, for the exponential back-off of auth.service.ts.
import type { Sql } from './database.ts';

/** Failures older than this no longer count; their rows are pruned. */
const FORGET_AFTER = "interval '1 day'";

/** Until when sign-ins for this account name from this address are refused, or null. */
export async function loginBlockedUntil(db: Sql, accountKey: string, clientAddress: string): Promise<Date | null> {
  const rows = await db.query<{ blockedUntil: Date | string }>(
    `SELECT blocked_until AS "blockedUntil" FROM login_throttle
     WHERE account_key = $1 AND client_address = $2 AND blocked_until > now()`,
    [accountKey, clientAddress],
  );
  const value = rows[0]?.blockedUntil;
  return value ? new Date(value) : null;
}

/** Counts one failure and, from `backoffSeconds(failures)` > 0 on, blocks further attempts that long. */
export async function recordLoginFailure(
  db: Sql,
  accountKey: string,
  clientAddress: string,
  backoffSeconds: (failures: number) => number,
): Promise<{ failures: number; blockedUntil: Date | null }> {
  await db.query(`DELETE FROM login_throttle WHERE last_failure_at < now() - ${FORGET_AFTER}`);
  const counted = await db.query<{ failures: number }>(
    `INSERT INTO login_throttle (account_key, client_address, failures) VALUES ($1, $2, 1)
     ON CONFLICT (account_key, client_address)
     DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = now()
     RETURNING failures`,
    [accountKey, clientAddress],
  );
  const failures = counted[0]?.failures ?? 1;
  const seconds = backoffSeconds(failures);
  if (seconds <= 0) return { failures, blockedUntil: null };
  const blocked = await db.query<{ blockedUntil: Date | string }>(
    `UPDATE login_throttle SET blocked_until = now() + make_interval(secs => $3)
     WHERE account_key = $1 AND client_address = $2 RETURNING blocked_until AS "blockedUntil"`,
    [accountKey, clientAddress, seconds],
  );
  const until = blocked[0]?.blockedUntil;
  return { failures, blockedUntil: until ? new Date(until) : null };
}

/** A successful sign-in from an address forgets that address's failures for the account. */
export async function clearLoginFailures(db: Sql, accountKey: string, clientAddress: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE account_key = $1 AND client_address = $2', [
    accountKey,
    clientAddress,
  ]);
}

/** A password reset by the beheerder forgets every address's failures for the account. */
export async function clearLoginFailuresOfAccount(db: Sql, accountKey: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE account_key = $1', [accountKey]);
}
