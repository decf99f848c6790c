// Columnar engine input (typed arrays sorted by pupil and half-day) and a builder from plain records.
import { ABSENCE_CODES, type AbsenceCode } from '../absence-codes.ts';
import type { CalendarHalfDay } from '../calendar.ts';
import { dayNumber, type Half, type IsoDate, isValidIsoDate } from '../half-day.ts';
import { CompiledCalendar, compileCalendar } from './engine-calendar.ts';

/**
 * Sentinels for open enrolment bounds and missing dates in the per-pupil day columns: far outside any real day
 * number (days since 1970), yet small integers (V8 Smis, |x| < 2^30), so hot loops compare them without unboxing.
 */
export const NO_DAY = -1_000_000_000;
export const OPEN_START = -1_000_000_000;
export const OPEN_END = 1_000_000_000;

export type PupilLevel = 'kleuter' | 'lager' | 'secundair';
/** Level codes in `EngineInput.level`: 0 = unknown. */
export const LEVEL_CODES: Readonly<Record<PupilLevel, number>> = { kleuter: 1, lager: 2, secundair: 3 };

/**
 * What the engine reads. Pupils are indexes 0 … pupilCount − 1; the register is sorted by (pupil, slot) and
 * addressed per pupil through rowStart (CSR layout), so one pupil's rows are one contiguous range.
 */
export interface EngineInput {
  readonly pupilCount: number;
  readonly pupilIds: readonly string[];
  readonly calendars: readonly CompiledCalendar[];
  /** Index into calendars, per pupil (many pupils share one school calendar). */
  readonly pupilCalendar: Int32Array;
  /** Day numbers; OPEN_START / OPEN_END when the enrolment has no bound. */
  readonly enrolledFrom: Int32Array;
  readonly enrolledUntil: Int32Array;
  /** Day number of a definitive exclusion, or NO_DAY. */
  readonly excludedOn: Int32Array;
  /** Day number from which the pupil is known to be enrolled in another school, or NO_DAY. */
  readonly enrolledElsewhereFrom: Int32Array;
  /** Calendar year of birth, 0 when unknown. */
  readonly birthYear: Int32Array;
  /** LEVEL_CODES value, 0 when unknown. */
  readonly level: Uint8Array;
  /** B half-days this school year at a previous school (Discimus shares only this count). */
  readonly carriedOverB: Int32Array;
  /** Row range of pupil p: [rowStart[p], rowStart[p + 1]). */
  readonly rowStart: Int32Array;
  /** Half-day slot of each row: dayNumber × 2 (+1 for PM). */
  readonly rowSlot: Int32Array;
  /** Code id of each row: index into codes. */
  readonly rowCode: Uint8Array;
  readonly codes: readonly AbsenceCode[];
  /** Pupil indexes sorted by pupilId (the output order). */
  readonly pupilOrder: Int32Array;
  /** Position of each pupil in pupilOrder. */
  readonly pupilRank: Int32Array;
  /** Largest number of rows of one pupil (sizes the engine's scratch buffers). */
  readonly maxRowsPerPupil: number;
}

export interface EngineInputProblem {
  /** e.g. `register[12]`, `pupils[3].birthDate`. */
  where: string;
  message: string;
}

/** Raised when plain records cannot be turned into engine input; lists every problem. */
export class EngineInputError extends Error {
  readonly problems: EngineInputProblem[];
  constructor(problems: EngineInputProblem[]) {
    const shown = problems.slice(0, 5).map((p) => `${p.where}: ${p.message}`);
    super(`Invalid engine input (${problems.length} problems): ${shown.join('; ')}`);
    this.name = 'EngineInputError';
    this.problems = problems;
  }
}

/** Columns for the fast path (benchmarks, the app's bulk loader). Optional columns default to "unknown/open". */
export interface EngineColumns {
  pupilIds: readonly string[];
  calendars: readonly CompiledCalendar[];
  pupilCalendar: Int32Array;
  enrolledFrom?: Int32Array;
  enrolledUntil?: Int32Array;
  excludedOn?: Int32Array;
  enrolledElsewhereFrom?: Int32Array;
  birthYear?: Int32Array;
  level?: Uint8Array;
  carriedOverB?: Int32Array;
  /** Register rows; need not be sorted (sorted here in O(n) when they are not). */
  register: { pupil: Int32Array; slot: Int32Array; code: Uint8Array };
  codes?: readonly AbsenceCode[];
}

function filled(length: number, value: number): Int32Array {
  return new Int32Array(length).fill(value);
}

/** Builds engine input from columns; validates shapes, sorts the register when needed, rejects conflicting duplicates. */
export function createEngineInput(columns: EngineColumns): EngineInput {
  const pupilCount = columns.pupilIds.length;
  const codes = columns.codes ?? ABSENCE_CODES;
  if (codes.length > 31) throw new EngineInputError([{ where: 'codes', message: 'at most 31 codes are supported' }]);
  const { pupil, slot, code } = columns.register;
  const rowCount = pupil.length;
  const problems: EngineInputProblem[] = [];
  if (slot.length !== rowCount || code.length !== rowCount) {
    problems.push({ where: 'register', message: 'pupil, slot and code columns differ in length' });
  }
  if (columns.pupilCalendar.length !== pupilCount) {
    problems.push({ where: 'pupilCalendar', message: 'one calendar index per pupil is required' });
  }
  for (let p = 0; p < columns.pupilCalendar.length && problems.length < 100; p++) {
    const c = columns.pupilCalendar[p] as number;
    if (c < 0 || c >= columns.calendars.length) {
      problems.push({ where: `pupilCalendar[${p}]`, message: `no calendar with index ${c}` });
    }
  }
  for (let i = 0; i < rowCount && problems.length < 100; i++) {
    const p = pupil[i] as number;
    if (p < 0 || p >= pupilCount) problems.push({ where: `register[${i}]`, message: `no pupil with index ${p}` });
    if ((code[i] as number) >= codes.length) {
      problems.push({ where: `register[${i}]`, message: `no code with id ${code[i]}` });
    }
  }
  if (problems.length > 0) throw new EngineInputError(problems);

  let sorted = true;
  for (let i = 1; i < rowCount; i++) {
    const dp = (pupil[i] as number) - (pupil[i - 1] as number);
    if (dp < 0 || (dp === 0 && (slot[i] as number) <= (slot[i - 1] as number))) {
      sorted = false;
      break;
    }
  }
  const rowStart = new Int32Array(pupilCount + 1);
  for (let i = 0; i < rowCount; i++) {
    const at = (pupil[i] as number) + 1;
    rowStart[at] = (rowStart[at] as number) + 1;
  }
  for (let p = 0; p < pupilCount; p++) rowStart[p + 1] = (rowStart[p + 1] as number) + (rowStart[p] as number);
  let rowSlot = slot;
  let rowCode = code;
  let finalStart = rowStart;
  let maxRowsPerPupil = 0;
  if (sorted) {
    // Sorted strictly by (pupil, slot): no duplicates, the caller's columns are used as they are.
    for (let p = 0; p < pupilCount; p++) {
      maxRowsPerPupil = Math.max(maxRowsPerPupil, (rowStart[p + 1] as number) - (rowStart[p] as number));
    }
  } else {
    ({ rowSlot, rowCode } = sortRowsByPupil(pupil, slot, code, rowStart));
    // Duplicates: the same half-day twice with one code is harmless; with two codes it is ambiguous.
    let write = 0;
    finalStart = new Int32Array(pupilCount + 1);
    for (let p = 0; p < pupilCount; p++) {
      finalStart[p] = write;
      const from = rowStart[p] as number;
      const until = rowStart[p + 1] as number;
      for (let i = from; i < until; i++) {
        if (i > from && rowSlot[i] === rowSlot[i - 1]) {
          if (rowCode[i] !== rowCode[i - 1]) {
            problems.push({
              where: `register (pupil ${columns.pupilIds[p]})`,
              message: `half-day slot ${rowSlot[i]} registered twice with different codes`,
            });
          }
          continue;
        }
        rowSlot[write] = rowSlot[i] as number;
        rowCode[write] = rowCode[i] as number;
        write++;
      }
      maxRowsPerPupil = Math.max(maxRowsPerPupil, write - (finalStart[p] as number));
    }
    finalStart[pupilCount] = write;
    if (problems.length > 0) throw new EngineInputError(problems);
    if (write !== rowCount) {
      rowSlot = rowSlot.slice(0, write);
      rowCode = rowCode.slice(0, write);
    }
  }
  const { pupilOrder, pupilRank } = orderPupils(columns.pupilIds);
  return {
    pupilCount,
    pupilIds: columns.pupilIds,
    calendars: columns.calendars,
    pupilCalendar: columns.pupilCalendar,
    enrolledFrom: columns.enrolledFrom ?? filled(pupilCount, OPEN_START),
    enrolledUntil: columns.enrolledUntil ?? filled(pupilCount, OPEN_END),
    excludedOn: columns.excludedOn ?? filled(pupilCount, NO_DAY),
    enrolledElsewhereFrom: columns.enrolledElsewhereFrom ?? filled(pupilCount, NO_DAY),
    birthYear: columns.birthYear ?? new Int32Array(pupilCount),
    level: columns.level ?? new Uint8Array(pupilCount),
    carriedOverB: columns.carriedOverB ?? new Int32Array(pupilCount),
    rowStart: finalStart,
    rowSlot,
    rowCode,
    codes,
    pupilOrder,
    pupilRank,
    maxRowsPerPupil,
  };
}

/**
 * Counting sort by pupil, then insertion sort by slot within each pupil (a pupil has few hundred rows at most);
 * rows of a pupil with the same slot keep their order. `rowStart`: where each pupil's rows start (and the end).
 */
export function sortRowsByPupil(
  pupil: Int32Array,
  slot: Int32Array,
  code: Uint8Array,
  rowStart: Int32Array,
): { rowSlot: Int32Array; rowCode: Uint8Array } {
  const next = rowStart.slice(0, rowStart.length - 1);
  const rowSlot = new Int32Array(slot.length);
  const rowCode = new Uint8Array(code.length);
  for (let i = 0; i < pupil.length; i++) {
    const p = pupil[i] as number;
    const at = next[p] as number;
    next[p] = at + 1;
    rowSlot[at] = slot[i] as number;
    rowCode[at] = code[i] as number;
  }
  for (let p = 0; p + 1 < rowStart.length; p++) {
    const from = rowStart[p] as number;
    const until = rowStart[p + 1] as number;
    for (let i = from + 1; i < until; i++) {
      const s = rowSlot[i] as number;
      const c = rowCode[i] as number;
      let j = i - 1;
      while (j >= from && (rowSlot[j] as number) > s) {
        rowSlot[j + 1] = rowSlot[j] as number;
        rowCode[j + 1] = rowCode[j] as number;
        j--;
      }
      rowSlot[j + 1] = s;
      rowCode[j + 1] = c;
    }
  }
  return { rowSlot, rowCode };
}

/** Output order: by pupilId (code-unit order). Skips the sort when the ids are already in order. */
function orderPupils(pupilIds: readonly string[]): { pupilOrder: Int32Array; pupilRank: Int32Array } {
  const n = pupilIds.length;
  const pupilOrder = new Int32Array(n);
  let inOrder = true;
  for (let i = 1; i < n; i++) {
    if ((pupilIds[i - 1] as string) >= (pupilIds[i] as string)) {
      inOrder = false;
      break;
    }
  }
  for (let i = 0; i < n; i++) pupilOrder[i] = i;
  if (!inOrder) {
    const order = Array.from(pupilOrder).sort((a, b) => {
      const x = pupilIds[a] as string;
      const y = pupilIds[b] as string;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    pupilOrder.set(order);
  }
  const pupilRank = new Int32Array(n);
  for (let i = 0; i < n; i++) pupilRank[pupilOrder[i] as number] = i;
  return { pupilOrder, pupilRank };
}

const pupilIndexCache = new WeakMap<EngineInput, Map<string, number>>();

/** Pupil indexes for pupil ids (for recomputing only the pupils an import touched); unknown ids are skipped. */
export function pupilIndexesOf(input: EngineInput, pupilIds: Iterable<string>): Int32Array {
  let byId = pupilIndexCache.get(input);
  if (!byId) {
    byId = new Map(input.pupilIds.map((id, index) => [id, index]));
    pupilIndexCache.set(input, byId);
  }
  const out: number[] = [];
  for (const id of pupilIds) {
    const index = byId.get(id);
    if (index !== undefined) out.push(index);
  }
  return Int32Array.from(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Builder from plain records (CLI, app, tests).

export interface PupilRecord {
  pupilId: string;
  /** Id of one of the calendars passed alongside. */
  calendarId: string;
  birthDate?: IsoDate | null;
  level?: PupilLevel | null;
  enrolledFrom?: IsoDate | null;
  enrolledUntil?: IsoDate | null;
  excludedOn?: IsoDate | null;
  /** When the pupil is known to be enrolled in another school (after an exclusion). */
  enrolledElsewhereFrom?: IsoDate | null;
  /** B half-days this school year at a previous school, as shared by Discimus. */
  carriedOverBHalfDays?: number | null;
}

export interface RegisterRecord {
  pupilId: string;
  date: IsoDate;
  half: Half;
  /** Code as registered (case-insensitive). */
  code: string;
}

export type CalendarRecord = CompiledCalendar | { id: string; halfDays: Iterable<CalendarHalfDay> };

export interface EngineRecords {
  pupils: readonly PupilRecord[];
  register: Iterable<RegisterRecord>;
  calendars: readonly CalendarRecord[];
  codes?: readonly AbsenceCode[];
}

/** Builds columnar engine input from plain records; throws EngineInputError listing every problem. */
export function buildEngineInput(records: EngineRecords): EngineInput {
  const codes = records.codes ?? ABSENCE_CODES;
  const problems: EngineInputProblem[] = [];
  const calendars = records.calendars.map((c) =>
    c instanceof CompiledCalendar ? c : compileCalendar(c.id, c.halfDays),
  );
  const calendarIndex = new Map(calendars.map((c, i) => [c.id, i]));
  const codeIndex = new Map(codes.map((c, i) => [c.code.toUpperCase(), i]));
  const pupilCount = records.pupils.length;
  const pupilIndex = new Map<string, number>();
  const pupilCalendar = new Int32Array(pupilCount);
  const enrolledFrom = filled(pupilCount, OPEN_START);
  const enrolledUntil = filled(pupilCount, OPEN_END);
  const excludedOn = filled(pupilCount, NO_DAY);
  const enrolledElsewhereFrom = filled(pupilCount, NO_DAY);
  const birthYear = new Int32Array(pupilCount);
  const level = new Uint8Array(pupilCount);
  const carriedOverB = new Int32Array(pupilCount);
  // Pupils share a few enrolment dates: validate and convert each distinct text once (null: not a date).
  const validDays = new Map<string, number | null>();
  const validDay = (value: string): number | null => {
    let known = validDays.get(value);
    if (known === undefined) {
      known = isValidIsoDate(value) ? dayNumber(value) : null;
      validDays.set(value, known);
    }
    return known;
  };
  const day = (value: IsoDate | null | undefined, where: string, fallback: number): number => {
    if (value === null || value === undefined || value === '') return fallback;
    const known = validDay(value);
    if (known === null) {
      problems.push({ where, message: `"${value}" is not a YYYY-MM-DD date` });
      return fallback;
    }
    return known;
  };
  records.pupils.forEach((pupil, p) => {
    const where = `pupils[${p}]`;
    if (pupilIndex.has(pupil.pupilId)) problems.push({ where, message: `duplicate pupil id ${pupil.pupilId}` });
    pupilIndex.set(pupil.pupilId, p);
    const c = calendarIndex.get(pupil.calendarId);
    if (c === undefined)
      problems.push({ where: `${where}.calendarId`, message: `unknown calendar ${pupil.calendarId}` });
    pupilCalendar[p] = c ?? 0;
    enrolledFrom[p] = day(pupil.enrolledFrom, `${where}.enrolledFrom`, OPEN_START);
    enrolledUntil[p] = day(pupil.enrolledUntil, `${where}.enrolledUntil`, OPEN_END);
    excludedOn[p] = day(pupil.excludedOn, `${where}.excludedOn`, NO_DAY);
    enrolledElsewhereFrom[p] = day(pupil.enrolledElsewhereFrom, `${where}.enrolledElsewhereFrom`, NO_DAY);
    if (pupil.birthDate) {
      if (validDay(pupil.birthDate) !== null) birthYear[p] = Number(pupil.birthDate.slice(0, 4));
      else problems.push({ where: `${where}.birthDate`, message: `"${pupil.birthDate}" is not a YYYY-MM-DD date` });
    }
    if (pupil.level) level[p] = LEVEL_CODES[pupil.level] ?? 0;
    const carried = pupil.carriedOverBHalfDays ?? 0;
    if (!Number.isInteger(carried) || carried < 0) {
      problems.push({ where: `${where}.carriedOverBHalfDays`, message: 'must be a whole number ≥ 0' });
    } else carriedOverB[p] = carried;
  });
  const rowPupil: number[] = [];
  const rowSlot: number[] = [];
  const rowCode: number[] = [];
  // A register repeats the same few hundred dates: validate and convert each distinct date text once.
  const dayOfDate = new Map<string, number | null>();
  let i = 0;
  for (const row of records.register) {
    const index = i++;
    const p = pupilIndex.get(row.pupilId);
    const c = codeIndex.get(row.code) ?? codeIndex.get(row.code.trim().toUpperCase());
    let day = dayOfDate.get(row.date);
    if (day === undefined) {
      day = isValidIsoDate(row.date) ? dayNumber(row.date) : null;
      dayOfDate.set(row.date, day);
    }
    if (p === undefined) problems.push({ where: `register[${index}]`, message: `unknown pupil ${row.pupilId}` });
    if (c === undefined) problems.push({ where: `register[${index}]`, message: `unknown code ${row.code}` });
    if (day === null) problems.push({ where: `register[${index}]`, message: `"${row.date}" is not a YYYY-MM-DD date` });
    if (row.half !== 'AM' && row.half !== 'PM')
      problems.push({ where: `register[${index}]`, message: `half must be AM or PM` });
    if (p === undefined || c === undefined || day === null || problems.length > 0) continue;
    rowPupil.push(p);
    rowSlot.push(day * 2 + (row.half === 'PM' ? 1 : 0));
    rowCode.push(c);
  }
  if (problems.length > 0) throw new EngineInputError(problems);
  return createEngineInput({
    pupilIds: records.pupils.map((p) => p.pupilId),
    calendars,
    pupilCalendar,
    enrolledFrom,
    enrolledUntil,
    excludedOn,
    enrolledElsewhereFrom,
    birthYear,
    level,
    carriedOverB,
    register: { pupil: Int32Array.from(rowPupil), slot: Int32Array.from(rowSlot), code: Uint8Array.from(rowCode) },
    codes,
  });
}
