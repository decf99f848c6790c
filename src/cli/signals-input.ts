// Reads the `signals` CLI's files straight into the engine's columns (typed arrays, no object per register row),
// validating every row as formats.md says and naming each problem by file, row and column.
import { statSync } from 'node:fs';
import { mapColumns } from '../app/import/columns.ts';
import { ABSENCE_CODES, findAbsenceCode } from '../domain/absence-codes.ts';
import type { CalendarHalfDay } from '../domain/calendar.ts';
import { dayNumber, parseCivilDate, parseHalf } from '../domain/half-day.ts';
import { LEVEL_CODES, NO_DAY, OPEN_END, OPEN_START, type PupilLevel } from '../domain/rules/index.ts';
import type { SchoolYear } from '../domain/school-year.ts';
import { type CsvRecord, type CsvSink, scanTabular } from './csv-scan.ts';

export interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  reason: string;
}

/** Reads every row of a file, reporting problems instead of stopping at the first. */
async function readFile(
  file: string,
  problems: Problem[],
  spec: { required: readonly string[]; optional: readonly string[] },
  onRow: (row: number, record: CsvRecord, column: Record<string, number>) => void,
  fastLines?: (column: Record<string, number>, fieldCount: number) => CsvSink['lines'],
): Promise<void> {
  let column: Record<string, number> = {};
  const sink: CsvSink = {
    header(names) {
      const mapped = mapColumns(names, spec);
      for (const p of mapped.problems) problems.push({ file, row: p.row, column: p.column, reason: p.messages.en });
      column = mapped.index as Record<string, number>;
      if (fastLines) sink.lines = fastLines(column, names.length);
      return mapped.problems.length === 0;
    },
    row: (row, record) => onRow(row, record, column),
  };
  try {
    await scanTabular(file, sink);
  } catch (error) {
    const message = (error as Error).message;
    const readable = (error as NodeJS.ErrnoException).code === undefined;
    problems.push({ file, row: null, column: null, reason: readable ? message : `cannot read the file: ${message}` });
  }
}

export async function readCalendar(file: string, problems: Problem[]): Promise<CalendarHalfDay[]> {
  const calendar: CalendarHalfDay[] = [];
  await readFile(file, problems, { required: ['date', 'half', 'school_day'], optional: [] }, (row, record, c) => {
    const fail = (column: string, reason: string) => problems.push({ file, row, column, reason });
    const dateText = record.text(c.date as number);
    const date = parseCivilDate(dateText);
    const half = parseHalf(record.text(c.half as number));
    const schoolDay = record.text(c.school_day as number);
    if (!date) fail('date', `"${dateText}" is not a date`);
    if (!half) fail('half', `"${record.text(c.half as number)}" is not AM/PM`);
    if (schoolDay !== '0' && schoolDay !== '1') fail('school_day', `"${schoolDay}" must be 0 or 1`);
    if (date && half && (schoolDay === '0' || schoolDay === '1'))
      calendar.push({ date, half, schoolDay: schoolDay === '1' });
  });
  return calendar;
}

/** Per-pupil columns, indexed in file order. */
export interface PupilColumns {
  ids: string[];
  /** The index of a pupil id, -1 when the file has no such pupil. */
  indexOf(id: string): number;
  enrolledFrom: Int32Array;
  enrolledUntil: Int32Array;
  excludedOn: Int32Array;
  birthYear: Int32Array;
  level: Uint8Array;
  /** `carried_over_b`: B half-days this school year at a previous school (docs/import.md "School changers"). */
  carriedOverB: Int32Array;
}

/** Rows a file can hold at most, as an initial capacity (untouched memory costs nothing until written). */
function capacityFor(file: string, smallestRowBytes: number): number {
  try {
    return Math.max(1024, Math.ceil(statSync(file).size / smallestRowBytes) + 1);
  } catch {
    return 1024;
  }
}

/** A copy of `a` in a larger array of the same type. */
function grow<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}

export async function readPupils(file: string, problems: Problem[], year: SchoolYear | null): Promise<PupilColumns> {
  let capacity = capacityFor(file, 24);
  const ids: string[] = [];
  // Pupils files are usually sorted by id: while each id is greater than the one before, none repeats and ids can
  // be found by bisection. The first id out of order turns on a map of every id.
  let indexById: Map<string, number> | null = null;
  let enrolledFrom = new Int32Array(capacity);
  let enrolledUntil = new Int32Array(capacity);
  let excludedOn = new Int32Array(capacity);
  let birthYear = new Int32Array(capacity);
  let level = new Uint8Array(capacity);
  let carriedOverB = new Int32Array(capacity);
  const dates = new DateReader();
  const firstDayOfYear = year ? dayNumber(year.firstDay) : NO_DATE;
  const dateColumns = ['birth_date', 'enrolled_from', 'enrolled_until', 'excluded_on'] as const;
  const required = ['pupil_id', 'first_name', 'last_name', 'birth_date', 'level'] as const;
  const fail = (row: number, column: string, reason: string) => problems.push({ file, row, column, reason });
  const days = [0, 0, 0, 0];
  let requiredAt: number[] = [];
  let datesAt: number[] = [];
  let idAt = -1;
  let levelAt = -1;
  let carriedAt = -1;
  await readFile(
    file,
    problems,
    {
      required,
      optional: ['school_id', 'grade', 'class', 'enrolled_from', 'enrolled_until', 'excluded_on', 'carried_over_b'],
    },
    (row, record, c) => {
      if (idAt < 0) {
        requiredAt = required.map((column) => c[column] ?? -1);
        datesAt = dateColumns.map((column) => c[column] ?? -1);
        idAt = c.pupil_id ?? -1;
        levelAt = c.level ?? -1;
        carriedAt = c.carried_over_b ?? -1;
      }
      const pupilId = record.text(idAt);
      for (let k = 0; k < required.length; k++) {
        if (!record.hasText(requiredAt[k] as number)) fail(row, required[k] as string, `"${required[k]}" is required`);
      }
      let known = false;
      if (pupilId && indexById === null && ids.length > 0 && !(pupilId > (ids[ids.length - 1] as string))) {
        indexById = new Map(ids.map((id, i) => [id, i]));
      }
      if (pupilId && indexById !== null) known = indexById.has(pupilId);
      if (known) fail(row, 'pupil_id', `pupil "${pupilId}" occurs more than once`);
      const levelCode = levels.code(record, levelAt);
      if (levelCode === 0) {
        const levelText = record.text(levelAt).toLowerCase();
        if (levelText) fail(row, 'level', `"${levelText}" is not kleuter, lager or secundair`);
      }
      for (let k = 0; k < 4; k++) {
        const d = dates.day(record, datesAt[k] as number);
        days[k] = d;
        if (d === NOT_A_DATE)
          fail(row, dateColumns[k] as string, `"${record.text(datesAt[k] as number)}" is not a date`);
      }
      const [birth, enrolledFromDay, enrolledUntilDay, excludedOnDay] = days as [number, number, number, number];
      const from = enrolledFromDay >= -1_000_000_000 ? enrolledFromDay : firstDayOfYear;
      const until = enrolledUntilDay >= -1_000_000_000 ? enrolledUntilDay : NO_DATE;
      if (from !== NO_DATE && until !== NO_DATE && until < from)
        fail(row, 'enrolled_until', 'enrolment ends before it starts');
      const carriedText = carriedAt >= 0 ? record.text(carriedAt) : '';
      const carried = carriedText === '' ? 0 : /^\d{1,4}$/.test(carriedText) ? Number(carriedText) : -1;
      if (carried < 0) fail(row, 'carried_over_b', `"${carriedText}" is not a whole number of half-days from 0`);
      if (!pupilId || known) return;
      const p = ids.length;
      if (p === capacity) {
        capacity *= 2;
        enrolledFrom = grow(enrolledFrom, capacity);
        enrolledUntil = grow(enrolledUntil, capacity);
        excludedOn = grow(excludedOn, capacity);
        birthYear = grow(birthYear, capacity);
        level = grow(level, capacity);
        carriedOverB = grow(carriedOverB, capacity);
      }
      ids.push(pupilId);
      indexById?.set(pupilId, p);
      enrolledFrom[p] = from !== NO_DATE ? from : OPEN_START;
      enrolledUntil[p] = until !== NO_DATE ? until : OPEN_END;
      excludedOn[p] = excludedOnDay >= -1_000_000_000 ? excludedOnDay : NO_DAY;
      if (birth >= -1_000_000_000) {
        birthYear[p] = yearOfDay(birth);
      } else birthYear[p] = 0;
      level[p] = levelCode;
      carriedOverB[p] = Math.max(0, carried);
    },
  );
  const n = ids.length;
  const byId = indexById as Map<string, number> | null;
  return {
    ids,
    indexOf: byId ? (id) => byId.get(id) ?? -1 : (id) => bisect(ids, id),
    enrolledFrom: enrolledFrom.slice(0, n),
    enrolledUntil: enrolledUntil.slice(0, n),
    excludedOn: excludedOn.slice(0, n),
    birthYear: birthYear.slice(0, n),
    level: level.slice(0, n),
    carriedOverB: carriedOverB.slice(0, n),
  };
}

/** Register rows that passed every check, sorted by (pupil, slot) with repeats removed. */
export interface RegisterColumns {
  pupil: Int32Array;
  slot: Int32Array;
  code: Uint8Array;
  /** Rows read, including identical repeats. */
  rowsRead: number;
}

/** School half-days of the calendar as a bitmap over slots (any entry marking the half-day a school one counts). */
class SchoolSlots {
  readonly base: number;
  readonly isSchool: Uint8Array;
  constructor(calendar: readonly CalendarHalfDay[]) {
    const slots = calendar.filter((c) => c.schoolDay).map((c) => dayNumber(c.date) * 2 + (c.half === 'PM' ? 1 : 0));
    this.base = slots.length > 0 ? Math.min(...slots) : 0;
    const top = slots.length > 0 ? Math.max(...slots) : -1;
    this.isSchool = new Uint8Array(top - this.base + 1);
    for (const s of slots) this.isSchool[s - this.base] = 1;
  }
  has(slot: number): boolean {
    const i = slot - this.base;
    return i >= 0 && i < this.isSchool.length && this.isSchool[i] === 1;
  }
}

/** LEVEL_CODES of a level field (case-insensitive), 0 when it is none of them; the spellings are cached by bytes. */
class LevelReader {
  /** Spellings met so far (a few: one per level and capitalisation) with their codes, compared byte by byte. */
  private readonly spellings: Uint8Array[] = [];
  private readonly codes: number[] = [];
  private readonly range = new Int32Array(2);

  code(record: CsvRecord, column: number): number {
    if (record.trimmedRange(column, this.range)) {
      const buf = record.buf;
      const s = this.range[0] as number;
      const length = (this.range[1] as number) - s;
      for (let k = 0; k < this.spellings.length; k++) {
        const spelling = this.spellings[k] as Uint8Array;
        if (spelling.length !== length) continue;
        let same = true;
        for (let b = 0; same && b < length; b++) same = spelling[b] === buf[s + b];
        if (same) return this.codes[k] as number;
      }
      const code = this.lookUp(record.text(column));
      if (this.spellings.length < 16) {
        this.spellings.push(new Uint8Array(buf.subarray(s, s + length)));
        this.codes.push(code);
      }
      return code;
    }
    return this.lookUp(record.text(column));
  }

  private lookUp(text: string): number {
    const lower = text.toLowerCase();
    return Object.hasOwn(LEVEL_CODES, lower) ? (LEVEL_CODES[lower as PupilLevel] ?? 0) : 0;
  }
}

const levels = new LevelReader();

const UNKNOWN = -2;
const INVALID = -1;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c;
}

export async function readRegister(
  file: string,
  problems: Problem[],
  pupils: PupilColumns,
  calendar: readonly CalendarHalfDay[],
  year: SchoolYear | null,
): Promise<RegisterColumns> {
  const schoolSlots = new SchoolSlots(calendar);
  const firstDayOfYear = year ? dayNumber(year.firstDay) : OPEN_END;
  const registerProblems: Problem[] = [];
  let capacity = capacityFor(file, 18);
  let rowPupil = new Int32Array(capacity);
  let rowSlot = new Int32Array(capacity);
  let rowCode = new Uint8Array(capacity);
  let rowNumber = new Int32Array(capacity);
  let rows = 0;
  let rowsRead = 0;
  // Registers are usually written sorted by pupil and half-day: then there is nothing to sort or deduplicate.
  let sorted = true;
  let previousPupil = -1;
  let previousSlot = 0;
  // Caches keyed on the bytes: the previous row's pupil id (a register is mostly grouped by pupil), ISO dates by
  // their digits, one- and two-letter codes and halves by their bytes. Anything else takes the text path.
  const lastId = new Uint8Array(256);
  let lastIdLength = -1;
  let lastPupil = -1;
  const dates = new DateReader();
  const codeOfKey = new Int16Array(1 << 16).fill(UNKNOWN);
  const range = new Int32Array(2);
  const upper = (b: number) => (b >= 0x61 && b <= 0x7a ? b - 32 : b);

  /** Keeps a row that passed every check. */
  const store = (pupil: number, slot: number, code: number, row: number): void => {
    if (rows === capacity) {
      capacity *= 2;
      rowPupil = grow(rowPupil, capacity);
      rowSlot = grow(rowSlot, capacity);
      rowNumber = grow(rowNumber, capacity);
      rowCode = grow(rowCode, capacity);
    }
    if (sorted && (pupil < previousPupil || (pupil === previousPupil && slot <= previousSlot))) sorted = false;
    previousPupil = pupil;
    previousSlot = slot;
    rowPupil[rows] = pupil;
    rowSlot[rows] = slot;
    rowCode[rows] = code;
    rowNumber[rows] = row;
    rows++;
  };

  /**
   * The fast path for lines in the usual shape (values without quotes or surrounding blanks, ISO dates, two-letter
   * halves, one- or two-letter codes; LF or CRLF): reads them straight from the bytes. A line that is anything else,
   * or that holds a value to report, is left to the row-by-row reading below, which reports it as before.
   */
  const fastLines = (c: Record<string, number>, fieldCount: number): CsvSink['lines'] => {
    const ID = 1;
    const DATE = 2;
    const HALF = 3;
    const CODE = 4;
    const roles = new Uint8Array(Math.max(fieldCount, 1));
    const roleOf: [string, number][] = [
      ['pupil_id', ID],
      ['date', DATE],
      ['half', HALF],
      ['code', CODE],
    ];
    for (const [name, role] of roleOf) {
      const at = c[name];
      if (at === undefined || at < 0 || at >= roles.length) return undefined;
      roles[at] = role;
    }
    const roleCount = roles.length;
    const isoDays = new IsoDays();
    // The previous line's pupil and its id (ids read here are ASCII: one byte per character).
    let fastId = '';
    let fastPupil = -1;
    return (buf, at, end, delimiter, progress, newline) => {
      // Lines broken by lone CRs are left to the generic reading.
      if (newline === 'cr') return at;
      let line = at;
      while (line < end) {
        let i = line;
        let f = 0;
        let seen = 0;
        let pupil = -1;
        let day = 0;
        let half = 0;
        let code = 0;
        for (;;) {
          const role = f < roleCount ? (roles[f] as number) : 0;
          const s = i;
          if (role === DATE) {
            i = s + 10;
            if (i >= end) return line;
            day = isoDays.at(buf, s);
            if (day < -1_000_000_000) return line;
          } else if (role === HALF) {
            i = s + 2;
            if (i >= end) return line;
            const x = upper(buf[s] as number);
            if (upper(buf[s + 1] as number) !== 0x4d) return line;
            if (x === 0x41 || x === 0x56) half = 0;
            else if (x === 0x50 || x === 0x4e) half = 1;
            else return line;
          } else if (role === CODE) {
            if (s + 2 >= end) return line;
            const x = buf[s] as number;
            const y = buf[s + 1] as number;
            const single = y === delimiter || y === LF || y === CR;
            i = single ? s + 1 : s + 2;
            const key = single ? x : (x << 8) | y;
            code = codeOfKey[key] as number;
            if (code === UNKNOWN) {
              code = codeIndex(buf.toString('utf8', s, i));
              codeOfKey[key] = code;
            }
            if (code < 0 || isBlank(x) || isBlank(buf[i - 1] as number)) return line;
          } else if (role === ID) {
            // Compared with the previous line's id while it is scanned.
            const known = fastId;
            let same = true;
            for (;;) {
              if (i >= end) return line;
              const x = buf[i] as number;
              if (x === delimiter || x === LF || x === CR) break;
              if (x <= 0x20 || x >= 0x7f || x === QUOTE) return line;
              if (same && x !== known.charCodeAt(i - s)) same = false;
              i++;
            }
            const length = i - s;
            if (length === 0) return line;
            if (!same || length !== known.length) {
              // Usually the pupil after the previous one (both files in the same order); else look the id up.
              const next = pupils.ids[fastPupil + 1];
              let found = next !== undefined && next.length === length ? fastPupil + 1 : -1;
              for (let k = 0; found >= 0 && k < length; k++) {
                if ((next as string).charCodeAt(k) !== buf[s + k]) found = -1;
              }
              if (found < 0) found = pupils.indexOf(buf.toString('latin1', s, i));
              if (found < 0) return line;
              fastId = pupils.ids[found] as string;
              fastPupil = found;
            }
            pupil = fastPupil;
          } else {
            for (;;) {
              if (i >= end) return line;
              const x = buf[i] as number;
              if (x === delimiter || x === LF || x === CR) break;
              if (x === QUOTE) return line;
              i++;
            }
          }
          // The field ends at a delimiter, a line feed or CR LF.
          if (i >= end) return line;
          const b = buf[i] as number;
          seen |= 1 << role;
          f++;
          if (b === delimiter) {
            i++;
            continue;
          }
          // A lone LF where the file breaks lines with CR LF is part of the value: the generic reading's.
          if (b === LF && newline === 'lf') i++;
          else if (b === CR && i + 1 < end && buf[i + 1] === LF) i += 2;
          else return line;
          break;
        }
        if ((seen & 30) !== 30) return line;
        const slot = day * 2 + half;
        if (!schoolSlots.has(slot)) return line;
        if (
          day > (pupils.enrolledUntil[pupil] as number) ||
          (day >= firstDayOfYear && day < (pupils.enrolledFrom[pupil] as number))
        )
          return line;
        progress.row++;
        rowsRead++;
        store(pupil, slot, code, progress.row);
        line = i;
      }
      return line;
    };
  };

  const readProblems: Problem[] = [];
  await readFile(
    file,
    readProblems,
    { required: ['pupil_id', 'date', 'half', 'code'], optional: ['note'] },
    (row, record, c) => {
      rowsRead++;
      const buf = record.buf;
      // Pupil.
      let pupil = -1;
      let pupilText: string | null = null;
      const idColumn = c.pupil_id as number;
      if (record.trimmedRange(idColumn, range) && (range[1] as number) - (range[0] as number) <= lastId.length) {
        const s = range[0] as number;
        const length = (range[1] as number) - s;
        let same = length === lastIdLength && length > 0;
        for (let k = 0; same && k < length; k++) same = buf[s + k] === lastId[k];
        if (same) pupil = lastPupil;
        else {
          pupilText = record.text(idColumn);
          pupil = pupils.indexOf(pupilText);
          for (let k = 0; k < length; k++) lastId[k] = buf[s + k] as number;
          lastIdLength = pupil >= 0 ? length : -1;
          lastPupil = pupil;
        }
      } else {
        pupilText = record.text(idColumn);
        pupil = pupils.indexOf(pupilText);
      }
      // Date.
      const dateColumn = c.date as number;
      const day = dates.day(record, dateColumn);
      // Half: AM/VM = 0, PM/NM = 1.
      let half = UNKNOWN;
      const halfColumn = c.half as number;
      if (record.trimmedRange(halfColumn, range) && (range[1] as number) - (range[0] as number) === 2) {
        const a = upper(buf[range[0] as number] as number);
        const b = upper(buf[(range[0] as number) + 1] as number);
        if (b === 0x4d && (a === 0x41 || a === 0x56)) half = 0;
        else if (b === 0x4d && (a === 0x50 || a === 0x4e)) half = 1;
      }
      if (half === UNKNOWN) {
        const parsed = parseHalf(record.text(halfColumn));
        half = parsed === 'AM' ? 0 : parsed === 'PM' ? 1 : INVALID;
      }
      // Code: index into ABSENCE_CODES.
      let code = UNKNOWN;
      const codeColumn = c.code as number;
      if (record.trimmedRange(codeColumn, range)) {
        const length = (range[1] as number) - (range[0] as number);
        if (length === 1 || length === 2) {
          const a = buf[range[0] as number] as number;
          const key = length === 1 ? a : (a << 8) | (buf[(range[0] as number) + 1] as number);
          code = codeOfKey[key] as number;
          if (code === UNKNOWN) {
            code = codeIndex(record.text(codeColumn));
            codeOfKey[key] = code;
          }
        }
      }
      if (code === UNKNOWN) code = codeIndex(record.text(codeColumn));

      if (pupil < 0 || day < -1_000_000_000 || half === INVALID || code === INVALID) {
        const fail = (column: string, reason: string) => registerProblems.push({ file, row, column, reason });
        const id = pupilText ?? record.text(idColumn);
        if (!id) fail('pupil_id', '"pupil_id" is required');
        else if (pupil < 0) fail('pupil_id', `pupil "${id}" is not in the pupils file`);
        if (day < -1_000_000_000) fail('date', `"${record.text(dateColumn)}" is not a date`);
        if (half === INVALID) fail('half', `"${record.text(halfColumn)}" is not AM/PM`);
        if (code === INVALID) fail('code', `"${record.text(codeColumn)}" is not a known absence code`);
        return;
      }
      const slot = day * 2 + half;
      if (!schoolSlots.has(slot)) {
        const date = record.text(dateColumn);
        registerProblems.push({
          file,
          row,
          column: 'date',
          reason: `${parseCivilDate(date)} ${half === 1 ? 'PM' : 'AM'} is not a school half-day in the calendar`,
        });
        return;
      }
      // Rows of earlier school years feed the previous-year rules; within the current year the enrolment applies.
      if (
        day > (pupils.enrolledUntil[pupil] as number) ||
        (day >= firstDayOfYear && day < (pupils.enrolledFrom[pupil] as number))
      ) {
        registerProblems.push({
          file,
          row,
          column: 'date',
          reason: `pupil "${pupils.ids[pupil]}" is not enrolled on ${parseCivilDate(record.text(dateColumn))}`,
        });
        return;
      }
      store(pupil, slot, code, row);
    },
    fastLines,
  );
  const columns = sorted
    ? { pupil: rowPupil.subarray(0, rows), slot: rowSlot.subarray(0, rows), code: rowCode.subarray(0, rows) }
    : sortAndDeduplicate(
        pupils.ids.length,
        rowPupil.subarray(0, rows),
        rowSlot.subarray(0, rows),
        rowCode.subarray(0, rows),
        rowNumber.subarray(0, rows),
        (row, earlier) =>
          registerProblems.push({
            file,
            row,
            column: 'code',
            reason: `same pupil and half-day as row ${earlier} with another code`,
          }),
      );
  // In file order, as a row-by-row reading reports them (the sort is stable).
  registerProblems.sort((a, b) => (a.row as number) - (b.row as number));
  problems.push(...registerProblems, ...readProblems);
  return { ...columns, rowsRead };
}

/** Day numbers of date fields (ISO or Belgian); NO_DATE for an empty field, NOT_A_DATE for anything else. */
const NO_DATE = -2_000_000_000;
const NOT_A_DATE = -2_000_000_001;

class DateReader {
  private readonly iso = new IsoDays();
  private readonly byText = new Map<string, number>();
  private readonly range = new Int32Array(2);

  day(record: CsvRecord, column: number): number {
    const range = this.range;
    if (record.trimmedRange(column, range)) {
      const s = range[0] as number;
      const length = (range[1] as number) - s;
      if (length === 0) return NO_DATE;
      const buf = record.buf;
      if (length === 10) {
        const day = this.iso.at(buf, s);
        if (day !== NOT_HANDLED) return day;
      }
    }
    const text = record.text(column);
    if (text === '') return NO_DATE;
    let day = this.byText.get(text);
    if (day === undefined) {
      day = this.parse(text);
      if (this.byText.size < 100_000) this.byText.set(text, day);
    }
    return day;
  }

  private parse(text: string): number {
    const iso = parseCivilDate(text);
    return iso ? dayNumber(iso) : NOT_A_DATE;
  }
}

/** The index of `id` in strictly ascending `ids`, -1 when it is not there. */
function bisect(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = ids[middle] as string;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A date field's value that IsoDays leaves to the text path. */
const NOT_HANDLED = -2_100_000_000;
const NOT_FILLED = -2_100_000_001;

/** Day numbers of ISO dates (YYYY-MM-DD) from 1900 to 2199 by their digits, filled as they occur. */
class IsoDays {
  private readonly dayOf = new Int32Array(300 * 13 * 32).fill(NOT_FILLED);

  /** The day number of the ISO date in buf[s, s + 10); NOT_A_DATE for none; NOT_HANDLED for another shape. */
  at(buf: Uint8Array, s: number): number {
    if (buf[s + 4] !== 0x2d || buf[s + 7] !== 0x2d) return NOT_HANDLED;
    const key = digitsOf(buf, s);
    const year = ((key / 10_000) | 0) - 1900;
    if (key < 0 || year < 0 || year >= 300) return NOT_HANDLED;
    const index = (year * 13 + (((key / 100) | 0) % 100)) * 32 + (key % 100);
    let day = this.dayOf[index] as number;
    if (day === NOT_FILLED) {
      const iso = parseCivilDate(Buffer.from(buf.buffer, buf.byteOffset + s, 10).toString('latin1'));
      day = iso ? dayNumber(iso) : NOT_A_DATE;
      this.dayOf[index] = day;
    }
    return day;
  }
}

const YEAR_CACHE_FIRST_DAY = -25_567; // 1900-01-01
const yearCache = new Int16Array(110_000);

/** Calendar year of a day number (cached from 1900 to 2201). */
function yearOfDay(day: number): number {
  const at = day - YEAR_CACHE_FIRST_DAY;
  if (at < 0 || at >= yearCache.length) return new Date(day * 86_400_000).getUTCFullYear();
  let year = yearCache[at] as number;
  if (year === 0) {
    year = new Date(day * 86_400_000).getUTCFullYear();
    yearCache[at] = year;
  }
  return year;
}

/** YYYYMMDD of the digits of `YYYY-MM-DD` at s, or -1 when one of them is not a digit. */
function digitsOf(buf: Uint8Array, s: number): number {
  let key = 0;
  let bad = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const d = (buf[s + k] as number) - 0x30;
    bad |= d | (9 - d);
    key = key * 10 + d;
  }
  return bad < 0 ? -1 : key;
}

const CODE_INDEX = new Map(ABSENCE_CODES.map((c, i) => [c.code, i]));

function codeIndex(text: string): number {
  const code = findAbsenceCode(text);
  return code ? (CODE_INDEX.get(code.code) ?? INVALID) : INVALID;
}

/**
 * Counting sort by pupil (stable, so each pupil's rows stay in file order), then insertion sort by slot; a
 * half-day repeated with the same code is dropped, with another code reported against its first row.
 */
function sortAndDeduplicate(
  pupilCount: number,
  pupil: Int32Array,
  slot: Int32Array,
  code: Uint8Array,
  rowNumber: Int32Array,
  conflict: (row: number, earlierRow: number) => void,
): { pupil: Int32Array; slot: Int32Array; code: Uint8Array } {
  const n = pupil.length;
  const start = new Int32Array(pupilCount + 1);
  for (let i = 0; i < n; i++) {
    const at = (pupil[i] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let p = 0; p < pupilCount; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const next = start.slice(0, pupilCount);
  const outSlot = new Int32Array(n);
  const outCode = new Uint8Array(n);
  const outRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = pupil[i] as number;
    const at = next[p] as number;
    next[p] = at + 1;
    outSlot[at] = slot[i] as number;
    outCode[at] = code[i] as number;
    outRow[at] = rowNumber[i] as number;
  }
  const rowStart = new Int32Array(pupilCount + 1);
  let write = 0;
  for (let p = 0; p < pupilCount; p++) {
    const from = start[p] as number;
    const until = start[p + 1] as number;
    for (let i = from + 1; i < until; i++) {
      const s = outSlot[i] as number;
      if (s > (outSlot[i - 1] as number)) continue;
      const c = outCode[i] as number;
      const r = outRow[i] as number;
      let j = i - 1;
      while (j >= from && (outSlot[j] as number) > s) {
        outSlot[j + 1] = outSlot[j] as number;
        outCode[j + 1] = outCode[j] as number;
        outRow[j + 1] = outRow[j] as number;
        j--;
      }
      outSlot[j + 1] = s;
      outCode[j + 1] = c;
      outRow[j + 1] = r;
    }
    rowStart[p] = write;
    let firstOfGroup = from;
    for (let i = from; i < until; i++) {
      if (i > from && outSlot[i] === outSlot[firstOfGroup]) {
        if (outCode[i] !== outCode[firstOfGroup]) conflict(outRow[i] as number, outRow[firstOfGroup] as number);
        continue;
      }
      firstOfGroup = i;
      outSlot[write] = outSlot[i] as number;
      outCode[write] = outCode[i] as number;
      write++;
    }
  }
  rowStart[pupilCount] = write;
  const outPupil = new Int32Array(write);
  for (let p = 0; p < pupilCount; p++) outPupil.fill(p, rowStart[p] as number, rowStart[p + 1] as number);
  return { pupil: outPupil, slot: outSlot.subarray(0, write), code: outCode.subarray(0, write) };
}
