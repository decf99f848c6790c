// Partial schooling at the school's request (issue 15; seed 004 l. 1516–1535, 2738–2840, 3186–3200): the school
// asks the parents to keep the child at home for some half-days of the week. An arrangement records who asked and
// why, which half-days, since when, the review date, the parents' agreement and the CLB's involvement. Two signals
// (PARTIAL_SCHOOLING_RULES): the review date passed, or the register shows more time away than agreed.
import { addDays, weekday } from '../civil-date.ts';
import { formatBelgianDate } from '../half-day.ts';
import { PARTIAL_SCHOOLING_RULES } from '../rules/partial-schooling-rules.ts';

/** A half-day of the week as stored: ISO weekday (1 = Monday … 5 = Friday) and half, e.g. `3-PM`. */
export type WeekHalfDay = `${1 | 2 | 3 | 4 | 5}-${'AM' | 'PM'}`;

export const WEEK_HALF_DAYS: readonly WeekHalfDay[] = [
  '1-AM',
  '1-PM',
  '2-AM',
  '2-PM',
  '3-AM',
  '3-PM',
  '4-AM',
  '4-PM',
  '5-AM',
  '5-PM',
];

export const isWeekHalfDay = (value: string): value is WeekHalfDay =>
  (WEEK_HALF_DAYS as readonly string[]).includes(value);

export interface PartialSchoolingTerms {
  /** Who asked (a role or a name). */
  requestedBy: string;
  reason: string;
  homeHalfDays: readonly WeekHalfDay[];
  since: string;
  reviewOn: string;
  endedOn: string | null;
  parentsAgreed: boolean;
  clbInvolved: boolean;
  clbDoctorInvolved: boolean;
}

export const PARTIAL_SCHOOLING_LIMITS = { requestedBy: 200, reason: 2000 } as const;

/** A school half-day of the pupil's enrolment and whether the register marks it absent. */
export interface PupilHalfDay {
  date: string;
  half: 'AM' | 'PM';
  absent: boolean;
}

export interface PartialSchoolingSignal {
  ruleId: keyof typeof PARTIAL_SCHOOLING_RULES;
  /** The first day the signal holds. */
  since: string;
  /** Dutch and English one-line explanations. */
  explanation: { nl: string; en: string };
  /** The half-days outside the agreement (PARTIAL_MORE_THAN_AGREED). */
  halfDays: { date: string; half: 'AM' | 'PM' }[];
}

/** ISO weekday and half of a date's half-day, as in an arrangement. */
export function weekHalfDayOf(date: string, half: 'AM' | 'PM'): string {
  return `${weekday(date)}-${half}`;
}

/** Whether the arrangement is in force on a date (from `since`, up to and including `endedOn`). */
export const inForceOn = (terms: Pick<PartialSchoolingTerms, 'since' | 'endedOn'>, date: string): boolean =>
  date >= terms.since && (terms.endedOn === null || date <= terms.endedOn);

/**
 * The signals of one arrangement as of `asOf`. `halfDays`: the pupil's school half-days (school calendar, within
 * the enrolment) in chronological order, with whether each is absent; non-school half-days are not in it.
 */
export function partialSchoolingSignals(
  terms: PartialSchoolingTerms,
  halfDays: readonly PupilHalfDay[],
  asOf: string,
  rules = PARTIAL_SCHOOLING_RULES,
): PartialSchoolingSignal[] {
  const signals: PartialSchoolingSignal[] = [];
  if (!inForceOn(terms, asOf)) return signals;
  const review = rules.PARTIAL_REVIEW_DUE;
  const dueFrom = addDays(terms.reviewOn, 1 + review.params.graceDays);
  if (asOf >= dueFrom) {
    signals.push({
      ruleId: review.id,
      since: dueFrom,
      explanation: {
        nl: `Evaluatie gepland op ${formatBelgianDate(terms.reviewOn)} en nog niet gebeurd.`,
        en: `Review planned on ${formatBelgianDate(terms.reviewOn)} and not done yet.`,
      },
      halfDays: [],
    });
  }
  const more = rules.PARTIAL_MORE_THAN_AGREED;
  const agreed = new Set<string>(terms.homeHalfDays);
  const inForce = halfDays.filter((h) => h.date >= terms.since && h.date <= asOf);
  const schoolDays = [...new Set(inForce.map((h) => h.date))];
  const windowStart = schoolDays[Math.max(0, schoolDays.length - more.params.windowSchoolDays)];
  const outside =
    windowStart === undefined
      ? []
      : inForce.filter((h) => h.date >= windowStart && h.absent && !agreed.has(weekHalfDayOf(h.date, h.half)));
  const last = outside.at(-1);
  if (last && outside.length >= more.params.extraHalfDays) {
    signals.push({
      ruleId: more.id,
      since: (outside[more.params.extraHalfDays - 1] ?? last).date,
      explanation: {
        nl: `${outside.length} halve dagen afwezig buiten de afgesproken halve dagen in de laatste ${more.params.windowSchoolDays} schooldagen, de laatste op ${formatBelgianDate(last.date)}.`,
        en: `${outside.length} half-days absent outside the agreed half-days in the last ${more.params.windowSchoolDays} school days, the last on ${formatBelgianDate(last.date)}.`,
      },
      halfDays: outside.map(({ date, half }) => ({ date, half })),
    });
  }
  return signals;
}
