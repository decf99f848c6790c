// Rule kind share: absent on at least a percentage of the possible school half-days.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator, EvidenceFacts } from '../engine.ts';
import { NO_DAY } from '../engine-input.ts';

/** Absent on ≥ percent % of possible school half-days; holds while true on asOf, since the episode began. */
export function evaluateShare(e: Evaluator, rule: CompiledRule): void {
  const calendar = e.calendar;
  const possible = calendar.countSchoolHalfDays(e.fromSlot, e.toSlot);
  if (possible === 0 || possible < rule.minimumPossibleHalfDays) return;
  const absent = e.matching(rule);
  const percent = rule.percent;
  if (absent * 100 < percent * possible) return;
  const offset = e.prepare(rule.maskIndex);
  const slots = e.maskSlot;
  // Start of the current episode: walk back over absence days. Between two absence days the share only falls,
  // so each stretch is tested at its last school day; before the first absence the share is 0.
  const fromRank = calendar.rank(e.fromSlot);
  let start = NO_DAY;
  let nextDay = NO_DAY;
  let cumulative = absent;
  let j = offset + absent - 1;
  while (j >= offset) {
    const day = (slots[j] as number) >> 1;
    if (nextDay !== NO_DAY && cumulative * 100 < percent * (calendar.rank(nextDay * 2) - fromRank)) {
      start = nextDay;
      break;
    }
    while (j >= offset && (slots[j] as number) >> 1 === day) {
      cumulative--;
      j--;
    }
    nextDay = day;
  }
  if (start === NO_DAY) start = percent > 0 && nextDay !== NO_DAY ? nextDay : e.firstEnrolledSchoolDay();
  const minimumIndex = fromRank + Math.max(rule.minimumPossibleHalfDays, 1) - 1;
  if (minimumIndex < calendar.schoolSlots.length) {
    start = Math.max(start, (calendar.schoolSlots[minimumIndex] as number) >> 1);
  }
  e.hold(rule, start, absent);
}

export function shareFacts(e: Evaluator, rule: CompiledRule, absent: number): EvidenceFacts {
  const possible = e.calendar.countSchoolHalfDays(e.fromSlot, e.toSlot);
  return {
    absentHalfDays: absent,
    possibleHalfDays: possible,
    sharePercent: Math.round((absent * 1000) / possible) / 10,
    thresholdPercent: rule.percent,
  };
}
