// The monitor's aggregate tables as COPY targets for rows counted in memory (issue 16): one column list and one
// line format per table, shared by the full refresh (monitor-full-refresh.repository.ts) and a school's first
// import (monitor.repository.ts, thuiszitter-rows.repository.ts).
import type { DayRow, PupilYearRow } from '../domain/monitor/aggregates.ts';
import type {
  CellRow,
  HomeTimeRow,
  PossibleDayRow,
  PupilCodeRow,
  ThuiszitterCellRow,
} from '../domain/monitor/whole-refresh.ts';
import { fromDayNumber } from '../domain/civil-date.ts';
import { BinaryTupleWriter } from './binary-copy.ts';
import { copyField, type Sql } from './database.ts';

/**
 * A table, the columns COPY fills and a row's line in COPY text format, or (the large tables) its tuple in the
 * binary format, which the server stores without parsing text (dates above all).
 */
export interface CopyTarget<T> {
  table: string;
  columns: readonly string[];
  line: (row: T) => string;
  tuple?: (writer: BinaryTupleWriter, row: T) => void;
}

/** `YYYY-MM-DD` of a day number, remembered (the same few hundred days for millions of rows). */
const dates = new Map<number, string>();
function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = fromDayNumber(day);
    if (dates.size > 100_000) dates.clear();
    dates.set(day, date);
  }
  return date;
}

export const DAY_ROWS: CopyTarget<DayRow> = {
  table: 'monitor_day',
  columns: ['school_id', 'school_year', 'date', 'half', 'code', 'half_days'],
  line: (d) => `${d.schoolId}\t${d.schoolYear}\t${d.date}\t${d.half}\t${copyField(d.code)}\t${d.halfDays}\n`,
};

export const PUPIL_YEAR_ROWS: CopyTarget<PupilYearRow> = {
  table: 'monitor_pupil_year',
  columns: ['school_id', 'school_year', 'pupil_id', 'code', 'half_days'],
  line: (y) => `${y.schoolId}\t${y.schoolYear}\t${y.pupilId}\t${copyField(y.code)}\t${y.halfDays}\n`,
  tuple: (w, y) => {
    w.tuple(5);
    w.int8(y.schoolId);
    w.text(y.schoolYear);
    w.int8(y.pupilId);
    w.text(y.code);
    w.int4(y.halfDays);
  },
};

export const CELL_ROWS: CopyTarget<CellRow> = {
  table: 'monitor_cell',
  columns: ['school_id', 'school_year', 'dimension', 'key', 'code', 'value'],
  line: (c) => `${c.schoolId}\t${c.schoolYear}\t${c.dimension}\t${copyField(c.key)}\t${copyField(c.code)}\t${c.value}\n`,
};

export const HOME_TIME_ROWS: CopyTarget<HomeTimeRow> = {
  table: 'monitor_home_time',
  columns: [
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
  line: (h) =>
    `${h.schoolId}\t${h.schoolYear}\t${h.pupilId}\t${h.absentHalfDays}\t${h.spells}\t${h.longestSpell}\t${h.suspensionSpells}\t${h.longestSuspension}\t${dateOf(h.lastFromDay)}\t${h.lastFromHalf}\t${dateOf(h.lastUntilDay)}\t${h.lastUntilHalf}\t${h.lastHalfDays}\n`,
  tuple: (w, h) => {
    w.tuple(13);
    w.int8(h.schoolId);
    w.text(h.schoolYear);
    w.int8(h.pupilId);
    w.int4(h.absentHalfDays);
    w.int4(h.spells);
    w.int4(h.longestSpell);
    w.int4(h.suspensionSpells);
    w.int4(h.longestSuspension);
    w.day(h.lastFromDay);
    w.text(h.lastFromHalf);
    w.day(h.lastUntilDay);
    w.text(h.lastUntilHalf);
    w.int4(h.lastHalfDays);
  },
};

export const PUPIL_CODE_ROWS: CopyTarget<PupilCodeRow> = {
  table: 'monitor_pupil_code',
  columns: ['school_id', 'school_year', 'pupil_id', 'code', 'half_days'],
  line: (c) => `${c.schoolId}\t${c.schoolYear}\t${c.pupilId}\t${copyField(c.code)}\t${c.halfDays}\n`,
  tuple: (w, c) => {
    w.tuple(5);
    w.int8(c.schoolId);
    w.text(c.schoolYear);
    w.int8(c.pupilId);
    w.text(c.code);
    w.int4(c.halfDays);
  },
};

export const POSSIBLE_DAY_ROWS: CopyTarget<PossibleDayRow> = {
  table: 'monitor_possible_day',
  columns: ['school_id', 'school_year', 'date', 'half', 'pupils'],
  line: (d) => `${d.schoolId}\t${d.schoolYear}\t${d.date}\t${d.half}\t${d.pupils}\n`,
};

export const THUISZITTER_CELL_ROWS: CopyTarget<ThuiszitterCellRow> = {
  table: 'thuiszitter_cell',
  columns: ['school_id', 'school_year', 'dimension', 'key', 'value'],
  line: (c) => `${c.schoolId}\t${c.schoolYear}\t${c.dimension}\t${copyField(c.key)}\t${c.value}\n`,
};

/** COPY text in chunks of many lines: one await per chunk, not per row (into PGlite a chunk is a round trip). */
async function* copyChunks<T>(rows: Iterable<T>, line: (row: T) => string, keep?: (row: T) => boolean) {
  let chunk = '';
  let count = 0;
  for (const row of rows) {
    if (keep && !keep(row)) continue;
    chunk += line(row);
    if (++count >= 20_000) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (chunk) yield chunk;
}

/** Binary COPY tuples in chunks of about a megabyte. */
async function* binaryChunks<T>(
  rows: Iterable<T>,
  tuple: (writer: BinaryTupleWriter, row: T) => void,
  keep?: (row: T) => boolean,
) {
  const writer = new BinaryTupleWriter();
  for (const row of rows) {
    if (keep && !keep(row)) continue;
    tuple(writer, row);
    if (writer.size >= 1 << 20) yield writer.take();
  }
  if (writer.size > 0) yield writer.take();
}

/** Writes rows into a target with COPY (binary where the target has tuples); `keep` leaves rows out. */
export async function copyRowsInto<T>(
  tx: Sql,
  target: CopyTarget<T>,
  rows: Iterable<T>,
  keep?: (row: T) => boolean,
): Promise<void> {
  if (target.tuple)
    await tx.copyIn(target.table, target.columns, binaryChunks(rows, target.tuple, keep), 'binary');
  else await tx.copyIn(target.table, target.columns, copyChunks(rows, target.line, keep));
}
