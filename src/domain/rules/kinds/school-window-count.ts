// Rule kind school-window-count: threshold matching half-days within withinSchoolDays consecutive school days.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';

/** The first matching half-day that makes `threshold` within `withinSchoolDays` school days (first to last). */
export function evaluateSchoolWindowCount(e: Evaluator, rule: CompiledRule): void {
  const threshold = rule.threshold;
  if (threshold < 1 || e.matching(rule) < threshold) return;
  const offset = e.prepare(rule.maskIndex);
  const end = offset + (e.maskLength[rule.maskIndex] as number);
  const slots = e.maskSlot;
  const calendar = e.calendar;
  const reach = rule.withinSchoolDays - 1;
  let lo = offset;
  for (let j = offset + threshold - 1; j < end; j++) {
    const day = (slots[j] as number) >> 1;
    const rank = calendar.dayRank(day);
    while (rank - calendar.dayRank((slots[lo] as number) >> 1) > reach) lo++;
    if (j - lo + 1 >= threshold) {
      e.addListEvidence(lo, j);
      e.hold(rule, day);
      return;
    }
  }
}
