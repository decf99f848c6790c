// The monitor's full refresh (`aanwezig monitor refresh`, issue 16): every aggregate of every school — day rows,
// pupil-year totals, dashboard cells and the thuiszitter figures — from ONE pass over the register in memory
// (WholeMonitorRefresh), written with COPY into emptied tables whose indexes are built afterwards. Only the signal
// cells come from a statement (a small grouping of the signal table). Narrow refreshes inside imports keep their
// SQL statements (monitor-refresh.ts); the full-refresh tests compare the two.
import type { Sql } from '../../db/database.ts';
import { codesAndSchoolHalfDays, scanRegisterSlots } from '../../db/monitor.repository.ts';
import {
  eachEnrolmentWithPupil,
  emptyMonitorForWholeRefresh,
  writeWholeMonitor,
} from '../../db/monitor-full-refresh.repository.ts';
import { shareThresholds } from '../../domain/monitor/definitions.ts';
import { WholeMonitorRefresh } from '../../domain/monitor/whole-refresh.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { thuiszitterNumbers } from './thuiszitter-refresh.ts';

/** Rebuilds every monitor aggregate in the caller's transaction. */
export async function refreshWholeMonitor(tx: Sql): Promise<void> {
  const phase = phaseTimer('monitor full refresh');
  await emptyMonitorForWholeRefresh(tx);
  const { codes, calendars } = await codesAndSchoolHalfDays(tx, null);
  const counts = new WholeMonitorRefresh(codes, calendars);
  await eachEnrolmentWithPupil(tx, (enrolment) => counts.addEnrolment(enrolment));
  phase('empty, codes, calendars, enrolments');
  await scanRegisterSlots(
    tx,
    null,
    codes.map((c) => c.code),
    (pupilId, schoolId, slot, code) => counts.add(pupilId, schoolId, slot, code),
  );
  phase('register scan and count');
  const numbers = {
    shareThresholds: shareThresholds().map((t) => t.halfDays),
    ...thuiszitterNumbers(),
  };
  await writeWholeMonitor(tx, {
    days: counts.dayRows(),
    pupilYears: counts.pupilYearRows(),
    cells: counts.cellRows(numbers.shareThresholds),
    homeTime: counts.homeTimeRows(),
    pupilCodes: counts.pupilCodeRows(),
    possibleDays: counts.possibleDayRows(),
    thuiszitterCells: counts.thuiszitterCellRows(numbers),
  });
  phase('write (all tables, indexes, statistics)');
}
