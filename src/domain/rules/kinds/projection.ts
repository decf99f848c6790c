// Rule kind projection: minimum presence in pre-primary out of reach (or projected below the rate).
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator, EvidenceFacts } from '../engine.ts';
import { LEVEL_CODES, NO_DAY } from '../engine-input.ts';

/** Minimum presence of a pupil of compulsory age in pre-primary: out of reach (reachable) or projected (rate). */
export function evaluateProjection(e: Evaluator, rule: CompiledRule): void {
  const input = e.input;
  const p = e.pupil;
  if (input.level[p] !== LEVEL_CODES.kleuter) return;
  const birthYear = input.birthYear[p] as number;
  if (birthYear === 0 || birthYear > e.yearStartYear - rule.compulsoryAge) return;
  const calendar = e.calendar;
  const yearFrom = e.yearStartDay * 2;
  const total = calendar.countSchoolHalfDays(yearFrom, e.yearEndDay * 2 + 1);
  const required = rule.requiredHalfDays;
  const missingNow = e.matching(rule);
  const slots = e.maskSlot;
  // Half-days before the enrolment (another school) and after it are unknown here: counted as present, so a
  // pupil who changed school is not flagged for absences this register cannot see.
  let triggered = NO_DAY;
  if (!rule.rateMode) {
    const allowedMissing = total - required;
    if (allowedMissing < 0) triggered = e.firstEnrolledSchoolDay();
    else if (missingNow > allowedMissing) {
      triggered = (slots[e.prepare(rule.maskIndex) + allowedMissing] as number) >> 1;
    }
  } else {
    const offset = e.prepare(rule.maskIndex);
    const end = offset + missingNow;
    const yearRank = calendar.rank(yearFrom);
    const startIndex = yearRank + Math.max(rule.fromElapsedHalfDays, 1) - 1;
    if (startIndex < calendar.schoolSlots.length) {
      const startDay = (calendar.schoolSlots[startIndex] as number) >> 1;
      // The presence rate only drops on a day with a counted absence, so the first failing day is the start day
      // or one of those days: test the start day, then each absence day after it.
      let j = offset;
      while (j < end && (slots[j] as number) >> 1 <= startDay) j++;
      let missing = j - offset;
      if (startDay <= e.asOfDay && belowRate(e, startDay, missing, total, required)) triggered = startDay;
      for (; triggered === NO_DAY && j < end; j++) {
        missing++;
        const day = (slots[j] as number) >> 1;
        if (j + 1 < end && (slots[j + 1] as number) >> 1 === day) continue;
        if (belowRate(e, day, missing, total, required)) triggered = day;
      }
    }
  }
  if (triggered === NO_DAY) return;
  // The facts are derived from the missing half-days when asked for (factsOf).
  e.hold(rule, triggered, missingNow);
}

export function projectionFacts(e: Evaluator, rule: CompiledRule, missingNow: number): EvidenceFacts {
  const calendar = e.calendar;
  const yearFrom = e.yearStartDay * 2;
  const total = calendar.countSchoolHalfDays(yearFrom, e.yearEndDay * 2 + 1);
  const elapsed = calendar.countSchoolHalfDays(yearFrom, Math.min(e.asOfDay, e.yearEndDay) * 2 + 1);
  const present = elapsed - missingNow;
  const remaining = total - elapsed;
  const projected = elapsed > 0 ? Math.floor(present + (remaining * present) / elapsed) : total;
  return {
    schoolHalfDaysInYear: total,
    elapsedSchoolHalfDays: elapsed,
    presentHalfDays: present,
    remainingSchoolHalfDays: remaining,
    projectedHalfDays: rule.rateMode ? projected : present + remaining,
    requiredHalfDays: rule.requiredHalfDays,
  };
}

/** Presence rate at the end of `day` below required / total (projection rule, rate mode). */
function belowRate(e: Evaluator, day: number, missing: number, total: number, required: number): boolean {
  const elapsed = e.calendar.countSchoolHalfDays(e.yearStartDay * 2, day * 2 + 1);
  return (elapsed - missing) * total < required * elapsed;
}
