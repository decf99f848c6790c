// The register import's fast path (issue 16): reads CSV lines of the usual shape straight from the file's bytes —
// values without surrounding blanks (quoted whole or not at all), ISO or Belgian dates, known pupils and codes, a
// note without characters to escape, and nothing to report — keeps their half-days in AcceptedRows and writes
// their COPY rows from pre-encoded pieces. Any other line is declined: register-import.ts reads it row by row and
// reports it as before.
import type { EnrolmentPeriod } from '../../db/pupil.repository.ts';
import { ABSENCE_CODES, findAbsenceCode } from '../../domain/absence-codes.ts';
import { dayNumber, parseCivilDate } from '../../domain/half-day.ts';
import { IMPORT_TEXT_LIMITS } from '../../domain/input-limits.ts';
import type { RegisterDataCheck } from '../../domain/register-data-checks.ts';
import { ACCEPTED, type AcceptedRows } from './accepted-rows.ts';
import type { ColumnField, ColumnIndex, REGISTER_COLUMNS } from './columns.ts';
import type { CsvLineSink } from './csv-bytes.ts';
import type { ProblemList } from './import-problem.ts';
import type { RegisterCopyRows } from './register-copy-rows.ts';

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const QUOTE = 0x22;
const APOSTROPHE = 0x27; // the formula guard (decision 0010): a value starting with it is left to the row path
const BACKSLASH = 0x5c;
const UNKNOWN = -2;
const INVALID = -1;
const CODE_INDEX = new Map(ABSENCE_CODES.map((c, i) => [c.code, i]));

export interface RegisterLineContext {
  index: ColumnIndex<ColumnField<typeof REGISTER_COLUMNS>>;
  /** A VM and an NM code column instead of a half and a code column. */
  wide: boolean;
  delimiter: string;
  /** Lines end in CR LF (papaparse's line break): a lone LF is inside a value. */
  crlf: boolean;
  pupilIndexOf: ReadonlyMap<string, number>;
  pupils: readonly { id: number; periods: EnrolmentPeriod[] }[];
  masks: ReadonlyMap<string, number>;
  accepted: AcceptedRows;
  problems: ProblemList;
  /** The data check of an enrolment and a code (cached by the caller). */
  checkOf(period: EnrolmentPeriod, code: string): RegisterDataCheck | null;
  /** A row with an A code for a compulsory-age kleuter (a warning). */
  aRow(pupilText: string, row: number): void;
  /** Notes the date of an accepted half-day (the import's changed dates). */
  acceptedDate(date: string): void;
  /** Counts a written row of a pupil. */
  written(pupilId: number): void;
  /** Where the rows go. */
  rows: RegisterCopyRows;
}

/** A date of the file, as the rows use it. */
interface FileDate {
  date: string;
  day: number;
  /** School half-days on the date: 1 AM, 2 PM. */
  mask: number;
  /** AcceptedRows.dayPosition (school dates only). */
  position: number;
  /** The date as RegisterCopyRows writes it. */
  piece: Buffer;
  noted: boolean;
}

/** The fast path's `lines` for CsvByteReader. */
export function registerFastLines(c: RegisterLineContext): CsvLineSink['lines'] {
  const { index, wide, crlf, pupils, accepted, rows } = c;
  const delimiter = c.delimiter.charCodeAt(0);
  const idColumn = index.pupil_id;
  const dateColumn = index.date;
  const noteColumn = index.note;
  const firstColumn = wide ? index.am_code : index.half;
  const secondColumn = wide ? index.pm_code : index.code;
  const lastColumn = Math.max(idColumn, dateColumn, noteColumn, firstColumn, secondColumn);
  const starts = new Int32Array(lastColumn + 1);
  const ends = new Int32Array(lastColumn + 1);
  const noteLimit = IMPORT_TEXT_LIMITS.note;
  // Caches: the previous line's pupil id (a register is mostly grouped by pupil), dates by their digits, codes by
  // their one or two bytes, each pupil's `id\t`, and the data checks of the last enrolment by code.
  const lastId = new Uint8Array(64);
  let lastIdLength = -1;
  let lastPupil = -1;
  let lastText = '';
  const dates = new Map<number, FileDate | null>();
  const codeOfKey = new Int16Array(1 << 16).fill(UNKNOWN);
  let checksPeriod: EnrolmentPeriod | null = null;
  const checks: (RegisterDataCheck | null | undefined)[] = [];
  // The line's half-days: half (0 AM, 1 PM) and code index, and the data check of each.
  const entryHalf = [0, 0];
  const entryCode = [0, 0];
  const entryCheck: (RegisterDataCheck | null)[] = [null, null];

  /** The date in [s, e): ISO or Belgian (digits with `-`, `/` or `.`), cached by its bytes; undefined for other text. */
  const fileDate = (buf: Buffer, s: number, e: number): FileDate | null | undefined => {
    const length = e - s;
    if (length < 8 || length > 10) return undefined;
    // Four bits a character and the length: one exact number per text.
    let key = length;
    for (let k = s; k < e; k++) {
      const b = buf[k] as number;
      let v: number;
      if (b >= 0x30 && b <= 0x39) v = b - 0x30;
      else if (b === 0x2d) v = 10;
      else if (b === 0x2f) v = 11;
      else if (b === 0x2e) v = 12;
      else return undefined;
      key = key * 16 + v;
    }
    let found = dates.get(key);
    if (found === undefined) {
      const date = parseCivilDate(buf.toString('latin1', s, e));
      const mask = date ? (c.masks.get(date) ?? 0) : 0;
      if (date) {
        const day = dayNumber(date);
        const position = mask ? accepted.dayPosition(date) : -1;
        found = { date, day, mask, position, piece: rows.datePiece(date, day), noted: false };
      } else found = null;
      dates.set(key, found);
    }
    return found;
  };

  /** The code index of a value of one or two plain ASCII bytes; INVALID for anything else. */
  const codeOf = (buf: Buffer, s: number, e: number): number => {
    const length = e - s;
    if (length < 1 || length > 2) return INVALID;
    const x = buf[s] as number;
    const y = buf[e - 1] as number;
    if (x <= 0x20 || x >= 0x7f || x === APOSTROPHE || y <= 0x20 || y >= 0x7f) return INVALID;
    const key = length === 1 ? x : (x << 8) | y;
    let code = codeOfKey[key] as number;
    if (code === UNKNOWN) {
      const found = findAbsenceCode(buf.toString('latin1', s, e));
      code = found ? (CODE_INDEX.get(found.code) ?? INVALID) : INVALID;
      codeOfKey[key] = code;
    }
    return code;
  };

  /** The pupil index of the id in [s, e): the previous line's, or looked up; -1 when it is left to the row path. */
  const pupilOf = (buf: Buffer, s: number, e: number): number => {
    const length = e - s;
    if (length <= 0 || length > lastId.length) return -1;
    const x = buf[s] as number;
    const y = buf[e - 1] as number;
    if (x <= 0x20 || x >= 0x7f || x === APOSTROPHE || y <= 0x20 || y >= 0x7f) return -1;
    let same = length === lastIdLength;
    for (let k = 0; same && k < length; k++) same = buf[s + k] === lastId[k];
    if (same) return lastPupil;
    const text = buf.toString('utf8', s, e);
    const found = c.pupilIndexOf.get(text);
    if (found === undefined) return -1;
    for (let k = 0; k < length; k++) lastId[k] = buf[s + k] as number;
    lastIdLength = length;
    lastPupil = found;
    lastText = text;
    return found;
  };

  return (buf, at, end, progress) => {
    let line = at;
    while (line < end) {
      // Fields up to the line feed. A value may be quoted whole ("…", no quote, CR or LF inside, the delimiter or
      // the line's end right after it: papaparse reads the text between the quotes); any other quote leaves the line
      // to papaparse.
      let i = line;
      let f = 0;
      let fieldStart = line;
      let quotedStart = -1;
      let quotedEnd = -1;
      for (;;) {
        if (i >= end) return line;
        const b = buf[i] as number;
        if (b === delimiter) {
          if (f <= lastColumn) {
            starts[f] = quotedStart < 0 ? fieldStart : quotedStart;
            ends[f] = quotedStart < 0 ? i : quotedEnd;
          }
          f++;
          fieldStart = i + 1;
          quotedStart = -1;
        } else if (b === LF) break;
        else if (b === QUOTE) {
          if (i !== fieldStart) return line;
          let j = i + 1;
          for (;;) {
            if (j >= end) return line;
            const x = buf[j] as number;
            if (x === QUOTE) break;
            if (x === LF || x === CR) return line;
            j++;
          }
          quotedStart = i + 1;
          quotedEnd = j;
          i = j + 1;
          if (i >= end) return line;
          const after = buf[i] as number;
          if (after === CR ? !(i + 1 < end && buf[i + 1] === LF) : after !== delimiter && after !== LF) return line;
          continue;
        }
        i++;
      }
      let contentEnd = i;
      if (i > line && buf[i - 1] === CR) contentEnd = i - 1;
      else if (crlf) return line;
      if (f <= lastColumn) {
        starts[f] = quotedStart < 0 ? fieldStart : quotedStart;
        ends[f] = quotedStart < 0 ? contentEnd : quotedEnd;
      }
      const fields = f + 1;
      const next = i + 1;

      if (c.problems.full) {
        // The file is rejected and no more problems are collected: only the rows are counted (a line with quotes
        // may be blank to papaparse, which reads it then).
        if (quotedEnd >= 0) return line;
        let blank = true;
        for (let k = line; blank && k < contentEnd; k++) {
          const b = buf[k] as number;
          blank = b <= 0x20 || b >= 0x7f || b === delimiter;
        }
        if (blank) return line;
        progress.row++;
        line = next;
        continue;
      }

      if (idColumn >= fields || dateColumn >= fields) return line;
      const pupilIndex = pupilOf(buf, starts[idColumn] as number, ends[idColumn] as number);
      if (pupilIndex < 0) return line;
      const date = fileDate(buf, starts[dateColumn] as number, ends[dateColumn] as number);
      if (!date) return line;

      let noteStart = 0;
      let noteEnd = 0;
      if (noteColumn >= 0 && noteColumn < fields) {
        noteStart = starts[noteColumn] as number;
        noteEnd = ends[noteColumn] as number;
      }
      if (noteEnd > noteStart) {
        if (noteEnd - noteStart > noteLimit) return line;
        const x = buf[noteStart] as number;
        const y = buf[noteEnd - 1] as number;
        if (x <= 0x20 || x >= 0x7f || x === APOSTROPHE || y <= 0x20 || y >= 0x7f) return line;
        for (let k = noteStart; k < noteEnd; k++) {
          const b = buf[k] as number;
          if (b < 0x20 || b === BACKSLASH || b === TAB) return line;
        }
      }

      // The half-days of the line: one (half and code) or up to two (VM and NM codes).
      let entries = 0;
      if (wide) {
        for (let half = 0; half < 2; half++) {
          const column = half === 0 ? firstColumn : secondColumn;
          if (column < 0 || column >= fields) continue;
          const s = starts[column] as number;
          const e = ends[column] as number;
          if (e === s) continue;
          const code = codeOf(buf, s, e);
          if (code < 0) return line;
          entryHalf[entries] = half;
          entryCode[entries] = code;
          entries++;
        }
      } else {
        if (firstColumn >= fields || secondColumn >= fields) return line;
        const hs = starts[firstColumn] as number;
        if ((ends[firstColumn] as number) - hs !== 2) return line;
        const x = (buf[hs] as number) & 0xdf;
        if (((buf[hs + 1] as number) & 0xdf) !== 0x4d) return line; // M
        if (x === 0x41 || x === 0x56)
          entryHalf[0] = 0; // A, V
        else if (x === 0x50 || x === 0x4e)
          entryHalf[0] = 1; // P, N
        else return line;
        const code = codeOf(buf, starts[secondColumn] as number, ends[secondColumn] as number);
        if (code < 0) return line;
        entryCode[0] = code;
        entries = 1;
      }

      // Every check the row path makes, without a side effect: a problem or another code for the half-day
      // leaves the line to the row path.
      const pupil = pupils[pupilIndex] as { id: number; periods: EnrolmentPeriod[] };
      for (let e = 0; e < entries; e++) {
        const half = entryHalf[e] as number;
        if ((date.mask & (half + 1)) === 0) return line;
        let period: EnrolmentPeriod | null = null;
        for (const p of pupil.periods)
          if (date.date >= p.from && date.date <= p.until) {
            period = p;
            break;
          }
        if (!period) return line;
        const code = entryCode[e] as number;
        let check: RegisterDataCheck | null = null;
        if (period.level && period.birthDate) {
          if (period !== checksPeriod) {
            checksPeriod = period;
            checks.fill(undefined);
          }
          check = checks[code] ?? null;
          if (checks[code] === undefined) {
            check = c.checkOf(period, (ABSENCE_CODES[code] as { code: string }).code);
            checks[code] = check;
          }
          if (check !== null && check !== 'a-for-compulsory-kleuter') return line;
        }
        entryCheck[e] = check;
        const first = accepted.firstCodeAt(pupilIndex, date.position + half);
        if (first !== 0 && first - 1 !== code) return line;
      }

      const row = ++progress.row;
      for (let e = 0; e < entries; e++) {
        const half = entryHalf[e] as number;
        const code = entryCode[e] as number;
        if (entryCheck[e] === 'a-for-compulsory-kleuter') c.aRow(lastText, row);
        if (!date.noted) {
          date.noted = true;
          c.acceptedDate(date.date);
        }
        const slot = date.day * 2 + half;
        if (accepted.acceptAt(pupilIndex, pupil.id, date.position + half, slot, code, row) !== ACCEPTED) continue;
        if (c.problems.length > 0) continue; // the file will be rejected: stop writing, keep validating
        rows.fromBytes(row, pupilIndex, pupil.id, date.piece, half, code, buf, noteStart, noteEnd);
        c.written(pupil.id);
      }
      line = next;
    }
    return line;
  };
}
