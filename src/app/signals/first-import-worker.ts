// The worker thread of a school's first register import (first-import-signals.ts): evaluates the catalog over the
// rows the import just parsed, while the main thread feeds them to the database, and sends the new signals as
// binary COPY tuples, chunk by chunk as it makes them. What it computes is what recompute-signals.ts computes for a
// first import (the same functions: engineInputFromColumns, evaluateTable, certificateSignalsFromColumns,
// yearSignalRows); no database here.
import { parentPort, workerData } from 'node:worker_threads';
import { BinaryTupleWriter } from '../../db/binary-copy.ts';
import { newSignalTuple } from '../../db/new-signals.repository.ts';
import { type CalendarHalfDay, expandPreset } from '../../domain/calendar.ts';
import { calendarPresetFor } from '../../domain/calendar-presets.ts';
import { dayNumber } from '../../domain/civil-date.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import { compileCalendar, evaluateTable } from '../../domain/rules/index.ts';
import { parseSchoolYearId, schoolYearOf } from '../../domain/school-year.ts';
import { activeCatalog } from './active-catalog.ts';
import { type CertificateState, certificateSignalsFromColumns } from './certificate-signals.ts';
import { columnsWithin, engineInputFromColumns } from './register-columns-input.ts';
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
    const certificates = certificateSignalsFromColumns(task.certificates, catalog, pupils, columns, year, asOf);
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

/** Pupils of the warm-up school (~0.3 s): enough calls for V8 to optimise the functions a real school calls most. */
const WARM_UP_PUPILS = 1_000;

/** The codes of the warm-up register, in turn: every kind of rule has something to find. */
const WARM_UP_CODES = ['B', 'Z', 'Z', 'Z', 'D', 'P', 'R', 'B', 'Z', 'L'];

/**
 * A made-up school for the warm-up: WARM_UP_PUPILS pupils of the preset calendar of `schoolYear`, each with absences
 * spread over the year, and a few certificates.
 */
export function warmUpTask(schoolYear: string, today: string): FirstImportTask {
  const year = parseSchoolYearId(schoolYear);
  const preset = calendarPresetFor('secundair', schoolYear);
  if (!year || !preset) throw new Error(`no calendar preset for ${schoolYear}`);
  const calendar = expandPreset(preset);
  const slots = calendar.filter((h) => h.schoolDay && h.date <= today);
  const perPupil = Math.min(slots.length, 50);
  const length = WARM_UP_PUPILS * perPupil;
  const columns = { length, pupil: new Int32Array(length), slot: new Int32Array(length), code: new Uint8Array(length) };
  const codeIndex = (code: string) => COLUMN_CODES.indexOf(code);
  const stride = Math.max(1, Math.floor(slots.length / perPupil));
  let at = 0;
  for (let p = 0; p < WARM_UP_PUPILS; p++)
    for (let i = 0; i < perPupil; i++) {
      const slot = slots[(i * stride + p) % slots.length] as CalendarHalfDay;
      columns.pupil[at] = p + 1;
      columns.slot[at] = dayNumber(slot.date) * 2 + (slot.half === 'PM' ? 1 : 0);
      columns.code[at] = codeIndex(WARM_UP_CODES[(p + i) % WARM_UP_CODES.length] as string);
      at++;
    }
  const enrolments = Array.from({ length: WARM_UP_PUPILS }, (_, p) => ({
    pupilId: p + 1,
    schoolYear,
    level: 'secundair' as const,
    birthDate: '2011-05-05',
    enrolledFrom: year.firstDay,
    enrolledUntil: null,
    excludedOn: p % 50 === 7 ? (slots[40]?.date ?? null) : null,
    enrolledElsewhereFrom: null,
    carriedOverB: p % 11,
  }));
  const certificates = Array.from({ length: WARM_UP_PUPILS / 10 }, (_, c) => {
    const from = slots[(c * 7) % slots.length] as CalendarHalfDay;
    const to = slots[((c * 7) % slots.length) + 3] ?? from;
    return {
      id: c + 1,
      pupilId: c * 10 + 1,
      from: from.date,
      fromHalf: null,
      to: to.date,
      toHalf: null,
      dixit: c % 3 === 0,
      doubt: c % 4 === 0,
      outcome: null,
    };
  });
  return {
    schoolId: 1,
    today,
    enrolments,
    calendar,
    columns,
    certificates: { certificates, examPeriods: [], schoolHalfDays: slots.map((h) => ({ date: h.date, half: h.half })) },
  };
}

/** Evaluates the made-up school once and throws its signals away: the real school then runs optimised code. */
function warmUp(): void {
  // Last school year, as of its last day: a whole year of half-days whatever today is.
  const last = schoolYearOf(new Date().toISOString().slice(0, 10)).startYear - 1;
  const schoolYear = `${last}-${last + 1}`;
  try {
    evaluateFirstImport(warmUpTask(schoolYear, `${last + 1}-06-30`), () => {});
  } catch {
    // No preset for this year (or another fault): the real task runs unoptimised code, and shows a fault itself.
  }
}

// Loaded: a spare worker (prewarmFirstImportWorker) warms up first, then is ready for its task.
if (parentPort) {
  if ((workerData as { warmUp?: boolean } | undefined)?.warmUp) warmUp();
  parentPort.postMessage({ type: 'ready' });
}

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
