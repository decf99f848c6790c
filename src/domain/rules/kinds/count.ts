// Rule kind count: the threshold-th matching half-day this school year (optionally per month, with carried-over B).
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';
import { NO_DAY } from '../engine-input.ts';

export function evaluateCount(e: Evaluator, rule: CompiledRule): void {
  const threshold = rule.threshold;
  const carried = rule.includesCarriedOver ? (e.input.carriedOverB[e.pupil] as number) : 0;
  if (e.matching(rule) + carried < threshold) return;
  if (carried >= threshold) {
    const day = e.firstEnrolledSchoolDay();
    if (day !== NO_DAY) e.hold(rule, day, carried);
    return;
  }
  const months = rule.monthsMask;
  const index = rule.maskIndex;
  if (e.maskStamp[index] === e.stamp) {
    // The mask's list exists already (another rule built it).
    const offset = index * e.listCapacity;
    const end = offset + (e.maskLength[index] as number);
    const slots = e.maskSlot;
    if (months === 0) {
      // Every listed row counts: the threshold-th one is the trigger, no scan needed.
      const last = offset + threshold - carried - 1;
      e.addListEvidence(offset, last);
      e.hold(rule, (slots[last] as number) >> 1, carried);
      return;
    }
    let counted = carried;
    for (let j = offset; j < end; j++) {
      const day = (slots[j] as number) >> 1;
      if ((months & (1 << (e.monthOfYearDay[day - e.yearStartDay] as number))) === 0) continue;
      e.addEvidence(e.maskRow[j] as number);
      if (++counted >= threshold) {
        e.hold(rule, day, carried);
        return;
      }
    }
    return;
  }
  // No list: scan the pupil's rows only up to the threshold-th match (usually a few rows).
  const mask = rule.mask;
  const rowSlot = e.input.rowSlot;
  const rowCode = e.input.rowCode;
  const calendar = e.calendar;
  const base = calendar.baseSlot;
  const slotCount = calendar.slotCount;
  const isSchool = calendar.isSchool;
  const fromSlot = e.fromSlot;
  const until = e.loadUntil;
  let counted = carried;
  for (let i = e.loadFrom; i < until; i++) {
    if (((1 << (rowCode[i] as number)) & mask) === 0) continue;
    const slot = rowSlot[i] as number;
    if (slot < fromSlot) continue;
    const at = slot - base;
    if (at < 0 || at >= slotCount || isSchool[at] === 0) continue;
    const day = slot >> 1;
    if (months !== 0 && (months & (1 << (e.monthOfYearDay[day - e.yearStartDay] as number))) === 0) continue;
    e.addEvidence(i);
    if (++counted >= threshold) {
      e.hold(rule, day, carried);
      return;
    }
  }
}
