// Use cases that keep the monitor's aggregates current: the incremental refresh inside every import
// transaction (one school; for a register import only the changed dates and pupils) and the full refresh.
import type { PendingIndexBuilds } from '../../db/bulk-load.ts';
import type { Database, Sql } from '../../db/database.ts';
import {
  aggregateRowCounts,
  allowNestedLoops,
  analyzeRegister,
  type RefreshScope,
  refreshCells,
  refreshDays,
  refreshDaysAndPupilYears,
  refreshPupilYears,
  schoolYearsOfDates,
  schoolYearsOfSchool,
  withoutJit,
} from '../../db/monitor.repository.ts';
import { addSignalCells, type SignalCellCounts, writeSignalCells } from '../../db/monitor-full-refresh.repository.ts';
import { analyzeAfterSchoolRewrite, analyzeIfWithoutStatistics } from '../../db/statistics.ts';
import { shareThresholds } from '../../domain/monitor/definitions.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { countFirstImport, type FirstImportCounts } from './first-import-counts.ts';
import { refreshWholeMonitor } from './monitor-full-refresh.ts';
import { refreshThuiszitterFigures } from './thuiszitter-refresh.ts';

/** Up to this many changed dates and pupils the refresh touches only those; beyond, the school's years whole. */
const MAX_NARROW_DATES = 31;
const MAX_NARROW_PUPILS = 2000;

/** The tables the cell statements read besides the register (refreshCells). */
const CELL_SOURCES = ['monitor_day', 'monitor_pupil_year', 'signal'];

const thresholdHalfDays = () => shareThresholds().map((t) => t.halfDays);

export interface MonitorRefreshResult {
  schoolYears: string[];
  dates: number | 'all';
  pupils: number | 'all';
}

/** The school years whose cells a refresh rebuilds: the scope's and the next ones, whose signals can change too
 * (PRIOR_YEAR, B30_TWO_YEARS look one year back). */
function cellYears(scope: RefreshScope): string[] {
  const years = (scope.schoolYears ?? []).flatMap((year) => {
    const start = Number(year.slice(0, 4)) + 1;
    return [year, `${start}-${start + 1}`];
  });
  return [...new Set(years)];
}

/** A school's refresh after an import, in two steps around the signals recompute (startMonitorRefresh). */
export interface MonitorRefresh {
  /**
   * Rebuilds the day rows and pupil-year totals. A whole-school refresh sends its statements in one round trip
   * when called, so the database scans while the caller goes on computing; await it before the next query.
   */
  aggregates(): Promise<void>;
  /**
   * After a first import counted in memory (options.counted): computes and encodes what aggregates() and cells()
   * write, ahead of them (FirstImportCounts.prepare); nothing otherwise.
   */
  prepare(): Promise<void>;
  /** The cells, after the signals were recomputed (they count the signals). */
  cells(signalCells?: SignalCellCounts): Promise<MonitorRefreshResult>;
}

/**
 * Plans one school's refresh after an import, inside the import's transaction. A register import changes only
 * the dates and pupils of its merge (the rows it inserted or changed); a pupils or calendar import can move every
 * count of the school. Call `aggregates()` (before or while the signals are recomputed) and then `cells()`.
 */
export async function startMonitorRefresh(
  tx: Sql,
  schoolId: number,
  kind: 'pupils' | 'register' | 'calendar',
  changedPupilIds: readonly number[],
  changedDates: readonly string[] = [],
  options: {
    /**
     * The school's whole register, when the caller holds it (its first register import: the rows just written).
     * Every aggregate but the signal cells is then counted from these rows in memory in `aggregates()`, with no
     * register scan and no cell statement (first-import-counts.ts); `cells()` adds the signal cells.
     */
    register?: RegisterColumns;
    /** With `register`: its rows already counted (FirstImportCounts, while they were being written). */
    counted?: Promise<FirstImportCounts>;
    /** With `register`: collects the index builds of the tables loaded in bulk, for the caller (bulk-load.ts). */
    pendingIndexes?: PendingIndexBuilds;
    /** The caller has analysed the register after the import's rows went in (a first import, with its indexes). */
    registerAnalyzed?: boolean;
  } = {},
): Promise<MonitorRefresh> {
  // No JIT: with nested loops disabled every cost is inflated past PostgreSQL's JIT thresholds, and a one-school
  // cell refresh spent ~1 s per statement compiling (import.service.ts turns it off for the whole import).
  await withoutJit(tx);
  let scope: RefreshScope;
  if (kind === 'register') {
    // A large import changes the register's statistics within this transaction; without fresh statistics the
    // planner picks nested loops over the new rows (measured: 96 s instead of well under a second for 200,000).
    if (!options.registerAnalyzed) await analyzeRegister(tx);
    const years = await schoolYearsOfDates(tx, changedDates);
    const dates = [...changedDates];
    // A large import (a whole year's register) refreshes its school years whole: filtering every register row
    // against thousands of dates or pupils costs more than recounting the school.
    const narrow = !options.register && dates.length <= MAX_NARROW_DATES && changedPupilIds.length <= MAX_NARROW_PUPILS;
    scope = {
      schoolId,
      schoolYears: years,
      dates: narrow ? dates : null,
      pupilIds: narrow ? changedPupilIds : null,
    };
  } else {
    scope = { schoolId, schoolYears: await schoolYearsOfSchool(tx, schoolId), dates: null, pupilIds: null };
  }
  const empty = scope.schoolYears !== null && scope.schoolYears.length === 0;
  return {
    async prepare() {
      if (empty || !options.register || !options.counted) return;
      (await options.counted).prepare(scope, cellYears(scope));
    },
    async aggregates() {
      if (empty) return;
      const phase = phaseTimer('monitor refresh');
      if (options.register) {
        // Everything but the signal cells, counted in memory (phases timed inside).
        if (options.counted) await (await options.counted).write(tx, scope, cellYears(scope), options.pendingIndexes);
        else await countFirstImport(tx, scope, options.register, cellYears(scope));
        return;
      }
      if (scope.dates === null) {
        await refreshDaysAndPupilYears(tx, scope);
        phase('days and pupil years (one scan)');
        return;
      }
      // These are aggregations over whole joins. Inside the import transaction the planner often has no
      // statistics for rows inserted moments ago and picks nested loops (measured: 4 s per statement for a
      // 2,000-pupil school instead of milliseconds); hash and merge joins are right for the register scans below.
      // SET LOCAL ends with the transaction.
      await allowNestedLoops(tx, false);
      await refreshDays(tx, scope);
      phase('days');
      await refreshPupilYears(tx, scope);
      phase('pupil years');
    },
    /** `signalCells`: after a first import, the school's signal counts when the caller holds them. */
    async cells(signalCells?: SignalCellCounts) {
      if (empty) return { schoolYears: [], dates: 0, pupils: 0 };
      const phase = phaseTimer('monitor refresh');
      if (options.register) {
        // A first import counted every other cell in aggregates(); the signal cells count the signals just written.
        if (signalCells) await writeSignalCells(tx, { schoolId, schoolYears: cellYears(scope) }, signalCells);
        else await addSignalCells(tx, { schoolId, schoolYears: cellYears(scope) });
        phase('cells (signal counts; the others counted in memory)');
        return { schoolYears: [...(scope.schoolYears ?? [])], dates: 'all', pupils: 'all' };
      }
      // After a narrow refresh (a few dates and pupils) the cell statements read small aggregate tables, where
      // nested loops are the right choice; after a whole-school refresh they aggregate large ones (measured 58 s
      // with nested loops for a 1,000,000-row import), so hash joins.
      await allowNestedLoops(tx, scope.dates !== null);
      // The cell statements join the tables just refreshed. A whole-school refresh rewrote the school's rows of
      // them; a school's first import loaded them without statistics (decision 0045): without fresh ones the
      // planner expected 10 pupil-year rows for 80,000 and the cells took 178 s instead of 0.2 s.
      if (scope.dates === null) await analyzeAfterSchoolRewrite(tx, schoolId, CELL_SOURCES);
      else await analyzeIfWithoutStatistics(tx, CELL_SOURCES);
      await refreshCells(tx, { ...scope, schoolYears: cellYears(scope) }, thresholdHalfDays());
      phase('cells');
      // issue 15: time at home, T/U/Y, official figures
      await refreshThuiszitterFigures(tx, scope);
      phase('thuiszitter figures');
      return {
        schoolYears: [...(scope.schoolYears ?? [])],
        dates: scope.dates?.length ?? 'all',
        pupils: scope.pupilIds?.length ?? 'all',
      };
    },
  };
}

/** Refreshes one school's aggregates after an import, after the signals were recomputed (startMonitorRefresh). */
export async function refreshMonitorAfterImport(
  ...args: Parameters<typeof startMonitorRefresh>
): Promise<MonitorRefreshResult> {
  const refresh = await startMonitorRefresh(...args);
  await refresh.aggregates();
  return refresh.cells();
}

/** Rebuilds every aggregate of every school from the register (`aanwezig monitor refresh`). */
export async function refreshMonitorFully(db: Database): Promise<{ days: number; pupilYears: number; cells: number }> {
  // On PostgreSQL the register is read by two more connections (PGlite has one; inside a caller's transaction
  // there is only that one).
  const helpers =
    db.engine === 'postgres' && !db.withinTransaction
      ? (work: (helper: Sql) => Promise<void>) => db.transaction(work)
      : undefined;
  return db.transaction(async (tx) => {
    await refreshWholeMonitor(tx, helpers);
    return aggregateRowCounts(tx);
  });
}
