// The worker thread of a school's first register import (first-import-signals.ts): evaluates the catalog over the
// rows the import just parsed, while the main thread feeds them to the database, and sends the new signals as
// binary COPY tuples, chunk by chunk as it makes them. What it computes is what recompute-signals.ts computes for a
// first import (the same functions: engineInputFromColumns, evaluateTable, certificateSignalsFrom, yearSignalRows); no database here.
import { parentPort } from 'node:worker_threads';
import { BinaryTupleWriter } from '../../db/binary-copy.ts';
import { newSignalTuple } from '../../db/new-signals.repository.ts';
import type { CalendarHalfDay } from '../../domain/calendar.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';
import { compileCalendar, evaluateTable } from '../../domain/rules/index.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { activeCatalog } from './active-catalog.ts';
import { type CertificateState, certificateSignalsFrom } from './certificate-signals.ts';
import { certificateRowsFromColumns, columnsWithin, engineInputFromColumns } from './register-columns-input.ts';
import { firstDayOf, pupilRecordsOf, type RecomputeEnrolment, yearSignalRows } from './signal-rows.ts';

/** Bytes per chunk sent (the writer's buffer each, handed over without a copy): the COPY starts after the first. */
const CHUNK_BYTES = 2 * 1024 * 1024;

export interface FirstImportTask {
  schoolId: number;
  today: string;
  /** The enrolments of the pupils with rows in the file, up to today (loadRecomputeState's). */
  enrolments: RecomputeEnrolment[];
  calendar: CalendarHalfDay[];
  /** The imported rows (the school's whole register). */
  columns: RegisterColumns;
  certificates: CertificateState;
}

/**
 * What the worker sends, in this order for each school year: `year` (how many signals follow), its `chunk`s and
 * `year-done`; then `done`, or `error` at any point. Each chunk is binary COPY tuples of new-signals.repository.ts
 * (newSignalTuple): bytes, handed over without a copy (strings would be copied between the threads), that the
 * database takes without parsing text. They are sent as they are made, so the COPY runs while the worker goes on.
 */
export type FirstImportMessage =
  | { type: 'year'; schoolYear: string; count: number }
  | { type: 'chunk'; tuples: Uint8Array }
  | { type: 'year-done'; rules: Record<string, number> }
  | { type: 'done' }
  | { type: 'error'; error: string };

/**
 * Evaluates the new signals of every school year of the enrolments and sends them to `send` (FirstImportMessage;
 * `send` hands each chunk's buffer over).
 */
export function evaluateFirstImport(task: FirstImportTask, send: (message: FirstImportMessage) => void): void {
  const catalog = activeCatalog();
  const calendar = compileCalendar('school', task.calendar);
  if (task.enrolments.length === 0) return;
  // The rows within the span the recompute would read.
  const columns = columnsWithin(task.columns, firstDayOf(task.enrolments), task.today);
  const years = [...new Set(task.enrolments.map((e) => e.schoolYear))].sort();
  const today = task.today;
  const writer = new BinaryTupleWriter();
  for (const schoolYear of years) {
    const year = parseSchoolYearId(schoolYear);
    if (!year) continue;
    // As of today, or the last day of a past school year (ISO dates compare as text).
    let asOf = year.lastDay;
    if (today < asOf) asOf = today;
    const pupils = pupilRecordsOf(task.enrolments, schoolYear);
    const table = evaluateTable(engineInputFromColumns(pupils, calendar, columns, []), catalog, asOf);
    const rows = certificateRowsFromColumns(columns, year, asOf);
    const certificates = certificateSignalsFrom(task.certificates, catalog, pupils, rows, year, asOf);
    // A first evaluation stores every computed signal: one row each (yearSignalRows with no stored signals).
    send({ type: 'year', schoolYear, count: table.length + certificates.length });
    const rules: Record<string, number> = {};
    for (const row of yearSignalRows(task.schoolId, schoolYear, table, certificates, () => undefined)) {
      newSignalTuple(writer, row);
      rules[row.ruleId] = (rules[row.ruleId] ?? 0) + 1;
      if (writer.size >= CHUNK_BYTES) send({ type: 'chunk', tuples: writer.handOver() });
    }
    if (writer.size > 0) send({ type: 'chunk', tuples: writer.handOver() });
    send({ type: 'year-done', rules });
  }
}

// Loaded: a spare worker is ready for its task (prewarmFirstImportWorker).
parentPort?.postMessage({ type: 'ready' });

parentPort?.on('message', (task: FirstImportTask) => {
  const port = parentPort;
  if (!port) return;
  const send = (message: FirstImportMessage) =>
    port.postMessage(message, message.type === 'chunk' ? [message.tuples.buffer as ArrayBuffer] : []);
  try {
    evaluateFirstImport(task, send);
    send({ type: 'done' });
  } catch (error) {
    send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
