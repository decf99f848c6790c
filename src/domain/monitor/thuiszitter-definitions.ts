// Definitions of the thuiszitter figures (issue 15), each with its source: the thresholds of time at home, the
// compulsory school age (the official figure's denominator), the days from an exclusion to a new school.
import { dayNumber } from '../civil-date.ts';
import type { RuleCatalog } from '../rules/catalog-types.ts';
import { VLAANDEREN_CATALOG } from '../rules/catalog-vlaanderen.ts';

function param(catalog: RuleCatalog, ruleId: string, name: string): number {
  const value = (catalog.rules.find((r) => r.id === ruleId)?.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'number') throw new Error(`catalog rule ${ruleId} has no ${name}`);
  return value;
}

/**
 * Thresholds of time at home in school half-days, from the catalog: 10 (ABSENT_10), 20 (LONG_ABSENCE: a child
 * at home), 30 (B30: the official "problematically absent"). Used for the cumulative count and the longest spell.
 */
export function homeTimeThresholds(catalog: RuleCatalog = VLAANDEREN_CATALOG): number[] {
  return [
    param(catalog, 'ABSENT_10', 'threshold'),
    param(catalog, 'LONG_ABSENCE', 'threshold'),
    param(catalog, 'B30', 'threshold'),
  ];
}

/** The official figure's threshold: ≥ 30 B half-days in the school year (B30; seed 004 l. 1466–1472). */
export const officialBThreshold = (catalog: RuleCatalog = VLAANDEREN_CATALOG) => param(catalog, 'B30', 'threshold');

/**
 * Compulsory school age (leerplicht): from 1 September of the calendar year the child turns 5 (seed 003 l. 89:
 * "vanaf 1 september 2020 is elke 5-jarige in het kleuteronderwijs leerplichtig"; the K5 rules) as long as the
 * child is a minor (seed 004 l. 1750: "Elke minderjarige heeft leerplicht"). A pupil counts in a school year's
 * denominator when of compulsory age on its first day (1 September): born in or before the calendar year the
 * school year starts minus 5, and not yet 18 on 1 September.
 */
export const COMPULSORY_AGE = { fromAge: 5, untilAge: 18 } as const;

export function isCompulsoryAge(birthDate: string, schoolYearStart: number): boolean {
  const birthYear = Number(birthDate.slice(0, 4));
  if (birthYear > schoolYearStart - COMPULSORY_AGE.fromAge) return false;
  const eighteenth = `${birthYear + COMPULSORY_AGE.untilAge}${birthDate.slice(4)}`;
  return eighteenth > `${schoolYearStart}-09-01`;
}

/** The age key of the split: the age the pupil reaches in the calendar year the school year starts. */
export const ageKey = (birthDate: string, schoolYearStart: number): number =>
  schoolYearStart - Number(birthDate.slice(0, 4));

/**
 * Days from a definitive exclusion to the first day in a new school, in buckets of calendar days: within 10
 * (EXCLUDED_NO_SCHOOL's 10 school days are about two calendar weeks), within 31 (primary: unenrolment at the
 * latest one month after the exclusion, seed 004 l. 2312–2316), within 61, longer.
 */
export const NEW_SCHOOL_BUCKETS = [10, 31, 61] as const;

export function daysToNewSchool(excludedOn: string, newSchoolFrom: string): number {
  return dayNumber(newSchoolFrom) - dayNumber(excludedOn);
}

/** Every bucket key in order: `≤10`, `≤31`, `≤61`, `>61`. */
export const NEW_SCHOOL_BUCKET_KEYS: readonly string[] = [
  ...NEW_SCHOOL_BUCKETS.map((b) => `≤${b}`),
  `>${NEW_SCHOOL_BUCKETS.at(-1)}`,
];

/** The bucket key of a number of days: `≤10`, `≤31`, `≤61` or `>61`. */
export function newSchoolBucket(days: number): string {
  const bound = NEW_SCHOOL_BUCKETS.find((b) => days <= b);
  return bound === undefined ? `>${NEW_SCHOOL_BUCKETS.at(-1)}` : `≤${bound}`;
}

/** Still without a school on `asOf`: excluded on or before it, and no new school from on or before it. */
export const withoutSchoolOn = (excludedOn: string, newSchoolFrom: string | null, asOf: string) =>
  excludedOn <= asOf && (newSchoolFrom === null || newSchoolFrom > asOf);

/**
 * A pupil joins the thuiszitters overview from this many absent school half-days in the school year in total
 * (LONG_ABSENCE's threshold, but counted across spells), besides the thuiszitter signals and partial schooling.
 */
export const thuiszitterMinHalfDays = (catalog: RuleCatalog = VLAANDEREN_CATALOG) =>
  param(catalog, 'LONG_ABSENCE', 'threshold');
