// Writes the thuiszitter figures' per-pupil rows (monitor_home_time, monitor_pupil_code) counted in memory
// (domain/monitor/whole-refresh.ts) for one school's school years, with COPY: a school's first register import.
import type { HomeTimeRow, PupilCodeRow } from '../domain/monitor/whole-refresh.ts';
import { bulkLoadOf, type PendingIndexBuilds } from './bulk-load.ts';
import type { Sql } from './database.ts';
import { copyRowsInto, HOME_TIME_ROWS, PUPIL_CODE_ROWS, type RowsToCopy } from './monitor-copy-rows.ts';

const SCHOOL_YEAR = /^\d{4}-\d{4}$/;

/** Replaces the per-pupil rows of a school's school years with the given rows (others are left out). */
export async function writeHomeTimeRows(
  tx: Sql,
  scope: { schoolId: number; schoolYears: readonly string[] },
  rows: { homeTime: RowsToCopy<HomeTimeRow>; pupilCodes: RowsToCopy<PupilCodeRow> },
  pendingIndexes?: PendingIndexBuilds,
): Promise<void> {
  if (!Number.isSafeInteger(scope.schoolId)) throw new Error(`invalid school id ${scope.schoolId}`);
  for (const year of scope.schoolYears) if (!SCHOOL_YEAR.test(year)) throw new Error(`invalid school year ${year}`);
  if (scope.schoolYears.length === 0) return;
  const years = new Set(scope.schoolYears);
  const own = `school_id = ${scope.schoolId} AND school_year IN ('${scope.schoolYears.join("', '")}')`;
  await tx.exec(`DELETE FROM monitor_home_time WHERE ${own}; DELETE FROM monitor_pupil_code WHERE ${own}`);
  const inScope = (row: { schoolId: number; schoolYear: string }) =>
    row.schoolId === scope.schoolId && years.has(row.schoolYear);
  await copyRowsInto(
    tx,
    HOME_TIME_ROWS,
    await bulkLoadOf(tx, 'monitor_home_time', rows.homeTime, pendingIndexes),
    inScope,
  );
  await copyRowsInto(
    tx,
    PUPIL_CODE_ROWS,
    await bulkLoadOf(tx, 'monitor_pupil_code', rows.pupilCodes, pendingIndexes),
    inScope,
  );
}
