// Rule kind slot: absent on most recent occurrences of one weekday + half (e.g. every Wednesday afternoon).
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator } from '../engine.ts';
import { NO_DAY } from '../engine-input.ts';

/** Absent on ≥ absentAtLeast of the last `occurrences` school occurrences of one weekday + half. */
export function evaluateSlot(e: Evaluator, rule: CompiledRule): void {
  const atLeast = rule.absentAtLeast;
  const occurrences = rule.occurrences;
  if (e.matching(rule) < atLeast || atLeast < 1) return;
  const offset = e.prepare(rule.maskIndex);
  const end = offset + (e.maskLength[rule.maskIndex] as number);
  const slots = e.maskSlot;
  const calendar = e.calendar;
  const base = calendar.baseSlot;
  const classOf = calendar.classOf;
  const classKey = calendar.classKey;
  // One branch-free pass buckets the matching rows' occurrence numbers per weekday + half class (in slot order,
  // so each bucket is sorted); only classes with at least atLeast rows are looked at further.
  const perClass = e.perClass;
  for (let c = 0; c < 14; c++) perClass[c] = 0;
  const buckets = e.classBuckets;
  const stride = e.bucketStride;
  const pad = e.bucketPad;
  // The same pass marks the classes where atLeast rows lie within `occurrences` consecutive occurrences (the
  // row atLeast − 1 back in the bucket is a padding FAR_OCCURRENCE while there are fewer): only those classes
  // can hold, and for most pupils there is none.
  const back = atLeast - 1;
  let candidates = 0;
  for (let j = offset; j < end; j++) {
    const key = classKey[(slots[j] as number) - base] as number;
    const c = key & 15;
    const at = perClass[c] as number;
    const occurrence = key >> 4;
    const position = c * stride + pad + at;
    buckets[position] = occurrence;
    perClass[c] = at + 1;
    candidates |= ((occurrence - (buckets[position - back] as number) - occurrences) >> 31) & (1 << c);
  }
  if (candidates === 0) return;
  let bestDay = NO_DAY;
  let bestClass = -1;
  let bestOccurrence = -1;
  for (let c = 0; c < 14; c++) {
    if ((candidates & (1 << c)) === 0) continue;
    const m = perClass[c] as number;
    const bucket = c * stride + pad;
    const classSlots = calendar.classSlots[c] as Int32Array;
    const bounds = occurrenceBounds(e);
    const firstOccurrence = bounds[c] as number;
    const lastOccurrence = bounds[c + 14] as number;
    for (let i = 0; i + atLeast - 1 < m; i++) {
      const first = buckets[bucket + i] as number;
      const last = buckets[bucket + i + atLeast - 1] as number;
      if (last - first > occurrences - 1) continue;
      const kFrom = Math.max(last, firstOccurrence + occurrences - 1);
      const kUntil = Math.min(first + occurrences - 1, lastOccurrence);
      for (let kk = kFrom; kk <= kUntil; kk++) {
        const windowLastDay = (classSlots[kk] as number) >> 1;
        if (bestDay !== NO_DAY && windowLastDay >= bestDay) break;
        const windowFirstDay = (classSlots[kk - occurrences + 1] as number) >> 1;
        if (presentBetween(e, c, offset, end, windowFirstDay, windowLastDay, occurrences)) {
          bestDay = windowLastDay;
          bestClass = c;
          bestOccurrence = kk;
          break;
        }
      }
    }
  }
  if (bestDay === NO_DAY) return;
  const classSlots = calendar.classSlots[bestClass] as Int32Array;
  const fromSlot = classSlots[bestOccurrence - occurrences + 1] as number;
  const untilSlot = classSlots[bestOccurrence] as number;
  for (let j = offset; j < end; j++) {
    const slot = slots[j] as number;
    if (slot >= fromSlot && slot <= untilSlot && classOf[slot - base] === bestClass) {
      e.addEvidence(e.maskRow[j] as number);
    }
  }
  e.hold(rule, bestDay, bestClass);
}

/**
 * Per weekday + half class c of the pupil's calendar: [c] = the first occurrence on or after fromSlot, [c + 14]
 * = the last on or before toSlot. Cached: most pupils share calendar, enrolment and so these bounds.
 */
function occurrenceBounds(e: Evaluator): Int32Array {
  const bounds = e.boundsCache;
  if (e.boundsCalendar === e.calendar && e.boundsFrom === e.fromSlot && e.boundsTo === e.toSlot) {
    return bounds;
  }
  e.boundsCalendar = e.calendar;
  e.boundsFrom = e.fromSlot;
  e.boundsTo = e.toSlot;
  for (let c = 0; c < 14; c++) {
    const classSlots = e.calendar.classSlots[c] as Int32Array;
    bounds[c] = lowerBound(classSlots, 0, classSlots.length, e.fromSlot);
    bounds[c + 14] = lowerBound(classSlots, 0, classSlots.length, e.toSlot + 1) - 1;
  }
  return bounds;
}

/**
 * Whether the pupil was present on a school half-day from firstDay to lastDay (within the enrolment) other than
 * the `occurrences` half-days of class c in that range.
 */
function presentBetween(
  e: Evaluator,
  c: number,
  list: number,
  end: number,
  firstDay: number,
  lastDay: number,
  occurrences: number,
): boolean {
  const calendar = e.calendar;
  const slots = e.maskSlot;
  const classOf = calendar.classOf;
  const base = calendar.baseSlot;
  const from = Math.max(firstDay * 2, e.fromSlot);
  const until = Math.min(lastDay * 2 + 1, e.toSlot);
  const schoolHalfDays = calendar.countSchoolHalfDays(from, until);
  // The rule's mask list holds exactly the pupil's matching rows: count those of another class in the range.
  let absentOther = 0;
  for (let k = lowerBound(slots, list, end, from); k < end && (slots[k] as number) <= until; k++) {
    if (classOf[(slots[k] as number) - base] !== c) absentOther++;
  }
  return schoolHalfDays - occurrences - absentOther > 0;
}

function lowerBound(values: Int32Array, from: number, until: number, target: number): number {
  let lo = from;
  let hi = until;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
