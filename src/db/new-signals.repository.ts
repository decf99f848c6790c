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
  // While the database draws the ids (on a server ~0.4 s for 175,000), Node already formats the first chunks.
  let ids: string[] | undefined;
  const reserved = reserveIds(tx, count).then((drawn) => {
    ids = drawn;
  });
  reserved.catch(() => {});
  const source = rows[Symbol.iterator]();
  let built = 0;
  /** The next chunk of up to CHUNK_ROWS lines, each without its id; empty at the end. */
  const nextChunk = (): string[] => {
    const lines: string[] = [];
    while (lines.length < CHUNK_ROWS) {
      const next = source.next();
      if (next.done) break;
      const row = next.value;
      if (row.event !== 'detected') throw new Error('insertNewSignals writes new signals only');
      if (++built > count) throw new Error('more signals than ids reserved');
      lines.push(
        `\t${row.schoolId}\t${row.pupilId}\t${row.schoolYear}\t${copyField(row.ruleId)}\t${row.triggeredOn}\t${copyField(
          row.evidence,
        )}\t${copyField(row.evidenceKey)}\t${copyField(row.explanationNl)}\t${copyField(row.explanationEn)}\t${row.status}\n`,
      );
    }
    return lines;
  };
  const early: string[][] = [];
  while (ids === undefined) {
    const lines = nextChunk();
    if (lines.length === 0) break;
    early.push(lines);
    // Lets the ids' reply in; stops formatting ahead once they are there.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await reserved;
  phase(`ids of ${count} new signals (the first chunks formatted meanwhile)`);
  const drawn = ids as unknown as string[];
  let written = 0;
  const withIds = (lines: string[]): string => {
    let chunk = '';
    for (const line of lines) chunk += drawn[written++] + line;
    return chunk;
  };
  async function* signalLines(): AsyncGenerator<string> {
    for (const lines of early) yield withIds(lines);
    early.length = 0;
    for (let lines = nextChunk(); lines.length > 0; lines = nextChunk()) yield withIds(lines);
    if (written !== count) throw new Error('fewer signals than ids reserved');
  }
  await tx.copyIn(
    'signal',
    // The signal's columns, with its id, less the event (written to signal_event).
    ['id', ...WRITE_COLUMNS.filter((column) => column !== 'event')],
    signalLines(),
  );
  phase('copy signal');
  await tx.copyIn('signal_event', ['signal_id', 'event'], eventLines(drawn));
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
