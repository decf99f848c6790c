// The monitor's day rows and pupil-year totals from one pass over register rows, in memory (issue 16).
// The same definitions as the SQL of src/db/monitor.repository.ts (ABSENT_HALF_DAYS): a row counts when its code
// counts as absent, its half-day is a school half-day of its school's calendar, and it falls within the pupil's
// enrolment in that school in that school year; it is counted under its official code. Integer keys only: a
// register row is (pupil, school, slot = day number × 2 + 1 for PM, official code index).
import { fromDayNumber } from '../civil-date.ts';

export interface AggregateCode {
  code: string;
  countsAsAbsent: boolean;
  /** The official Discimus code an internal code is counted under; null: itself. */
  mapsTo: string | null;
}

export interface AggregateEnrolment {
  pupilId: number;
  schoolId: number;
  /** `YYYY-YYYY`. */
  schoolYear: string;
  /** Day numbers (civil-date.ts); until null = open. */
  from: number;
  until: number | null;
}

export interface SchoolHalfDays {
  schoolId: number;
  /** The school half-days of its calendar as slots: day number × 2 (+1 for PM). */
  slots: readonly number[];
}

export interface DayRow {
  schoolId: number;
  schoolYear: string;
  date: string;
  half: 'AM' | 'PM';
  code: string;
  halfDays: number;
}

export interface PupilYearRow {
  schoolId: number;
  schoolYear: string;
  pupilId: number;
  /** An official code, or `*` for every absent code together. */
  code: string;
  halfDays: number;
}

interface SchoolSlots {
  first: number;
  /** 1 for a school half-day, per slot from `first`. */
  schoolDay: Uint8Array;
  /** Counts per slot × official code (allocated on the first counted row). */
  counts: Int32Array | null;
}

/** Day number of 1 September of a school year's first calendar year. */
const firstOfSeptember = (startYear: number) => Math.round(Date.UTC(startYear, 8, 1) / 86_400_000);

function schoolYearOfDay(day: number): string {
  const date = fromDayNumber(day);
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) < 9 ? year - 1 : year;
  return `${start}-${start + 1}`;
}

/**
 * Counts register rows into the day rows and pupil-year totals. Feed every row of the register in scope with
 * `add` (any order), then read `dayRows()` and `pupilYearRows()`.
 */
export class MonitorAggregates {
  /** Official code texts; a code's index into them, -1 when it does not count as absent. */
  readonly officialCodes: string[] = [];
  private readonly codeIndex = new Map<string, number>();
  private readonly enrolments: readonly AggregateEnrolment[];
  /** Per enrolment: the first and last day it counts (within the enrolment and its school year). */
  private readonly low: Int32Array;
  private readonly high: Int32Array;
  /** Per enrolment: the next enrolment of the same pupil (-1: none). */
  private readonly next: Int32Array;
  private readonly firstOfPupil = new Map<number, number>();
  private readonly perCode: Int32Array;
  private readonly total: Int32Array;
  private readonly schools = new Map<number, SchoolSlots>();

  constructor(
    codes: readonly AggregateCode[],
    enrolments: readonly AggregateEnrolment[],
    calendars: readonly SchoolHalfDays[],
  ) {
    for (const code of codes) {
      if (!code.countsAsAbsent) {
        this.codeIndex.set(code.code, -1);
        continue;
      }
      const official = code.mapsTo ?? code.code;
      let index = this.officialCodes.indexOf(official);
      if (index < 0) index = this.officialCodes.push(official) - 1;
      this.codeIndex.set(code.code, index);
    }
    this.enrolments = enrolments;
    const n = enrolments.length;
    this.low = new Int32Array(n);
    this.high = new Int32Array(n);
    this.next = new Int32Array(n).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
      const e = enrolments[i] as AggregateEnrolment;
      const start = Number(e.schoolYear.slice(0, 4));
      this.low[i] = Math.max(e.from, firstOfSeptember(start));
      this.high[i] = Math.min(e.until ?? Number.MAX_SAFE_INTEGER, firstOfSeptember(start + 1) - 1);
      const first = this.firstOfPupil.get(e.pupilId);
      if (first !== undefined) this.next[i] = first;
      this.firstOfPupil.set(e.pupilId, i);
    }
    this.perCode = new Int32Array(n * Math.max(1, this.officialCodes.length));
    this.total = new Int32Array(n);
    for (const calendar of calendars) {
      if (calendar.slots.length === 0) continue;
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const slot of calendar.slots) {
        if (slot < first) first = slot;
        if (slot > last) last = slot;
      }
      const schoolDay = new Uint8Array(last - first + 1);
      for (const slot of calendar.slots) schoolDay[slot - first] = 1;
      this.schools.set(calendar.schoolId, { first, schoolDay, counts: null });
    }
  }

  /** The index of a registered code among the official codes, -1 when it does not count (or is unknown). */
  official(code: string): number {
    return this.codeIndex.get(code) ?? -1;
  }

  /** Counts one register row; `code` is an index from `official()`. */
  add(pupilId: number, schoolId: number, slot: number, code: number): void {
    if (code < 0) return;
    const school = this.schools.get(schoolId);
    if (!school) return;
    const at = slot - school.first;
    if (at < 0 || at >= school.schoolDay.length || school.schoolDay[at] === 0) return;
    const day = slot >> 1;
    let e = this.firstOfPupil.get(pupilId) ?? -1;
    while (e >= 0) {
      if (
        (this.enrolments[e] as AggregateEnrolment).schoolId === schoolId &&
        day >= (this.low[e] as number) &&
        day <= (this.high[e] as number)
      )
        break;
      e = this.next[e] as number;
    }
    if (e < 0) return;
    const codes = this.officialCodes.length;
    (this.perCode[e * codes + code] as number)++;
    (this.total[e] as number)++;
    if (!school.counts) school.counts = new Int32Array(school.schoolDay.length * codes);
    (school.counts[at * codes + code] as number)++;
  }

  *dayRows(): Generator<DayRow> {
    const codes = this.officialCodes.length;
    for (const [schoolId, school] of this.schools) {
      const counts = school.counts;
      if (!counts) continue;
      for (let at = 0; at < school.schoolDay.length; at++) {
        let date: string | undefined;
        let schoolYear = '';
        for (let c = 0; c < codes; c++) {
          const halfDays = counts[at * codes + c] as number;
          if (halfDays === 0) continue;
          const slot = school.first + at;
          if (date === undefined) {
            date = fromDayNumber(slot >> 1);
            schoolYear = schoolYearOfDay(slot >> 1);
          }
          yield {
            schoolId,
            schoolYear,
            date,
            half: slot & 1 ? 'PM' : 'AM',
            code: this.officialCodes[c] as string,
            halfDays,
          };
        }
      }
    }
  }

  *pupilYearRows(): Generator<PupilYearRow> {
    const codes = this.officialCodes.length;
    for (let e = 0; e < this.enrolments.length; e++) {
      const total = this.total[e] as number;
      if (total === 0) continue;
      const { schoolId, schoolYear, pupilId } = this.enrolments[e] as AggregateEnrolment;
      for (let c = 0; c < codes; c++) {
        const halfDays = this.perCode[e * codes + c] as number;
        if (halfDays > 0) yield { schoolId, schoolYear, pupilId, code: this.officialCodes[c] as string, halfDays };
      }
      yield { schoolId, schoolYear, pupilId, code: '*', halfDays: total };
    }
  }
}
