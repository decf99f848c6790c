// The monitor after a school's first register import (issue 16): the day rows, pupil-year totals, the thuiszitter
// figures' per-pupil rows, the dashboard cells (all but the signal counts), the enrolled pupils per school half-day
// and the thuiszitter cells counted in one pass over the rows the import holds in memory (they are the school's
// whole register) by the full refresh's counter (WholeMonitorRefresh: one TypeScript definition of the figures),
// written with COPY. Only the signal cells wait for the signals (addSignalCells, a small grouping of the signal
// table). Narrower refreshes keep the SQL of monitor.repository.ts and thuiszitter.repository.ts;
// src/app/monitor/monitor.int.test.ts and first-import-counts.int.test.ts compare both.
import type { PendingIndexBuilds } from '../../db/bulk-load.ts';
import type { Sql } from '../../db/database.ts';
import { enrolmentsElsewhere, writeFirstImportCells } from '../../db/first-import-cells.repository.ts';
import { codesAndSchoolHalfDays, type RefreshScope, writeDaysAndPupilYears } from '../../db/monitor.repository.ts';
import {
  CELL_ROWS,
  DAY_ROWS,
  type EncodedRows,
  encodeRows,
  HOME_TIME_ROWS,
  POSSIBLE_DAY_ROWS,
  PUPIL_CODE_ROWS,
  PUPIL_YEAR_ROWS,
  THUISZITTER_CELL_ROWS,
} from '../../db/monitor-copy-rows.ts';
import { eachEnrolmentWithPupil } from '../../db/monitor-full-refresh.repository.ts';
import { refreshCellsSharingIdentities } from '../../db/thuiszitter.repository.ts';
import { writeHomeTimeRows } from '../../db/thuiszitter-rows.repository.ts';
import { shareThresholds } from '../../domain/monitor/definitions.ts';
import { WholeMonitorRefresh } from '../../domain/monitor/whole-refresh.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { thuiszitterNumbers } from './thuiszitter-refresh.ts';

/** Rows counted between two turns of the event loop (a COPY in flight keeps being fed meanwhile). */
const ROWS_PER_TURN = 100_000;

/**
 * Counts a school's monitor from its whole register held in memory and writes it: the day rows, pupil-year totals,
 * per-pupil rows, enrolled pupils per half-day and thuiszitter cells of the scope's school years, and the dashboard
 * cells but the signal counts of `cellYears` (the scope's years and the next ones, as the SQL refresh).
 *
 * The school's register is exactly the rows in memory (its first import), so every count of every school year of
 * its enrolments is what the SQL would compute from the stored rows. Its official thuiszitter figures also take
 * the school changers' enrolments and half-days at other schools (enrolmentsElsewhere), and those schools' cells
 * follow with the SQL, as after any import.
 *
 * In three steps, so that a caller can load before its rows go into the database and count while they do:
 * `load` (what the count needs besides the rows; the import does not change it), `add` (the rows) and `write`.
 */
export class FirstImportCounts {
  /** Every row `write` writes, encoded ahead of it (prepare), for one scope. */
  private rows: PreparedRows | undefined;

  private constructor(
    private readonly schoolId: number,
    private readonly counts: WholeMonitorRefresh,
    /** Per code index of the columns: the index of its code among the database's codes (-1: unknown). */
    private readonly codeIndex: Int32Array,
  ) {}

  static async load(tx: Sql, schoolId: number): Promise<FirstImportCounts> {
    const { codes, calendars } = await codesAndSchoolHalfDays(tx, schoolId);
    const counts = new WholeMonitorRefresh(codes, calendars);
    await eachEnrolmentWithPupil(tx, (enrolment) => counts.addEnrolment(enrolment), schoolId);
    for (const other of await enrolmentsElsewhere(tx, schoolId)) counts.addElsewhere(other);
    const codeIndex = Int32Array.from(COLUMN_CODES, (code) => codes.findIndex((c) => c.code === code));
    return new FirstImportCounts(schoolId, counts, codeIndex);
  }

  /** Counts the school's rows (all of them, once). */
  async add(register: RegisterColumns): Promise<this> {
    const { counts, codeIndex, schoolId } = this;
    for (let start = 0; start < register.length; start += ROWS_PER_TURN) {
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const end = Math.min(register.length, start + ROWS_PER_TURN);
      for (let i = start; i < end; i++)
        counts.add(
          register.pupil[i] as number,
          schoolId,
          register.slot[i] as number,
          codeIndex[register.code[i] as number] as number,
        );
    }
    return this;
  }

  /**
   * Computes and encodes every row that `write` writes for the scope's school years (and the cells of `cellYears`),
   * ahead of it: a first import does it while the database builds the register's indexes (import.service.ts). The
   * counts are complete (after `add`). Only the rows of this school and of those years are kept, as the writes
   * would keep them.
   */
  prepare(scope: RefreshScope, cellYears: readonly string[]): this {
    const { counts, schoolId } = this;
    if (scope.schoolId !== schoolId || scope.schoolYears === null)
      throw new Error('counting in memory needs one school');
    const key = `${scope.schoolYears.join()}|${cellYears.join()}`;
    if (this.rows?.key === key) return this;
    const within = (years: readonly string[]) => {
      const set = new Set(years);
      return (row: { schoolId: number; schoolYear: string }) => row.schoolId === schoolId && set.has(row.schoolYear);
    };
    const inYears = within(scope.schoolYears);
    const numbers = thuiszitterNumbers();
    this.rows = {
      key,
      numbers,
      days: encodeRows(DAY_ROWS, counts.dayRows(), inYears),
      pupilYears: encodeRows(PUPIL_YEAR_ROWS, counts.pupilYearRows(), inYears),
      homeTime: encodeRows(HOME_TIME_ROWS, counts.homeTimeRows(), inYears),
      pupilCodes: encodeRows(PUPIL_CODE_ROWS, counts.pupilCodeRows(), inYears),
      cells: encodeRows(CELL_ROWS, counts.cellRows(shareThresholds().map((t) => t.halfDays)), within(cellYears)),
      possibleDays: encodeRows(POSSIBLE_DAY_ROWS, counts.possibleDayRows(), inYears),
      thuiszitterCells: encodeRows(THUISZITTER_CELL_ROWS, counts.thuiszitterCellRows(numbers), inYears),
    };
    return this;
  }

  /** Writes what was counted for the scope's school years (and the cells of `cellYears`). */
  async write(
    tx: Sql,
    scope: RefreshScope,
    cellYears: readonly string[],
    pendingIndexes?: PendingIndexBuilds,
  ): Promise<void> {
    const { schoolId } = this;
    const phase = phaseTimer('monitor refresh');
    const rows = this.prepare(scope, cellYears).rows as PreparedRows;
    const schoolYears = scope.schoolYears as readonly string[];
    await writeDaysAndPupilYears(tx, scope, rows.days, rows.pupilYears, pendingIndexes);
    await writeHomeTimeRows(
      tx,
      { schoolId, schoolYears },
      { homeTime: rows.homeTime, pupilCodes: rows.pupilCodes },
      pendingIndexes,
    );
    phase('days, pupil years and time at home (in memory, from the imported rows)');
    await writeFirstImportCells(
      tx,
      { schoolId, schoolYears, cellYears },
      { cells: rows.cells, possibleDays: rows.possibleDays, thuiszitterCells: rows.thuiszitterCells },
    );
    // A school changer's official figures count at one school with the half-days of all (their per-pupil rows here
    // were just written).
    await refreshCellsSharingIdentities(tx, { schoolId, schoolYears }, rows.numbers);
    phase('cells, possible days and thuiszitter cells (in memory)');
  }
}

/** What FirstImportCounts.prepare encodes ahead of the write, for one scope (`key`). */
interface PreparedRows {
  key: string;
  numbers: ReturnType<typeof thuiszitterNumbers>;
  days: EncodedRows;
  pupilYears: EncodedRows;
  homeTime: EncodedRows;
  pupilCodes: EncodedRows;
  cells: EncodedRows;
  possibleDays: EncodedRows;
  thuiszitterCells: EncodedRows;
}

/** FirstImportCounts in one go: load, count `register`, write. */
export async function countFirstImport(
  tx: Sql,
  scope: RefreshScope,
  register: RegisterColumns,
  cellYears: readonly string[],
): Promise<void> {
  if (scope.schoolId === null) throw new Error('counting in memory needs one school');
  const counts = await (await FirstImportCounts.load(tx, scope.schoolId)).add(register);
  await counts.write(tx, scope, cellYears);
}
