// Writes a recompute's signals when every one of them is new (a school's first register import, issue 16): ids
// from the sequence in one statement, then one COPY into `signal` and one into `signal_event` — no temporary
// table, no upsert and no join back for the `detected` events (writeSignals in signal.repository.ts does those
// for recomputes that change stored signals).
import { phaseTimer } from '../phase-timer.ts';
import { copyField, type Sql } from './database.ts';
import type { ComputedSignalRow } from './signal.repository.ts';

/** Lines per COPY chunk (PGlite sends a chunk per 8 MB; PostgreSQL streams them). */
const CHUNK_ROWS = 5_000;

/**
 * Inserts signals that have no stored row yet (event `detected`) with their `detected` events. A signal stored by
 * a concurrent transaction for the same pupil, school year and rule makes the COPY fail (unique key), which rolls
 * the import back; the import can then be retried (it then goes through writeSignals).
 */
export async function insertNewSignals(tx: Sql, rows: readonly ComputedSignalRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.some((r) => r.event !== 'detected')) throw new Error('insertNewSignals writes new signals only');
  const phase = phaseTimer('signals write');
  const [reserved] = await tx.query<{ ids: string }>(
    `SELECT string_agg(nextval(pg_get_serial_sequence('signal', 'id'))::text, ',') AS ids
     FROM generate_series(1, $1::int)`,
    [rows.length],
  );
  const ids = (reserved?.ids ?? '').split(',');
  if (ids.length !== rows.length) throw new Error('could not reserve signal ids');
  phase(`ids of ${rows.length} new signals`);
  await tx.copyIn(
    'signal',
    [
      'id',
      'school_id',
      'pupil_id',
      'school_year',
      'rule_id',
      'triggered_on',
      'evidence',
      'evidence_key',
      'explanation_nl',
      'explanation_en',
      'status',
    ],
    chunks(rows.length, (i) => {
      const r = rows[i] as ComputedSignalRow;
      return `${ids[i]}\t${r.schoolId}\t${r.pupilId}\t${r.schoolYear}\t${copyField(r.ruleId)}\t${r.triggeredOn}\t${copyField(
        r.evidence,
      )}\t${copyField(r.evidenceKey)}\t${copyField(r.explanationNl)}\t${copyField(r.explanationEn)}\t${r.status}\n`;
    }),
  );
  phase('copy signal');
  await tx.copyIn(
    'signal_event',
    ['signal_id', 'event'],
    chunks(rows.length, (i) => `${ids[i]}\tdetected\n`, CHUNK_ROWS * 10),
  );
  phase('copy signal_event');
}

/** `count` lines, `size` to a chunk. */
async function* chunks(count: number, line: (i: number) => string, size = CHUNK_ROWS): AsyncGenerator<string> {
  for (let start = 0; start < count; start += size) {
    let chunk = '';
    const end = Math.min(count, start + size);
    for (let i = start; i < end; i++) chunk += line(i);
    yield chunk;
  }
}
