// Rule kind return-day: absent on the mornings the pupil returns after a break.
import type { CompiledRule } from '../compiled-catalog.ts';
import type { Evaluator, ReturnDayTable } from '../engine.ts';

/** Absent in the morning on ≥ absentAtLeast of the last lastReturnDays return days. */
export function evaluateReturnDay(e: Evaluator, rule: CompiledRule): void {
  const atLeast = rule.absentAtLeast;
  if (e.matching(rule) < atLeast || atLeast < 1) return;
  const offset = e.prepare(rule.maskIndex);
  const end = offset + (e.maskLength[rule.maskIndex] as number);
  const slots = e.maskSlot;
  const tables = e.returnDayTables[rule.index] as ReturnDayTable[];
  const returnDays = tables[e.input.pupilCalendar[e.pupil] as number] as ReturnDayTable;
  const morningOrdinal = returnDays.morningOrdinal;
  const base = e.calendar.baseSlot;
  const ordinals = e.scratch;
  const indexes = e.scratch2;
  // Branch-free: keep the rows on return-day mornings (their return-day ordinal), then look for the window.
  let m = 0;
  for (let j = offset; j < end; j++) {
    const ordinal = morningOrdinal[(slots[j] as number) - base] as number;
    ordinals[m] = ordinal;
    indexes[m] = j;
    m += ~ordinal >>> 31;
  }
  if (m < atLeast) return;
  const reach = rule.lastReturnDays - 1;
  for (let i = atLeast - 1; i < m; i++) {
    const ordinal = ordinals[i] as number;
    if (ordinal - (ordinals[i + 1 - atLeast] as number) > reach) continue;
    let first = i + 1 - atLeast;
    while (first > 0 && (ordinals[first - 1] as number) >= ordinal - reach) first--;
    for (let k = first; k <= i; k++) e.addEvidence(e.maskRow[indexes[k] as number] as number);
    e.hold(rule, (slots[indexes[i] as number] as number) >> 1);
    return;
  }
}
