// The signals engine: evaluates a compiled rule catalog over columnar input into a columnar signal table.
import { dayNumber, type IsoDate } from '../half-day.ts';
import { schoolYearOf } from '../school-year.ts';
import type { RuleCatalog } from './catalog-types.ts';
import { isoFromDayNumber, monthOfDayNumber } from './civil-day.ts';
import {
  type CompiledCatalog,
  type CompiledCondition,
  type CompiledRule,
  compileCatalog,
  KIND_CODES,
} from './compiled-catalog.ts';
import type { CompiledCalendar } from './engine-calendar.ts';
import { type EngineInput, LEVEL_CODES, NO_DAY } from './engine-input.ts';

/** Facts behind a signal that is not about individual half-days (projections, exclusions, previous year). */
export type EvidenceFacts = Readonly<Record<string, number | string | boolean>>;

/** Growable Int32 column (evidence rows of all signals). */
class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  /** Appends source[from … until). */
  append(source: Int32Array, from: number, until: number): void {
    const needed = this.length + (until - from);
    if (needed > this.data.length) {
      const bigger = new Int32Array(Math.max(needed, this.data.length * 2));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    for (let i = from; i < until; i++) this.data[this.length++] = source[i] as number;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * The engine's result, one row per signal, sorted by pupilId then ruleId. Evidence is kept as register row
 * indexes so nothing is allocated per signal; `signals.ts` materialises objects and sentences on demand.
 */
export interface SignalTable {
  readonly input: EngineInput;
  readonly catalog: CompiledCatalog;
  readonly asOfDay: number;
  readonly length: number;
  readonly pupil: Int32Array;
  /** Index into catalog.rules. */
  readonly rule: Int32Array;
  readonly triggeredDay: Int32Array;
  /** Evidence rows of signal i: evidenceRows[evidenceStart[i] … evidenceStart[i] + evidenceLength[i]). */
  readonly evidenceStart: Int32Array;
  readonly evidenceLength: Int32Array;
  /** Register row indexes (into input.rowSlot / rowCode). */
  readonly evidenceRows: Int32Array;
  /** Kind-specific number: run length now (run, span), carried-over B count (count). */
  readonly detail: Int32Array;
  /** Kind-specific variant: note-limit 0 = too many spells, 1 = one spell too long. */
  readonly variant: Int32Array;
  /** Facts per signal index, for kinds whose evidence is facts. */
  readonly facts: ReadonlyMap<number, EvidenceFacts>;
}

export interface EvaluateOptions {
  /** Evaluate only these pupil indexes (e.g. the pupils an import changed); default every pupil. */
  pupils?: ArrayLike<number>;
}

const NONE = NO_DAY;

/** Evaluates every rule of the catalog for the pupils on `asOf` (only register rows on or before it count). */
export function evaluateTable(
  input: EngineInput,
  catalog: RuleCatalog | CompiledCatalog,
  asOf: IsoDate,
  options: EvaluateOptions = {},
): SignalTable {
  const compiled = 'evaluationOrder' in catalog ? catalog : compileCatalog(catalog, input.codes);
  if (compiled.codes !== input.codes) throw new Error('catalog was compiled for another code table');
  const evaluator = new Evaluator(input, compiled, asOf);
  const order = options.pupils ? orderSubset(input, options.pupils) : input.pupilOrder;
  for (let i = 0; i < order.length; i++) evaluator.evaluatePupil(order[i] as number);
  return evaluator.result();
}

function orderSubset(input: EngineInput, pupils: ArrayLike<number>): Int32Array {
  const ranks: number[] = [];
  for (let i = 0; i < pupils.length; i++) {
    const p = pupils[i] as number;
    if (p < 0 || p >= input.pupilCount || !Number.isInteger(p)) throw new RangeError(`no pupil with index ${p}`);
    ranks.push(input.pupilRank[p] as number);
  }
  ranks.sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < ranks.length; i++) {
    if (i === 0 || ranks[i] !== ranks[i - 1]) out.push(input.pupilOrder[ranks[i] as number] as number);
  }
  return Int32Array.from(out);
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

class Evaluator {
  private readonly input: EngineInput;
  private readonly compiled: CompiledCatalog;
  private readonly rules: CompiledRule[];
  private readonly asOfDay: number;
  private readonly yearStartDay: number;
  private readonly yearEndDay: number;
  private readonly yearStartYear: number;
  private readonly previousYearStartDay: number;
  private readonly previousYearId: string;
  /** Month (1–12) of each day of the current school year, indexed by day − yearStartDay. */
  private readonly monthOfYearDay: Uint8Array;
  /** Per calendar: whether it has school half-days in the previous school year. */
  private readonly coversPreviousYear: Uint8Array;

  // The current pupil's valid rows this school year (school half-day, enrolled, ≤ asOf), as local arrays.
  private count = 0;
  private readonly localSlot: Int32Array;
  private readonly localBit: Int32Array;
  private readonly localRow: Int32Array;
  private readonly localRank: Int32Array;
  private readonly scratch: Int32Array;
  private readonly scratch2: Int32Array;
  private readonly perClass = new Int32Array(14);
  /** Rows per code id of the current pupil this school year: an upper bound that lets rules skip the scan. */
  private readonly codeCount = new Int32Array(32);
  /** Per distinct rule mask: the current pupil's matching rows this school year. */
  private readonly maskCount: Int32Array;
  /** Per rule index (return-day rules), per calendar: the return-day ordinal of each day. */
  private readonly returnDayTables: (ReturnDayTable[] | undefined)[];
  private slotRingPosition = new Int32Array(14);
  // Per distinct code mask: the current pupil's matching local rows (see prepare) and their run facts.
  private readonly listCapacity: number;
  private readonly maskRows: Int32Array;
  private readonly maskStamp: Int32Array;
  private readonly runStamp: Int32Array;
  private stamp = 0;
  private readonly maskLength: Int32Array;
  private readonly maskRuns: Int32Array;
  private readonly maskLongestRun: Int32Array;
  private readonly maskWidestRunDays: Int32Array;
  private slotRing = new Int32Array(14 * 4);
  private pupil = 0;
  private calendar: CompiledCalendar;
  private fromSlot = 0;
  private toSlot = 0;
  private previousFrom = 0;
  private previousUntil = 0;

  // Per-pupil results, indexed by rule.
  private readonly trigger: Int32Array;
  private readonly evidenceFrom: Int32Array;
  private readonly evidenceUntil: Int32Array;
  private readonly detailOf: Int32Array;
  private readonly variantOf: Int32Array;
  private readonly factsOf: (EvidenceFacts | undefined)[];
  private pupilEvidence: Int32Array;
  private pupilEvidenceLength = 0;

  // Output columns, grown together (one capacity check per signal).
  private outLength = 0;
  private outPupil = new Int32Array(1024);
  private outRule = new Int32Array(1024);
  private outDay = new Int32Array(1024);
  private outEvidenceStart = new Int32Array(1024);
  private outEvidenceLength = new Int32Array(1024);
  private outDetail = new Int32Array(1024);
  private outVariant = new Int32Array(1024);
  private readonly outEvidence = new IntColumn(4096);
  private readonly outFacts = new Map<number, EvidenceFacts>();

  constructor(input: EngineInput, compiled: CompiledCatalog, asOf: IsoDate) {
    this.input = input;
    this.compiled = compiled;
    this.rules = compiled.rules;
    this.asOfDay = dayNumber(asOf);
    const year = schoolYearOf(asOf);
    this.yearStartYear = year.startYear;
    this.yearStartDay = dayNumber(year.firstDay);
    this.yearEndDay = dayNumber(year.lastDay);
    this.previousYearStartDay = dayNumber(`${year.startYear - 1}-09-01`);
    this.previousYearId = `${year.startYear - 1}-${year.startYear}`;
    this.monthOfYearDay = Uint8Array.from({ length: this.yearEndDay - this.yearStartDay + 1 }, (_, d) =>
      monthOfDayNumber(this.yearStartDay + d),
    );
    this.coversPreviousYear = Uint8Array.from(input.calendars, (c) =>
      c.covers(this.previousYearStartDay, this.yearStartDay - 1) ? 1 : 0,
    );
    const capacity = input.maxRowsPerPupil + 1;
    this.localSlot = new Int32Array(capacity);
    this.localBit = new Int32Array(capacity);
    this.localRow = new Int32Array(capacity);
    this.localRank = new Int32Array(capacity);
    this.scratch = new Int32Array(capacity);
    this.scratch2 = new Int32Array(capacity);
    const ruleCount = this.rules.length;
    this.trigger = new Int32Array(ruleCount);
    this.evidenceFrom = new Int32Array(ruleCount);
    this.evidenceUntil = new Int32Array(ruleCount);
    this.detailOf = new Int32Array(ruleCount);
    this.variantOf = new Int32Array(ruleCount);
    this.factsOf = new Array(ruleCount).fill(undefined);
    this.pupilEvidence = new Int32Array(capacity * Math.max(ruleCount, 1));
    this.calendar = input.calendars[0] as CompiledCalendar;
    const maskTotal = compiled.masks.length;
    this.maskCount = new Int32Array(maskTotal);
    this.listCapacity = capacity;
    this.maskRows = new Int32Array(capacity * Math.max(maskTotal, 1));
    this.maskStamp = new Int32Array(maskTotal).fill(-1);
    this.runStamp = new Int32Array(maskTotal).fill(-1);
    this.maskLength = new Int32Array(maskTotal);
    this.maskRuns = new Int32Array(maskTotal);
    this.maskLongestRun = new Int32Array(maskTotal);
    this.maskWidestRunDays = new Int32Array(maskTotal);
    this.returnDayTables = this.rules.map((rule) =>
      rule.kind === 'return-day' ? input.calendars.map((c) => c.returnDays(rule.minimumGapDays)) : undefined,
    );
  }

  result(): SignalTable {
    const n = this.outLength;
    return {
      input: this.input,
      catalog: this.compiled,
      asOfDay: this.asOfDay,
      length: n,
      pupil: this.outPupil.subarray(0, n),
      rule: this.outRule.subarray(0, n),
      triggeredDay: this.outDay.subarray(0, n),
      evidenceStart: this.outEvidenceStart.subarray(0, n),
      evidenceLength: this.outEvidenceLength.subarray(0, n),
      evidenceRows: this.outEvidence.view(),
      detail: this.outDetail.subarray(0, n),
      variant: this.outVariant.subarray(0, n),
      facts: this.outFacts,
    };
  }

  private growOutput(): void {
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const bigger = new Int32Array(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    this.outPupil = grow(this.outPupil);
    this.outRule = grow(this.outRule);
    this.outDay = grow(this.outDay);
    this.outEvidenceStart = grow(this.outEvidenceStart);
    this.outEvidenceLength = grow(this.outEvidenceLength);
    this.outDetail = grow(this.outDetail);
    this.outVariant = grow(this.outVariant);
  }

  evaluatePupil(p: number): void {
    const input = this.input;
    this.pupil = p;
    const calendar = input.calendars[input.pupilCalendar[p] as number] as CompiledCalendar;
    this.calendar = calendar;
    const fromDay = Math.max(this.yearStartDay, input.enrolledFrom[p] as number);
    const toDay = Math.min(this.asOfDay, this.yearEndDay, input.enrolledUntil[p] as number);
    const fromSlot = fromDay * 2;
    const toSlot = toDay * 2 + 1;
    this.fromSlot = fromSlot;
    this.toSlot = toSlot;
    const rowSlot = input.rowSlot;
    const rowCode = input.rowCode;
    const until = input.rowStart[p + 1] as number;
    let i = input.rowStart[p] as number;
    const previousFromSlot = this.previousYearStartDay * 2;
    const yearFromSlot = this.yearStartDay * 2;
    while (i < until && (rowSlot[i] as number) < previousFromSlot) i++;
    this.previousFrom = i;
    while (i < until && (rowSlot[i] as number) < yearFromSlot) i++;
    this.previousUntil = i;
    const base = calendar.baseSlot;
    const slotCount = calendar.slotCount;
    const isSchool = calendar.isSchool;
    const rankBefore = calendar.rankBefore;
    let n = 0;
    const localSlot = this.localSlot;
    const localBit = this.localBit;
    const localRow = this.localRow;
    const localRank = this.localRank;
    const codeCount = this.codeCount;
    codeCount.fill(0);
    for (; i < until; i++) {
      const slot = rowSlot[i] as number;
      if (slot > toSlot) break;
      if (slot < fromSlot) continue;
      const offset = slot - base;
      if (offset < 0 || offset >= slotCount || isSchool[offset] === 0) continue;
      const code = rowCode[i] as number;
      codeCount[code] = (codeCount[code] as number) + 1;
      localSlot[n] = slot;
      localBit[n] = 1 << code;
      localRow[n] = i;
      localRank[n] = rankBefore[offset] as number;
      n++;
    }
    this.count = n;
    this.stamp++;
    const maskCodes = this.compiled.maskCodes;
    const maskCount = this.maskCount;
    for (let m = 0; m < maskCodes.length; m++) {
      const ids = maskCodes[m] as Int32Array;
      let total = 0;
      for (let j = 0; j < ids.length; j++) total += codeCount[ids[j] as number] as number;
      maskCount[m] = total;
    }
    this.pupilEvidenceLength = 0;
    const rules = this.rules;
    const order = this.compiled.evaluationOrder;
    for (let k = 0; k < order.length; k++) {
      const r = order[k] as number;
      const rule = rules[r] as CompiledRule;
      this.trigger[r] = NONE;
      this.evidenceFrom[r] = this.pupilEvidenceLength;
      switch (rule.kindCode) {
        case KIND_CODES.count:
          this.count_(rule);
          break;
        case KIND_CODES['window-count']:
          this.windowCount(rule);
          break;
        case KIND_CODES.run:
          this.run(rule);
          break;
        case KIND_CODES.span:
          this.span(rule);
          break;
        case KIND_CODES.spells:
          this.spells(rule);
          break;
        case KIND_CODES.slot:
          this.slot(rule);
          break;
        case KIND_CODES['return-day']:
          this.returnDay(rule);
          break;
        case KIND_CODES.projection:
          this.projection(rule);
          break;
        case KIND_CODES.exclusion:
          this.exclusion(rule);
          break;
        case KIND_CODES['note-limit']:
          this.noteLimit(rule);
          break;
        case KIND_CODES['prior-year']:
          this.priorYear(rule);
          break;
        case KIND_CODES.share:
          this.share(rule);
          break;
      }
      if (this.trigger[r] === NONE) this.pupilEvidenceLength = this.evidenceFrom[r] as number;
      this.evidenceUntil[r] = this.pupilEvidenceLength;
    }
    this.emit();
  }

  private emit(): void {
    const out = this.compiled.outputOrder;
    for (let k = 0; k < out.length; k++) {
      const r = out[k] as number;
      const day = this.trigger[r] as number;
      if (day === NONE) continue;
      if (this.outLength === this.outPupil.length) this.growOutput();
      const index = this.outLength++;
      const from = this.evidenceFrom[r] as number;
      const until = this.evidenceUntil[r] as number;
      this.outPupil[index] = this.pupil;
      this.outRule[index] = r;
      this.outDay[index] = day;
      this.outEvidenceStart[index] = this.outEvidence.length;
      this.outEvidenceLength[index] = until - from;
      this.outDetail[index] = this.detailOf[r] as number;
      this.outVariant[index] = this.variantOf[r] as number;
      if (until > from) this.outEvidence.append(this.pupilEvidence, from, until);
      const facts = this.factsOf[r];
      if (facts !== undefined) {
        this.outFacts.set(index, facts);
        this.factsOf[r] = undefined;
      }
    }
  }

  /** How many of the pupil's valid rows this year carry one of the rule's codes. */
  private matching(rule: CompiledRule): number {
    return this.maskCount[rule.maskIndex] as number;
  }

  /**
   * The local indexes of the pupil's rows matching a code mask, built once per pupil and mask and shared by
   * every rule with that mask, with the run facts the sequence rules prune on. Built without data-dependent
   * branches: in a real register whether the next row is B or Z is unpredictable, and mispredicted branches,
   * not memory, were what made one scan per rule slow.
   */
  private prepare(maskIndex: number): number {
    const offset = maskIndex * this.listCapacity;
    if (this.maskStamp[maskIndex] === this.stamp) return offset;
    this.maskStamp[maskIndex] = this.stamp;
    const mask = this.compiled.masks[maskIndex] as number;
    const list = this.maskRows;
    const bits = this.localBit;
    const n = this.count;
    let m = offset;
    for (let k = 0; k < n; k++) {
      list[m] = k;
      const x = (bits[k] as number) & mask;
      m += (x | -x) >>> 31;
    }
    this.maskLength[maskIndex] = m - offset;
    return offset;
  }

  /** Run facts of a mask list (number of runs, longest run, widest run in calendar days), computed on demand. */
  private prepareRuns(maskIndex: number): number {
    const offset = this.prepare(maskIndex);
    if (this.runStamp[maskIndex] === this.stamp) return offset;
    this.runStamp[maskIndex] = this.stamp;
    const m = offset + (this.maskLength[maskIndex] as number);
    const list = this.maskRows;
    const ranks = this.localRank;
    const slots = this.localSlot;
    let runs = 0;
    let longest = 0;
    let widest = 0;
    let runLength = 0;
    let runStartDay = 0;
    let previousRank = -2;
    for (let j = offset; j < m; j++) {
      const k = list[j] as number;
      const rank = ranks[k] as number;
      const day = (slots[k] as number) >> 1;
      const continues = rank - previousRank === 1 ? 1 : 0;
      runs += 1 - continues;
      runLength = runLength * continues + 1;
      runStartDay = continues === 1 ? runStartDay : day;
      longest = Math.max(runLength, longest);
      widest = Math.max(day - runStartDay + 1, widest);
      previousRank = rank;
    }
    this.maskRuns[maskIndex] = runs;
    this.maskLongestRun[maskIndex] = longest;
    this.maskWidestRunDays[maskIndex] = widest;
    return offset;
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private addEvidence(localIndex: number): void {
    if (this.pupilEvidenceLength === this.pupilEvidence.length) {
      const bigger = new Int32Array(this.pupilEvidence.length * 2);
      bigger.set(this.pupilEvidence);
      this.pupilEvidence = bigger;
    }
    this.pupilEvidence[this.pupilEvidenceLength++] = this.localRow[localIndex] as number;
  }

  /** Adds the local rows list[from … until] (a mask list) as evidence. */
  private addListEvidence(from: number, until: number): void {
    const list = this.maskRows;
    for (let j = from; j <= until; j++) this.addEvidence(list[j] as number);
  }

  private hold(rule: CompiledRule, day: number, detail = 0, variant = 0): void {
    this.trigger[rule.index] = day;
    this.detailOf[rule.index] = detail;
    this.variantOf[rule.index] = variant;
  }

  /** Day of the pupil's first enrolled school half-day this school year (up to asOf), or NONE. */
  private firstEnrolledSchoolDay(): number {
    const calendar = this.calendar;
    const rank = calendar.rank(this.fromSlot);
    if (rank >= calendar.schoolSlots.length) return NONE;
    const slot = calendar.schoolSlots[rank] as number;
    return slot <= this.toSlot ? slot >> 1 : NONE;
  }

  /** Last list position of the run that contains list position j (consecutive school half-days). */
  private runEnd(j: number, end: number): number {
    const list = this.maskRows;
    const ranks = this.localRank;
    let last = j;
    while (last + 1 < end && ranks[list[last + 1] as number] === (ranks[list[last] as number] as number) + 1) last++;
    return last;
  }

  // --- rule kinds --------------------------------------------------------------------------------------------

  private count_(rule: CompiledRule): void {
    const threshold = rule.threshold;
    const carried = rule.includesCarriedOver ? (this.input.carriedOverB[this.pupil] as number) : 0;
    if (this.matching(rule) + carried < threshold) return;
    if (carried >= threshold) {
      const day = this.firstEnrolledSchoolDay();
      if (day !== NONE) this.hold(rule, day, carried);
      return;
    }
    const offset = this.prepare(rule.maskIndex);
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const slots = this.localSlot;
    const months = rule.monthsMask;
    if (months === 0) {
      // Every listed row counts: the threshold-th one is the trigger, no scan needed.
      const last = offset + threshold - carried - 1;
      this.addListEvidence(offset, last);
      this.hold(rule, (slots[list[last] as number] as number) >> 1, carried);
      return;
    }
    let counted = carried;
    for (let j = offset; j < end; j++) {
      const k = list[j] as number;
      const day = (slots[k] as number) >> 1;
      if ((months & (1 << (this.monthOfYearDay[day - this.yearStartDay] as number))) === 0) continue;
      this.addEvidence(k);
      if (++counted >= threshold) {
        this.hold(rule, day, carried);
        return;
      }
    }
  }

  private windowCount(rule: CompiledRule): void {
    const threshold = rule.threshold;
    if (this.matching(rule) < threshold) return;
    const offset = this.prepare(rule.maskIndex);
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const slots = this.localSlot;
    const reach = rule.windowDays - 1;
    let lo = offset;
    for (let j = offset + threshold - 1; j < end; j++) {
      const day = (slots[list[j] as number] as number) >> 1;
      while ((slots[list[lo] as number] as number) >> 1 < day - reach) lo++;
      if (j - lo + 1 >= threshold) {
        this.addListEvidence(lo, j);
        this.hold(rule, day);
        return;
      }
    }
  }

  /** A run (consecutive school half-days, all matching) reaching the threshold; triggers on its threshold-th day. */
  private run(rule: CompiledRule): void {
    const threshold = rule.threshold;
    if (this.matching(rule) < threshold) return;
    const offset = this.prepareRuns(rule.maskIndex);
    if ((this.maskLongestRun[rule.maskIndex] as number) < threshold) return;
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const ranks = this.localRank;
    let start = offset;
    for (let j = offset; j < end; j++) {
      if (j > offset && ranks[list[j] as number] !== (ranks[list[j - 1] as number] as number) + 1) start = j;
      if (j - start + 1 === threshold) {
        this.addListEvidence(start, j);
        this.hold(rule, (this.localSlot[list[j] as number] as number) >> 1, this.runEnd(j, end) - start + 1);
        return;
      }
    }
  }

  /** A run whose first and last dates span ≥ spanDays calendar days; triggers on the day the span is reached. */
  private span(rule: CompiledRule): void {
    if (this.matching(rule) === 0) return;
    const offset = this.prepareRuns(rule.maskIndex);
    if ((this.maskWidestRunDays[rule.maskIndex] as number) < rule.spanDays) return;
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const ranks = this.localRank;
    const slots = this.localSlot;
    const reach = rule.spanDays - 1;
    let start = offset;
    let startDay = (slots[list[offset] as number] as number) >> 1;
    for (let j = offset; j < end; j++) {
      const day = (slots[list[j] as number] as number) >> 1;
      if (j > offset && ranks[list[j] as number] !== (ranks[list[j - 1] as number] as number) + 1) {
        start = j;
        startDay = day;
      }
      if (day - startDay >= reach) {
        this.addListEvidence(start, j);
        this.hold(rule, day, this.runEnd(j, end) - start + 1);
        return;
      }
    }
  }

  /** `runs` runs whose start days lie within withinSchoolDays consecutive school days. */
  private spells(rule: CompiledRule): void {
    const needed = rule.runs;
    if (this.matching(rule) < needed) return;
    const offset = this.prepareRuns(rule.maskIndex);
    if ((this.maskRuns[rule.maskIndex] as number) < needed) return;
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const ranks = this.localRank;
    const slots = this.localSlot;
    const startPosition = this.scratch;
    const startDayRank = this.scratch2;
    const reach = rule.withinSchoolDays - 1;
    let runs = 0;
    for (let j = offset; j < end; j++) {
      if (j > offset && ranks[list[j] as number] === (ranks[list[j - 1] as number] as number) + 1) continue;
      const day = (slots[list[j] as number] as number) >> 1;
      startPosition[runs] = j;
      startDayRank[runs] = this.calendar.dayRank(day);
      runs++;
      if (runs >= needed && (startDayRank[runs - 1] as number) - (startDayRank[runs - needed] as number) <= reach) {
        this.addListEvidence(startPosition[runs - needed] as number, this.runEnd(j, end));
        this.hold(rule, day);
        return;
      }
    }
  }

  /** Absent on ≥ absentAtLeast of the last `occurrences` school occurrences of one weekday + half. */
  private slot(rule: CompiledRule): void {
    const atLeast = rule.absentAtLeast;
    const occurrences = rule.occurrences;
    if (this.matching(rule) < atLeast || atLeast < 1) return;
    const offset = this.prepare(rule.maskIndex);
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const slots = this.localSlot;
    const calendar = this.calendar;
    const base = calendar.baseSlot;
    const classOf = calendar.classOf;
    const classOccurrence = calendar.classOccurrence;
    // One pass keeps, per weekday + half class, the occurrence numbers of the last (atLeast − 1) absences in a
    // ring; a class is a candidate only when atLeast absences fall within `occurrences` consecutive occurrences.
    const ringSize = Math.max(atLeast - 1, 1);
    if (this.slotRing.length < 14 * ringSize) this.slotRing = new Int32Array(14 * ringSize);
    const ring = this.slotRing;
    const perClass = this.perClass;
    perClass.fill(0);
    const ringPosition = this.slotRingPosition;
    ringPosition.fill(0);
    let candidates = 0;
    for (let j = offset; j < end; j++) {
      const at0 = (slots[list[j] as number] as number) - base;
      const c = classOf[at0] as number;
      const occurrence = classOccurrence[at0] as number;
      const seen = perClass[c] as number;
      if (atLeast === 1) candidates |= 1 << c;
      else {
        const position = ringPosition[c] as number;
        const at = c * ringSize + position;
        if (seen >= ringSize && occurrence - (ring[at] as number) <= occurrences - 1) candidates |= 1 << c;
        ring[at] = occurrence;
        ringPosition[c] = position + 1 === ringSize ? 0 : position + 1;
      }
      perClass[c] = seen + 1;
    }
    if (candidates === 0) return;
    let bestDay = NONE;
    let bestClass = -1;
    let bestOccurrence = -1;
    const occurrenceList = this.scratch;
    for (let c = 0; c < 14; c++) {
      if ((candidates & (1 << c)) === 0) continue;
      let m = 0;
      for (let j = offset; j < end; j++) {
        const at0 = (slots[list[j] as number] as number) - base;
        if (classOf[at0] === c) occurrenceList[m++] = classOccurrence[at0] as number;
      }
      const classSlots = calendar.classSlots[c] as Int32Array;
      const firstOccurrence = lowerBound(classSlots, 0, classSlots.length, this.fromSlot);
      const lastOccurrence = lowerBound(classSlots, 0, classSlots.length, this.toSlot + 1) - 1;
      for (let i = 0; i + atLeast - 1 < m; i++) {
        const first = occurrenceList[i] as number;
        const last = occurrenceList[i + atLeast - 1] as number;
        if (last - first > occurrences - 1) continue;
        const kFrom = Math.max(last, firstOccurrence + occurrences - 1);
        const kUntil = Math.min(first + occurrences - 1, lastOccurrence);
        for (let kk = kFrom; kk <= kUntil; kk++) {
          const windowLastDay = (classSlots[kk] as number) >> 1;
          if (bestDay !== NONE && windowLastDay >= bestDay) break;
          const windowFirstDay = (classSlots[kk - occurrences + 1] as number) >> 1;
          if (this.presentBetween(c, rule.mask, windowFirstDay, windowLastDay, occurrences)) {
            bestDay = windowLastDay;
            bestClass = c;
            bestOccurrence = kk;
            break;
          }
        }
      }
    }
    if (bestDay === NONE) return;
    const classSlots = calendar.classSlots[bestClass] as Int32Array;
    const fromSlot = classSlots[bestOccurrence - occurrences + 1] as number;
    const untilSlot = classSlots[bestOccurrence] as number;
    for (let j = offset; j < end; j++) {
      const k = list[j] as number;
      const slot = slots[k] as number;
      if (slot >= fromSlot && slot <= untilSlot && classOf[slot - base] === bestClass) this.addEvidence(k);
    }
    this.hold(rule, bestDay, bestClass);
  }

  /**
   * Whether the pupil was present on a school half-day from firstDay to lastDay (within the enrolment) other than
   * the `occurrences` half-days of class c in that range.
   */
  private presentBetween(c: number, mask: number, firstDay: number, lastDay: number, occurrences: number): boolean {
    const calendar = this.calendar;
    const slots = this.localSlot;
    const bits = this.localBit;
    const n = this.count;
    const from = Math.max(firstDay * 2, this.fromSlot);
    const until = Math.min(lastDay * 2 + 1, this.toSlot);
    const schoolHalfDays = calendar.countSchoolHalfDays(from, until);
    let absentOther = 0;
    for (let k = lowerBound(slots, 0, n, from); k < n && (slots[k] as number) <= until; k++) {
      const slot = slots[k] as number;
      if (((bits[k] as number) & mask) !== 0 && calendar.classOf[slot - calendar.baseSlot] !== c) absentOther++;
    }
    return schoolHalfDays - occurrences - absentOther > 0;
  }

  /** Absent in the morning on ≥ absentAtLeast of the last lastReturnDays return days. */
  private returnDay(rule: CompiledRule): void {
    const atLeast = rule.absentAtLeast;
    if (this.matching(rule) < atLeast || atLeast < 1) return;
    const offset = this.prepare(rule.maskIndex);
    const end = offset + (this.maskLength[rule.maskIndex] as number);
    const list = this.maskRows;
    const slots = this.localSlot;
    const tables = this.returnDayTables[rule.index] as ReturnDayTable[];
    const returnDays = tables[this.input.pupilCalendar[this.pupil] as number] as ReturnDayTable;
    const baseDay = this.calendar.baseDay;
    const ordinals = this.scratch;
    const indexes = this.scratch2;
    const reach = rule.lastReturnDays - 1;
    let m = 0;
    for (let j = offset; j < end; j++) {
      const k = list[j] as number;
      const slot = slots[k] as number;
      if ((slot & 1) !== 0) continue;
      const ordinal = returnDays.ordinal[(slot >> 1) - baseDay] as number;
      if (ordinal < 0) continue;
      ordinals[m] = ordinal;
      indexes[m] = k;
      m++;
      if (m >= atLeast && ordinal - (ordinals[m - atLeast] as number) <= reach) {
        let first = m - atLeast;
        while (first > 0 && (ordinals[first - 1] as number) >= ordinal - reach) first--;
        for (let e = first; e < m; e++) this.addEvidence(indexes[e] as number);
        this.hold(rule, slot >> 1);
        return;
      }
    }
  }

  /** Minimum presence of a pupil of compulsory age in pre-primary: out of reach (reachable) or projected (rate). */
  private projection(rule: CompiledRule): void {
    const input = this.input;
    const p = this.pupil;
    if (input.level[p] !== LEVEL_CODES.kleuter) return;
    const birthYear = input.birthYear[p] as number;
    if (birthYear === 0 || birthYear > this.yearStartYear - rule.compulsoryAge) return;
    const calendar = this.calendar;
    const yearFrom = this.yearStartDay * 2;
    const total = calendar.countSchoolHalfDays(yearFrom, this.yearEndDay * 2 + 1);
    const required = rule.requiredHalfDays;
    const offset = this.prepare(rule.maskIndex);
    const missingNow = this.maskLength[rule.maskIndex] as number;
    const end = offset + missingNow;
    const list = this.maskRows;
    const slots = this.localSlot;
    // Half-days before the enrolment (another school) and after it are unknown here: counted as present, so a
    // pupil who changed school is not flagged for absences this register cannot see.
    let triggered = NONE;
    if (!rule.rateMode) {
      const allowedMissing = total - required;
      if (allowedMissing < 0) triggered = this.firstEnrolledSchoolDay();
      else if (missingNow > allowedMissing) triggered = (slots[list[offset + allowedMissing] as number] as number) >> 1;
    } else {
      const yearRank = calendar.rank(yearFrom);
      const startIndex = yearRank + Math.max(rule.fromElapsedHalfDays, 1) - 1;
      if (startIndex < calendar.schoolSlots.length) {
        const startDay = (calendar.schoolSlots[startIndex] as number) >> 1;
        // The presence rate only drops on a day with a counted absence, so the first failing day is the start day
        // or one of those days: test the start day, then each absence day after it.
        let j = offset;
        while (j < end && (slots[list[j] as number] as number) >> 1 <= startDay) j++;
        let missing = j - offset;
        if (startDay <= this.asOfDay && this.belowRate(startDay, missing, total, required)) triggered = startDay;
        for (; triggered === NONE && j < end; j++) {
          missing++;
          const day = (slots[list[j] as number] as number) >> 1;
          if (j + 1 < end && (slots[list[j + 1] as number] as number) >> 1 === day) continue;
          if (this.belowRate(day, missing, total, required)) triggered = day;
        }
      }
    }
    if (triggered === NONE) return;
    const elapsed = calendar.countSchoolHalfDays(yearFrom, Math.min(this.asOfDay, this.yearEndDay) * 2 + 1);
    const present = elapsed - missingNow;
    const remaining = total - elapsed;
    const projected = elapsed > 0 ? Math.floor(present + (remaining * present) / elapsed) : total;
    this.factsOf[rule.index] = {
      schoolHalfDaysInYear: total,
      elapsedSchoolHalfDays: elapsed,
      presentHalfDays: present,
      remainingSchoolHalfDays: remaining,
      projectedHalfDays: rule.rateMode ? projected : present + remaining,
      requiredHalfDays: required,
    };
    this.hold(rule, triggered);
  }

  /** Presence rate at the end of `day` below required / total (projection rule, rate mode). */
  private belowRate(day: number, missing: number, total: number, required: number): boolean {
    const elapsed = this.calendar.countSchoolHalfDays(this.yearStartDay * 2, day * 2 + 1);
    return (elapsed - missing) * total < required * elapsed;
  }

  /** Definitively excluded and not enrolled elsewhere by the schoolDays-th school day after the exclusion. */
  private exclusion(rule: CompiledRule): void {
    const p = this.pupil;
    const excludedOn = this.input.excludedOn[p] as number;
    if (excludedOn === NO_DAY || excludedOn > this.asOfDay) return;
    const calendar = this.calendar;
    const index = calendar.dayRank(excludedOn + 1) + rule.schoolDays - 1;
    if (index >= calendar.schoolDays.length) return;
    const day = calendar.schoolDays[index] as number;
    if (day > this.asOfDay) return;
    const elsewhere = this.input.enrolledElsewhereFrom[p] as number;
    if (elsewhere !== NO_DAY && elsewhere <= day) return;
    const lastDay = elsewhere !== NO_DAY ? Math.min(this.asOfDay, elsewhere - 1) : this.asOfDay;
    this.factsOf[rule.index] = {
      excludedOn: isoFromDayNumber(excludedOn),
      schoolDaysWithoutSchool: calendar.dayRank(lastDay + 1) - calendar.dayRank(excludedOn + 1),
      enrolledElsewhereFrom: elsewhere === NO_DAY ? '' : isoFromDayNumber(elsewhere),
    };
    this.hold(rule, day);
  }

  /** Parents' notes: a (maxSpells + 1)-th separate spell, or one spell spanning more than maxSpanDays days. */
  private noteLimit(rule: CompiledRule): void {
    if (!rule.enabled || this.matching(rule) === 0) return;
    const offset = this.prepareRuns(rule.maskIndex);
    const index = rule.maskIndex;
    if (
      (this.maskRuns[index] as number) <= rule.maxSpells &&
      (this.maskWidestRunDays[index] as number) <= rule.maxSpanDays
    ) {
      return;
    }
    const end = offset + (this.maskLength[index] as number);
    const list = this.maskRows;
    const ranks = this.localRank;
    const slots = this.localSlot;
    const reach = rule.maxSpanDays - 1;
    let spells = 0;
    let start = offset;
    let startDay = 0;
    for (let j = offset; j < end; j++) {
      const day = (slots[list[j] as number] as number) >> 1;
      if (j === offset || ranks[list[j] as number] !== (ranks[list[j - 1] as number] as number) + 1) {
        start = j;
        startDay = day;
        spells++;
        if (spells > rule.maxSpells) {
          this.addListEvidence(offset, j);
          this.hold(rule, day, spells, 0);
          return;
        }
      }
      if (day - startDay > reach) {
        this.addListEvidence(start, j);
        this.hold(rule, day, j - start + 1, 1);
        return;
      }
    }
  }

  /** Previous school year: any condition met; optionally only while another rule holds now. */
  private priorYear(rule: CompiledRule): void {
    const from = this.previousFrom;
    const until = this.previousUntil;
    if (from === until) return;
    const input = this.input;
    const calendar = this.calendar;
    const checkSchool = this.coversPreviousYear[input.pupilCalendar[this.pupil] as number] === 1;
    const conditions = rule.conditions;
    const counts = new Array<number>(conditions.length).fill(0);
    for (let i = from; i < until; i++) {
      if (checkSchool && !calendar.isSchoolSlot(input.rowSlot[i] as number)) continue;
      const bit = 1 << (input.rowCode[i] as number);
      for (let c = 0; c < conditions.length; c++) {
        if (((conditions[c] as CompiledCondition).mask & bit) !== 0) counts[c] = (counts[c] as number) + 1;
      }
    }
    let met = false;
    for (let c = 0; c < conditions.length; c++) {
      if ((counts[c] as number) >= (conditions[c] as CompiledCondition).threshold) met = true;
    }
    if (!met) return;
    const day = rule.requiresRule >= 0 ? (this.trigger[rule.requiresRule] as number) : this.firstEnrolledSchoolDay();
    if (day === NONE) return;
    const facts: Record<string, number | string> = { previousSchoolYear: this.previousYearId };
    for (let c = 0; c < conditions.length; c++) facts[(conditions[c] as CompiledCondition).fact] = counts[c] as number;
    this.factsOf[rule.index] = facts;
    this.hold(rule, day);
  }

  /** Absent on ≥ percent % of possible school half-days; holds while true on asOf, since the episode began. */
  private share(rule: CompiledRule): void {
    const calendar = this.calendar;
    const possible = calendar.countSchoolHalfDays(this.fromSlot, this.toSlot);
    if (possible === 0 || possible < rule.minimumPossibleHalfDays) return;
    const absent = this.matching(rule);
    const percent = rule.percent;
    if (absent * 100 < percent * possible) return;
    const offset = this.prepare(rule.maskIndex);
    const list = this.maskRows;
    const slots = this.localSlot;
    // Start of the current episode: walk back over absence days. Between two absence days the share only falls,
    // so each stretch is tested at its last school day; before the first absence the share is 0.
    const fromRank = calendar.rank(this.fromSlot);
    let start = NONE;
    let nextDay = NONE;
    let cumulative = absent;
    let j = offset + absent - 1;
    while (j >= offset) {
      const day = (slots[list[j] as number] as number) >> 1;
      if (nextDay !== NONE && cumulative * 100 < percent * (calendar.rank(nextDay * 2) - fromRank)) {
        start = nextDay;
        break;
      }
      while (j >= offset && (slots[list[j] as number] as number) >> 1 === day) {
        cumulative--;
        j--;
      }
      nextDay = day;
    }
    if (start === NONE) start = percent > 0 && nextDay !== NONE ? nextDay : this.firstEnrolledSchoolDay();
    const minimumIndex = fromRank + Math.max(rule.minimumPossibleHalfDays, 1) - 1;
    if (minimumIndex < calendar.schoolSlots.length) {
      start = Math.max(start, (calendar.schoolSlots[minimumIndex] as number) >> 1);
    }
    this.factsOf[rule.index] = {
      absentHalfDays: absent,
      possibleHalfDays: possible,
      sharePercent: Math.round((absent * 1000) / possible) / 10,
      thresholdPercent: percent,
    };
    this.hold(rule, start);
  }
}

interface ReturnDayTable {
  ordinal: Int32Array;
  days: Int32Array;
}
