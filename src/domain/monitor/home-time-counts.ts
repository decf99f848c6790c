// The thuiszitter figures' per-pupil rows (monitor_home_time, monitor_pupil_code) of one school, counted in memory
// from its register rows (issue 16: a school's first import holds its whole register). The definitions are the SQL
// of src/db/thuiszitter.repository.ts (refreshPupilRows): a row counts when its code counts as absent, its
// half-day is a school half-day of the school's calendar and it falls within the pupil's enrolment in that school
// year; spells are runs over consecutive school half-days (days off in between do not break them); a suspension
// spell is a run of the suspension code. Integer keys and typed arrays: no object per row.
import { fromDayNumber } from '../civil-date.ts';
import type { AggregateCode, AggregateEnrolment } from './aggregates.ts';

export interface HomeTimeRow {
  schoolId: number;
  schoolYear: string;
  pupilId: number;
  absentHalfDays: number;
  spells: number;
  longestSpell: number;
  suspensionSpells: number;
  longestSuspension: number;
  lastFrom: string;
  lastFromHalf: 'AM' | 'PM';
  lastUntil: string;
  lastUntilHalf: 'AM' | 'PM';
  lastHalfDays: number;
}

export interface PupilCodeRow {
  schoolId: number;
  schoolYear: string;
  pupilId: number;
  /** The code as registered. */
  code: string;
  halfDays: number;
}

/** Day number of 1 September of a school year's first calendar year. */
const firstOfSeptember = (startYear: number) => Math.round(Date.UTC(startYear, 8, 1) / 86_400_000);

/** Room for the code's index below the position in one packed number (position × CODE_ROOM + code). */
const CODE_ROOM = 64;

/**
 * Counts one school's register rows into its home-time and per-code rows. Feed every register row of the school
 * with `add` (any order), then read `rows()`.
 */
export class HomeTimeCounts {
  private readonly schoolId: number;
  /** Codes that count as absent, as registered; a code's index into them (-1: does not count). */
  private readonly absentCodes: string[] = [];
  private readonly codeIndex = new Map<string, number>();
  private readonly suspensionCode: number;
  private readonly enrolments: readonly AggregateEnrolment[];
  private readonly low: Int32Array;
  private readonly high: Int32Array;
  private readonly enrolmentOfPupil = new Map<number, number[]>();
  /** 1-based position of each school half-day among the school's school half-days (0: not a school half-day). */
  private readonly position: Int32Array;
  private readonly first: number;
  /** Slot of each position. */
  private readonly slotAt: Int32Array;
  private rowEnrolment: Int32Array;
  private rowPacked: Int32Array;
  private count = 0;

  /**
   * @param enrolments the school's enrolments (other schools' are ignored)
   * @param schoolSlots the school half-days of the school's calendar as slots (day number × 2, +1 for PM)
   * @param suspensionCode the code of a preventive suspension (SUSPENSION_RULES), counted in runs of its own
   * @param expectedRows a hint for the first allocation
   */
  constructor(
    schoolId: number,
    codes: readonly AggregateCode[],
    enrolments: readonly AggregateEnrolment[],
    schoolSlots: readonly number[],
    suspensionCode: string,
    expectedRows = 1024,
  ) {
    this.schoolId = schoolId;
    for (const code of codes) {
      if (!code.countsAsAbsent) continue;
      this.codeIndex.set(code.code, this.absentCodes.push(code.code) - 1);
    }
    if (this.absentCodes.length > CODE_ROOM) throw new Error('too many absent codes');
    this.suspensionCode = this.codeIndex.get(suspensionCode) ?? -1;
    this.enrolments = enrolments;
    this.low = new Int32Array(enrolments.length);
    this.high = new Int32Array(enrolments.length);
    enrolments.forEach((e, i) => {
      if (e.schoolId !== schoolId) return;
      const start = Number(e.schoolYear.slice(0, 4));
      this.low[i] = Math.max(e.from, firstOfSeptember(start));
      this.high[i] = Math.min(e.until ?? Number.MAX_SAFE_INTEGER, firstOfSeptember(start + 1) - 1);
      const list = this.enrolmentOfPupil.get(e.pupilId);
      if (list) list.push(i);
      else this.enrolmentOfPupil.set(e.pupilId, [i]);
    });
    const sorted = Int32Array.from(schoolSlots).sort();
    this.first = sorted.length > 0 ? (sorted[0] as number) : 0;
    const last = sorted.length > 0 ? (sorted[sorted.length - 1] as number) : -1;
    this.position = new Int32Array(Math.max(0, last - this.first + 1));
    this.slotAt = new Int32Array(sorted.length + 1);
    let n = 0;
    for (let i = 0; i < sorted.length; i++) {
      const slot = sorted[i] as number;
      if (i > 0 && slot === sorted[i - 1]) continue;
      n++;
      this.position[slot - this.first] = n;
      this.slotAt[n] = slot;
    }
    this.rowEnrolment = new Int32Array(expectedRows);
    this.rowPacked = new Int32Array(expectedRows);
  }

  /** Counts one register row of the school: its pupil, slot (day number × 2, +1 for PM) and code as registered. */
  add(pupilId: number, slot: number, code: string): void {
    const c = this.codeIndex.get(code);
    if (c === undefined) return;
    const at = slot - this.first;
    if (at < 0 || at >= this.position.length) return;
    const n = this.position[at] as number;
    if (n === 0) return;
    const list = this.enrolmentOfPupil.get(pupilId);
    if (!list) return;
    const day = slot >> 1;
    let e = -1;
    for (const i of list) {
      if (day >= (this.low[i] as number) && day <= (this.high[i] as number)) {
        e = i;
        break;
      }
    }
    if (e < 0) return;
    if (this.count === this.rowEnrolment.length) {
      const grown = this.count * 2;
      const enrolment = new Int32Array(grown);
      enrolment.set(this.rowEnrolment);
      const packed = new Int32Array(grown);
      packed.set(this.rowPacked);
      this.rowEnrolment = enrolment;
      this.rowPacked = packed;
    }
    this.rowEnrolment[this.count] = e;
    this.rowPacked[this.count] = n * CODE_ROOM + c;
    this.count++;
  }

  /** The rows of every enrolment with at least one counted half-day. */
  rows(): { homeTime: HomeTimeRow[]; pupilCodes: PupilCodeRow[] } {
    // Counting sort by enrolment, then each enrolment's rows by position.
    const enrolments = this.enrolments.length;
    const start = new Int32Array(enrolments + 1);
    for (let i = 0; i < this.count; i++) (start[(this.rowEnrolment[i] as number) + 1] as number)++;
    for (let e = 0; e < enrolments; e++) start[e + 1] = (start[e + 1] as number) + (start[e] as number);
    const next = start.slice(0, enrolments);
    const packed = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const e = this.rowEnrolment[i] as number;
      packed[next[e] as number] = this.rowPacked[i] as number;
      next[e] = (next[e] as number) + 1;
    }
    const homeTime: HomeTimeRow[] = [];
    const pupilCodes: PupilCodeRow[] = [];
    const perCode = new Int32Array(this.absentCodes.length);
    for (let e = 0; e < enrolments; e++) {
      const from = start[e] as number;
      const until = start[e + 1] as number;
      if (from === until) continue;
      const rows = packed.subarray(from, until).sort();
      perCode.fill(0);
      let spells = 0;
      let longest = 0;
      let runFirst = -1;
      let runLength = 0;
      let suspensionSpells = 0;
      let longestSuspension = 0;
      let suspensionRun = 0;
      let previous = -2;
      for (let i = 0; i < rows.length; i++) {
        const value = rows[i] as number;
        const n = Math.floor(value / CODE_ROOM);
        const code = value % CODE_ROOM;
        (perCode[code] as number)++;
        const consecutive = n === previous + 1;
        if (consecutive) runLength++;
        else {
          spells++;
          runFirst = n;
          runLength = 1;
        }
        if (runLength > longest) longest = runLength;
        if (code === this.suspensionCode) {
          if (consecutive && suspensionRun > 0) suspensionRun++;
          else {
            suspensionSpells++;
            suspensionRun = 1;
          }
          if (suspensionRun > longestSuspension) longestSuspension = suspensionRun;
        } else suspensionRun = 0;
        previous = n;
      }
      const { schoolYear, pupilId } = this.enrolments[e] as AggregateEnrolment;
      const firstSlot = this.slotAt[runFirst] as number;
      const lastSlot = this.slotAt[previous] as number;
      homeTime.push({
        schoolId: this.schoolId,
        schoolYear,
        pupilId,
        absentHalfDays: rows.length,
        spells,
        longestSpell: longest,
        suspensionSpells,
        longestSuspension,
        lastFrom: fromDayNumber(firstSlot >> 1),
        lastFromHalf: firstSlot & 1 ? 'PM' : 'AM',
        lastUntil: fromDayNumber(lastSlot >> 1),
        lastUntilHalf: lastSlot & 1 ? 'PM' : 'AM',
        lastHalfDays: runLength,
      });
      for (let c = 0; c < perCode.length; c++) {
        const halfDays = perCode[c] as number;
        if (halfDays > 0)
          pupilCodes.push({
            schoolId: this.schoolId,
            schoolYear,
            pupilId,
            code: this.absentCodes[c] as string,
            halfDays,
          });
      }
    }
    return { homeTime, pupilCodes };
  }
}
