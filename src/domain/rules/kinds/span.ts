// Rule kind span: a run of matching school half-days spanning spanDays calendar days.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';

/** A run whose first and last dates span ≥ spanDays calendar days; triggers on the day the span is reached. */
export function evaluateSpan(e: Evaluator, rule: CompiledRule): void {
  if (e.matching(rule) === 0) return;
  const index = rule.maskIndex;
  const offset = e.prepareRuns(index);
  const runFirst = e.maskRunFirst;
  const runsEnd = offset + (e.maskRuns[index] as number);
  const slots = e.maskSlot;
  const reach = rule.spanDays - 1;
  for (let r = offset; r < runsEnd; r++) {
    const start = runFirst[r] as number;
    const last = (runFirst[r + 1] as number) - 1;
    const startDay = (slots[start] as number) >> 1;
    if (((slots[last] as number) >> 1) - startDay < reach) continue;
    let j = start;
    while (((slots[j] as number) >> 1) - startDay < reach) j++;
    e.addListEvidence(start, j);
    e.hold(rule, (slots[j] as number) >> 1, last - start + 1);
    return;
  }
}
