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
  exportRegisterSnapshot,
  useSnapshot,
  writeWholeMonitor,
} from '../../db/monitor-full-refresh.repository.ts';
import { shareThresholds } from '../../domain/monitor/definitions.ts';
import { WholeMonitorRefresh } from '../../domain/monitor/whole-refresh.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { thuiszitterNumbers } from './thuiszitter-refresh.ts';

/**
 * Rebuilds every monitor aggregate in the caller's transaction. `helpers` runs work in other transactions of the
 * same database (PostgreSQL: other connections) that read the register alongside; without, one scan in `tx`.
 */
export async function refreshWholeMonitor(
  tx: Sql,
  helpers?: (work: (helper: Sql) => Promise<void>) => Promise<void>,
): Promise<void> {
  const phase = phaseTimer('monitor full refresh');
  await emptyMonitorForWholeRefresh(tx);
  const { codes, calendars } = await codesAndSchoolHalfDays(tx, null);
  const counts = new WholeMonitorRefresh(codes, calendars);
  await eachEnrolmentWithPupil(tx, (enrolment) => counts.addEnrolment(enrolment));
  phase('empty, codes, calendars, enrolments');
  const add = (pupilId: number, schoolId: number, slot: number, code: number) =>
    counts.add(pupilId, schoolId, slot, code);
  const codeTexts = codes.map((c) => c.code);
  if (helpers) {
    // Two server processes read the register's halves while Node counts (the database's side of the scan is
    // the larger one); both read the snapshot this transaction exported, so they see one register.
    const { snapshot, blocks } = await exportRegisterSnapshot(tx);
    const half = Math.ceil(blocks / 2);
    const part = (from: number, to: number | null) =>
      helpers(async (helper) => {
        await useSnapshot(helper, snapshot);
        await scanRegisterSlots(helper, null, codeTexts, add, { from, to });
      });
    await Promise.all([part(0, half), part(half, null)]);
  } else await scanRegisterSlots(tx, null, codeTexts, add);
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
