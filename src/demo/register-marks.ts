// One pupil's register for one school year while it is being generated: at most one code per half-day.
import { dayNumber, type Half, type HalfDay, type IsoDate } from '../domain/half-day.ts';
import { positionOnOrAfter, type SchoolYearDays } from './school-days.ts';

export interface DemoRegisterRow {
  pupilId: string;
  date: IsoDate;
  half: Half;
  code: string;
  note?: string;
}

interface Mark {
  code: string;
  note: string | undefined;
}

/** Register entries by position, restricted to the enrolled positions [start, end). */
export class RegisterMarks {
  private readonly marks = new Map<number, Mark>();

  constructor(
    readonly year: SchoolYearDays,
    readonly start: number,
    readonly end: number,
  ) {}

  get size(): number {
    return this.marks.size;
  }

  has(position: number): boolean {
    return this.marks.has(position);
  }

  codeAt(position: number): string | undefined {
    return this.marks.get(position)?.code;
  }

  /**
   * Records a code unless the position is outside the enrolment or already taken (earlier writers win, so
   * persona plans written first are never overwritten by background absences). Returns whether it was set.
   */
  set(position: number, code: string, note?: string): boolean {
    if (position < this.start || position >= this.end || this.marks.has(position)) return false;
    this.marks.set(position, { code, note });
    return true;
  }

  /** Both school halves of a school day (by day index), from `fromHalf` on. */
  setDay(day: number, code: string, note?: string, fromHalf: Half = 'AM'): number {
    let added = 0;
    for (let p = this.year.dayStart[day] as number; p < (this.year.dayEnd[day] as number); p++) {
      if (fromHalf === 'PM' && this.year.halves[p] === 'AM') continue;
      if (this.set(p, code, note)) added++;
    }
    return added;
  }

  /** Every school half-day with a date in [from, until]. */
  setDates(from: IsoDate, until: IsoDate, code: string, note?: string): number {
    let added = 0;
    const last = dayNumber(until);
    for (let p = positionOnOrAfter(this.year, dayNumber(from)); p < this.year.count; p++) {
      if ((this.year.slots[p] as number) >> 1 > last) break;
      if (this.set(p, code, note)) added++;
    }
    return added;
  }

  /** The first school half-day on or after `date` with the given half (any half when omitted). */
  positionFrom(date: IsoDate, half?: Half): number {
    for (let p = positionOnOrAfter(this.year, dayNumber(date)); p < this.year.count; p++) {
      if (half === undefined || this.year.halves[p] === half) return p;
    }
    return this.year.count;
  }

  count(predicate: (code: string) => boolean): number {
    let total = 0;
    for (const mark of this.marks.values()) if (predicate(mark.code)) total++;
    return total;
  }

  /** The first free school half-day on or after `date` with the given half, within the enrolment. */
  freeHalfDayFrom(date: IsoDate, half: Half): HalfDay | null {
    for (let p = Math.max(this.start, this.positionFrom(date, half)); p < this.end; p++) {
      if (this.year.halves[p] === half && !this.marks.has(p)) return { date: this.year.dates[p] as IsoDate, half };
    }
    return null;
  }

  /** The rows in time order. */
  rows(pupilId: string): DemoRegisterRow[] {
    const positions = [...this.marks.keys()].sort((a, b) => a - b);
    return positions.map((p) => {
      const mark = this.marks.get(p) as Mark;
      const row: DemoRegisterRow = {
        pupilId,
        date: this.year.dates[p] as IsoDate,
        half: this.year.halves[p] as Half,
        code: mark.code,
      };
      if (mark.note !== undefined) row.note = mark.note;
      return row;
    });
  }
}
