// Imports a register file (formats.md register.csv): validate every row, then write it all-or-nothing.

import { type DroppedIndexes, type PendingIndexBuilds, restoreIndexes, withoutIndexes } from '../../db/bulk-load.ts';
import { copyField } from '../../db/copy-text.ts';
import type { Database, Sql } from '../../db/database.ts';
import { type EnrolmentPeriod, loadPupilEnrolments } from '../../db/pupil.repository.ts';
import {
  analyzeStagedRegister,
  createRegisterStaging,
  type MergeResult,
  mergeStagedRegister,
  REGISTER_DIRECT_COLUMNS,
  REGISTER_STAGING_COLUMNS,
  schoolHasRegister,
} from '../../db/register.repository.ts';
import { loadSchoolHalfDayMasks } from '../../db/school.repository.ts';
import { ABSENCE_CODES, type AbsenceCode, findAbsenceCode } from '../../domain/absence-codes.ts';
import { dayNumber, type Half, parseCivilDate, parseHalf } from '../../domain/half-day.ts';
import { overLimit } from '../../domain/input-limits.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';
import { registerDataCheck } from '../../domain/register-data-checks.ts';
import type { RuleCatalog } from '../../domain/rules/index.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { activeCatalog } from '../signals/active-catalog.ts';
import { ACCEPTED, AcceptedRows, CODE_SLOTS, IDENTICAL_REPEAT } from './accepted-rows.ts';
import { type ColumnField, cell, type FileColumns, type REGISTER_COLUMNS } from './columns.ts';
import { CopyChunkWriter } from './copy-chunk-writer.ts';
import { asRowStreamError, byteReading, CsvByteReader } from './csv-bytes.ts';
import { type ImportProblem, ImportRejected, ProblemList, problem } from './import-problem.ts';
import { pausePoint } from './pause-point.ts';
import { RegisterCopyRows } from './register-copy-rows.ts';
import { registerFastLines } from './register-fast-lines.ts';

/** The enrolment period that holds a date (no closure per row, as `find` would make). */
function periodOn(periods: readonly EnrolmentPeriod[], date: string): EnrolmentPeriod | undefined {
  for (const p of periods) if (date >= p.from && date <= p.until) return p;
  return undefined;
}

/** The compulsory school age of the catalog (K5_290.compulsoryAge). */
function compulsoryAgeOf(catalog: RuleCatalog): number {
  const rule = catalog.rules.find((r) => r.id === 'K5_290');
  const age = rule ? (rule.params as Record<string, unknown>).compulsoryAge : undefined;
  if (typeof age !== 'number') throw new Error('The catalog has no K5_290.compulsoryAge');
  return age;
}

import type { TabularFile } from './tabular-file.ts';

type RegisterField = ColumnField<typeof REGISTER_COLUMNS>;
/**
 * Bytes of a typical register line ("P1234,2026-09-01,AM,Z,", 23, with some margin for longer pupil numbers): the
 * rows a file adds are estimated from its size before it is read.
 */
const REGISTER_LINE_BYTES = 32;

const CODE_INDEX = new Map(ABSENCE_CODES.map((c, i) => [c.code, i]));

export interface StageOutcome {
  rows: number;
  warnings: ImportProblem[];
  /**
   * Set when the rows went straight into the register: the school had no register rows yet (its first import),
   * so every valid row is new and no staging or delta is needed. Otherwise the caller merges the staged rows.
   */
  written?: MergeResult;
  /**
   * With `written`: the rows just written, which are the whole register of the school's pupils (a first import:
   * the school had no register rows, and a pupil's rows are only ever imported by its own school). The signals
   * recompute evaluates these instead of reading them back (recompute-signals.ts).
   */
  register?: RegisterColumns;
}

/**
 * Validates every row inside the transaction and writes the valid ones with COPY: into the staging table, or —
 * for a school's first register import — straight into the register. Repeated half-days are found while
 * parsing: an identical repeat is skipped, a repeat with another code is a problem. Throws ImportRejected with
 * all problems, which rolls the whole transaction back.
 */
export async function stageRegisterFile(
  tx: Sql,
  schoolId: number,
  file: TabularFile,
  columns: FileColumns<RegisterField>,
  write: {
    importId: number;
    userId: number | null;
    /**
     * A first import (rows straight into the register): called once the whole file is parsed without a problem,
     * with the accepted rows and their pupils, while the rows may still be on their way to the database.
     */
    onParsed?: (rows: RegisterColumns, pupilIds: readonly number[]) => void;
    /** The file's size: from it the rows it adds are estimated (whether to build the indexes after them). */
    fileBytes?: number;
    /** Settles when no read on another connection of this import is under way any more (bulk-load.ts). */
    readsDone?: Promise<unknown>;
    /** Collects the register's index builds of a bulk load for the caller to run later (bulk-load.ts). */
    pendingIndexes?: PendingIndexBuilds;
  },
): Promise<StageOutcome> {
  const phase = phaseTimer('register import');
  const { index, warnings } = columns;
  // Without a half column the file has a VM and/or an NM code column (mapColumns checked that).
  const wide = index.half < 0;
  const pupils = await loadPupilEnrolments(tx, schoolId);
  const masks = await loadSchoolHalfDayMasks(tx, schoolId);
  const direct = !(await schoolHasRegister(tx, schoolId));
  const pupilList = [...pupils.values()];
  const pupilIndexOf = new Map([...pupils.keys()].map((key, i) => [key, i]));
  const problems = new ProblemList();
  // Dates repeat on every row of a day: parse each distinct text once.
  const dateCache = new Map<string, string | null>();
  const dayCache = new Map<string, number>();
  const codeCache = new Map<string, AbsenceCode | undefined>();
  const halfCache = new Map<string, Half | null>();
  // The valid rows, and per pupil and school half-day the code of the first row that had it.
  const accepted = new AcceptedRows(masks.keys());
  const changedPupils = new Set<number>();
  const tail = direct ? `\t${schoolId}\t${write.importId}\t${write.userId ?? '\\N'}\n` : '\n';
  let rows = 0;
  let written = 0;

  // A UTF-8 CSV is read from its bytes (csv-bytes.ts): lines of the usual shape by the fast path
  // (register-fast-lines.ts), every other row by readRow below as from the row stream.
  const reader = file.bytes && byteReading.enabled ? await CsvByteReader.open(file.bytes, file.header) : null;
  if (reader) file.bytes?.take(() => reader.sha256());
  let chunk = '';
  // The byte path's COPY rows: binary tuples into the register, text lines into staging.
  const out = new CopyChunkWriter();
  const copyRows = reader ? new RegisterCopyRows(out, direct, { schoolId, ...write }) : null;

  async function* lines(): AsyncIterable<string | Uint8Array> {
    if (reader) {
      yield* byteLines(reader);
      return;
    }
    for await (const batch of file.rows) {
      chunk = '';
      for (const { row, values } of batch) {
        rows++;
        readRow(row, values);
      }
      if (chunk) yield chunk;
      // The COPY took rows and asks for more: the moment the SIGKILL test kills a first import (tests only).
      if (direct && written > 0) await pausePoint('register-copy');
    }
  }

  async function* byteLines(reader: CsvByteReader): AsyncIterable<Uint8Array> {
    let lastChanged = -1;
    const fast = registerFastLines({
      index,
      wide,
      delimiter: reader.delimiter,
      crlf: reader.newline === '\r\n',
      pupilIndexOf,
      pupils: pupilList,
      masks,
      accepted,
      problems,
      checkOf,
      aRow,
      acceptedDate: (date) => dayOf(date),
      written: (pupilId) => {
        written++;
        if (direct && pupilId !== lastChanged) {
          lastChanged = pupilId;
          changedPupils.add(pupilId);
        }
      },
      rows: copyRows as RegisterCopyRows,
    });
    try {
      for await (const _ of reader.records({ lines: fast, record: readRow })) {
        yield* out.take();
        if (direct && written > 0) await pausePoint('register-copy');
      }
    } catch (error) {
      throw await asRowStreamError(error);
    } finally {
      await reader.close();
    }
    rows = reader.row - 1;
  }

  /** The day number of an accepted half-day's date; the dates seen are the import's changed dates. */
  function dayOf(date: string): number {
    let day = dayCache.get(date);
    if (day === undefined) {
      day = dayNumber(date);
      dayCache.set(date, day);
    }
    return day;
  }

  /** Validates one row (its values trimmed) and keeps and writes what it holds when it has no problem. */
  function readRow(row: number, values: string[]): void {
    if (problems.full) return;
    const pupilText = cell(values, index.pupil_id);
    const dateText = cell(values, index.date);
    let ok = true;
    const pupilIndex = pupilText ? pupilIndexOf.get(pupilText) : undefined;
    const pupil = pupilIndex === undefined ? undefined : pupilList[pupilIndex];
    if (!pupilText) ok = fail(row, 'pupil_id', 'required');
    else if (!pupil) ok = fail(row, 'pupil_id', 'unknown-pupil', { value: pupilText });
    const note = cell(values, index.note);
    const noteTooLong = overLimit('note', note);
    if (noteTooLong) ok = fail(row, 'note', 'too-long', noteTooLong);
    let date = dateCache.get(dateText);
    if (date === undefined) {
      date = parseCivilDate(dateText);
      dateCache.set(dateText, date);
    }
    if (!dateText) ok = fail(row, 'date', 'required');
    else if (!date) ok = fail(row, 'date', 'invalid-date', { value: dateText });
    // A row holds one half-day (a half and a code column) or both halves of a day (a VM and an NM column);
    // read without an object per row.
    for (let entry = 0; entry < (wide ? 2 : 1); entry++) {
      let half: Half | null;
      let halfText: string;
      let codeText: string;
      let column: string;
      if (wide) {
        half = entry === 0 ? 'AM' : 'PM';
        halfText = entry === 0 ? 'VM' : 'NM';
        column = entry === 0 ? 'am_code' : 'pm_code';
        codeText = cell(values, entry === 0 ? index.am_code : index.pm_code);
        if (codeText === '') continue;
      } else {
        halfText = cell(values, index.half);
        half = halfCache.get(halfText) ?? null;
        if (!halfCache.has(halfText)) {
          half = parseHalf(halfText);
          halfCache.set(halfText, half);
        }
        codeText = cell(values, index.code);
        column = 'code';
      }
      let entryOk = ok;
      if (!halfText) entryOk = fail(row, 'half', 'required');
      else if (!half) entryOk = fail(row, 'half', 'invalid-half', { value: halfText });
      let code = codeCache.get(codeText);
      if (code === undefined && !codeCache.has(codeText)) {
        code = findAbsenceCode(codeText);
        codeCache.set(codeText, code);
      }
      if (!codeText) entryOk = fail(row, column, 'required');
      else if (!code) entryOk = fail(row, column, 'unknown-code', { value: codeText });
      if (date && half) {
        const mask = masks.get(date) ?? 0;
        if ((mask & (half === 'AM' ? 1 : 2)) === 0)
          entryOk = fail(row, 'date', 'not-a-school-half-day', { date, half });
        else {
          const period = pupil ? periodOn(pupil.periods, date) : undefined;
          if (pupil && !period) entryOk = fail(row, 'date', 'outside-enrolment', { pupil: pupilText, date });
          else if (period && code) entryOk = dataCheck(row, column, pupilText, period, code.code) && entryOk;
        }
      }
      if (!entryOk || !pupil || pupilIndex === undefined || !date || !half || !code) continue;
      const day = dayOf(date);
      const codeIndex = CODE_INDEX.get(code.code) ?? 0;
      const slot = day * 2 + (half === 'AM' ? 0 : 1);
      const first = accepted.accept(pupilIndex, pupil.id, date, slot, codeIndex, row);
      if (first !== ACCEPTED) {
        // The first of identical repeats counts; another code for the same half-day is a problem.
        if (first !== IDENTICAL_REPEAT)
          fail(row, column, 'conflicting-duplicate', { other: Math.floor(first / CODE_SLOTS) });
        continue;
      }
      if (problems.length > 0) continue; // the file will be rejected: stop writing, keep validating
      if (copyRows) copyRows.fromValues(row, pupilIndex, pupil.id, date, day, half === 'AM' ? 0 : 1, codeIndex, note);
      else {
        const noteField = note ? copyField(note) : '\\N';
        if (direct) chunk += `${pupil.id}\t${date}\t${half}\t${code.code}\t${noteField}${tail}`;
        else chunk += `${row}\t${pupil.id}\t${date}\t${half}\t${code.code}\t${noteField}${tail}`;
      }
      if (direct) changedPupils.add(pupil.id);
      written++;
    }
  }

  // Codes that cannot be right for the pupil's level and age (issue 14): A for a compulsory-age kleuter is a
  // warning naming the rows (one per pupil); B for a non-compulsory child and T/U/Y for a kleuter are errors.
  const compulsoryAge = compulsoryAgeOf(activeCatalog());
  const aRows = new Map<string, number[]>();
  // The check depends only on the enrolment and the code: computed once per pair.
  const checks = new Map<EnrolmentPeriod, Map<string, ReturnType<typeof registerDataCheck>>>();
  function checkOf(period: EnrolmentPeriod, code: string): ReturnType<typeof registerDataCheck> {
    if (!period.level || !period.birthDate) return null;
    let ofPeriod = checks.get(period);
    if (!ofPeriod) {
      ofPeriod = new Map();
      checks.set(period, ofPeriod);
    }
    let check = ofPeriod.get(code);
    if (check === undefined) {
      const start = Number(period.schoolYear.slice(0, 4));
      check = registerDataCheck(
        { code, level: period.level, birthDate: period.birthDate, schoolYearStart: start },
        compulsoryAge,
      );
      ofPeriod.set(code, check);
    }
    return check;
  }

  function aRow(pupilText: string, row: number): void {
    const rows = aRows.get(pupilText);
    if (rows) rows.push(row);
    else aRows.set(pupilText, [row]);
  }

  function dataCheck(row: number, column: string, pupilText: string, period: EnrolmentPeriod, code: string): boolean {
    if (!period.level || !period.birthDate) return true;
    const check = checkOf(period, code);
    if (check === 'a-for-compulsory-kleuter') {
      aRow(pupilText, row);
      return true;
    }
    if (check) return fail(row, column, check, { pupil: pupilText, value: code });
    return true;
  }

  function fail(row: number, column: string, code: Parameters<typeof problem>[2], args = {}): false {
    problems.add(problem(row, column, code, args));
    return false;
  }

  phase(direct ? 'prepare (first import of the school: straight into the register)' : 'prepare');
  const parsed = () => {
    if (problems.length === 0) write.onParsed?.(accepted, [...changedPupils]);
  };
  // With onParsed, the file is read ahead of the COPY (parseAhead): the parse does not wait for the database, so
  // the caller's work on the parsed rows runs while the database still stores them.
  let rebuilt: DroppedIndexes | undefined;
  try {
    if (direct) {
      const source = write.onParsed
        ? parseAhead(lines(), parsed, (tx as Partial<Database>).engine === 'pglite')
        : lines();
      // A first import into a register that holds few rows yet builds its indexes after the rows (bulk-load.ts).
      // The parse has started; reads on another connection end before the register's lock is taken.
      await write.readsDone;
      if (write.fileBytes !== undefined)
        rebuilt = await withoutIndexes(tx, 'register_entry', Math.floor(write.fileBytes / REGISTER_LINE_BYTES));
      await tx.copyIn('register_entry', REGISTER_DIRECT_COLUMNS, source, copyRows?.format);
    } else {
      await createRegisterStaging(tx);
      await tx.copyIn('import_register', REGISTER_STAGING_COLUMNS, lines());
    }
  } finally {
    await reader?.close();
  }
  phase('parse, validate and write');
  if (problems.length === 0 && (await restoreIndexes(rebuilt, write.pendingIndexes))) phase('indexes built');
  for (const [pupil, rowsOfPupil] of aRows) {
    const shown = rowsOfPupil.length > 20 ? `${rowsOfPupil.slice(0, 20).join(', ')} …` : rowsOfPupil.join(', ');
    warnings.push(problem(rowsOfPupil[0] ?? null, 'code', 'a-for-compulsory-kleuter', { pupil, rows: shown }));
  }
  if (problems.length > 0) {
    problems.items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new ImportRejected(problems.items);
  }
  if (!direct) {
    await analyzeStagedRegister(tx);
    return { rows, warnings };
  }
  return {
    rows,
    warnings,
    written: {
      inserted: written,
      updated: 0,
      changedPupilIds: [...changedPupils],
      changedDates: [...dayCache.keys()],
    },
    register: accepted,
  };
}

/**
 * Reads `source` to its end as fast as it yields, keeping its items until the consumer (a COPY) takes them, and
 * calls `ended` once it has ended. With `wholeFirst` nothing is handed over before that: on PGlite the COPY runs
 * on this thread, and taking chunks early would hold the parse up.
 */
async function* parseAhead<T>(source: AsyncIterable<T>, ended: () => void, wholeFirst: boolean): AsyncGenerator<T> {
  const items: T[] = [];
  let next = 0;
  let finished = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  void (async () => {
    try {
      for await (const item of source) {
        items.push(item);
        wake?.();
      }
      ended();
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      wake?.();
    }
  })();
  for (;;) {
    if (failure) throw failure.error;
    if (next < items.length && (finished || !wholeFirst)) {
      const item = items[next] as T;
      items[next++] = undefined as T; // handed over: let it go
      yield item;
    } else if (finished) return;
    else
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
  }
}

export { mergeStagedRegister };
