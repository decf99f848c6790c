// Writes a recompute's signals when every one of them is new (a school's first register import, issue 16): ids
// from the sequence in one statement, then one COPY into `signal` and one into `signal_event` — no temporary
// table, no upsert and no join back for the `detected` events (writeSignals in signal.repository.ts does those
// for recomputes that change stored signals).
import { phaseTimer } from '../phase-timer.ts';
import { copyField, type Database, type Sql } from './database.ts';
import { type ComputedSignalRow, WRITE_COLUMNS } from './signal.repository.ts';

/** Lines per COPY chunk (PGlite sends a chunk per 8 MB; PostgreSQL streams them). */
const CHUNK_ROWS = 5_000;

/**
 * Inserts `count` signals that have no stored row yet (event `detected`) with their `detected` events. The rows
 * may be built lazily (a generator): they are taken a chunk at a time while the COPY runs. A signal stored by a
 * concurrent transaction for the same pupil, school year and rule makes the COPY fail (unique key), which rolls
 * the import back; the import can then be retried (it then goes through writeSignals).
 */
export async function insertNewSignals(tx: Sql, count: number, rows: Iterable<ComputedSignalRow>): Promise<void> {
  if (count === 0) return;
  const phase = phaseTimer('signals write');
  const ids = await reserveIds(tx, count);
  phase(`ids of ${count} new signals`);
  let written = 0;
  async function* signalLines(): AsyncGenerator<string> {
    let chunk = '';
    let inChunk = 0;
    for (const r of rows) {
      if (r.event !== 'detected') throw new Error('insertNewSignals writes new signals only');
      if (written === count) throw new Error('more signals than ids reserved');
      chunk += `${ids[written++]}\t${r.schoolId}\t${r.pupilId}\t${r.schoolYear}\t${copyField(r.ruleId)}\t${r.triggeredOn}\t${copyField(
        r.evidence,
      )}\t${copyField(r.evidenceKey)}\t${copyField(r.explanationNl)}\t${copyField(r.explanationEn)}\t${r.status}\n`;
      if (++inChunk === CHUNK_ROWS) {
        yield chunk;
        chunk = '';
        inChunk = 0;
      }
    }
    if (chunk) yield chunk;
    if (written !== count) throw new Error('fewer signals than ids reserved');
  }
  await tx.copyIn(
    'signal',
    // The signal's columns, with its id, less the event (written to signal_event).
    ['id', ...WRITE_COLUMNS.filter((column) => column !== 'event')],
    signalLines(),
  );
  phase('copy signal');
  await tx.copyIn('signal_event', ['signal_id', 'event'], eventLines(ids));
  phase('copy signal_event');
}

/**
 * `count` ids from the signal sequence. PGlite is one embedded session (no other writer can take a value in
 * between): one `setval` reserves the block. On a server every id is its own `nextval`, in one statement.
 */
async function reserveIds(tx: Sql, count: number): Promise<string[]> {
  if ((tx as Partial<Database>).engine === 'pglite') {
    const [block] = await tx.query<{ last: number }>(
      `SELECT setval(pg_get_serial_sequence('signal', 'id'), nextval(pg_get_serial_sequence('signal', 'id')) + $1::int - 1)::int8 AS last`,
      [count],
    );
    const last = Number(block?.last);
    return Array.from({ length: count }, (_, i) => String(last - count + 1 + i));
  }
  const [reserved] = await tx.query<{ ids: string }>(
    `SELECT string_agg(nextval(pg_get_serial_sequence('signal', 'id'))::text, ',') AS ids
     FROM generate_series(1, $1::int)`,
    [count],
  );
  const ids = (reserved?.ids ?? '').split(',');
  if (ids.length !== count) throw new Error('could not reserve signal ids');
  return ids;
}

/** A `detected` event per id, many lines to a chunk. */
async function* eventLines(ids: readonly string[]): AsyncGenerator<string> {
  const size = CHUNK_ROWS * 10;
  for (let start = 0; start < ids.length; start += size) {
    let chunk = '';
    const end = Math.min(ids.length, start + size);
    for (let i = start; i < end; i++) chunk += `${ids[i]}\tdetected\n`;
    yield chunk;
  }
}
