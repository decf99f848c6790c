// The worker thread of a school's first register import (first-import-signals.ts): evaluates the catalog over the
// rows the import just parsed, while the main thread feeds them to the database, and returns the new signals as
// COPY text. What it computes is what recompute-signals.ts computes for a first import (the same functions:
// engineInputFromColumns, evaluateTable, certificateSignalsFrom, yearSignalRows); no database here.
import { parentPort } from 'node:worker_threads';
import { BinaryTupleWriter } from '../../db/binary-copy.ts';
import { newSignalTuple } from '../../db/new-signals.repository.ts';
import type { CalendarHalfDay } from '../../domain/calendar.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';
import { compileCalendar, evaluateTable } from '../../domain/rules/index.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { activeCatalog } from './active-catalog.ts';
import { type CertificateState, CHECKED_CODES, certificateSignalsFrom } from './certificate-signals.ts';
import { columnsWithin, engineInputFromColumns, recordsWithCodes } from './register-columns-input.ts';
import { firstDayOf, pupilRecordsOf, type RecomputeEnrolment, yearSignalRows } from './signal-rows.ts';

/** Bytes per chunk handed back (a copy of the writer's buffer each: handed over without another copy). */
const CHUNK_BYTES = 4 * 1024 * 1024;

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

export interface FirstImportYear {
  schoolYear: string;
  count: number;
  /**
   * Binary COPY tuples of new-signals.repository.ts (newSignalTuple): bytes, handed over without a copy (strings
   * would be copied between the threads), that the database takes without parsing text.
   */
  chunks: Uint8Array[];
  /** The new signals per rule. */
  rules: Record<string, number>;
}

export type FirstImportReply = { years: FirstImportYear[] } | { error: string };

/** The new signals of every school year of the enrolments, as COPY text. */
export function evaluateFirstImport(task: FirstImportTask): FirstImportYear[] {
  const catalog = activeCatalog();
  const calendar = compileCalendar('school', task.calendar);
  if (task.enrolments.length === 0) return [];
  // The rows within the span the recompute would read.
  const columns = columnsWithin(task.columns, firstDayOf(task.enrolments), task.today);
  const registerRecords = recordsWithCodes(columns, CHECKED_CODES);
  const years = [...new Set(task.enrolments.map((e) => e.schoolYear))].sort();
  const today = task.today;
  const out: FirstImportYear[] = [];
  const writer = new BinaryTupleWriter();
  for (const schoolYear of years) {
    const year = parseSchoolYearId(schoolYear);
    if (!year) continue;
    // As of today, or the last day of a past school year (ISO dates compare as text).
    let asOf = year.lastDay;
    if (today < asOf) asOf = today;
    const pupils = pupilRecordsOf(task.enrolments, schoolYear);
    const table = evaluateTable(engineInputFromColumns(pupils, calendar, columns, []), catalog, asOf);
    const certificates = certificateSignalsFrom(task.certificates, catalog, pupils, registerRecords, year, asOf);
    const chunks: Uint8Array[] = [];
    let count = 0;
    const rules: Record<string, number> = {};
    for (const row of yearSignalRows(task.schoolId, schoolYear, table, certificates, () => undefined)) {
      newSignalTuple(writer, row);
      count++;
      rules[row.ruleId] = (rules[row.ruleId] ?? 0) + 1;
      if (writer.size >= CHUNK_BYTES) chunks.push(writer.take());
    }
    if (writer.size > 0) chunks.push(writer.take());
    out.push({ schoolYear, count, chunks, rules });
  }
  return out;
}

parentPort?.on('message', (task: FirstImportTask) => {
  let reply: FirstImportReply;
  try {
    reply = { years: evaluateFirstImport(task) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  const transfer = 'years' in reply ? reply.years.flatMap((y) => y.chunks.map((c) => c.buffer as ArrayBuffer)) : [];
  parentPort?.postMessage(reply, transfer);
});
