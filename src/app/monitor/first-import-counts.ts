// The monitor after a school's first register import (issue 16): the day rows, pupil-year totals and the thuiszitter
// figures' per-pupil rows counted in one pass over the rows the import holds in memory (they are the school's
// whole register), written with COPY. Narrower refreshes keep the SQL of monitor.repository.ts and
// thuiszitter.repository.ts; src/app/monitor/monitor.int.test.ts and first-import-counts.int.test.ts compare both.
import type { Sql } from '../../db/database.ts';
import { monitorAggregateInputs, type RefreshScope, writeDaysAndPupilYears } from '../../db/monitor.repository.ts';
import { writeHomeTimeRows } from '../../db/thuiszitter-rows.repository.ts';
import { MonitorAggregates } from '../../domain/monitor/aggregates.ts';
import { HomeTimeCounts } from '../../domain/monitor/home-time-counts.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';

/** The code of a preventive suspension, counted in runs of its own (as refreshPupilRows's `code = 'Y'`). */
const SUSPENSION_CODE = 'Y';

/**
 * Counts a school's day rows, pupil-year totals and thuiszitter per-pupil rows from its whole register held in
 * memory, and writes them for the scope's school years.
 */
export async function countFirstImport(tx: Sql, scope: RefreshScope, register: RegisterColumns): Promise<void> {
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
  // Per code index of the columns: its official code's index and its text.
  const official = Int32Array.from(COLUMN_CODES, (code) => counts.official(code));
  for (let i = 0; i < register.length; i++) {
    const pupilId = register.pupil[i] as number;
    const slot = register.slot[i] as number;
    const code = register.code[i] as number;
    counts.add(pupilId, schoolId, slot, official[code] as number);
    home.add(pupilId, slot, COLUMN_CODES[code] as string);
  }
  await writeDaysAndPupilYears(tx, scope, counts.dayRows(), counts.pupilYearRows());
  await writeHomeTimeRows(tx, { schoolId, schoolYears: scope.schoolYears }, home.rows());
}
