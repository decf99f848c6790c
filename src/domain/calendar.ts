// School calendar at half-day granularity: which half-days pupils are expected at school.
import { addDays, dayNumber, type Half, type HalfDay, type IsoDate, weekday } from './half-day.ts';

export interface CalendarHalfDay extends HalfDay {
  schoolDay: boolean;
}

/** A calendar as a set of school half-days; anything not listed is not a school half-day. */
export class SchoolCalendar {
  private readonly school = new Set<string>();

  constructor(entries: Iterable<CalendarHalfDay>) {
    for (const e of entries) {
      const key = `${e.date}|${e.half}`;
      if (e.schoolDay) this.school.add(key);
      else this.school.delete(key);
    }
  }

  isSchoolHalfDay(date: IsoDate, half: Half): boolean {
    return this.school.has(`${date}|${half}`);
  }

  /** School half-days in [from, until], in order. */
  schoolHalfDays(from: IsoDate, until: IsoDate): HalfDay[] {
    const out: HalfDay[] = [];
    for (let d = dayNumber(from), end = dayNumber(until); d <= end; d++) {
      const date = addDays(from, d - dayNumber(from));
      if (this.school.has(`${date}|AM`)) out.push({ date, half: 'AM' });
      if (this.school.has(`${date}|PM`)) out.push({ date, half: 'PM' });
    }
    return out;
  }

  get size(): number {
    return this.school.size;
  }
}

export interface HolidayPeriod {
  /** Dutch name as used by schools, e.g. `herfstvakantie`. */
  name: string;
  from: IsoDate;
  until: IsoDate;
  /** Only this half is free (e.g. the afternoon before the summer holiday); both when absent. */
  half?: Half;
}

export interface CalendarPreset {
  id: string;
  schoolYear: string;
  level: 'basis' | 'secundair';
  firstDay: IsoDate;
  lastDay: IsoDate;
  freeWednesdayAfternoon: boolean;
  holidays: readonly HolidayPeriod[];
  source: string;
}

/** Expands a preset into every half-day from 1 September to 31 August, marking school half-days. */
export function expandPreset(preset: CalendarPreset): CalendarHalfDay[] {
  const startYear = Number(preset.schoolYear.slice(0, 4));
  const yearStart = `${startYear}-09-01`;
  const yearEnd = `${startYear + 1}-08-31`;
  const free = new Set<string>();
  for (const h of preset.holidays) {
    for (let d = h.from; d <= h.until; d = addDays(d, 1)) {
      if (h.half !== 'PM') free.add(`${d}|AM`);
      if (h.half !== 'AM') free.add(`${d}|PM`);
    }
  }
  const out: CalendarHalfDay[] = [];
  for (let date = yearStart; date <= yearEnd; date = addDays(date, 1)) {
    const wd = weekday(date);
    const inYear = date >= preset.firstDay && date <= preset.lastDay;
    for (const half of ['AM', 'PM'] as const) {
      let schoolDay = inYear && wd <= 5 && !free.has(`${date}|${half}`);
      if (half === 'PM' && wd === 3 && preset.freeWednesdayAfternoon) schoolDay = false;
      out.push({ date, half, schoolDay });
    }
  }
  return out;
}
