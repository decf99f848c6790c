// Rule kind window-count: threshold matching half-days within windowDays calendar days.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';

export function evaluateWindowCount(e: Evaluator, rule: CompiledRule): void {
  const threshold = rule.threshold;
  if (e.matching(rule) < threshold) return;
  const offset = e.prepare(rule.maskIndex);
  const end = offset + (e.maskLength[rule.maskIndex] as number);
  const slots = e.maskSlot;
  const reach = rule.windowDays - 1;
  let lo = offset;
  for (let j = offset + threshold - 1; j < end; j++) {
    const day = (slots[j] as number) >> 1;
    while ((slots[lo] as number) >> 1 < day - reach) lo++;
    if (j - lo + 1 >= threshold) {
      e.addListEvidence(lo, j);
      e.hold(rule, day);
      return;
    }
  }
}
