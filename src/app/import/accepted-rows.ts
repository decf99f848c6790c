// The register rows a file's import accepted, kept as columns (domain/register-columns.ts), and the check for a
// half-day repeated in the file without a Map entry per row: per pupil a byte per school half-day of the school's
// calendar holds the code of its first row (issue 16: a Map with 1,000,000 number keys took ~1 s of an import).
import { dayNumber } from '../../domain/civil-date.ts';
import type { RegisterColumns } from '../../domain/register-columns.ts';

/** Room for the code index in a repeated-half-day entry (row × CODE_SLOTS + code index). */
export const CODE_SLOTS = 128;
/** accept(): the row is new and was kept. */
export const ACCEPTED = -1;
/** accept(): the same half-day with the same code came earlier (the first counts). */
export const IDENTICAL_REPEAT = -2;

export class AcceptedRows implements RegisterColumns {
  length = 0;
  pupil = new Int32Array(0);
  slot = new Int32Array(0);
  code = new Uint8Array(0);
  /** The file's row number and the pupil index of each accepted row. */
  private row = new Int32Array(0);
  private pupilIndex = new Int32Array(0);
  private readonly dateIndex = new Map<string, number>();
  /** Per pupil index: code index + 1 of the first row per school half-day (0: none yet). */
  private readonly firstCode: (Uint8Array | undefined)[] = [];
  /** Built at the first repeat with another code: (pupil index, position) → row × CODE_SLOTS + code. */
  private firstRows: Map<number, number> | undefined;

  /** `schoolDates`: the dates with a school half-day (every accepted row falls on one). */
  constructor(schoolDates: Iterable<string>) {
    for (const date of schoolDates) this.dateIndex.set(date, this.dateIndex.size);
    this.grow(4096);
  }

  /**
   * Keeps a row unless its pupil already has a row for the half-day. Returns ACCEPTED, IDENTICAL_REPEAT, or for a
   * repeat with another code the first row's number × CODE_SLOTS + its code index.
   */
  accept(pupilIndex: number, pupilId: number, date: string, slot: number, code: number, row: number): number {
    return this.acceptAt(pupilIndex, pupilId, this.dayPosition(date) + (slot & 1), slot, code, row);
  }

  /** The position of a school date's AM half-day (PM is the next one), for acceptAt and firstCodeAt. */
  dayPosition(date: string): number {
    return (this.dateIndex.get(date) as number) * 2;
  }

  /** The code index + 1 of the row kept for a half-day (at its position), 0 when there is none yet. */
  firstCodeAt(pupilIndex: number, position: number): number {
    return (this.firstCode[pupilIndex]?.[position] as number | undefined) ?? 0;
  }

  /** accept() for a half-day's position (dayPosition, + 1 for PM). */
  acceptAt(pupilIndex: number, pupilId: number, position: number, slot: number, code: number, row: number): number {
    let codes = this.firstCode[pupilIndex];
    if (!codes) {
      codes = new Uint8Array(this.dateIndex.size * 2);
      this.firstCode[pupilIndex] = codes;
    }
    const first = codes[position] as number;
    if (first !== 0) return first - 1 === code ? IDENTICAL_REPEAT : this.firstRowAt(pupilIndex, position);
    codes[position] = code + 1;
    if (this.length === this.pupil.length) this.grow(this.length * 2);
    const i = this.length++;
    this.pupil[i] = pupilId;
    this.slot[i] = slot;
    this.code[i] = code;
    this.row[i] = row;
    this.pupilIndex[i] = pupilIndex;
    this.firstRows?.set(this.key(pupilIndex, position), row * CODE_SLOTS + code);
    return ACCEPTED;
  }

  private key(pupilIndex: number, position: number): number {
    return pupilIndex * this.dateIndex.size * 2 + position;
  }

  /** The first row of a half-day (rare: a repeat with another code is a problem of the file). */
  private firstRowAt(pupilIndex: number, position: number): number {
    if (!this.firstRows) {
      const indexOfDay = new Map<number, number>();
      for (const [date, index] of this.dateIndex) indexOfDay.set(dayNumber(date), index);
      const rows = new Map<number, number>();
      for (let i = 0; i < this.length; i++) {
        const slot = this.slot[i] as number;
        const at = (indexOfDay.get(slot >> 1) as number) * 2 + (slot & 1);
        rows.set(
          this.key(this.pupilIndex[i] as number, at),
          (this.row[i] as number) * CODE_SLOTS + (this.code[i] as number),
        );
      }
      this.firstRows = rows;
    }
    return this.firstRows.get(this.key(pupilIndex, position)) as number;
  }

  private grow(size: number): void {
    const grown = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.pupil = grown(this.pupil, (n) => new Int32Array(n));
    this.slot = grown(this.slot, (n) => new Int32Array(n));
    this.code = grown(this.code, (n) => new Uint8Array(n));
    this.row = grown(this.row, (n) => new Int32Array(n));
    this.pupilIndex = grown(this.pupilIndex, (n) => new Int32Array(n));
  }
}
