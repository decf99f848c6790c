// The daily job: what changes with the date alone, without an import. Signals that depend on time
// (EXCLUDED_NO_SCHOOL on the 10th school day, the K5 projections, "still to go" counts) are recomputed for every
// pupil of every school as of `today`, the reminders that fall due are counted per school, and audit rows past
// the retention period are purged; then, when e-mail is configured, the staff digests are sent. Run by the schedule in `aanwezig serve` and by `aanwezig signals refresh`.

import { purgeExpiredAuditEvents } from '../db/audit-purge.ts';
import type { Database } from '../db/database.ts';
import { pupilIdsOfSchool } from '../db/pupil.repository.ts';
import { dueReminders } from '../db/reminder.repository.ts';
import { allSchoolIds } from '../db/school.repository.ts';
import { REMINDER_LEAD_DAYS, reminderDate } from '../domain/pupil-file/reminders.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import { refreshMonitorAfterImport } from './monitor/monitor-refresh.ts';
import { type DigestRunOptions, type DigestRunResult, sendDigests } from './notifications/digest.service.ts';
import { recomputeSignals } from './signals/recompute-signals.ts';

export interface SchoolRefresh {
  schoolId: number;
  evaluatedPupils: number;
  written: number;
  cleared: number;
}

export interface DailyJobResult {
  today: string;
  schools: SchoolRefresh[];
  /** Open agreements whose reminder date is today (they appear in the reminders list from today on). */
  remindersFallingDue: number;
  auditRowsPurged: number;
  /** The staff e-mail digests (issue 19); null when e-mail is not configured. */
  digests: DigestRunResult | null;
}

/** Recomputes every school's signals as of `today`, one transaction per school (a failure leaves the others). */
export async function refreshSignalsOfAllSchools(db: Database, today: string): Promise<SchoolRefresh[]> {
  const results: SchoolRefresh[] = [];
  for (const schoolId of await allSchoolIds(db)) {
    results.push(
      await db.transaction(async (tx) => {
        const pupilIds = await pupilIdsOfSchool(tx, schoolId);
        const result = await recomputeSignals(tx, schoolId, pupilIds, today);
        // The monitor counts signals too: refresh the school's aggregates when a signal came or went.
        if (result.written + result.cleared > 0) await refreshMonitorAfterImport(tx, schoolId, 'pupils', pupilIds);
        return { schoolId, ...result };
      }),
    );
  }
  return results;
}

export async function runDailyJob(
  db: Database,
  today: string,
  options: { digests?: DigestRunOptions } = {},
): Promise<DailyJobResult> {
  const schools = await refreshSignalsOfAllSchools(db, today);
  const open = await dueReminders(
    db,
    schools.map((s) => s.schoolId),
    today,
    schoolYearOf(today).id,
    REMINDER_LEAD_DAYS,
    null,
  );
  const remindersFallingDue = open.filter((r) => reminderDate(r.dueOn, r.remindOn) === today).length;
  const auditRowsPurged = await purgeExpiredAuditEvents(db);
  // After the signals are fresh: the digests list today's new legal signals. Failures are logged per recipient.
  const digests = options.digests ? await sendDigests(db, today, options.digests) : null;
  return { today, schools, remindersFallingDue, auditRowsPurged, digests };
}
