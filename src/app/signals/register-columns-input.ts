// The signals recompute's input from register columns (a school's first import, issue 16): the engine's columns
// straight from the typed arrays the import kept, without an object per row; the same input buildEngineInput
// makes from the equal records (register-columns-input.test.ts).
import { dayNumber } from '../../domain/civil-date.ts';
import type { RegisterHalfDay } from '../../domain/medical/certificates.ts';
import { COLUMN_CODES, type RegisterColumns } from '../../domain/register-columns.ts';
import { isoFromDayNumber } from '../../domain/rules/civil-day.ts';
import {
  buildEngineInput,
  type CompiledCalendar,
  createEngineInput,
  type EngineInput,
  type PupilRecord,
  type RegisterRecord,
} from '../../domain/rules/index.ts';
import type { SchoolYear } from '../../domain/school-year.ts';
import { type CertificateRows, CHECKED_CODES } from './certificate-signals.ts';

/** The rows from day `from` up to day `until` (both included); the columns themselves when all are. */
export function columnsWithin(columns: RegisterColumns, from: string, until: string): RegisterColumns {
  const low = dayNumber(from) * 2;
  const high = dayNumber(until) * 2 + 1;
  let inside = 0;
  for (let i = 0; i < columns.length; i++) {
    const slot = columns.slot[i] as number;
    if (slot >= low && slot <= high) inside++;
  }
  if (inside === columns.length) return columns;
  const pupil = new Int32Array(inside);
  const slot = new Int32Array(inside);
  const code = new Uint8Array(inside);
  let at = 0;
  for (let i = 0; i < columns.length; i++) {
    const s = columns.slot[i] as number;
    if (s < low || s > high) continue;
    pupil[at] = columns.pupil[i] as number;
    slot[at] = s;
    code[at] = columns.code[i] as number;
    at++;
  }
  return { length: inside, pupil, slot, code };
}

/**
 * Engine input for some pupils (their records, one school calendar) from register columns plus a few register
 * records (a school changer's rows elsewhere): rows of other pupils are left out.
 */
export function engineInputFromColumns(
  pupils: readonly PupilRecord[],
  calendar: CompiledCalendar,
  columns: RegisterColumns,
  records: readonly RegisterRecord[],
): EngineInput {
  const enrolled = new Set(pupils.map((p) => p.pupilId));
  // The pupils' columns (and the records' rows, validated) as buildEngineInput makes them.
  const base = buildEngineInput({
    pupils,
    register: records.filter((r) => enrolled.has(r.pupilId)),
    calendars: [calendar],
  });
  const indexOf = new Map<number, number>();
  pupils.forEach((p, i) => {
    indexOf.set(Number(p.pupilId), i);
  });
  const baseRows = base.rowSlot.length;
  let rows = baseRows;
  for (let i = 0; i < columns.length; i++) if (indexOf.has(columns.pupil[i] as number)) rows++;
  const pupil = new Int32Array(rows);
  const slot = new Int32Array(rows);
  const code = new Uint8Array(rows);
  let at = 0;
  for (let p = 0; p < base.pupilCount; p++) {
    for (let r = base.rowStart[p] as number; r < (base.rowStart[p + 1] as number); r++) {
      pupil[at] = p;
      slot[at] = base.rowSlot[r] as number;
      code[at] = base.rowCode[r] as number;
      at++;
    }
  }
  for (let i = 0; i < columns.length; i++) {
    const p = indexOf.get(columns.pupil[i] as number);
    if (p === undefined) continue;
    pupil[at] = p;
    slot[at] = columns.slot[i] as number;
    code[at] = columns.code[i] as number;
    at++;
  }
  return createEngineInput({
    pupilIds: base.pupilIds,
    calendars: base.calendars,
    pupilCalendar: base.pupilCalendar,
    enrolledFrom: base.enrolledFrom,
    enrolledUntil: base.enrolledUntil,
    excludedOn: base.excludedOn,
    enrolledElsewhereFrom: base.enrolledElsewhereFrom,
    birthYear: base.birthYear,
    level: base.level,
    carriedOverB: base.carriedOverB,
    register: { pupil, slot, code },
    codes: base.codes,
  });
}

/** The rows with one of `codes` as register records (the few that per-pupil checks read as objects). */
export function recordsWithCodes(columns: RegisterColumns, codes: ReadonlySet<string>): RegisterRecord[] {
  const wanted = COLUMN_CODES.map((code) => codes.has(code));
  const dates = new Map<number, string>();
  const out: RegisterRecord[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (!wanted[columns.code[i] as number]) continue;
    const slot = columns.slot[i] as number;
    let date = dates.get(slot >> 1);
    if (date === undefined) {
      date = isoFromDayNumber(slot >> 1);
      dates.set(slot >> 1, date);
    }
    out.push({
      pupilId: String(columns.pupil[i]),
      date,
      half: slot & 1 ? 'PM' : 'AM',
      code: COLUMN_CODES[columns.code[i] as number] as string,
    });
  }
  return out;
}

/**
 * certificateRows (certificate-signals.ts) of the rows in `columns`, straight from the typed arrays: one object per Z
 * or D half-day of the school year up to `asOf`, in the columns' order (register-columns-input.test.ts compares).
 */
export function certificateRowsFromColumns(columns: RegisterColumns, year: SchoolYear, asOf: string): CertificateRows {
  const wanted = COLUMN_CODES.map((code) => CHECKED_CODES.has(code));
  const low = dayNumber(year.firstDay) * 2;
  const high = dayNumber(asOf) * 2 + 1;
  const dates = new Map<number, string>();
  const rowsOf = new Map<number, RegisterHalfDay[]>();
  for (let i = 0; i < columns.length; i++) {
    const code = columns.code[i] as number;
    const slot = columns.slot[i] as number;
    if (!wanted[code] || slot < low || slot > high) continue;
    let date = dates.get(slot >> 1);
    if (date === undefined) {
      date = isoFromDayNumber(slot >> 1);
      dates.set(slot >> 1, date);
    }
    const row: RegisterHalfDay = { date, half: slot & 1 ? 'PM' : 'AM', code: COLUMN_CODES[code] as string };
    const pupil = columns.pupil[i] as number;
    const list = rowsOf.get(pupil);
    if (list) list.push(row);
    else rowsOf.set(pupil, [row]);
  }
  return new Map([...rowsOf].map(([pupil, rows]) => [String(pupil), rows]));
}
