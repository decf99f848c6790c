// Rule kind exclusion: definitively excluded and not enrolled elsewhere after some school days.
import { isoFromDayNumber } from '../civil-day.ts';
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator, EvidenceFacts } from '../engine.ts';
import { NO_DAY } from '../engine-input.ts';

/** Definitively excluded and not enrolled elsewhere by the schoolDays-th school day after the exclusion. */
export function evaluateExclusion(e: Evaluator, rule: CompiledRule): void {
  const p = e.pupil;
  const excludedOn = e.input.excludedOn[p] as number;
  if (excludedOn === NO_DAY || excludedOn > e.asOfDay) return;
  const calendar = e.calendar;
  const index = calendar.dayRank(excludedOn + 1) + rule.schoolDays - 1;
  if (index >= calendar.schoolDays.length) return;
  const day = calendar.schoolDays[index] as number;
  if (day > e.asOfDay) return;
  const elsewhere = e.input.enrolledElsewhereFrom[p] as number;
  if (elsewhere !== NO_DAY && elsewhere <= day) return;
  e.hold(rule, day);
}

export function exclusionFacts(e: Evaluator): EvidenceFacts {
  const calendar = e.calendar;
  const excludedOn = e.input.excludedOn[e.pupil] as number;
  const elsewhere = e.input.enrolledElsewhereFrom[e.pupil] as number;
  const lastDay = elsewhere !== NO_DAY ? Math.min(e.asOfDay, elsewhere - 1) : e.asOfDay;
  return {
    excludedOn: isoFromDayNumber(excludedOn),
    schoolDaysWithoutSchool: calendar.dayRank(lastDay + 1) - calendar.dayRank(excludedOn + 1),
    enrolledElsewhereFrom: elsewhere === NO_DAY ? '' : isoFromDayNumber(elsewhere),
  };
}
