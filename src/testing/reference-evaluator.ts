// A reference evaluator for the rule catalogs, used only in tests (the differential test against the engine).
// Written straight from the catalog text (shared/domain/rules-vlaanderen.md, docs/rules.md "Common semantics" and
// "Choices the contract leaves open", the England section), not from engine.ts: one small, slow, obviously correct
// function per rule kind over plain records and ISO date strings. It answers which rules hold and their triggeredOn.
import { ABSENCE_CODES } from '../domain/absence-codes.ts';
import type { CalendarHalfDay } from '../domain/calendar.ts';
import { dayNumber, type Half, type IsoDate, weekday } from '../domain/half-day.ts';
import type {
  CodeSelector,
  CountRule,
  ExclusionRule,
  NoteLimitRule,
  PriorYearRule,
  ProjectionRule,
  ReturnDayRule,
  RuleCatalog,
  RuleDefinition,
  RunRule,
  SchoolWindowCountRule,
  ShareRule,
  SlotRule,
  SpanRule,
  SpellsRule,
  WindowCountRule,
} from '../domain/rules/catalog-types.ts';
import type { PupilRecord, RegisterRecord } from '../domain/rules/engine-input.ts';
import { previousSchoolYear, schoolYearOf } from '../domain/school-year.ts';

export interface ReferenceSignal {
  pupilId: string;
  ruleId: string;
  triggeredOn: IsoDate;
}

interface Row {
  date: IsoDate;
  half: Half;
  code: string;
}

const ABSENT = new Set(ABSENCE_CODES.filter((c) => c.countsAsAbsent).map((c) => c.code));

function matches(selector: CodeSelector, code: string): boolean {
  return selector === 'absent' ? ABSENT.has(code) : selector.includes(code);
}

const key = (date: IsoDate, half: Half) => `${date}|${half}`;
const before = (a: Row, b: Row) => a.date < b.date || (a.date === b.date && a.half === 'AM' && b.half === 'PM');
const byHalfDay = (a: Row, b: Row) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
const daysBetween = (from: IsoDate, until: IsoDate) => dayNumber(until) - dayNumber(from);

/** A school calendar as plain sorted lists. */
class ReferenceCalendar {
  readonly halfDays: Row[];
  readonly dates: IsoDate[];
  private readonly school: Set<string>;
  constructor(entries: readonly CalendarHalfDay[]) {
    this.school = new Set(entries.filter((e) => e.schoolDay).map((e) => key(e.date, e.half)));
    this.halfDays = entries
      .filter((e) => e.schoolDay)
      .map((e) => ({ date: e.date, half: e.half, code: '' }))
      .sort(byHalfDay);
    this.dates = [...new Set(this.halfDays.map((h) => h.date))];
  }
  isSchool(date: IsoDate, half: Half): boolean {
    return this.school.has(key(date, half));
  }
  /** School half-days with from ≤ date ≤ until, in order. */
  halfDaysIn(from: IsoDate, until: IsoDate): Row[] {
    return this.halfDays.filter((h) => h.date >= from && h.date <= until);
  }
}

/** What one pupil looks like on asOf: the valid rows and the enrolled school half-days of the current year. */
class PupilView {
  readonly yearStart: IsoDate;
  readonly yearEnd: IsoDate;
  readonly yearStartYear: number;
  /** Enrolled, current year, up to asOf. */
  readonly from: IsoDate;
  readonly until: IsoDate;
  readonly schoolHalfDays: Row[];
  /** Register rows on enrolled school half-days of the current year up to asOf, in order. */
  readonly rows: Row[];
  readonly codeAt = new Map<string, string>();
  constructor(
    readonly pupil: PupilRecord,
    readonly allRows: readonly Row[],
    readonly calendar: ReferenceCalendar,
    readonly asOf: IsoDate,
  ) {
    const year = schoolYearOf(asOf);
    this.yearStart = year.firstDay;
    this.yearEnd = year.lastDay;
    this.yearStartYear = year.startYear;
    const max = (a: IsoDate, b: IsoDate | null | undefined) => (b && b > a ? b : a);
    const min = (a: IsoDate, b: IsoDate | null | undefined) => (b && b < a ? b : a);
    this.from = max(this.yearStart, pupil.enrolledFrom);
    this.until = min(min(asOf, this.yearEnd), pupil.enrolledUntil);
    this.schoolHalfDays = calendar.halfDaysIn(this.from, this.until);
    this.rows = allRows.filter((r) => r.date >= this.from && r.date <= this.until && calendar.isSchool(r.date, r.half));
    for (const r of this.rows) this.codeAt.set(key(r.date, r.half), r.code);
  }
  rowsMatching(codes: CodeSelector): Row[] {
    return this.rows.filter((r) => matches(codes, r.code));
  }
  firstEnrolledSchoolDay(): IsoDate | undefined {
    return this.schoolHalfDays[0]?.date;
  }
  /** Maximal runs of consecutive enrolled school half-days with a row matching the codes. */
  runs(codes: CodeSelector): Row[][] {
    const out: Row[][] = [];
    let current: Row[] = [];
    for (const h of this.schoolHalfDays) {
      const code = this.codeAt.get(key(h.date, h.half));
      if (code !== undefined && matches(codes, code)) current.push({ ...h, code });
      else if (current.length > 0) {
        out.push(current);
        current = [];
      }
    }
    if (current.length > 0) out.push(current);
    return out;
  }
}

type Evaluated = Map<string, IsoDate>;

// --- one function per rule kind ----------------------------------------------------------------------------------

/** ≥ threshold half-days with the codes (in the months); carried-over B counts where the rule says so. */
function count(rule: CountRule, v: PupilView): IsoDate | undefined {
  const months = rule.months;
  const hits = v.rowsMatching(rule.codes).filter((r) => !months || months.includes(Number(r.date.slice(5, 7))));
  const carried = rule.includesCarriedOver ? (v.pupil.carriedOverBHalfDays ?? 0) : 0;
  if (carried >= rule.params.threshold) return v.firstEnrolledSchoolDay();
  return hits[rule.params.threshold - carried - 1]?.date;
}

/** ≥ threshold half-days with the codes within windowDays consecutive calendar days ending on the last one. */
function windowCount(rule: WindowCountRule, v: PupilView): IsoDate | undefined {
  const hits = v.rowsMatching(rule.codes);
  for (const h of hits) {
    const inWindow = hits.filter((o) => !before(h, o) && daysBetween(o.date, h.date) < rule.params.windowDays);
    if (inWindow.length >= rule.params.threshold) return h.date;
  }
  return undefined;
}

/** ≥ threshold half-days with the codes whose school days lie within withinSchoolDays (last − first + 1). */
function schoolWindowCount(rule: SchoolWindowCountRule, v: PupilView): IsoDate | undefined {
  const hits = v.rowsMatching(rule.codes);
  const schoolDayIndex = (date: IsoDate) => v.calendar.dates.indexOf(date);
  for (const h of hits) {
    const inWindow = hits.filter(
      (o) => !before(h, o) && schoolDayIndex(h.date) - schoolDayIndex(o.date) + 1 <= rule.params.withinSchoolDays,
    );
    if (inWindow.length >= rule.params.threshold) return h.date;
  }
  return undefined;
}

/** A run of ≥ threshold school half-days; triggeredOn = its threshold-th half-day. */
function run(rule: RunRule, v: PupilView): IsoDate | undefined {
  const long = v.runs(rule.codes).find((r) => r.length >= rule.params.threshold);
  return long?.[rule.params.threshold - 1]?.date;
}

/** A run whose first and last dates span ≥ spanDays (last − first + 1); triggeredOn = where it first does. */
function span(rule: SpanRule, v: PupilView): IsoDate | undefined {
  for (const r of v.runs(rule.codes)) {
    const first = (r[0] as Row).date;
    const reached = r.find((h) => daysBetween(first, h.date) + 1 >= rule.params.spanDays);
    if (reached) return reached.date;
  }
  return undefined;
}

/** ≥ runs runs whose start dates lie within withinSchoolDays consecutive school days. */
function spells(rule: SpellsRule, v: PupilView): IsoDate | undefined {
  const starts = v.runs(rule.codes).map((r) => (r[0] as Row).date);
  const schoolDayIndex = (date: IsoDate) => v.calendar.dates.indexOf(date);
  const { runs, withinSchoolDays } = rule.params;
  for (let k = runs - 1; k < starts.length; k++) {
    const first = starts[k - runs + 1] as IsoDate;
    const last = starts[k] as IsoDate;
    if (schoolDayIndex(last) - schoolDayIndex(first) + 1 <= withinSchoolDays) return last;
  }
  return undefined;
}

/**
 * For a weekday + half: absent on ≥ absentAtLeast of the last `occurrences` enrolled school occurrences, while
 * present on another school half-day between the first and the last of those dates; the earliest such occurrence.
 */
function slot(rule: SlotRule, v: PupilView): IsoDate | undefined {
  let best: IsoDate | undefined;
  const { occurrences, absentAtLeast } = rule.params;
  const absentAt = (h: Row) => {
    const code = v.codeAt.get(key(h.date, h.half));
    return code !== undefined && matches(rule.codes, code);
  };
  for (let day = 1; day <= 7; day++) {
    for (const half of ['AM', 'PM'] as const) {
      const occ = v.schoolHalfDays.filter((h) => h.half === half && weekday(h.date) === day);
      for (let k = occurrences - 1; k < occ.length; k++) {
        const window = occ.slice(k - occurrences + 1, k + 1);
        if (window.filter(absentAt).length < absentAtLeast) continue;
        const first = (window[0] as Row).date;
        const last = (window[window.length - 1] as Row).date;
        const presentElsewhere = v.schoolHalfDays.some(
          (h) =>
            h.date >= first &&
            h.date <= last &&
            !window.some((w) => w.date === h.date && w.half === h.half) &&
            !ABSENT.has(v.codeAt.get(key(h.date, h.half)) ?? ''),
        );
        if (!presentElsewhere) continue;
        if (best === undefined || last < best) best = last;
        break;
      }
    }
  }
  return best;
}

/**
 * Return day: a school day whose previous school day is ≥ minimumGapDays calendar days earlier (or none). Absent
 * in the morning on ≥ absentAtLeast of the last lastReturnDays return days (fewer if fewer have passed).
 */
function returnDay(rule: ReturnDayRule, v: PupilView): IsoDate | undefined {
  const dates = v.calendar.dates;
  const returns = dates.filter((d, i) => {
    if (d < v.yearStart || d > v.asOf) return false;
    const previous = dates[i - 1];
    return previous === undefined || daysBetween(previous, d) >= rule.params.minimumGapDays;
  });
  const absentMorning = (d: IsoDate) => {
    const code = v.codeAt.get(key(d, 'AM'));
    return code !== undefined && matches(rule.codes, code);
  };
  for (let k = 0; k < returns.length; k++) {
    const window = returns.slice(Math.max(0, k - rule.params.lastReturnDays + 1), k + 1);
    if (window.filter(absentMorning).length >= rule.params.absentAtLeast) return returns[k];
  }
  return undefined;
}

/**
 * A kleuter of compulsory age (born in or before the start year − compulsoryAge). Missing = absent half-days not
 * in acceptedCodes (days outside the enrolment count as present). reachable: present + remaining < required.
 * rate: from the fromElapsedHalfDays-th elapsed half-day, present × total ÷ elapsed < required at the end of a day.
 */
function projection(rule: ProjectionRule, v: PupilView): IsoDate | undefined {
  const p = v.pupil;
  if (p.level !== rule.level || !p.birthDate) return undefined;
  if (Number(p.birthDate.slice(0, 4)) > v.yearStartYear - rule.params.compulsoryAge) return undefined;
  const total = v.calendar.halfDaysIn(v.yearStart, v.yearEnd).length;
  const required = rule.params.requiredHalfDays;
  const missing = v.rows.filter((r) => ABSENT.has(r.code) && !rule.acceptedCodes.includes(r.code));
  if (rule.mode === 'reachable') {
    // present + remaining = total − missing < required
    if (total < required) return v.firstEnrolledSchoolDay();
    return missing[total - required]?.date;
  }
  // asOf lies in its own school year, so the days so far are yearStart … asOf.
  for (const day of v.calendar.dates) {
    if (day < v.yearStart || day > v.asOf) continue;
    const elapsed = v.calendar.halfDaysIn(v.yearStart, day).length;
    if (elapsed < rule.params.fromElapsedHalfDays || elapsed === 0) continue;
    const present = elapsed - missing.filter((r) => r.date <= day).length;
    if (present * total < required * elapsed) return day;
  }
  return undefined;
}

/** Excluded and not enrolled elsewhere by the schoolDays-th school day after the exclusion. */
function exclusion(rule: ExclusionRule, v: PupilView): IsoDate | undefined {
  const excludedOn = v.pupil.excludedOn;
  if (!excludedOn || excludedOn > v.asOf) return undefined;
  const day = v.calendar.dates.filter((d) => d > excludedOn)[rule.params.schoolDays - 1];
  if (day === undefined || day > v.asOf) return undefined;
  const elsewhere = v.pupil.enrolledElsewhereFrom;
  if (elsewhere && elsewhere <= day) return undefined;
  return day;
}

/** Only when certificates are registered as D: a (maxSpells + 1)th spell, or one spanning > maxSpanDays days. */
function noteLimit(rule: NoteLimitRule, v: PupilView): IsoDate | undefined {
  if (!rule.params.schoolRegistersCertificatesAsD) return undefined;
  const found: IsoDate[] = [];
  v.runs(rule.codes).forEach((r, index) => {
    const first = (r[0] as Row).date;
    if (index + 1 > rule.params.maxSpells) found.push(first);
    const beyond = r.find((h) => daysBetween(first, h.date) + 1 > rule.params.maxSpanDays);
    if (beyond) found.push(beyond.date);
  });
  return found.sort()[0];
}

/**
 * Previous school year: rows of 1 September – 31 August before, whatever the enrolment; only school half-days
 * when the pupil's calendar covers that year. Any condition met (and requiresRule holds, taking its triggeredOn).
 */
function priorYear(rule: PriorYearRule, v: PupilView, done: Evaluated): IsoDate | undefined {
  const previous = previousSchoolYear(schoolYearOf(v.asOf));
  const covered = v.calendar.halfDays.some((h) => h.date >= previous.firstDay && h.date <= previous.lastDay);
  const rows = v.allRows.filter(
    (r) =>
      r.date >= previous.firstDay && r.date <= previous.lastDay && (!covered || v.calendar.isSchool(r.date, r.half)),
  );
  const met = rule.conditions.some((c) => rows.filter((r) => matches(c.codes, r.code)).length >= c.threshold);
  if (!met) return undefined;
  return rule.requiresRule ? done.get(rule.requiresRule) : v.firstEnrolledSchoolDay();
}

/**
 * Absent on ≥ percent % of the possible (enrolled school) half-days so far, with at least minimumPossibleHalfDays
 * possible; holds while true on asOf; triggeredOn = the first school day of the episode it has held every day since.
 */
function share(rule: ShareRule, v: PupilView): IsoDate | undefined {
  const holdsAtEndOf = (day: IsoDate) => {
    const possible = v.schoolHalfDays.filter((h) => h.date <= day).length;
    if (possible === 0 || possible < rule.params.minimumPossibleHalfDays) return false;
    const absent = v.rowsMatching(rule.codes).filter((r) => r.date <= day).length;
    return absent * 100 >= rule.params.percent * possible;
  };
  const days = [...new Set(v.schoolHalfDays.map((h) => h.date))];
  let start: IsoDate | undefined;
  for (let i = days.length - 1; i >= 0 && holdsAtEndOf(days[i] as IsoDate); i--) start = days[i];
  return start;
}

function evaluateRule(rule: RuleDefinition, v: PupilView, done: Evaluated): IsoDate | undefined {
  switch (rule.kind) {
    case 'count':
      return count(rule, v);
    case 'window-count':
      return windowCount(rule, v);
    case 'run':
      return run(rule, v);
    case 'span':
      return span(rule, v);
    case 'spells':
      return spells(rule, v);
    case 'slot':
      return slot(rule, v);
    case 'return-day':
      return returnDay(rule, v);
    case 'projection':
      return projection(rule, v);
    case 'exclusion':
      return exclusion(rule, v);
    case 'note-limit':
      return noteLimit(rule, v);
    case 'prior-year':
      return priorYear(rule, v, done);
    case 'share':
      return share(rule, v);
    case 'school-window-count':
      return schoolWindowCount(rule, v);
  }
}

export interface ReferenceInput {
  pupils: readonly PupilRecord[];
  register: readonly RegisterRecord[];
  /** Calendars by id, as every half-day with its schoolDay flag. */
  calendars: Readonly<Record<string, readonly CalendarHalfDay[]>>;
}

/** Every signal of the catalog on asOf, sorted by pupilId then ruleId (as the engine outputs them). */
export function referenceSignals(input: ReferenceInput, catalog: RuleCatalog, asOf: IsoDate): ReferenceSignal[] {
  const calendars = new Map<string, ReferenceCalendar>();
  const calendarOf = (id: string) => {
    let c = calendars.get(id);
    if (!c) {
      c = new ReferenceCalendar(input.calendars[id] ?? []);
      calendars.set(id, c);
    }
    return c;
  };
  // Rules that others require are evaluated first (B30 before B30_TWO_YEARS).
  const ordered = [...catalog.rules].sort(
    (a, b) => Number(a.kind === 'prior-year' && !!a.requiresRule) - Number(b.kind === 'prior-year' && !!b.requiresRule),
  );
  const out: ReferenceSignal[] = [];
  for (const pupil of input.pupils) {
    const rows = input.register
      .filter((r) => r.pupilId === pupil.pupilId)
      .map((r) => ({ date: r.date, half: r.half, code: r.code.trim().toUpperCase() }))
      .sort(byHalfDay);
    const view = new PupilView(pupil, rows, calendarOf(pupil.calendarId), asOf);
    const done: Evaluated = new Map();
    for (const rule of ordered) {
      const triggeredOn = evaluateRule(rule, view, done);
      if (triggeredOn !== undefined && triggeredOn <= asOf) done.set(rule.id, triggeredOn);
    }
    for (const [ruleId, triggeredOn] of done) out.push({ pupilId: pupil.pupilId, ruleId, triggeredOn });
  }
  return out.sort((a, b) =>
    a.pupilId !== b.pupilId ? (a.pupilId < b.pupilId ? -1 : 1) : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0,
  );
}
