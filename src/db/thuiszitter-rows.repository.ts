// Writes the thuiszitter figures' per-pupil rows (monitor_home_time, monitor_pupil_code) counted in memory
// (domain/monitor/home-time-counts.ts) for one school's school years, with COPY: a school's first register import.
import type { HomeTimeRow, PupilCodeRow } from '../domain/monitor/home-time-counts.ts';
import { copyField, type Sql } from './database.ts';

const SCHOOL_YEAR = /^\d{4}-\d{4}$/;

/** Replaces the per-pupil rows of a school's school years with the given rows (which must lie within them). */
export async function writeHomeTimeRows(
  tx: Sql,
  scope: { schoolId: number; schoolYears: readonly string[] },
  rows: { homeTime: readonly HomeTimeRow[]; pupilCodes: readonly PupilCodeRow[] },
): Promise<void> {
  if (!Number.isSafeInteger(scope.schoolId)) throw new Error(`invalid school id ${scope.schoolId}`);
  for (const year of scope.schoolYears) if (!SCHOOL_YEAR.test(year)) throw new Error(`invalid school year ${year}`);
  if (scope.schoolYears.length === 0) return;
  const years = new Set(scope.schoolYears);
  const own = `school_id = ${scope.schoolId} AND school_year IN ('${scope.schoolYears.join("', '")}')`;
  await tx.exec(`DELETE FROM monitor_home_time WHERE ${own}; DELETE FROM monitor_pupil_code WHERE ${own}`);
  const inScope = (row: { schoolId: number; schoolYear: string }) =>
    row.schoolId === scope.schoolId && years.has(row.schoolYear);
  const homeTime = rows.homeTime.filter(inScope);
  if (homeTime.length > 0)
    await tx.copyIn(
      'monitor_home_time',
      [
        'school_id',
        'school_year',
        'pupil_id',
        'absent_half_days',
        'spells',
        'longest_spell',
        'suspension_spells',
        'longest_suspension',
        'last_from',
        'last_from_half',
        'last_until',
        'last_until_half',
        'last_half_days',
      ],
      chunks(
        homeTime,
        (h) =>
          `${h.schoolId}\t${h.schoolYear}\t${h.pupilId}\t${h.absentHalfDays}\t${h.spells}\t${h.longestSpell}\t${
            h.suspensionSpells
          }\t${h.longestSuspension}\t${h.lastFrom}\t${h.lastFromHalf}\t${h.lastUntil}\t${h.lastUntilHalf}\t${
            h.lastHalfDays
          }\n`,
      ),
    );
  const pupilCodes = rows.pupilCodes.filter(inScope);
  if (pupilCodes.length > 0)
    await tx.copyIn(
      'monitor_pupil_code',
      ['school_id', 'school_year', 'pupil_id', 'code', 'half_days'],
      chunks(pupilCodes, (c) => `${c.schoolId}\t${c.schoolYear}\t${c.pupilId}\t${copyField(c.code)}\t${c.halfDays}\n`),
    );
}

/** COPY text in chunks of many lines (one chunk per call into PGlite costs a round trip). */
async function* chunks<T>(rows: readonly T[], line: (row: T) => string): AsyncGenerator<string> {
  const size = 20_000;
  for (let start = 0; start < rows.length; start += size) {
    let chunk = '';
    const end = Math.min(rows.length, start + size);
    for (let i = start; i < end; i++) chunk += line(rows[i] as T);
    yield chunk;
  }
}
