// The monitor's definitions: which thresholds the shares use (taken from the rule catalog, with their sources)
// and the smallest count that may be shown outside the school (small-cell suppression).

import type { RuleCatalog } from '../rules/catalog-types.ts';
import { VLAANDEREN_CATALOG } from '../rules/catalog-vlaanderen.ts';

/**
 * Counts from 1 to MIN_SHOWN_COUNT - 1 are never shown or exported in CLB and region aggregates: the usual
 * threshold of official education statistics for counts of pupils (a cell of fewer than 5 can identify a child).
 */
export const MIN_SHOWN_COUNT = 5;

/** The code key for "every absent code together" (any code that counts as absent). */
export const ALL_CODES = '*';

/** The official Discimus codes the monitor reports (internal codes are counted under the code they map to). */
export const OFFICIAL_CODES = ['B', 'Z', 'R', 'P', 'H', 'M'] as const;

export interface ShareThreshold {
  halfDays: number;
  /** The catalog rule this threshold comes from, so the monitor and the signals cannot drift apart. */
  ruleId: string;
}

function thresholdOf(catalog: RuleCatalog, ruleId: string): number {
  const rule = catalog.rules.find((candidate) => candidate.id === ruleId);
  const threshold = (rule?.params as { threshold?: unknown } | undefined)?.threshold;
  if (typeof threshold !== 'number') throw new Error(`catalog rule ${ruleId} has no threshold`);
  return threshold;
}

/**
 * The shares of pupils "with at least n half-days": 5 (B5_CLB: signal to the CLB), 10 (ABSENT_10) and 30
 * (B30: "problematisch afwezig", the official definition of a problematically absent pupil).
 */
export function shareThresholds(catalog: RuleCatalog = VLAANDEREN_CATALOG): ShareThreshold[] {
  return [
    { halfDays: thresholdOf(catalog, 'B5_CLB'), ruleId: 'B5_CLB' },
    { halfDays: thresholdOf(catalog, 'ABSENT_10'), ruleId: 'ABSENT_10' },
    { halfDays: thresholdOf(catalog, 'B30'), ruleId: 'B30' },
  ];
}

/** The signals whose pupils count as thuiszitters (children at home) in the overview. */
export const THUISZITTER_RULES = ['LONG_ABSENCE', 'FIXED_SLOT', 'P30', 'Z_LONG', 'EXCLUDED_NO_SCHOOL'] as const;

/** The dimensions of the precomputed cells. */
export const DIMENSIONS = ['week', 'month', 'weekday', 'class', 'grade', 'threshold', 'enrolled', 'signal'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
