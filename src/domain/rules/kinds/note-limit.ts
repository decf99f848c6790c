// Rule kind note-limit: more parents' notes (or a longer one) than allowed.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';

/** Parents' notes: a (maxSpells + 1)-th separate spell, or one spell spanning more than maxSpanDays days. */
export function evaluateNoteLimit(e: Evaluator, rule: CompiledRule): void {
  if (!rule.enabled || e.matching(rule) === 0) return;
  const index = rule.maskIndex;
  const offset = e.prepareRuns(index);
  const runCount = e.maskRuns[index] as number;
  const runFirst = e.maskRunFirst;
  const slots = e.maskSlot;
  const reach = rule.maxSpanDays - 1;
  const maxSpells = rule.maxSpells;
  for (let r = 0; r < runCount; r++) {
    const start = runFirst[offset + r] as number;
    const day = (slots[start] as number) >> 1;
    if (r + 1 > maxSpells) {
      e.addListEvidence(offset, start);
      e.hold(rule, day, r + 1, 0);
      return;
    }
    const last = (runFirst[offset + r + 1] as number) - 1;
    if (((slots[last] as number) >> 1) - day <= reach) continue;
    let j = start;
    while (((slots[j] as number) >> 1) - day <= reach) j++;
    e.addListEvidence(start, j);
    e.hold(rule, (slots[j] as number) >> 1, j - start + 1, 1);
    return;
  }
}
