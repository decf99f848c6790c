// Claims of scheduled job runs: one row per job and day (migration 0015).
import type { Sql } from './database.ts';

/** True for the one caller whose claim of this job and day is new; false when another process has it. */
export async function claimScheduledRun(db: Sql, job: string, day: string): Promise<boolean> {
  const rows = await db.query(
    'INSERT INTO scheduled_run (job, day) VALUES ($1, $2) ON CONFLICT (job, day) DO NOTHING RETURNING job',
    [job, day],
  );
  return rows.length === 1;
}

export async function finishScheduledRun(
  db: Sql,
  job: string,
  day: string,
  outcome: 'done' | 'failed',
  summary: unknown,
): Promise<void> {
  await db.query(
    'UPDATE scheduled_run SET finished_at = now(), outcome = $3, summary = $4 WHERE job = $1 AND day = $2',
    [job, day, outcome, JSON.stringify(summary)],
  );
}
