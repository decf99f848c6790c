// Small-cell suppression: the ONE place where every CLB and region aggregate (response and CSV export) passes
// before it leaves the server, so no count between 1 and MIN_SHOWN_COUNT - 1 is ever shown or exported.
import { MIN_SHOWN_COUNT } from './definitions.ts';

/** A count as shown outside the school: the number, or null when it is suppressed ("< 5"). */
export type ShownCount = number | null;

/** Whether a count may be shown: zero, or at least MIN_SHOWN_COUNT. */
export const isShowable = (count: number): boolean => count === 0 || count >= MIN_SHOWN_COUNT;

/** The count to show: null for 1 … MIN_SHOWN_COUNT - 1. */
export const suppressCount = (count: number): ShownCount => (isShowable(count) ? count : null);

/**
 * A share (0…1) to show: only when both its numerator and its denominator may be shown, since a share and a
 * known denominator give the numerator back.
 */
export function suppressShare(numerator: number, denominator: number): number | null {
  if (!isShowable(numerator) || !isShowable(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

/**
 * A statistic computed over n cases (a median of days, an average): shown only when n may be shown, because
 * a median over one to four pupils describes those pupils.
 */
export function suppressStatistic<T>(n: number, value: T): T | null {
  return isShowable(n) && n > 0 ? value : null;
}
