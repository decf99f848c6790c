// A school calendar compiled for the engine: school half-day slots with prefix counts, shared by many pupils.
import type { CalendarHalfDay } from '../calendar.ts';
import { dayNumber } from '../half-day.ts';
import { civilFromDayNumber } from './civil-day.ts';

/** A half-day as one integer: dayNumber × 2, plus 1 for the afternoon. */
export type Slot = number;

export function slotOf(day: number, pm: boolean): Slot {
  return day * 2 + (pm ? 1 : 0);
}

/** Weekday + half class of a slot: 0 = Monday AM … 13 = Sunday PM (1970-01-01 was a Thursday). */
function slotClass(slot: Slot): number {
  const day = slot >> 1;
  const weekdayIndex = (((day + 3) % 7) + 7) % 7; // 0 = Monday
  return weekdayIndex * 2 + (slot & 1);
}

/**
 * Why this shape: every question the rules ask about a calendar ("how many school half-days between these
 * two slots", "is this the next school half-day", "which occurrence of Tuesday PM is this") becomes one array
 * read, so evaluating millions of register rows never touches dates or strings.
 */
export class CompiledCalendar {
  readonly id: string;
  /** Sorted school slots. */
  readonly schoolSlots: Int32Array;
  /** First slot covered by the per-slot arrays (the Monday AM a week before the first school half-day). */
  readonly baseSlot: number;
  readonly baseDay: number;
  readonly slotCount: number;
  readonly dayCount: number;
  /** 1 where the slot is a school half-day. */
  readonly isSchool: Uint8Array;
  /** School half-days strictly before each slot; length slotCount + 1 (read directly in hot loops). */
  readonly rankBefore: Int32Array;
  /** School days (days with at least one school half-day), sorted. */
  readonly schoolDays: Int32Array;
  /** School days strictly before each day (index day − baseDay); length dayCount + 1 (read directly in hot loops). */
  readonly dayRankBefore: Int32Array;
  /** Weekday + half class (slotClass) of each slot, precomputed so hot loops avoid the modulo. */
  readonly classOf: Uint8Array;
  /** For a school slot: how many school slots of the same weekday + half precede it. */
  readonly classOccurrence: Int32Array;
  /** For a school slot: classOccurrence × 16 + classOf (one read where both are needed); 0 elsewhere. */
  readonly classKey: Int32Array;
  /** School slots per weekday + half class (14 classes). */
  readonly classSlots: readonly Int32Array[];
  private readonly returnDayCache = new Map<number, ReturnDays>();
  private readonly spanCache = new Map<number, number>();

  constructor(id: string, schoolSlots: Int32Array) {
    this.id = id;
    this.schoolSlots = schoolSlots;
    const first = schoolSlots.length > 0 ? (schoolSlots[0] as number) : 0;
    const last = schoolSlots.length > 0 ? (schoolSlots[schoolSlots.length - 1] as number) : 0;
    this.baseDay = (first >> 1) - 7;
    this.baseSlot = this.baseDay * 2;
    this.dayCount = (last >> 1) - this.baseDay + 2;
    this.slotCount = this.dayCount * 2;
    this.isSchool = new Uint8Array(this.slotCount);
    this.rankBefore = new Int32Array(this.slotCount + 1);
    this.dayRankBefore = new Int32Array(this.dayCount + 1);
    this.classOccurrence = new Int32Array(this.slotCount).fill(-1);
    this.classOf = new Uint8Array(this.slotCount);
    this.classKey = new Int32Array(this.slotCount);
    for (let i = 0; i < this.slotCount; i++) this.classOf[i] = slotClass(this.baseSlot + i);
    for (const slot of schoolSlots) this.isSchool[slot - this.baseSlot] = 1;
    const classCounts = new Int32Array(14);
    let rank = 0;
    for (let i = 0; i < this.slotCount; i++) {
      this.rankBefore[i] = rank;
      if (this.isSchool[i] === 1) {
        rank++;
        const c = slotClass(this.baseSlot + i);
        this.classOccurrence[i] = classCounts[c] as number;
        this.classKey[i] = (classCounts[c] as number) * 16 + c;
        classCounts[c] = (classCounts[c] as number) + 1;
      }
    }
    this.rankBefore[this.slotCount] = rank;
    const classSlots = Array.from({ length: 14 }, (_, c) => new Int32Array(classCounts[c] as number));
    const fill = new Int32Array(14);
    const days: number[] = [];
    let dayRank = 0;
    for (let d = 0; d < this.dayCount; d++) {
      this.dayRankBefore[d] = dayRank;
      if (this.isSchool[2 * d] === 1 || this.isSchool[2 * d + 1] === 1) {
        dayRank++;
        days.push(this.baseDay + d);
      }
    }
    this.dayRankBefore[this.dayCount] = dayRank;
    for (const slot of schoolSlots) {
      const c = slotClass(slot);
      (classSlots[c] as Int32Array)[fill[c] as number] = slot;
      fill[c] = (fill[c] as number) + 1;
    }
    this.classSlots = classSlots;
    this.schoolDays = Int32Array.from(days);
  }

  /** Number of school half-days strictly before a slot (clamped outside the calendar). */
  rank(slot: Slot): number {
    const i = slot - this.baseSlot;
    if (i <= 0) return 0;
    if (i >= this.slotCount) return this.schoolSlots.length;
    return this.rankBefore[i] as number;
  }

  /** Number of school half-days in [from, until] (inclusive slots). */
  countSchoolHalfDays(from: Slot, until: Slot): number {
    return until < from ? 0 : this.rank(until + 1) - this.rank(from);
  }

  isSchoolSlot(slot: Slot): boolean {
    const i = slot - this.baseSlot;
    return i >= 0 && i < this.slotCount && this.isSchool[i] === 1;
  }

  /** Number of school days strictly before a day. */
  dayRank(day: number): number {
    const i = day - this.baseDay;
    if (i <= 0) return 0;
    if (i >= this.dayCount) return this.schoolDays.length;
    return this.dayRankBefore[i] as number;
  }

  /** Whether the calendar has any school half-day in [fromDay, untilDay]. */
  covers(fromDay: number, untilDay: number): boolean {
    return this.countSchoolHalfDays(fromDay * 2, untilDay * 2 + 1) > 0;
  }

  /**
   * The fewest school half-days a run of consecutive school half-days has when its first and last days lie at
   * least spanDays − 1 calendar days apart (a holiday inside the run shortens it); Infinity when no run can.
   * A lower bound the span rules prune on before building their runs.
   */
  fewestHalfDaysSpanning(spanDays: number): number {
    const cached = this.spanCache.get(spanDays);
    if (cached !== undefined) return cached;
    const slots = this.schoolSlots;
    const reach = spanDays - 1;
    // Runs never cross 1 September (the engine reads one school year), so the summer break does not count.
    const schoolYear = (slot: number): number => {
      const [year, month] = civilFromDayNumber(slot >> 1);
      return month >= 9 ? year : year - 1;
    };
    let fewest = Number.POSITIVE_INFINITY;
    let b = 0;
    for (let a = 0; a < slots.length; a++) {
      const startDay = (slots[a] as number) >> 1;
      if (b < a) b = a;
      while (b < slots.length && ((slots[b] as number) >> 1) - startDay < reach) b++;
      if (b === slots.length) break;
      if (schoolYear(slots[b] as number) !== schoolYear(slots[a] as number)) continue;
      fewest = Math.min(fewest, b - a + 1);
    }
    this.spanCache.set(spanDays, fewest);
    return fewest;
  }

  /**
   * Return days: school days whose previous school day lies ≥ minimumGapDays calendar days earlier (or that
   * have none, like the first school day). `ordinal[day - baseDay]` is the return day's index, or -1;
   * `morningOrdinal[slot - baseSlot]` the same for the morning slot of a return day, -1 for every other slot.
   */
  returnDays(minimumGapDays: number): ReturnDays {
    const cached = this.returnDayCache.get(minimumGapDays);
    if (cached) return cached;
    const ordinal = new Int32Array(this.dayCount).fill(-1);
    const days: number[] = [];
    let previous = Number.NEGATIVE_INFINITY;
    for (const day of this.schoolDays) {
      if (day - previous >= minimumGapDays) {
        ordinal[day - this.baseDay] = days.length;
        days.push(day);
      }
      previous = day;
    }
    const morningOrdinal = new Int32Array(this.slotCount).fill(-1);
    for (let d = 0; d < this.dayCount; d++) morningOrdinal[2 * d] = ordinal[d] as number;
    const result = { ordinal, days: Int32Array.from(days), morningOrdinal };
    this.returnDayCache.set(minimumGapDays, result);
    return result;
  }
}

/** Return days of a calendar for one minimum gap (see CompiledCalendar.returnDays). */
interface ReturnDays {
  ordinal: Int32Array;
  days: Int32Array;
  morningOrdinal: Int32Array;
}

/** Compiles calendar entries (e.g. from expandPreset or calendar.csv); later entries win, as in SchoolCalendar. */
export function compileCalendar(id: string, entries: Iterable<CalendarHalfDay>): CompiledCalendar {
  const school = new Map<number, boolean>();
  for (const e of entries) school.set(dayNumber(e.date) * 2 + (e.half === 'PM' ? 1 : 0), e.schoolDay);
  const slots: number[] = [];
  for (const [slot, isSchool] of school) if (isSchool) slots.push(slot);
  slots.sort((a, b) => a - b);
  return new CompiledCalendar(id, Int32Array.from(slots));
}

/** Compiles a calendar from school slots already known (fast path); they are sorted and deduplicated here. */
export function compileCalendarFromSlots(id: string, schoolSlots: ArrayLike<number>): CompiledCalendar {
  const sorted = Int32Array.from(schoolSlots).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  }
  return new CompiledCalendar(id, sorted.slice(0, n));
}
