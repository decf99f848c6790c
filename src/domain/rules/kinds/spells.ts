// Rule kind spells: `runs` separate runs starting within withinSchoolDays school days.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';

/** `runs` runs whose start days lie within withinSchoolDays consecutive school days. */
export function evaluateSpells(e: Evaluator, rule: CompiledRule): void {
  const needed = rule.runs;
  if (e.matching(rule) < needed) return;
  const index = rule.maskIndex;
  const offset = e.prepareRuns(index);
  const runCount = e.maskRuns[index] as number;
  if (runCount < needed) return;
  const runFirst = e.maskRunFirst;
  const slots = e.maskSlot;
  const calendar = e.calendar;
  const dayRankBefore = calendar.dayRankBefore;
  const baseDay = calendar.baseDay;
  const startDayRank = e.scratch;
  const reach = rule.withinSchoolDays - 1;
  const back = Math.max(needed - 1, 0);
  for (let r = 0; r < runCount; r++) {
    const start = runFirst[offset + r] as number;
    const day = (slots[start] as number) >> 1;
    const rank = dayRankBefore[day - baseDay] as number;
    startDayRank[r] = rank;
    if (r + 1 >= needed && rank - (startDayRank[r - back] as number) <= reach) {
      e.addListEvidence(runFirst[offset + r - back] as number, (runFirst[offset + r + 1] as number) - 1);
      e.hold(rule, day);
      return;
    }
  }
}
