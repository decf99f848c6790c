// `aanwezig signals refresh [--as-of DATE]`: the daily job by hand (signals of every school as of the date,
// reminders falling due, audit purge); it does not claim the day, so the schedule still runs.
import { runDailyJob } from '../app/daily-job.ts';
import { localDateTime } from '../app/daily-schedule.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export async function refreshCommand(options: { asOf?: string }): Promise<void> {
  const config = loadConfig();
  if (options.asOf !== undefined && !isCivilDate(options.asOf)) {
    console.error(`"${options.asOf}" is not a date (YYYY-MM-DD).`);
    process.exitCode = 2;
    return;
  }
  const today = options.asOf ?? localDateTime(new Date(), config.timeZone).date;
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const result = await runDailyJob(db, today);
    for (const s of result.schools) {
      console.log(
        `school ${s.schoolId}: ${s.evaluatedPupils} pupils evaluated, ${s.written} signal(s) written, ${s.cleared} cleared`,
      );
    }
    console.log(
      `Signals refreshed as of ${today} for ${result.schools.length} school(s); ${result.remindersFallingDue} reminder(s) fall due today; ${result.auditRowsPurged} audit row(s) purged.`,
    );
  } finally {
    await db.close();
  }
}

function isCivilDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}
