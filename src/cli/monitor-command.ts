// `aanwezig monitor refresh`: rebuilds every monitor aggregate from the register (after a bulk load, or to
// repair); imports keep them current incrementally, so this is not needed in normal use.
import { refreshMonitorFully } from '../app/monitor/monitor-refresh.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export async function monitorCommand(what: string): Promise<void> {
  if (what !== 'refresh') {
    console.error(`Unknown monitor command "${what}": use refresh.`);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase();
  try {
    await migrate(db);
    const started = performance.now();
    const counts = await refreshMonitorFully(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Monitor refreshed in ${seconds} s: ${counts.days} day rows, ${counts.pupilYears} pupil-year rows, ${counts.cells} cells.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
