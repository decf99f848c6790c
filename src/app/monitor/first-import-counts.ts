// The monitor after a school's first register import (issue 16): the day rows, pupil-year totals and the thuiszitter
// figures' per-pupil rows counted in one pass over the rows the import holds in memory (they are the school's
// whole register), written with COPY. Narrower refreshes keep the SQL of monitor.repository.ts and
// thuiszitter.repository.ts; src/app/monitor/monitor.int.test.ts and first-import-counts.int.test.ts compare both.
import type { Sql } from '../../db/database.ts';
import { monitorAggregateInputs, type RefreshScope, writeDaysAndPupilYears } from '../../db/monitor.repository.ts';
import { writeHomeTimeRows } from '../../db/thuiszitter-rows.repository.ts';
import { dayNumber } from '../../domain/civil-date.ts';
import { MonitorAggregates } from '../../domain/monitor/aggregates.ts';
import { HomeTimeCounts } from '../../domain/monitor/home-time-counts.ts';
import type { RegisterRecord } from '../../domain/rules/index.ts';

/** The code of a preventive suspension, counted in runs of its own (as refreshPupilRows's `code = 'Y'`). */
const SUSPENSION_CODE = 'Y';

/**
 * Counts a school's day rows, pupil-year totals and thuiszitter per-pupil rows from its whole register held in
 * memory, and writes them for the scope's school years.
 */
export async function countFirstImport(
  tx: Sql,
  scope: RefreshScope,
  register: readonly RegisterRecord[],
): Promise<void> {
  const schoolId = scope.schoolId;
  if (schoolId === null || scope.schoolYears === null) throw new Error('counting in memory needs one school');
  const inputs = await monitorAggregateInputs(tx, schoolId);
  const counts = new MonitorAggregates(inputs.codes, inputs.enrolments, inputs.calendars);
  const schoolSlots = inputs.calendars.find((c) => c.schoolId === schoolId)?.slots ?? [];
  const home = new HomeTimeCounts(
    schoolId,
    inputs.codes,
    inputs.enrolments,
    schoolSlots,
    SUSPENSION_CODE,
    register.length,
  );
  const days = new Map<string, number>();
  const official = new Map<string, number>();
  for (const r of register) {
    let day = days.get(r.date);
    if (day === undefined) {
      day = dayNumber(r.date);
      days.set(r.date, day);
    }
    let code = official.get(r.code);
    if (code === undefined) {
      code = counts.official(r.code);
      official.set(r.code, code);
    }
    const pupilId = Number(r.pupilId);
    const slot = day * 2 + (r.half === 'PM' ? 1 : 0);
    counts.add(pupilId, schoolId, slot, code);
    home.add(pupilId, slot, r.code);
  }
  await writeDaysAndPupilYears(tx, scope, counts.dayRows(), counts.pupilYearRows());
  await writeHomeTimeRows(tx, { schoolId, schoolYears: scope.schoolYears }, home.rows());
}
