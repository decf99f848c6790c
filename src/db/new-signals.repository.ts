// Writes a recompute's signals when every one of them is new (a school's first register import, issue 16): one COPY
// into `signal` whose ids the column default draws while the rows go in, then one statement that gives each of
// them its `detected` event — no temporary table, no upsert and no ids drawn and sent back beforehand
// (writeSignals in signal.repository.ts does the upsert for recomputes that change stored signals).

import { dayNumber } from '../domain/civil-date.ts';
import { phaseTimer } from '../phase-timer.ts';
import type { BinaryTupleWriter } from './binary-copy.ts';
import { type PendingIndexBuilds, restoreIndexes, withoutIndexes } from './bulk-load.ts';
import { copyField } from './copy-text.ts';
import type { Sql } from './database.ts';
import { type ComputedSignalRow, WRITE_COLUMNS } from './signal.repository.ts';

/** Lines per COPY chunk (PGlite sends a chunk per 8 MB; PostgreSQL streams them). */
const CHUNK_ROWS = 5_000;

/** The signal's columns without its id (the column default draws it) and without the event. */
const COPY_COLUMNS = WRITE_COLUMNS.filter((column) => column !== 'event');

/** A new signal as a line of COPY text in COPY_COLUMNS order. */
export function newSignalLine(row: ComputedSignalRow): string {
  if (row.event !== 'detected') throw new Error('insertNewSignals writes new signals only');
  return `${row.schoolId}\t${row.pupilId}\t${row.schoolYear}\t${copyField(row.ruleId)}\t${row.triggeredOn}\t${copyField(
    row.evidence,
  )}\t${copyField(row.evidenceKey)}\t${copyField(row.explanationNl)}\t${copyField(row.explanationEn)}\t${row.status}\n`;
}

/** A new signal as a tuple of PostgreSQL's binary COPY format, in COPY_COLUMNS order (json is sent as its text). */
export function newSignalTuple(writer: BinaryTupleWriter, row: ComputedSignalRow): void {
  if (row.event !== 'detected') throw new Error('insertNewSignals writes new signals only');
  writer.tuple(COPY_COLUMNS.length);
  writer.int8(row.schoolId);
  writer.int8(row.pupilId);
  writer.text(row.schoolYear);
  writer.text(row.ruleId);
  writer.day(dayNumber(row.triggeredOn));
  writer.uniqueText(row.evidence);
  writer.uniqueText(row.evidenceKey);
  writer.uniqueText(row.explanationNl);
  writer.uniqueText(row.explanationEn);
  writer.text(row.status);
}

/**
 * Inserts `count` signals of one school that have no stored row yet, with their `detected` events. The rows may be
 * built lazily (a generator): they are taken a chunk at a time while the COPY runs.
 *
 * The ids: two values drawn from the signal sequence before and after the COPY enclose every id the COPY's rows
 * got, and nothing else this transaction wrote. The events are inserted for the school's signals in that range, and
 * their number must be `count`: a signal another transaction committed for the same school with an id in that
 * range (a concurrent recompute of the same school within those seconds) makes the import fail and roll back rather
 * than give that signal a second event. A concurrent signal for the same pupil, school year and rule makes the COPY
 * fail on the unique key, which rolls the import back too; a retry goes through writeSignals.
 */
export async function insertNewSignals(tx: Sql, count: number, rows: Iterable<ComputedSignalRow>): Promise<void> {
  if (count === 0) return;
  const source = rows[Symbol.iterator]();
  let built = 0;
  let schoolId: number | undefined;
  async function* lines(): AsyncGenerator<string> {
    let chunk = '';
    let inChunk = 0;
    for (let next = source.next(); !next.done; next = source.next()) {
      const row = next.value;
      if (++built > count) throw new Error('more signals than announced');
      schoolId ??= row.schoolId;
      if (row.schoolId !== schoolId) throw new Error('insertNewSignals writes the signals of one school');
      chunk += newSignalLine(row);
      if (++inChunk === CHUNK_ROWS) {
        yield chunk;
        chunk = '';
        inChunk = 0;
      }
    }
    if (chunk) yield chunk;
    if (built !== count) throw new Error('fewer signals than announced');
  }
  await insertNewSignalLines(tx, () => schoolId as number, count, lines());
}

/**
 * insertNewSignals for signals already formatted for COPY — text lines (newSignalLine) or binary tuples
 * (newSignalTuple, e.g. by the first import's worker thread): `count` rows in all, of the school `schoolId` (a
 * function: known once the rows were read).
 */
export async function insertNewSignalLines(
  tx: Sql,
  schoolId: number | (() => number),
  count: number,
  lines: AsyncIterable<string | Uint8Array>,
  format: 'text' | 'binary' = 'text',
  pendingIndexes?: PendingIndexBuilds,
): Promise<void> {
  if (count === 0) return;
  const phase = phaseTimer('signals write');
  const rebuilt = await withoutIndexes(tx, 'signal', count);
  const before = await drawSignalId(tx);
  await tx.copyIn('signal', COPY_COLUMNS, lines, format);
  phase('copy signal');
  if (await restoreIndexes(rebuilt, pendingIndexes)) phase('signal indexes built');
  await addDetectedEvents(tx, typeof schoolId === 'number' ? schoolId : schoolId(), before, count, pendingIndexes);
  phase('signal_event');
}

/** One value of the signal sequence (taken: the next signal gets a higher one). */
export async function drawSignalId(tx: Sql): Promise<string> {
  const [drawn] = await tx.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('signal', 'id'))::text AS id`);
  if (!drawn) throw new Error('could not draw a signal id');
  return drawn.id;
}

/**
 * The `detected` event of each signal of the school with an id after `before` (and before a value drawn now). When
 * no other session drew a value meanwhile, those ids are exactly the next `count` values and the events go in by
 * COPY without reading the signals back (always on PGlite, one session); otherwise one INSERT…SELECT over the range,
 * checked to give `count` events.
 */
export async function addDetectedEvents(
  tx: Sql,
  schoolId: number,
  before: string,
  count: number,
  pendingIndexes?: PendingIndexBuilds,
): Promise<void> {
  const after = await drawSignalId(tx);
  const first = BigInt(before) + 1n;
  if (BigInt(after) - first === BigInt(count)) {
    const rebuilt = await withoutIndexes(tx, 'signal_event', count);
    await tx.copyIn('signal_event', ['signal_id', 'event'], eventLines(first, count));
    await restoreIndexes(rebuilt, pendingIndexes);
    return;
  }
  const [added] = await tx.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO signal_event (signal_id, event)
       SELECT id, 'detected' FROM signal WHERE id > $1::bigint AND id < $2::bigint AND school_id = $3
       RETURNING 1)
     SELECT count(*)::int AS n FROM added`,
    [before, after, schoolId],
  );
  if (added?.n !== count)
    throw new Error(`new signals: ${added?.n} events for ${count} signals (another write to this school's signals?)`);
}

/** A `detected` event line for each of the `count` ids from `first`, many lines to a chunk. */
async function* eventLines(first: bigint, count: number): AsyncGenerator<string> {
  const base = Number(first);
  if (!Number.isSafeInteger(base + count)) throw new Error('signal ids beyond the safe integers');
  const size = CHUNK_ROWS * 10;
  for (let start = 0; start < count; start += size) {
    let chunk = '';
    const end = Math.min(count, start + size);
    for (let i = start; i < end; i++) chunk += `${base + i}\tdetected\n`;
    yield chunk;
  }
}
