// `aanwezig audit purge [--retention-days N]`: the privileged maintenance path that deletes audit rows older
// than the retention period (run it from cron or a scheduled job; the web app has no way to delete audit rows).
import { purgeAuditLog } from '../app/audit.service.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export async function auditCommand(what: string, options: { retentionDays?: string }): Promise<void> {
  if (what !== 'purge') {
    console.error(`Unknown audit command "${what}": use purge.`);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase();
  try {
    await migrate(db);
    const retentionDays = options.retentionDays === undefined ? undefined : Number(options.retentionDays);
    const { days, purged } = await purgeAuditLog(db, retentionDays);
    console.log(`Audit retention ${days} days: ${purged} older row(s) deleted.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
