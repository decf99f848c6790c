// The monitor's aggregate tables as COPY targets for rows counted in memory (issue 16): one column list and one
// tuple format per table, shared by the full refresh (monitor-full-refresh.repository.ts) and a school's first
// import (monitor.repository.ts, thuiszitter-rows.repository.ts, first-import-cells.repository.ts). PostgreSQL's
// binary COPY format: the server stores integers and dates without parsing text, and Node writes bytes into one
// buffer instead of strings.
import type { DayRow, PupilYearRow } from '../domain/monitor/aggregates.ts';
import type {
  CellRow,
  HomeTimeRow,
  PossibleDayRow,
  PupilCodeRow,
  ThuiszitterCellRow,
} from '../domain/monitor/whole-refresh.ts';
import { BinaryTupleWriter } from './binary-copy.ts';
import type { Sql } from './database.ts';

/** A table, the columns COPY fills and how a row is written as a binary tuple (in the columns' order). */
export interface CopyTarget<T> {
  table: string;
  columns: readonly string[];
  tuple: (writer: BinaryTupleWriter, row: T) => void;
}

export const DAY_ROWS: CopyTarget<DayRow> = {
  table: 'monitor_day',
  columns: ['school_id', 'school_year', 'date', 'half', 'code', 'half_days'],
  tuple: (w, d) => {
    w.tuple(6);
    w.int8(d.schoolId);
    w.text(d.schoolYear);
    w.day(d.day);
    w.text(d.half);
    w.text(d.code);
    w.int4(d.halfDays);
  },
};

export const PUPIL_YEAR_ROWS: CopyTarget<PupilYearRow> = {
  table: 'monitor_pupil_year',
  columns: ['school_id', 'school_year', 'pupil_id', 'code', 'half_days'],
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
  tuple: (w, c) => {
    w.tuple(6);
    w.int8(c.schoolId);
    w.text(c.schoolYear);
    w.text(c.dimension);
    w.text(c.key);
    w.text(c.code);
    w.int4(c.value);
  },
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
  tuple: PUPIL_YEAR_ROWS.tuple,
};

export const POSSIBLE_DAY_ROWS: CopyTarget<PossibleDayRow> = {
  table: 'monitor_possible_day',
  columns: ['school_id', 'school_year', 'date', 'half', 'pupils'],
  tuple: (w, d) => {
    w.tuple(5);
    w.int8(d.schoolId);
    w.text(d.schoolYear);
    w.day(d.day);
    w.text(d.half);
    w.int4(d.pupils);
  },
};

export const THUISZITTER_CELL_ROWS: CopyTarget<ThuiszitterCellRow> = {
  table: 'thuiszitter_cell',
  columns: ['school_id', 'school_year', 'dimension', 'key', 'value'],
  tuple: (w, c) => {
    w.tuple(5);
    w.int8(c.schoolId);
    w.text(c.schoolYear);
    w.text(c.dimension);
    w.text(c.key);
    w.int8(c.value);
  },
};

/** The tuples in chunks of about a megabyte (one await per chunk; into PGlite a chunk is a round trip). */
async function* tupleChunks<T>(
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

/**
 * Rows already encoded as binary COPY tuples (encodeRows), e.g. while the database was busy with something else:
 * copyRowsInto sends them as they are.
 */
export interface EncodedRows {
  readonly chunks: readonly Uint8Array[];
  /** How many rows the chunks hold. */
  readonly count: number;
}

/** Rows to copy: as objects, or encoded ahead (EncodedRows). */
export type RowsToCopy<T> = Iterable<T> | EncodedRows;

export const isEncoded = <T>(rows: RowsToCopy<T>): rows is EncodedRows =>
  !(Symbol.iterator in rows) && Array.isArray((rows as EncodedRows).chunks);

/** Encodes the rows for `target` now, leaving out those `keep` refuses, for a later copyRowsInto. */
export function encodeRows<T>(target: CopyTarget<T>, rows: Iterable<T>, keep?: (row: T) => boolean): EncodedRows {
  const writer = new BinaryTupleWriter();
  const chunks: Uint8Array[] = [];
  let count = 0;
  for (const row of rows) {
    if (keep && !keep(row)) continue;
    target.tuple(writer, row);
    count++;
    // Kept until the COPY: the writer's buffer is handed over, not copied.
    if (writer.size >= 1 << 20) chunks.push(writer.handOver());
  }
  if (writer.size > 0) chunks.push(writer.handOver());
  return { chunks, count };
}

/**
 * Writes rows into a target with binary COPY; `keep` leaves rows out. Encoded rows are sent as they are: their
 * encoder left out what it had to.
 */
export async function copyRowsInto<T>(
  tx: Sql,
  target: CopyTarget<T>,
  rows: RowsToCopy<T>,
  keep?: (row: T) => boolean,
): Promise<void> {
  const chunks = isEncoded(rows) ? sendChunks(rows.chunks) : tupleChunks(rows, target.tuple, keep);
  await tx.copyIn(target.table, target.columns, chunks, 'binary');
}

async function* sendChunks(chunks: readonly Uint8Array[]) {
  yield* chunks;
}
