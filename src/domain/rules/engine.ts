// The signals engine: evaluates a compiled rule catalog over columnar input into a columnar signal table.
import { dayNumber, type IsoDate } from '../half-day.ts';
import { schoolYearOf } from '../school-year.ts';
import type { RuleCatalog } from './catalog-types.ts';
import { monthOfDayNumber } from './civil-day.ts';
import { type CompiledCatalog, type CompiledRule, compileCatalog, KIND_CODES } from './compiled-catalog.ts';
import type { CompiledCalendar } from './engine-calendar.ts';
import { type EngineInput, LEVEL_CODES, NO_DAY } from './engine-input.ts';
import { evaluateCount } from './kinds/count.ts';
import { evaluateExclusion, exclusionFacts } from './kinds/exclusion.ts';
import { evaluateNoteLimit } from './kinds/note-limit.ts';
import { evaluatePriorYear, priorYearFacts } from './kinds/prior-year.ts';
import { evaluateProjection, projectionFacts } from './kinds/projection.ts';
import { evaluateReturnDay } from './kinds/return-day.ts';
import { evaluateRun } from './kinds/run.ts';
import { evaluateSchoolWindowCount } from './kinds/school-window-count.ts';
import { evaluateShare, shareFacts } from './kinds/share.ts';
import { evaluateSlot } from './kinds/slot.ts';
import { evaluateSpan } from './kinds/span.ts';
import { evaluateSpells } from './kinds/spells.ts';
import { evaluateWindowCount } from './kinds/window-count.ts';

/** Facts behind a signal that is not about individual half-days (projections, exclusions, previous year). */
export type EvidenceFacts = Readonly<Record<string, number | string | boolean>>;

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
  /**
   * Kind-specific number: run length now (run, span), carried-over B count (count), missing half-days
   * (projection), absent half-days (share), weekday + half class (slot), spells or spell length (note-limit).
   */
  readonly detail: Int32Array;
  /** Kind-specific variant: note-limit 0 = too many spells, 1 = one spell too long. */
  readonly variant: Int32Array;
  /** The facts of signal i, for kinds whose evidence is facts (projection, exclusion, prior year, share). */
  readonly factsAt: (i: number) => EvidenceFacts | undefined;
  /** The buffers the columns live in when the evaluation was given some (see SignalBuffers). */
  readonly buffers?: SignalBuffers;
  /** buffers.generation right after this evaluation: the table is stale once they differ. */
  readonly generation: number;
}

/**
 * Output memory for repeated evaluations (batch recomputes, benchmarks): the columns of a table evaluated into
 * these buffers are views of them, valid until the next evaluation into the same buffers, which overwrites them.
 * `signalAt` and `toSignals` refuse a table that has been overwritten (see assertCurrent). Why: fresh memory is
 * expensive on small virtual machines (first touch of every 4 KiB page; ~17 µs each on the 2-core CI machine), so
 * a whole-catalog run that writes ~40 MB of output spent up to half its time faulting pages in.
 */
export class SignalBuffers {
  generation = 0;
  pupil = new Int32Array(0);
  rule = new Int32Array(0);
  day = new Int32Array(0);
  evidenceStart = new Int32Array(0);
  evidenceLength = new Int32Array(0);
  detail = new Int32Array(0);
  variant = new Int32Array(0);
  evidence = new Int32Array(0);
}

/** Throws when the table's columns were overwritten by a later evaluation into the same SignalBuffers. */
export function assertCurrent(table: SignalTable): void {
  if (table.buffers !== undefined && table.buffers.generation !== table.generation) {
    throw new Error('This signal table was overwritten by a later evaluation into the same SignalBuffers');
  }
}

export interface EvaluateOptions {
  /** Evaluate only these pupil indexes (e.g. the pupils an import changed); default every pupil. */
  pupils?: ArrayLike<number>;
  /** Reuse this output memory (the previous table evaluated into it becomes stale); default fresh memory. */
  buffers?: SignalBuffers;
}

const NONE = NO_DAY;

// evaluatePupil's switch uses the KIND_CODES values as literals (a switch on literals compiles to a jump table).
(
  [
    'count',
    'window-count',
    'run',
    'span',
    'spells',
    'slot',
    'return-day',
    'projection',
    'exclusion',
    'note-limit',
    'prior-year',
    'share',
    'school-window-count',
    'certificate',
  ] as const
).forEach((kind, code) => {
  if (KIND_CODES[kind] !== code) throw new Error(`KIND_CODES.${kind} is not ${code}: update evaluatePupil's switch`);
});

/** Evaluates every rule of the catalog for the pupils on `asOf` (only register rows on or before it count). */
export function evaluateTable(
  input: EngineInput,
  catalog: RuleCatalog | CompiledCatalog,
  asOf: IsoDate,
  options: EvaluateOptions = {},
): SignalTable {
  const compiled = 'evaluationOrder' in catalog ? catalog : compileCatalog(catalog, input.codes);
  if (compiled.codes !== input.codes) throw new Error('catalog was compiled for another code table');
  const order = options.pupils ? orderSubset(input, options.pupils) : input.pupilOrder;
  const evaluator = new Evaluator(input, compiled, asOf, order.length, options.buffers);
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

/**
 * Evaluation state of one evaluateTable call: shared lists, counts and output columns. The rule kinds
 * (kinds/*.ts, one file per kind) read and write the members that are not private; nothing outside the engine should.
 */
export class Evaluator {
  readonly input: EngineInput;
  private readonly compiled: CompiledCatalog;
  private readonly rules: CompiledRule[];
  readonly asOfDay: number;
  readonly yearStartDay: number;
  readonly yearEndDay: number;
  readonly yearStartYear: number;
  private readonly previousYearStartDay: number;
  readonly previousYearId: string;
  /** Month (1–12) of each day of the current school year, indexed by day − yearStartDay. */
  readonly monthOfYearDay: Uint8Array;
  /** Per calendar: whether it has school half-days in the previous school year. */
  readonly coversPreviousYear: Uint8Array;

  // The current pupil's valid rows this school year (school half-day, enrolled, ≤ asOf) lie in register rows
  // loadFrom … loadUntil (rows in between that are not valid are skipped by the same tests again).
  loadFrom = 0;
  loadUntil = 0;
  readonly scratch: Int32Array;
  readonly scratch2: Int32Array;
  readonly perClass = new Int32Array(14);
  /** Rows per code id of the current pupil this school year: an upper bound that lets rules skip the scan. */
  private readonly codeCount: Int32Array;
  /** Per distinct rule mask: the current pupil's matching rows this school year. */
  private readonly maskCount: Int32Array;
  /** (mask index, code id) pairs of the masks without an eager list: their maskCount sums codeCount over them. */
  private readonly maskCodePairs: Int32Array;
  /**
   * The dispatch loop's plan: per rule in evaluation order, PLAN_STRIDE numbers side by side, read in one sweep:
   * - the rule index;
   * - its mask index (rule.maskIndex), read without touching the rule object;
   * - its minimum: below this many matching rows (plus the carried-over B, see below) the rule cannot hold (its
   *   evaluator would return at once), so the loop skips it; 0 for kinds that test something else first;
   * - its gate: the GATE_* facts of the pupil it needs to hold at all (0 = none);
   * - -1 when it counts the carried-over B too (added to its matching count), else 0.
   */
  private readonly plan: Int32Array;
  /** Whether codeCount / maskCount hold the previous pupil's counts (they are reset only then). */
  private countsDirty = true;
  /** Per rule index (return-day rules), per calendar: the return-day ordinal of each day. */
  readonly returnDayTables: (ReturnDayTable[] | undefined)[];
  // Per distinct code mask: the current pupil's matching local rows (see prepare) and their run facts.
  readonly listCapacity: number;
  readonly maskSlot: Int32Array;
  readonly maskRow: Int32Array;
  readonly maskStamp: Int32Array;
  private readonly runStamp: Int32Array;
  stamp = 0;
  readonly maskLength: Int32Array;
  readonly maskRuns: Int32Array;
  /** Per distinct code mask: list positions where the runs start (see prepareRuns). */
  readonly maskRunFirst: Int32Array;
  /**
   * Up to four masks whose lists are built in the row-loading pass itself (the ones list-based rules use; see
   * eagerMasksOf): their indexes (-1 = none), bit masks (0 = none) and list offsets (a spare region for none).
   */
  private readonly eagerIndex: Int32Array;
  private readonly eagerMask: Int32Array;
  private readonly eagerOffset: Int32Array;
  /** Slot rule: per weekday + half class, the occurrence numbers of the pupil's matching rows. */
  readonly classBuckets: Int32Array;
  /**
   * Slot rule: each class's bucket starts after bucketPad entries holding FAR_OCCURRENCE, so "the occurrence
   * atLeast − 1 rows back" can be read without a branch even before there are that many rows.
   */
  readonly bucketPad: number;
  readonly bucketStride: number;
  /** Slot rule: occurrence bounds per class for boundsCalendar, boundsFrom and boundsTo (see occurrenceBounds). */
  readonly boundsCache = new Int32Array(28);
  boundsCalendar: CompiledCalendar | undefined;
  boundsFrom = 0;
  boundsTo = 0;
  pupil = 0;
  calendar: CompiledCalendar;
  fromSlot = 0;
  toSlot = 0;
  previousFrom = 0;
  previousUntil = 0;

  // Per-pupil results, indexed by rule.
  private readonly trigger: Int32Array;
  /** Per rule: the pupil stamp (see stamp) of the last pupil it held for; trigger[r] is valid only then. */
  private readonly triggerStamp: Int32Array;
  private readonly evidenceFrom: Int32Array;
  private readonly evidenceUntil: Int32Array;
  private readonly detailOf: Int32Array;
  private readonly variantOf: Int32Array;
  /**
   * Whether rules are evaluated in output order (true unless a rule requires one sorted after it): then hold()
   * writes the signal straight to the output columns and no per-pupil emit pass is needed.
   */
  private readonly direct: boolean;

  // Output columns, grown together (one capacity check per signal).
  private outLength = 0;
  private outPupil: Int32Array<ArrayBuffer>;
  private outRule: Int32Array<ArrayBuffer>;
  private outDay: Int32Array<ArrayBuffer>;
  private outEvidenceStart: Int32Array<ArrayBuffer>;
  private outEvidenceLength: Int32Array<ArrayBuffer>;
  private outDetail: Int32Array<ArrayBuffer>;
  private outVariant: Int32Array<ArrayBuffer>;
  /** Evidence rows of all signals, appended while rules run (a rule that does not hold truncates its own). */
  private outEvidence: Int32Array<ArrayBuffer>;
  private evidenceCount = 0;

  private readonly buffers: SignalBuffers | undefined;

  /** `pupils`: how many pupils will be evaluated (sizes the output columns so they rarely grow). */
  constructor(
    input: EngineInput,
    compiled: CompiledCatalog,
    asOf: IsoDate,
    pupils: number,
    buffers: SignalBuffers | undefined,
  ) {
    const signals = 1024 + pupils * 3;
    const evidence = 4096 + pupils * 16;
    this.buffers = buffers;
    const column = (reuse: Int32Array<ArrayBuffer> | undefined, size: number): Int32Array<ArrayBuffer> =>
      reuse !== undefined && reuse.length >= size ? reuse : new Int32Array(size);
    this.outPupil = column(buffers?.pupil, signals);
    this.outRule = column(buffers?.rule, signals);
    this.outDay = column(buffers?.day, signals);
    this.outEvidenceStart = column(buffers?.evidenceStart, signals);
    this.outEvidenceLength = column(buffers?.evidenceLength, signals);
    this.outDetail = column(buffers?.detail, signals);
    this.outVariant = column(buffers?.variant, signals);
    this.outEvidence = column(buffers?.evidence, evidence);
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
    this.scratch = new Int32Array(capacity);
    this.scratch2 = new Int32Array(capacity);
    const ruleCount = this.rules.length;
    this.trigger = new Int32Array(ruleCount);
    this.triggerStamp = new Int32Array(ruleCount).fill(-1);
    this.evidenceFrom = new Int32Array(ruleCount);
    this.evidenceUntil = new Int32Array(ruleCount);
    this.detailOf = new Int32Array(ruleCount);
    this.variantOf = new Int32Array(ruleCount);
    let direct = true;
    for (let k = 0; k < ruleCount; k++) if (compiled.evaluationOrder[k] !== compiled.outputOrder[k]) direct = false;
    this.direct = direct;
    this.calendar = input.calendars[0] as CompiledCalendar;
    const maskTotal = compiled.masks.length;
    this.maskCount = new Int32Array(maskTotal);
    this.codeCount = new Int32Array(input.codes.length);
    const eager = eagerMasksOf(compiled);
    // The eager masks' counts are their lists' lengths: only the other masks are summed from code counts.
    const pairs: number[] = [];
    compiled.maskCodes.forEach((ids, m) => {
      if (!eager.includes(m)) for (const id of ids) pairs.push(m, id);
    });
    this.maskCodePairs = Int32Array.from(pairs);
    const minimumOf = (rule: CompiledRule): number => {
      const minimum = minimumMatchingOf(rule);
      if (rule.kind !== 'span' || input.calendars.length === 0) return minimum;
      // A run spanning spanDays has at least this many half-days in every calendar of the input.
      const fewest = Math.min(...input.calendars.map((c) => c.fewestHalfDaysSpanning(rule.spanDays)));
      return Number.isFinite(fewest) ? Math.max(minimum, fewest) : NEVER;
    };
    this.plan = Int32Array.from(
      Array.from(compiled.evaluationOrder).flatMap((r) => {
        const rule = this.rules[r] as CompiledRule;
        const carriedOver = rule.kind === 'count' && rule.includesCarriedOver ? -1 : 0;
        return [r, rule.maskIndex, minimumOf(rule), gateOf(rule), carriedOver];
      }),
    );
    this.listCapacity = capacity;
    // One spare region after the masks' lists (where unused eager lists write).
    this.maskSlot = new Int32Array(capacity * (maskTotal + 1));
    this.maskRow = new Int32Array(capacity * (maskTotal + 1));
    this.eagerIndex = Int32Array.from({ length: 4 }, (_, e) => eager[e] ?? -1);
    this.eagerMask = Int32Array.from(this.eagerIndex, (m) => (m >= 0 ? (compiled.masks[m] as number) : 0));
    this.eagerOffset = Int32Array.from(this.eagerIndex, (m) => (m >= 0 ? m : maskTotal) * capacity);
    this.maskStamp = new Int32Array(maskTotal).fill(-1);
    this.runStamp = new Int32Array(maskTotal).fill(-1);
    this.maskLength = new Int32Array(maskTotal);
    this.maskRuns = new Int32Array(maskTotal);
    this.maskRunFirst = new Int32Array(capacity * Math.max(maskTotal, 1));
    this.bucketPad = Math.max(1, ...this.rules.map((rule) => (rule.kind === 'slot' ? rule.absentAtLeast : 0)));
    this.bucketStride = capacity + this.bucketPad;
    this.classBuckets = new Int32Array(this.bucketStride * 14).fill(FAR_OCCURRENCE);
    this.returnDayTables = this.rules.map((rule) =>
      rule.kind === 'return-day' ? input.calendars.map((c) => c.returnDays(rule.minimumGapDays)) : undefined,
    );
  }

  result(): SignalTable {
    const n = this.outLength;
    const buffers = this.buffers;
    if (buffers !== undefined) {
      // Keep the (possibly grown) columns for the next evaluation; earlier tables in them become stale.
      buffers.pupil = this.outPupil;
      buffers.rule = this.outRule;
      buffers.day = this.outDay;
      buffers.evidenceStart = this.outEvidenceStart;
      buffers.evidenceLength = this.outEvidenceLength;
      buffers.detail = this.outDetail;
      buffers.variant = this.outVariant;
      buffers.evidence = this.outEvidence;
      buffers.generation++;
    }
    return {
      buffers,
      generation: buffers?.generation ?? 0,
      input: this.input,
      catalog: this.compiled,
      asOfDay: this.asOfDay,
      length: n,
      pupil: this.outPupil.subarray(0, n),
      rule: this.outRule.subarray(0, n),
      triggeredDay: this.outDay.subarray(0, n),
      evidenceStart: this.outEvidenceStart.subarray(0, n),
      evidenceLength: this.outEvidenceLength.subarray(0, n),
      evidenceRows: this.outEvidence.subarray(0, this.evidenceCount),
      detail: this.outDetail.subarray(0, n),
      variant: this.outVariant.subarray(0, n),
      factsAt: (i: number) => this.factsOf(i),
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

  /**
   * Sets the pupil's context: calendar, enrolled slot range this school year up to asOf, and the register rows of
   * the previous school year (previousFrom … previousUntil); loadFrom = the first row of this school year.
   */
  private setPupil(p: number): void {
    const input = this.input;
    this.pupil = p;
    this.calendar = input.calendars[input.pupilCalendar[p] as number] as CompiledCalendar;
    this.fromSlot = Math.max(this.yearStartDay, input.enrolledFrom[p] as number) * 2;
    this.toSlot = Math.min(this.asOfDay, this.yearEndDay, input.enrolledUntil[p] as number) * 2 + 1;
    const rowSlot = input.rowSlot;
    const until = input.rowStart[p + 1] as number;
    let i = input.rowStart[p] as number;
    const previousFromSlot = this.previousYearStartDay * 2;
    const yearFromSlot = this.yearStartDay * 2;
    while (i < until && (rowSlot[i] as number) < previousFromSlot) i++;
    this.previousFrom = i;
    while (i < until && (rowSlot[i] as number) < yearFromSlot) i++;
    this.previousUntil = i;
    this.loadFrom = i;
  }

  evaluatePupil(p: number): void {
    const input = this.input;
    this.setPupil(p);
    const calendar = this.calendar;
    const fromSlot = this.fromSlot;
    const toSlot = this.toSlot;
    const rowSlot = input.rowSlot;
    const rowCode = input.rowCode;
    const until = input.rowStart[p + 1] as number;
    let i = this.loadFrom;
    const base = calendar.baseSlot;
    const slotCount = calendar.slotCount;
    const isSchool = calendar.isSchool;
    const codeCount = this.codeCount;
    const maskCount = this.maskCount;
    if (this.countsDirty) {
      // Plain loops: these arrays are small and fill() costs a builtin call per pupil.
      for (let c = 0; c < codeCount.length; c++) codeCount[c] = 0;
      for (let m = 0; m < maskCount.length; m++) maskCount[m] = 0;
      this.countsDirty = false;
    }
    // The lists of the eager masks are built here, branch-free, in the same pass (unused ones write to a spare
    // region with mask 0).
    const eagerMask = this.eagerMask;
    const eagerOffset = this.eagerOffset;
    const mask0 = eagerMask[0] as number;
    const mask1 = eagerMask[1] as number;
    const mask2 = eagerMask[2] as number;
    const mask3 = eagerMask[3] as number;
    const offset0 = eagerOffset[0] as number;
    const offset1 = eagerOffset[1] as number;
    const offset2 = eagerOffset[2] as number;
    const offset3 = eagerOffset[3] as number;
    let a0 = offset0;
    let a1 = offset1;
    let a2 = offset2;
    let a3 = offset3;
    const maskSlot = this.maskSlot;
    const maskRow = this.maskRow;
    for (; i < until; i++) {
      const slot = rowSlot[i] as number;
      if (slot > toSlot) break;
      if (slot < fromSlot) continue;
      const offset = slot - base;
      if (offset < 0 || offset >= slotCount || isSchool[offset] === 0) continue;
      const code = rowCode[i] as number;
      codeCount[code] = (codeCount[code] as number) + 1;
      const bit = 1 << code;
      maskSlot[a0] = slot;
      maskRow[a0] = i;
      const x0 = bit & mask0;
      a0 += (x0 | -x0) >>> 31;
      maskSlot[a1] = slot;
      maskRow[a1] = i;
      const x1 = bit & mask1;
      a1 += (x1 | -x1) >>> 31;
      maskSlot[a2] = slot;
      maskRow[a2] = i;
      const x2 = bit & mask2;
      a2 += (x2 | -x2) >>> 31;
      maskSlot[a3] = slot;
      maskRow[a3] = i;
      const x3 = bit & mask3;
      a3 += (x3 | -x3) >>> 31;
    }
    this.loadUntil = i;
    const stamp = ++this.stamp;
    if (i !== this.loadFrom) {
      // Some row was loaded (or skipped): sum the other masks' counts; the next pupil resets them.
      this.countsDirty = true;
      const pairs = this.maskCodePairs;
      for (let j = 0; j < pairs.length; j += 2) {
        const m = pairs[j] as number;
        maskCount[m] = (maskCount[m] as number) + (codeCount[pairs[j + 1] as number] as number);
      }
    }
    const eagerIndex = this.eagerIndex;
    const maskLength = this.maskLength;
    const maskStamp = this.maskStamp;
    const e0 = eagerIndex[0] as number;
    if (e0 >= 0) {
      maskLength[e0] = maskCount[e0] = a0 - offset0;
      maskStamp[e0] = stamp;
    }
    const e1 = eagerIndex[1] as number;
    if (e1 >= 0) {
      maskLength[e1] = maskCount[e1] = a1 - offset1;
      maskStamp[e1] = stamp;
    }
    const e2 = eagerIndex[2] as number;
    if (e2 >= 0) {
      maskLength[e2] = maskCount[e2] = a2 - offset2;
      maskStamp[e2] = stamp;
    }
    const e3 = eagerIndex[3] as number;
    if (e3 >= 0) {
      maskLength[e3] = maskCount[e3] = a3 - offset3;
      maskStamp[e3] = stamp;
    }
    const rules = this.rules;
    const plan = this.plan;
    const triggerStamp = this.triggerStamp;
    const carried = input.carriedOverB[p] as number;
    const excludedOn = input.excludedOn[p] as number;
    // The facts some rules need before they can hold at all (see gateOf).
    const facts =
      (input.level[p] === LEVEL_CODES.kleuter ? GATE_KLEUTER : 0) |
      (excludedOn !== NO_DAY && excludedOn <= this.asOfDay ? GATE_EXCLUDED : 0) |
      (this.previousFrom < this.previousUntil ? GATE_PREVIOUS_YEAR : 0);
    for (let k = 0; k < plan.length; k += PLAN_STRIDE) {
      const gate = plan[k + 3] as number;
      if ((gate & facts) !== gate) continue;
      // The rule's own first test, hoisted: too few matching rows (with the carried-over B the rule counts) to
      // ever hold.
      const matching = (maskCount[plan[k + 1] as number] as number) + (carried & (plan[k + 4] as number));
      if (matching < (plan[k + 2] as number)) continue;
      const r = plan[k] as number;
      const rule = rules[r] as CompiledRule;
      const from = this.evidenceCount;
      this.evidenceFrom[r] = from;
      switch (rule.kindCode) {
        case 0: // count (KIND_CODES)
          evaluateCount(this, rule);
          break;
        case 1: // window-count (KIND_CODES)
          evaluateWindowCount(this, rule);
          break;
        case 2: // run (KIND_CODES)
          evaluateRun(this, rule);
          break;
        case 3: // span (KIND_CODES)
          evaluateSpan(this, rule);
          break;
        case 4: // spells (KIND_CODES)
          evaluateSpells(this, rule);
          break;
        case 5: // slot (KIND_CODES)
          evaluateSlot(this, rule);
          break;
        case 6: // return-day (KIND_CODES)
          evaluateReturnDay(this, rule);
          break;
        case 7: // projection (KIND_CODES)
          evaluateProjection(this, rule);
          break;
        case 8: // exclusion (KIND_CODES)
          evaluateExclusion(this, rule);
          break;
        case 9: // note-limit (KIND_CODES)
          evaluateNoteLimit(this, rule);
          break;
        case 10: // prior-year (KIND_CODES)
          evaluatePriorYear(this, rule);
          break;
        case 11: // share (KIND_CODES)
          evaluateShare(this, rule);
          break;
        case 12: // school-window-count (KIND_CODES)
          evaluateSchoolWindowCount(this, rule);
          break;
      }
      if (triggerStamp[r] !== stamp) this.evidenceCount = from;
      else this.evidenceUntil[r] = this.evidenceCount;
    }
    if (!this.direct) this.emitInOutputOrder();
  }

  /** Writes signal rows for rule r of the current pupil (its evidence is already in outEvidence). */
  private emit(r: number, day: number, evidenceUntil: number, detail: number, variant: number): void {
    if (this.outLength === this.outPupil.length) this.growOutput();
    const index = this.outLength++;
    const from = this.evidenceFrom[r] as number;
    this.outPupil[index] = this.pupil;
    this.outRule[index] = r;
    this.outDay[index] = day;
    this.outEvidenceStart[index] = from;
    this.outEvidenceLength[index] = evidenceUntil - from;
    this.outDetail[index] = detail;
    this.outVariant[index] = variant;
  }

  /** The day rule r triggered for the current pupil, or NONE when it does not hold (or was not evaluated). */
  triggered(r: number): number {
    return this.triggerStamp[r] === this.stamp ? (this.trigger[r] as number) : NONE;
  }

  /** Emits the current pupil's signals in output order (only when evaluation order differs from it). */
  private emitInOutputOrder(): void {
    const out = this.compiled.outputOrder;
    for (let k = 0; k < out.length; k++) {
      const r = out[k] as number;
      if (this.triggerStamp[r] === this.stamp) {
        this.emit(
          r,
          this.trigger[r] as number,
          this.evidenceUntil[r] as number,
          this.detailOf[r] as number,
          this.variantOf[r] as number,
        );
      }
    }
  }

  /** How many of the pupil's valid rows this year carry one of the rule's codes. */
  matching(rule: CompiledRule): number {
    return this.maskCount[rule.maskIndex] as number;
  }

  /**
   * The local indexes of the pupil's rows matching a code mask, built once per pupil and mask and shared by
   * every rule with that mask, with the run facts the sequence rules prune on. Built without data-dependent
   * branches: in a real register whether the next row is B or Z is unpredictable, and mispredicted branches,
   * not memory, were what made one scan per rule slow.
   */
  prepare(maskIndex: number): number {
    const offset = maskIndex * this.listCapacity;
    if (this.maskStamp[maskIndex] === this.stamp) return offset;
    this.maskStamp[maskIndex] = this.stamp;
    const mask = this.compiled.masks[maskIndex] as number;
    const maskSlot = this.maskSlot;
    const maskRow = this.maskRow;
    const rowSlot = this.input.rowSlot;
    const rowCode = this.input.rowCode;
    const calendar = this.calendar;
    const base = calendar.baseSlot;
    const slotCount = calendar.slotCount;
    const isSchool = calendar.isSchool;
    const fromSlot = this.fromSlot;
    const until = this.loadUntil;
    let m = offset;
    // The same tests as the loading pass (rows up to loadUntil are ≤ toSlot).
    for (let i = this.loadFrom; i < until; i++) {
      const slot = rowSlot[i] as number;
      if (slot < fromSlot) continue;
      const at = slot - base;
      if (at < 0 || at >= slotCount || isSchool[at] === 0) continue;
      maskSlot[m] = slot;
      maskRow[m] = i;
      const x = (1 << (rowCode[i] as number)) & mask;
      m += (x | -x) >>> 31;
    }
    this.maskLength[maskIndex] = m - offset;
    return offset;
  }

  /**
   * The runs of a mask list, computed on demand in one branch-free pass shared by every run-based rule with that
   * mask: maskRunFirst[offset + r] is the list position where run r starts (consecutive school half-days), and
   * maskRunFirst[offset + runs] = the list end. Rules then walk runs, not rows.
   */
  prepareRuns(maskIndex: number): number {
    const offset = this.prepare(maskIndex);
    if (this.runStamp[maskIndex] === this.stamp) return offset;
    this.runStamp[maskIndex] = this.stamp;
    const end = offset + (this.maskLength[maskIndex] as number);
    const slots = this.maskSlot;
    const rankBefore = this.calendar.rankBefore;
    const base = this.calendar.baseSlot;
    const runFirst = this.maskRunFirst;
    let at = offset;
    let previousRank = -2;
    for (let j = offset; j < end; j++) {
      const rank = rankBefore[(slots[j] as number) - base] as number;
      const gap = rank - previousRank - 1;
      runFirst[at] = j;
      at += (gap | -gap) >>> 31;
      previousRank = rank;
    }
    runFirst[at] = end;
    this.maskRuns[maskIndex] = at - offset;
    return offset;
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  /** Adds one register row as evidence. */
  addEvidence(row: number): void {
    if (this.evidenceCount === this.outEvidence.length) {
      const bigger = new Int32Array(this.outEvidence.length * 2);
      bigger.set(this.outEvidence);
      this.outEvidence = bigger;
    }
    this.outEvidence[this.evidenceCount++] = row;
  }

  /** Adds the rows at mask-list positions from … until (inclusive) as evidence. */
  addListEvidence(from: number, until: number): void {
    const needed = this.evidenceCount + (until - from + 1);
    if (needed > this.outEvidence.length) {
      const bigger = new Int32Array(Math.max(needed, this.outEvidence.length * 2));
      bigger.set(this.outEvidence);
      this.outEvidence = bigger;
    }
    const rows = this.maskRow;
    const out = this.outEvidence;
    let at = this.evidenceCount;
    for (let j = from; j <= until; j++) out[at++] = rows[j] as number;
    this.evidenceCount = at;
  }

  hold(rule: CompiledRule, day: number, detail = 0, variant = 0): void {
    const r = rule.index;
    this.trigger[r] = day;
    this.triggerStamp[r] = this.stamp;
    if (this.direct) this.emit(r, day, this.evidenceCount, detail, variant);
    else {
      this.detailOf[r] = detail;
      this.variantOf[r] = variant;
    }
  }

  /** Day of the pupil's first enrolled school half-day this school year (up to asOf), or NONE. */
  firstEnrolledSchoolDay(): number {
    const calendar = this.calendar;
    const rank = calendar.rank(this.fromSlot);
    if (rank >= calendar.schoolSlots.length) return NONE;
    const slot = calendar.schoolSlots[rank] as number;
    return slot <= this.toSlot ? slot >> 1 : NONE;
  }

  // --- rule kinds: one file each under kinds/ (the switch in evaluatePupil dispatches to them) ---------------

  /**
   * The facts of signal i (after evaluation), for kinds whose evidence is facts rather than half-days: derived on
   * demand from the input and the signal's detail, so evaluation allocates nothing per signal.
   */
  factsOf(i: number): EvidenceFacts | undefined {
    const rule = this.rules[this.outRule[i] as number] as CompiledRule;
    const detail = this.outDetail[i] as number;
    switch (rule.kind) {
      case 'projection':
        this.setPupil(this.outPupil[i] as number);
        return projectionFacts(this, rule, detail);
      case 'exclusion':
        this.setPupil(this.outPupil[i] as number);
        return exclusionFacts(this);
      case 'prior-year':
        this.setPupil(this.outPupil[i] as number);
        return priorYearFacts(this, rule);
      case 'share':
        this.setPupil(this.outPupil[i] as number);
        return shareFacts(this, rule, detail);
      default:
        return undefined;
    }
  }
}

const NEVER = 0x7fffffff;
/** Numbers per rule in Evaluator.plan. */
const PLAN_STRIDE = 5;
/** Padding before each slot-rule bucket: far enough back that no window of occurrences reaches it. */
const FAR_OCCURRENCE = -1_000_000;

/**
 * The masks whose lists the row-loading pass builds (at most four): those of rules that run for most pupils and
 * then read a list (not projections, which run for few pupils, nor counts with a high threshold, which rarely
 * run and scan the rows themselves; not the kinds without a mask), most-used first.
 */
function eagerMasksOf(compiled: CompiledCatalog): number[] {
  const uses = new Map<number, number>();
  for (const rule of compiled.rules) {
    if (rule.mask === 0 || rule.kind === 'projection' || (rule.kind === 'count' && rule.threshold > 5)) continue;
    uses.set(rule.maskIndex, (uses.get(rule.maskIndex) ?? 0) + 1);
  }
  return [...uses.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 4)
    .map(([m]) => m);
}

/** The matching-row count below which a rule's evaluator returns without holding (see Evaluator.plan). */
/** Pupil facts for ruleGate: a pre-primary pupil, excluded on or before asOf, with rows in the previous year. */
const GATE_KLEUTER = 1;
const GATE_EXCLUDED = 2;
const GATE_PREVIOUS_YEAR = 4;

/** The facts a rule kind needs before its evaluator can hold (it returns at once without them). */
function gateOf(rule: CompiledRule): number {
  switch (rule.kind) {
    case 'projection':
      return GATE_KLEUTER;
    case 'exclusion':
      return GATE_EXCLUDED;
    case 'prior-year':
      return GATE_PREVIOUS_YEAR;
    default:
      return 0;
  }
}

function minimumMatchingOf(rule: CompiledRule): number {
  switch (rule.kind) {
    case 'count':
      return Math.max(rule.threshold, 0);
    case 'window-count':
    case 'school-window-count':
    case 'run':
      return Math.max(rule.threshold, 0);
    case 'span':
      return 1;
    case 'spells':
      return Math.max(rule.runs, 0);
    case 'slot':
    case 'return-day':
      return rule.absentAtLeast < 1 ? NEVER : rule.absentAtLeast;
    case 'note-limit':
      return rule.enabled ? 1 : NEVER;
    case 'certificate':
      // Not the engine's: recompute-signals evaluates it with the certificates (domain/medical/certificates.ts).
      return NEVER;
    default:
      return 0;
  }
}

export interface ReturnDayTable {
  ordinal: Int32Array;
  days: Int32Array;
  morningOrdinal: Int32Array;
}
