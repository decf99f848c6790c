// Lays out a school year as a grid of months × days of the month, each day split into AM and PM cells.
import type { CalendarHalfDay, Half, RegisterEntry } from '../api/client.ts';
import { daysInMonth, halfDayKey, schoolYearBounds, weekday } from '../dates.ts';

/**
 * What a half-day cell shows: a registered code, an ordinary presence on a school half-day,
 * a half-day without school (weekend, holiday, Wednesday afternoon) or a day the pupil was not enrolled.
 */
export type HeatMapCellKind = 'code' | 'present' | 'nonSchool' | 'outside';

export interface HeatMapCell {
  date: string;
  half: Half;
  kind: HeatMapCellKind;
  /** The registered code when kind is 'code', else null. */
  code: string | null;
}

export interface HeatMapDay {
  date: string;
  dayOfMonth: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  am: HeatMapCell;
  pm: HeatMapCell;
}

export interface HeatMapMonth {
  /** `YYYY-MM` */
  key: string;
  year: number;
  month: number;
  /** Always 31 slots, indexed by day of month − 1; null where the month is shorter. */
  days: (HeatMapDay | null)[];
}

export interface EnrolmentPeriod {
  enrolledFrom: string;
  enrolledUntil: string | null;
}

export interface HeatMapInput {
  schoolYear: string;
  calendar: readonly CalendarHalfDay[];
  register: readonly RegisterEntry[];
  /** null: not enrolled at all in this school year. */
  enrolment: EnrolmentPeriod | null;
}

export const MONTHS_IN_SCHOOL_YEAR = 12;
export const MAX_DAYS_IN_MONTH = 31;

/** Builds the twelve month rows (September → August) of a school year. */
export function buildHeatMap(input: HeatMapInput): HeatMapMonth[] {
  const bounds = schoolYearBounds(input.schoolYear) ?? boundsFromCalendar(input.calendar);
  if (!bounds) return [];
  const startYear = Number(bounds.firstDay.slice(0, 4));

  const schoolDays = new Set<string>();
  for (const entry of input.calendar) if (entry.schoolDay) schoolDays.add(halfDayKey(entry.date, entry.half));
  const codes = new Map<string, string>();
  for (const entry of input.register) codes.set(halfDayKey(entry.date, entry.half), entry.code);

  const isEnrolled = (date: string): boolean => {
    const enrolment = input.enrolment;
    if (!enrolment) return false;
    if (date < enrolment.enrolledFrom) return false;
    return enrolment.enrolledUntil === null || date <= enrolment.enrolledUntil;
  };

  const cellFor = (date: string, half: Half): HeatMapCell => {
    const key = halfDayKey(date, half);
    const code = codes.get(key);
    // A registered code always shows, even where calendar or enrolment disagree: the register is the fact.
    if (code !== undefined) return { date, half, kind: 'code', code };
    if (!isEnrolled(date)) return { date, half, kind: 'outside', code: null };
    if (!schoolDays.has(key)) return { date, half, kind: 'nonSchool', code: null };
    return { date, half, kind: 'present', code: null };
  };

  const months: HeatMapMonth[] = [];
  for (let index = 0; index < MONTHS_IN_SCHOOL_YEAR; index++) {
    const month = ((8 + index) % 12) + 1; // September first
    const year = month >= 9 ? startYear : startYear + 1;
    const monthText = String(month).padStart(2, '0');
    const length = daysInMonth(year, month);
    const days: (HeatMapDay | null)[] = [];
    for (let day = 1; day <= MAX_DAYS_IN_MONTH; day++) {
      if (day > length) {
        days.push(null);
        continue;
      }
      const date = `${year}-${monthText}-${String(day).padStart(2, '0')}`;
      days.push({
        date,
        dayOfMonth: day,
        weekday: weekday(date),
        am: cellFor(date, 'AM'),
        pm: cellFor(date, 'PM'),
      });
    }
    months.push({ key: `${year}-${monthText}`, year, month, days });
  }
  return months;
}

function boundsFromCalendar(calendar: readonly CalendarHalfDay[]): { firstDay: string } | null {
  const first = calendar[0]?.date;
  if (!first) return null;
  const year = Number(first.slice(0, 4));
  const startYear = Number(first.slice(5, 7)) >= 9 ? year : year - 1;
  return { firstDay: `${startYear}-09-01` };
}

/** The codes that occur in the register, in the order of the code list (unknown codes last, sorted). */
export function codesInRegister(register: readonly RegisterEntry[], codeOrder: readonly string[]): string[] {
  const present = new Set(register.map((entry) => entry.code));
  const known = codeOrder.filter((code) => present.has(code));
  const unknown = [...present].filter((code) => !codeOrder.includes(code)).sort();
  return [...known, ...unknown];
}
