// Rule kind prior-year: conditions on the previous school year, optionally while another rule holds.
import type { CompiledCondition, CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator, EvidenceFacts } from '../engine.ts';
import { NO_DAY } from '../engine-input.ts';

/** Previous school year: any condition met; optionally only while another rule holds now. */
export function evaluatePriorYear(e: Evaluator, rule: CompiledRule): void {
  if (e.previousFrom === e.previousUntil) return;
  const conditions = rule.conditions;
  const counts = priorYearCounts(e, rule);
  let met = false;
  for (let c = 0; c < conditions.length; c++) {
    if ((counts[c] as number) >= (conditions[c] as CompiledCondition).threshold) met = true;
  }
  if (!met) return;
  const day = rule.requiresRule >= 0 ? e.triggered(rule.requiresRule) : e.firstEnrolledSchoolDay();
  if (day === NO_DAY) return;
  e.hold(rule, day);
}

/** Per condition of a prior-year rule: the pupil's matching school half-days in the previous school year. */
function priorYearCounts(e: Evaluator, rule: CompiledRule): number[] {
  const input = e.input;
  const calendar = e.calendar;
  const checkSchool = e.coversPreviousYear[input.pupilCalendar[e.pupil] as number] === 1;
  const conditions = rule.conditions;
  const counts = new Array<number>(conditions.length).fill(0);
  for (let i = e.previousFrom; i < e.previousUntil; i++) {
    if (checkSchool && !calendar.isSchoolSlot(input.rowSlot[i] as number)) continue;
    const bit = 1 << (input.rowCode[i] as number);
    for (let c = 0; c < conditions.length; c++) {
      if (((conditions[c] as CompiledCondition).mask & bit) !== 0) counts[c] = (counts[c] as number) + 1;
    }
  }
  return counts;
}

export function priorYearFacts(e: Evaluator, rule: CompiledRule): EvidenceFacts {
  const counts = priorYearCounts(e, rule);
  const facts: Record<string, number | string> = { previousSchoolYear: e.previousYearId };
  rule.conditions.forEach((condition, c) => {
    facts[condition.fact] = counts[c] as number;
  });
  return facts;
}
