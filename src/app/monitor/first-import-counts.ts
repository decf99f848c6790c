// The monitor after a school's first register import (issue 16): the day rows, pupil-year totals and the thuiszitter
// figures' per-pupil rows counted in one pass over the rows the import holds in memory (they are the school's
// whole register) by the full refresh's counter (WholeMonitorRefresh: one TypeScript definition of the figures),
// written with COPY. Narrower refreshes keep the SQL of monitor.repository.ts and thuiszitter.repository.ts;
// src/app/monitor/monitor.int.test.ts and first-import-counts.int.test.ts compare both.
import type { Sql } from '../../db/database.ts';
import { monitorAggregateInputs, type RefreshScope, writeDaysAndPupilYears } from '../../db/monitor.repository.ts';
import { writeHomeTimeRows } from '../../db/thuiszitter-rows.repository.ts';
import { WholeMonitorRefresh } from '../../domain/monitor/whole-refresh.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';

/**
 * Counts a school's day rows, pupil-year totals and thuiszitter per-pupil rows from its whole register held in
 * memory, and writes them for the scope's school years.
 */
export async function countFirstImport(tx: Sql, scope: RefreshScope, register: RegisterColumns): Promise<void> {
  const schoolId = scope.schoolId;
  if (schoolId === null || scope.schoolYears === null) throw new Error('counting in memory needs one school');
  const inputs = await monitorAggregateInputs(tx, schoolId);
  const counts = new WholeMonitorRefresh(inputs.codes, inputs.calendars);
  for (const enrolment of inputs.enrolments) counts.addEnrolment(enrolment);
  // Per code index of the columns: the index of its code among the database's codes (-1: unknown).
  const codeIndex = Int32Array.from(COLUMN_CODES, (code) => inputs.codes.findIndex((c) => c.code === code));
  for (let i = 0; i < register.length; i++)
    counts.add(
      register.pupil[i] as number,
      schoolId,
      register.slot[i] as number,
      codeIndex[register.code[i] as number] as number,
    );
  await writeDaysAndPupilYears(tx, scope, counts.dayRows(), counts.pupilYearRows());
  await writeHomeTimeRows(
    tx,
    { schoolId, schoolYears: scope.schoolYears },
    { homeTime: counts.homeTimeRows(), pupilCodes: counts.pupilCodeRows() },
  );
}
