// Rule kind run: consecutive matching school half-days reaching the threshold.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';

/** A run (consecutive school half-days, all matching) reaching the threshold; triggers on its threshold-th day. */
export function evaluateRun(e: Evaluator, rule: CompiledRule): void {
  const threshold = rule.threshold;
  if (e.matching(rule) < threshold) return;
  const index = rule.maskIndex;
  const offset = e.prepareRuns(index);
  const runFirst = e.maskRunFirst;
  const runsEnd = offset + (e.maskRuns[index] as number);
  for (let r = offset; r < runsEnd; r++) {
    const start = runFirst[r] as number;
    const length = (runFirst[r + 1] as number) - start;
    if (length < threshold || threshold < 1) continue;
    const j = start + threshold - 1;
    e.addListEvidence(start, j);
    e.hold(rule, (e.maskSlot[j] as number) >> 1, length);
    return;
  }
}
