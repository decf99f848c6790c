// Use cases that keep the monitor's aggregates current: the incremental refresh inside every import
// transaction (one school; for a register import only the changed dates and pupils) and the full refresh.
import type { Database, Sql } from '../../db/database.ts';
import {
  type RefreshScope,
  refreshCells,
  refreshDays,
  refreshPupilYears,
  schoolYearsOfSchool,
} from '../../db/monitor.repository.ts';
import { shareThresholds } from '../../domain/monitor/definitions.ts';
import { phaseTimer } from '../../phase-timer.ts';

/** Up to this many changed dates and pupils the refresh touches only those; beyond, the school's years whole. */
const MAX_NARROW_DATES = 31;
const MAX_NARROW_PUPILS = 2000;

const thresholdHalfDays = () => shareThresholds().map((t) => t.halfDays);

export interface MonitorRefreshResult {
  schoolYears: string[];
  dates: number | 'all';
  pupils: number | 'all';
}

/**
 * Refreshes one school's aggregates after an import, inside the import's transaction and after the signals
 * were recomputed. A register import changes only the dates and pupils of its merge (the rows it inserted or
 * changed); a pupils or calendar import can move every count of the school.
 */
export async function refreshMonitorAfterImport(
  tx: Sql,
  schoolId: number,
  kind: 'pupils' | 'register' | 'calendar',
  changedPupilIds: readonly number[],
  changedDates: readonly string[] = [],
): Promise<MonitorRefreshResult> {
  const phase = phaseTimer('monitor refresh');
  // These are aggregations over whole joins. Inside the import transaction the planner often has no statistics
  // for rows inserted moments ago and picks nested loops (measured: 4 s per statement for a 2,000-pupil school
  // instead of milliseconds); hash and merge joins are right for the register scans below. SET LOCAL ends with the
  // transaction, and the refresh is the import's last step.
  await tx.exec('SET LOCAL enable_nestloop = off');
  let scope: RefreshScope;
  if (kind === 'register') {
    // A large import changes the register's statistics within this transaction; without fresh statistics the
    // planner picks nested loops over the new rows (measured: 96 s instead of well under a second for 200,000).
    await tx.exec('ANALYZE register_entry');
    const [delta] = await tx.query<{ years: string[] | null }>(
      'SELECT array_agg(DISTINCT monitor_school_year(d)) AS years FROM unnest($1::date[]) d',
      [changedDates],
    );
    const dates = [...changedDates];
    // A large import (a whole year's register) refreshes its school years whole: filtering every register row
    // against thousands of dates or pupils costs more than recounting the school.
    const narrow = dates.length <= MAX_NARROW_DATES && changedPupilIds.length <= MAX_NARROW_PUPILS;
    scope = {
      schoolId,
      schoolYears: delta?.years ?? [],
      dates: narrow ? dates : null,
      pupilIds: narrow ? changedPupilIds : null,
    };
  } else {
    scope = { schoolId, schoolYears: await schoolYearsOfSchool(tx, schoolId), dates: null, pupilIds: null };
  }
  if (scope.schoolYears !== null && scope.schoolYears.length === 0) return { schoolYears: [], dates: 0, pupils: 0 };
  await refreshDays(tx, scope);
  phase('days');
  await refreshPupilYears(tx, scope);
  phase('pupil years');
  // After a narrow refresh (a few dates and pupils) the cell statements read small aggregate tables, where nested
  // loops are the right choice again; after a whole-school refresh they aggregate large ones (measured 58 s with
  // nested loops for a 1,000,000-row import), so hash joins stay.
  if (scope.dates !== null) await tx.exec('SET LOCAL enable_nestloop = on');
  // Signals of the next school year can change too (PRIOR_YEAR, B30_TWO_YEARS look one year back).
  const years = (scope.schoolYears ?? []).flatMap((year) => {
    const start = Number(year.slice(0, 4)) + 1;
    return [year, `${start}-${start + 1}`];
  });
  await refreshCells(tx, { ...scope, schoolYears: [...new Set(years)] }, thresholdHalfDays());
  phase('refresh');
  return {
    schoolYears: [...(scope.schoolYears ?? [])],
    dates: scope.dates?.length ?? 'all',
    pupils: scope.pupilIds?.length ?? 'all',
  };
}

/** Rebuilds every aggregate of every school from the register (`aanwezig monitor refresh`). */
export async function refreshMonitorFully(db: Database): Promise<{ days: number; pupilYears: number; cells: number }> {
  return db.transaction(async (tx) => {
    await tx.exec('TRUNCATE monitor_day, monitor_pupil_year, monitor_cell');
    // Large sorts and hashes over the whole register: give them memory instead of spilling to disk.
    await tx.exec("SET LOCAL work_mem = '256MB'");
    const phase = phaseTimer('monitor full refresh');
    const all: RefreshScope = { schoolId: null, schoolYears: null, dates: null, pupilIds: null };
    await refreshDays(tx, all);
    phase('days');
    await refreshPupilYears(tx, all);
    phase('pupil years');
    await refreshCells(tx, all, thresholdHalfDays());
    phase('cells');
    const [counts] = await tx.query<{ days: number; pupilYears: number; cells: number }>(
      `SELECT (SELECT count(*) FROM monitor_day)::int AS days, (SELECT count(*) FROM monitor_pupil_year)::int AS "pupilYears",
              (SELECT count(*) FROM monitor_cell)::int AS cells`,
    );
    return counts ?? { days: 0, pupilYears: 0, cells: 0 };
  });
}
