// A school year's school half-days as dense arrays, so generators place absences by position quickly.
import { expandPreset } from '../domain/calendar.ts';
import { calendarPresetFor } from '../domain/calendar-presets.ts';
import { dayNumber, type Half, type IsoDate } from '../domain/half-day.ts';

export type CalendarLevel = 'basis' | 'secundair';

/**
 * The school half-days of one school year, indexed by position 0…count-1 in time order, and the school days
 * (days with at least one school half-day) they belong to.
 */
export interface SchoolYearDays {
  schoolYear: string;
  level: CalendarLevel;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Number of school half-days. */
  count: number;
  /** Per position: `dayNumber(date) * 2 + (PM ? 1 : 0)`, ascending. */
  slots: Int32Array;
  /** Per position: the civil date. */
  dates: readonly IsoDate[];
  /** Per position: the half. */
  halves: readonly Half[];
  /** Per position: ISO weekday (1 = Monday). */
  weekdays: Uint8Array;
  /** Per position: month 1–12. */
  months: Uint8Array;
  /** Per position: index of its school day. */
  dayOfPosition: Int32Array;
  /** Per school day: day number, first position and the position after its last. */
  dayNumbers: Int32Array;
  dayStart: Int32Array;
  dayEnd: Int32Array;
  /** Per school day: 1 when the previous school day is at least 3 calendar days earlier (or there is none). */
  returnDay: Uint8Array;
}

const cache = new Map<string, SchoolYearDays>();

/** The school half-days of the Flemish calendar for a level and school year (cached). */
export function schoolYearDays(level: CalendarLevel, schoolYear: string): SchoolYearDays {
  const key = `${level}|${schoolYear}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const preset = calendarPresetFor(level, schoolYear);
  if (!preset) throw new RangeError(`no calendar preset for ${level} ${schoolYear}`);
  const school = expandPreset(preset).filter((h) => h.schoolDay);
  const count = school.length;
  const slots = new Int32Array(count);
  const weekdays = new Uint8Array(count);
  const months = new Uint8Array(count);
  const dayOfPosition = new Int32Array(count);
  const dayNumbers: number[] = [];
  const dayStart: number[] = [];
  const dayEnd: number[] = [];
  school.forEach((h, position) => {
    const day = dayNumber(h.date);
    slots[position] = day * 2 + (h.half === 'PM' ? 1 : 0);
    weekdays[position] = ((day + 3) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
    months[position] = Number(h.date.slice(5, 7));
    if (dayNumbers[dayNumbers.length - 1] !== day) {
      if (dayNumbers.length > 0) dayEnd.push(position);
      dayNumbers.push(day);
      dayStart.push(position);
    }
    dayOfPosition[position] = dayNumbers.length - 1;
  });
  if (dayNumbers.length > 0) dayEnd.push(count);
  const returnDay = new Uint8Array(dayNumbers.length);
  dayNumbers.forEach((day, index) => {
    const previous = dayNumbers[index - 1];
    returnDay[index] = previous === undefined || day - previous >= 3 ? 1 : 0;
  });
  const result: SchoolYearDays = {
    schoolYear,
    level,
    firstDay: `${schoolYear.slice(0, 4)}-09-01`,
    lastDay: `${schoolYear.slice(5, 9)}-08-31`,
    count,
    slots,
    dates: school.map((h) => h.date),
    halves: school.map((h) => h.half),
    weekdays,
    months,
    dayOfPosition,
    dayNumbers: Int32Array.from(dayNumbers),
    dayStart: Int32Array.from(dayStart),
    dayEnd: Int32Array.from(dayEnd),
    returnDay,
  };
  cache.set(key, result);
  return result;
}

/** The first position whose day is on or after `day` (a day number); `count` when there is none. */
export function positionOnOrAfter(year: SchoolYearDays, day: number): number {
  let low = 0;
  let high = year.count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((year.slots[mid] as number) >> 1 < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The positions [start, end) of the school half-days within an enrolment (`until` null: open-ended). */
export function enrolledRange(
  year: SchoolYearDays,
  from: IsoDate,
  until: IsoDate | null,
): { start: number; end: number } {
  const start = positionOnOrAfter(year, dayNumber(from));
  const end = until === null ? year.count : positionOnOrAfter(year, dayNumber(until) + 1);
  return { start, end: Math.max(start, end) };
}
