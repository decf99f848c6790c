// ABSENCE_RISING (catalog-vlaanderen.ts, docs/rules.md): the absence rate in equal windows of school days before
// and after the first measure in the pupil file. Pure: the caller passes the school half-days and the absences.
import { ABSENCE_RISING_RULE } from '../rules/catalog-vlaanderen.ts';

export interface HalfDayRef {
  date: string;
  half: 'AM' | 'PM';
}

export interface AbsenceTrend {
  ruleId: typeof ABSENCE_RISING_RULE.id;
  holds: boolean;
  /** False when either window has fewer school days than the catalog's window (too early to compare). */
  evaluated: boolean;
  firstMeasureOn: string;
  windowSchoolDays: number;
  before: { from: string | null; until: string | null; schoolHalfDays: number; absentHalfDays: number };
  after: { from: string | null; until: string | null; schoolHalfDays: number; absentHalfDays: number };
  /** Rates in percent, rounded to one decimal for display; the test itself is exact. */
  rateBefore: number | null;
  rateAfter: number | null;
  minRisePoints: number;
}

const key = (h: HalfDayRef) => `${h.date}|${h.half}`;

/**
 * The window before: the last `windowSchoolDays` school days before the first measure's date. The window after:
 * the first `windowSchoolDays` school days after it, up to today. A school day is a date with a school half-day;
 * the rate is absent half-days ÷ school half-days of the window. Holds when rateAfter − rateBefore ≥ minRisePoints
 * percentage points, tested without rounding: 100·(aA·hB − aB·hA) ≥ minRise·hA·hB.
 */
export function absenceTrend(
  schoolHalfDays: readonly HalfDayRef[],
  absentHalfDays: readonly HalfDayRef[],
  firstMeasureOn: string,
  today: string,
  params: { windowSchoolDays: number; minRisePoints: number } = ABSENCE_RISING_RULE,
): AbsenceTrend {
  const window = params.windowSchoolDays;
  const dates = [...new Set(schoolHalfDays.map((h) => h.date))].sort();
  const beforeDates = dates.filter((d) => d < firstMeasureOn).slice(-window);
  const afterDates = dates.filter((d) => d > firstMeasureOn && d <= today).slice(0, window);
  const absent = new Set(absentHalfDays.map(key));
  const measure = (inWindow: readonly string[]) => {
    const set = new Set(inWindow);
    const school = schoolHalfDays.filter((h) => set.has(h.date));
    return {
      from: inWindow[0] ?? null,
      until: inWindow.at(-1) ?? null,
      schoolHalfDays: school.length,
      absentHalfDays: school.filter((h) => absent.has(key(h))).length,
    };
  };
  const before = measure(beforeDates);
  const after = measure(afterDates);
  const evaluated = beforeDates.length === window && afterDates.length === window;
  const rate = (w: { schoolHalfDays: number; absentHalfDays: number }) =>
    w.schoolHalfDays === 0 ? null : Math.round((1000 * w.absentHalfDays) / w.schoolHalfDays) / 10;
  const holds =
    evaluated &&
    100 * (after.absentHalfDays * before.schoolHalfDays - before.absentHalfDays * after.schoolHalfDays) >=
      params.minRisePoints * after.schoolHalfDays * before.schoolHalfDays;
  return {
    ruleId: ABSENCE_RISING_RULE.id,
    holds,
    evaluated,
    firstMeasureOn,
    windowSchoolDays: window,
    before,
    after,
    rateBefore: rate(before),
    rateAfter: rate(after),
    minRisePoints: params.minRisePoints,
  };
}
