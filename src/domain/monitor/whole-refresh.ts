// Every monitor aggregate from one pass over the register, in memory (issue 16): the day rows and pupil-year
// totals, the dashboard cells, and the thuiszitter figures — time at home per pupil (spells along the school's
// school half-days), absent half-days per code as registered, enrolled pupils per school half-day and the
// thuiszitter cells. The definitions are the SQL statements' of src/db/monitor.repository.ts and
// src/db/thuiszitter.repository.ts, which narrow refreshes still use. This is their one TypeScript definition: the
// full refresh counts every school with it, a school's first register import (first-import-counts.ts) its own
// rows; monitor.int.test.ts and first-import-counts.int.test.ts compare both with the SQL. Integer keys and typed
// arrays: a row is (pupil, school, slot, code index).
import { fromDayNumber } from '../civil-date.ts';
import type { AggregateCode, AggregateEnrolment, DayRow, PupilYearRow, SchoolHalfDays } from './aggregates.ts';

/** The code of a preventive suspension, counted in runs of its own (refreshPupilRows's `code = 'Y'`). */
const SUSPENSION_CODE = 'Y';

/** One enrolment with what the cells need of it and of its pupil (the per-pupil rows need only its dates). */
export interface WholeRefreshEnrolment extends AggregateEnrolment {
  level: string;
  grade: number | null;
  className: string | null;
  carriedOverB: number | null;
  /** The pupil's birth date, `YYYY-MM-DD`. */
  birthDate: string;
  /** The pupil's keyed identity hash (school changers, decision 0035); null: none. */
  identityHash: string | null;
}

/** The numbers the thuiszitter figures count with (all from the catalog and the definitions, never literals). */
export interface ThuiszitterNumbers {
  /** Half-day thresholds of cumulative time at home and of the longest spell. */
  homeThresholds: readonly number[];
  /** ≥ this many B half-days: the official "problematically absent". */
  officialB: number;
  /** Preventive suspension: a run of ≥ longHalfDays, or ≥ repeatedSpells runs. */
  suspensionLongHalfDays: number;
  suspensionRepeatedSpells: number;
  /** Compulsory school age: from the year the child turns fromAge, while younger than untilAge on 1 September. */
  compulsoryFromAge: number;
  compulsoryUntilAge: number;
}

/**
 * An enrolment of another school whose pupil has the identity of one of the counted pupils (a school changer,
 * decision 0035), with that pupil's B, Z (with D) and P half-days of the school year as stored: what a count of one
 * school (a first import) needs to count the official figures once per child, as the SQL does across schools.
 */
export interface ElsewhereEnrolment {
  identityHash: string;
  schoolYear: string;
  pupilId: number;
  /** Day number of the enrolment's first day. */
  from: number;
  b: number;
  z: number;
  p: number;
}

export interface CellRow {
  schoolId: number;
  schoolYear: string;
  dimension: string;
  key: string;
  code: string;
  value: number;
}

export interface HomeTimeRow {
  schoolId: number;
  schoolYear: string;
  pupilId: number;
  absentHalfDays: number;
  spells: number;
  longestSpell: number;
  suspensionSpells: number;
  longestSuspension: number;
  /** The last spell's first and last half-day: day numbers (civil-date.ts) and halves. */
  lastFromDay: number;
  lastFromHalf: 'AM' | 'PM';
  lastUntilDay: number;
  lastUntilHalf: 'AM' | 'PM';
  lastHalfDays: number;
}

export interface PupilCodeRow {
  schoolId: number;
  schoolYear: string;
  pupilId: number;
  code: string;
  halfDays: number;
}

export interface PossibleDayRow {
  schoolId: number;
  schoolYear: string;
  /** Day number (civil-date.ts). */
  day: number;
  half: 'AM' | 'PM';
  pupils: number;
}

export interface ThuiszitterCellRow {
  schoolId: number;
  schoolYear: string;
  dimension: string;
  key: string;
  value: number;
}

interface SchoolCalendar {
  first: number;
  /** Per slot from `first`: its rank among the school's school half-days, -1 for a free half-day. */
  rank: Int32Array;
  /** The slot of each rank. */
  slotOfRank: Int32Array;
  /** Counts per slot × official code (allocated on the first counted row). */
  counts: Int32Array | null;
}

/** A school and school year: the unit of every cell. */
interface Group {
  schoolId: number;
  schoolYear: string;
  startYear: number;
  calendar: SchoolCalendar | undefined;
}

/** Day number of 1 September of a school year's first calendar year. */
const firstOfSeptember = (startYear: number) => Math.round(Date.UTC(startYear, 8, 1) / 86_400_000);

/** ISO day of the week (Monday 1 … Sunday 7) of a day number; day 0 (1970-01-01) was a Thursday. */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The first index of a sorted array whose value is ≥ `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `lpad(text, 2, '0')` as PostgreSQL does it (longer text is cut). */
const padTwo = (value: number) => String(value).padStart(2, '0').slice(0, 2);

/** One map key for two non-negative integers: a number while the second is small, else a string. */
const pairKey = (first: number, second: number): number | string =>
  second < 4_194_304 ? first * 4_194_304 + second : `${first}|${second}`;

/** `YYYY-MM-DD` of a day number, remembered (a refresh formats the same few hundred days millions of times). */
const dates = new Map<number, string>();
function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = fromDayNumber(day);
    if (dates.size > 100_000) dates.clear();
    dates.set(day, date);
  }
  return date;
}

/** Sorted as PostgreSQL sorts text under the C collation (the order of the tables' keys, so that building an
 * index over rows written in that order finds them sorted). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const halfOf = (slot: number): 'AM' | 'PM' => (slot & 1 ? 'PM' : 'AM');

/** Interns strings as small integers. */
class Names {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The id of a name seen before, undefined for another. */
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.push(name) - 1;
      this.ids.set(name, id);
    }
    return id;
  }
}

/** Sums per string key and a fixed number of values (cells accumulated before they are written). */
class Sums {
  readonly entries = new Map<number | string, { keys: string[]; values: Float64Array }>();
  constructor(private readonly width: number) {}
  at(id: number | string, keys: () => string[]): Float64Array {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { keys: keys(), values: new Float64Array(this.width) };
      this.entries.set(id, entry);
    }
    return entry.values;
  }
}

/**
 * Counts a whole register. Add every enrolment (`addEnrolment`), then every register row (`add`, any order),
 * then read the rows of each table.
 */
export class WholeMonitorRefresh {
  readonly officialCodes: string[] = [];
  /** The registered codes that count as absent (the codes of monitor_pupil_code). */
  readonly absentCodes: string[] = [];
  /** Per registered code (index into `codes`): its official code's index, -1 when it does not count. */
  private readonly officialOf: Int32Array;
  /** Per registered code: its index among `absentCodes`, -1 when it does not count. */
  private readonly absentOf: Int32Array;
  private readonly suspensionCode: number;
  private readonly calendars = new Map<number, SchoolCalendar>();

  // Enrolments, columnar.
  private count = 0;
  private readonly pupil: number[] = [];
  private readonly school: number[] = [];
  private readonly groupOf: number[] = [];
  private readonly fromDay: number[] = [];
  private readonly untilDay: number[] = [];
  private readonly classId: number[] = [];
  private readonly gradeId: number[] = [];
  private readonly levelGradeId: number[] = [];
  private readonly carriedOverB: number[] = [];
  private readonly birthYear: number[] = [];
  private readonly birthMonthDay: number[] = [];
  private readonly identityOf: number[] = [];
  private readonly classes = new Names();
  private readonly grades = new Names();
  private readonly levelGrades = new Names();
  private readonly identities = new Names();
  private readonly groups: Group[] = [];
  private readonly groupIds = new Map<string, number>();
  private lastGroup = -1;
  private readonly firstOfPupil = new Map<number, number>();
  /** Whether an enrolment came without the cell fields (then the cells cannot be counted). */
  private withoutDetails = false;
  /** Other schools' enrolments of the counted pupils' identities (addElsewhere). */
  private readonly elsewhere: ElsewhereEnrolment[] = [];

  // Counting state (prepared after the enrolments).
  private prepared = false;
  private low = new Int32Array(0);
  private high = new Int32Array(0);
  private next = new Int32Array(0);
  private baseRank = new Int32Array(0);
  private byteStart = new Float64Array(0);
  private rankCount = new Int32Array(0);
  private absentBits = new Uint8Array(0);
  private suspensionBits: Uint8Array | null = null;
  private perOfficial = new Int32Array(0);
  private perAbsent = new Int32Array(0);
  private total = new Int32Array(0);
  private lastPupil = Number.NaN;
  private lastPupilFirst = -1;
  private lastSchool = Number.NaN;
  private lastCalendar: SchoolCalendar | undefined;

  // Spells (computed once after counting).
  private spells: {
    count: Int32Array;
    longest: Int32Array;
    suspensionCount: Int32Array;
    suspensionLongest: Int32Array;
    lastFirstRank: Int32Array;
    lastLength: Int32Array;
  } | null = null;

  constructor(
    readonly codes: readonly AggregateCode[],
    calendars: readonly SchoolHalfDays[],
  ) {
    this.officialOf = new Int32Array(codes.length).fill(-1);
    this.absentOf = new Int32Array(codes.length).fill(-1);
    let suspension = -1;
    codes.forEach((code, i) => {
      if (!code.countsAsAbsent) return;
      const official = code.mapsTo ?? code.code;
      let index = this.officialCodes.indexOf(official);
      if (index < 0) index = this.officialCodes.push(official) - 1;
      this.officialOf[i] = index;
      this.absentOf[i] = this.absentCodes.push(code.code) - 1;
      if (code.code === SUSPENSION_CODE) suspension = i;
    });
    this.suspensionCode = suspension;
    for (const calendar of calendars) {
      if (calendar.slots.length === 0) continue;
      const slotOfRank = Int32Array.from(calendar.slots).sort();
      const first = slotOfRank[0] as number;
      const rank = new Int32Array((slotOfRank[slotOfRank.length - 1] as number) - first + 1).fill(-1);
      slotOfRank.forEach((slot, i) => {
        rank[slot - first] = i;
      });
      this.calendars.set(calendar.schoolId, { first, rank, slotOfRank, counts: null });
    }
  }

  /**
   * Adds an enrolment. A bare AggregateEnrolment (enough for the day rows, pupil-year totals and per-pupil rows)
   * leaves the cell fields empty, and the cell methods then refuse to run.
   */
  addEnrolment(e: WholeRefreshEnrolment | AggregateEnrolment): void {
    if (this.prepared) throw new Error('enrolments come before the register rows');
    this.count++;
    this.pupil.push(e.pupilId);
    this.school.push(e.schoolId);
    // Enrolments come mostly school by school: the previous one's group first.
    let group =
      this.lastGroup >= 0 &&
      (this.groups[this.lastGroup] as Group).schoolId === e.schoolId &&
      (this.groups[this.lastGroup] as Group).schoolYear === e.schoolYear
        ? this.lastGroup
        : this.groupIds.get(`${e.schoolId}|${e.schoolYear}`);
    if (group === undefined) {
      const groupKey = `${e.schoolId}|${e.schoolYear}`;
      group =
        this.groups.push({
          schoolId: e.schoolId,
          schoolYear: e.schoolYear,
          startYear: Number(e.schoolYear.slice(0, 4)),
          calendar: this.calendars.get(e.schoolId),
        }) - 1;
      this.groupIds.set(groupKey, group);
    }
    this.lastGroup = group;
    this.groupOf.push(group);
    this.fromDay.push(e.from);
    this.untilDay.push(e.until ?? Number.MAX_SAFE_INTEGER);
    if (!('birthDate' in e)) {
      this.withoutDetails = true;
      this.classId.push(-1);
      this.gradeId.push(-1);
      this.levelGradeId.push(-1);
      this.carriedOverB.push(0);
      this.birthYear.push(Number.NaN);
      this.birthMonthDay.push(Number.NaN);
      this.identityOf.push(-1);
      return;
    }
    this.classId.push(this.classes.id(e.className ?? '?'));
    this.gradeId.push(this.grades.id(`${e.level}-${e.grade ?? '?'}`));
    this.levelGradeId.push(this.levelGrades.id(`${e.level}|${e.grade ?? '?'}`));
    this.carriedOverB.push(e.carriedOverB ?? 0);
    this.birthYear.push(Number(e.birthDate.slice(0, 4)));
    this.birthMonthDay.push(Number(e.birthDate.slice(5, 7)) * 100 + Number(e.birthDate.slice(8, 10)));
    this.identityOf.push(e.identityHash === null ? -1 : this.identities.id(e.identityHash));
  }

  /**
   * Adds an enrolment of a school that is not counted here, of a pupil with the identity of a counted one (a count
   * of one school: every school changer's enrolments elsewhere). The official figures then count such a child at
   * one school with the half-days of all, as when every school is counted. Add them after the enrolments.
   */
  addElsewhere(e: ElsewhereEnrolment): void {
    this.elsewhere.push(e);
  }

  /** Bounds, ranks and bit ranges per enrolment, once all enrolments are in. */
  private prepare(): void {
    this.prepared = true;
    const n = this.count;
    this.low = new Int32Array(n);
    this.high = new Int32Array(n);
    this.next = new Int32Array(n).fill(-1);
    this.baseRank = new Int32Array(n);
    this.rankCount = new Int32Array(n);
    this.byteStart = new Float64Array(n);
    let bytes = 0;
    for (let i = n - 1; i >= 0; i--) {
      const group = this.groups[this.groupOf[i] as number] as Group;
      const low = Math.max(this.fromDay[i] as number, firstOfSeptember(group.startYear));
      const high = Math.min(this.untilDay[i] as number, firstOfSeptember(group.startYear + 1) - 1);
      this.low[i] = low;
      this.high[i] = high;
      const pupil = this.pupil[i] as number;
      const first = this.firstOfPupil.get(pupil);
      if (first !== undefined) this.next[i] = first;
      this.firstOfPupil.set(pupil, i);
      const calendar = group.calendar;
      if (calendar && low <= high) {
        const base = lowerBound(calendar.slotOfRank, low * 2);
        const end = lowerBound(calendar.slotOfRank, high * 2 + 2);
        this.baseRank[i] = base;
        this.rankCount[i] = Math.max(0, end - base);
      }
      this.byteStart[i] = bytes;
      bytes += ((this.rankCount[i] as number) + 7) >> 3;
    }
    this.absentBits = new Uint8Array(bytes);
    this.perOfficial = new Int32Array(n * Math.max(1, this.officialCodes.length));
    this.perAbsent = new Int32Array(n * Math.max(1, this.absentCodes.length));
    this.total = new Int32Array(n);
  }

  /** Counts one register row; `code` is the index of its registered code in `codes` (-1: another code). */
  add(pupilId: number, schoolId: number, slot: number, code: number): void {
    if (!this.prepared) this.prepare();
    if (code < 0) return;
    const official = this.officialOf[code] as number;
    if (official < 0) return;
    let calendar = this.lastCalendar;
    if (schoolId !== this.lastSchool) {
      calendar = this.calendars.get(schoolId);
      this.lastSchool = schoolId;
      this.lastCalendar = calendar;
    }
    if (!calendar) return;
    const at = slot - calendar.first;
    if (at < 0 || at >= calendar.rank.length) return;
    const rank = calendar.rank[at] as number;
    if (rank < 0) return;
    const day = slot >> 1;
    if (pupilId !== this.lastPupil) {
      this.lastPupil = pupilId;
      this.lastPupilFirst = this.firstOfPupil.get(pupilId) ?? -1;
    }
    let e = this.lastPupilFirst;
    while (e >= 0) {
      if ((this.school[e] as number) === schoolId && day >= (this.low[e] as number) && day <= (this.high[e] as number))
        break;
      e = this.next[e] as number;
    }
    if (e < 0) return;
    const officials = this.officialCodes.length;
    (this.perOfficial[e * officials + official] as number)++;
    (this.perAbsent[e * this.absentCodes.length + (this.absentOf[code] as number)] as number)++;
    (this.total[e] as number)++;
    if (!calendar.counts) calendar.counts = new Int32Array(calendar.rank.length * officials);
    (calendar.counts[at * officials + official] as number)++;
    const bit = rank - (this.baseRank[e] as number);
    const byte = (this.byteStart[e] as number) + (bit >> 3);
    (this.absentBits[byte] as number) |= 1 << (bit & 7);
    if (code === this.suspensionCode) {
      if (!this.suspensionBits) this.suspensionBits = new Uint8Array(this.absentBits.length);
      (this.suspensionBits[byte] as number) |= 1 << (bit & 7);
    }
  }

  private ready(): void {
    if (!this.prepared) this.prepare();
  }

  private needDetails(): void {
    if (this.withoutDetails) throw new Error('the cells need every enrolment with its class, grade and pupil');
  }

  private sortedEnrolments: Int32Array | null = null;

  /**
   * The enrolments by school, school year and pupil: the key order of the per-pupil tables, so their rows are
   * written in the order their primary key's index is built in.
   */
  private enrolmentOrder(): Int32Array {
    if (this.sortedEnrolments) return this.sortedEnrolments;
    const groupRank = new Int32Array(this.groups.length);
    this.groupOrder().forEach((g, rank) => {
      groupRank[g] = rank;
    });
    const starts = new Int32Array(this.groups.length + 1);
    for (let e = 0; e < this.count; e++) (starts[(groupRank[this.groupOf[e] as number] as number) + 1] as number)++;
    for (let r = 0; r < this.groups.length; r++) (starts[r + 1] as number) += starts[r] as number;
    const order = new Int32Array(this.count);
    const fill = starts.slice(0, this.groups.length);
    for (let e = 0; e < this.count; e++) {
      const rank = groupRank[this.groupOf[e] as number] as number;
      order[fill[rank] as number] = e;
      (fill[rank] as number)++;
    }
    for (let r = 0; r < this.groups.length; r++) {
      const bucket = order.subarray(starts[r] as number, starts[r + 1] as number);
      let sorted = true;
      for (let i = 1; i < bucket.length && sorted; i++)
        sorted = (this.pupil[bucket[i - 1] as number] as number) < (this.pupil[bucket[i] as number] as number);
      if (!sorted) bucket.sort((a, b) => (this.pupil[a] as number) - (this.pupil[b] as number));
    }
    this.sortedEnrolments = order;
    return order;
  }

  /** The groups by school and school year. */
  private groupOrder(): number[] {
    return this.groups
      .map((_, g) => g)
      .sort((a, b) => {
        const x = this.groups[a] as Group;
        const y = this.groups[b] as Group;
        return x.schoolId - y.schoolId || byCodePoint(x.schoolYear, y.schoolYear);
      });
  }

  /** Indexes of `names` in code-point order; `extra` (e.g. '*' at index names.length) sorted in. */
  private static codeOrder(names: readonly string[], extra?: string): Int32Array {
    const all = extra === undefined ? [...names] : [...names, extra];
    return Int32Array.from(all.map((_, i) => i).sort((a, b) => byCodePoint(all[a] as string, all[b] as string)));
  }

  /** Absent half-days per school, half-day and official code (monitor_day). */
  *dayRows(): Generator<DayRow> {
    this.ready();
    const codes = this.officialCodes.length;
    const codeOrder = WholeMonitorRefresh.codeOrder(this.officialCodes);
    const schools = [...this.calendars.keys()].sort((a, b) => a - b);
    for (const schoolId of schools) {
      const calendar = this.calendars.get(schoolId) as SchoolCalendar;
      const counts = calendar.counts;
      if (!counts) continue;
      for (let at = 0; at < calendar.rank.length; at++) {
        let date: string | undefined;
        let schoolYear = '';
        for (let k = 0; k < codeOrder.length; k++) {
          const c = codeOrder[k] as number;
          const halfDays = counts[at * codes + c] as number;
          if (halfDays === 0) continue;
          const slot = calendar.first + at;
          if (date === undefined) {
            date = dateOf(slot >> 1);
            const start = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 9 ? 1 : 0);
            schoolYear = `${start}-${start + 1}`;
          }
          yield {
            schoolId,
            schoolYear,
            day: slot >> 1,
            half: halfOf(slot),
            code: this.officialCodes[c] as string,
            halfDays,
          };
        }
      }
    }
  }

  /** Absent half-days per pupil, school year and official code, and '*' for all of them (monitor_pupil_year). */
  *pupilYearRows(): Generator<PupilYearRow> {
    this.ready();
    const codes = this.officialCodes.length;
    const codeOrder = WholeMonitorRefresh.codeOrder(this.officialCodes, '*');
    const order = this.enrolmentOrder();
    for (let i = 0; i < order.length; i++) {
      const e = order[i] as number;
      const total = this.total[e] as number;
      if (total === 0) continue;
      const group = this.groups[this.groupOf[e] as number] as Group;
      const pupilId = this.pupil[e] as number;
      for (let k = 0; k < codeOrder.length; k++) {
        const c = codeOrder[k] as number;
        const halfDays = c === codes ? total : (this.perOfficial[e * codes + c] as number);
        if (halfDays > 0)
          yield {
            schoolId: group.schoolId,
            schoolYear: group.schoolYear,
            pupilId,
            code: c === codes ? '*' : (this.officialCodes[c] as string),
            halfDays,
          };
      }
    }
  }

  /** The dashboard cells (monitor_cell) except the signal counts, which the database has. */
  *cellRows(thresholds: readonly number[]): Generator<CellRow> {
    this.ready();
    this.needDetails();
    const codes = this.officialCodes.length;
    const sums = new Sums(codes + 1);
    const perClass = new Sums(codes + 1);
    const perGrade = new Sums(codes + 1);
    // week, month, weekday: from the day counts.
    for (const [schoolId, calendar] of this.calendars) {
      const counts = calendar.counts;
      if (!counts) continue;
      for (let at = 0; at < calendar.rank.length; at++) {
        let any = false;
        for (let c = 0; c < codes; c++) if ((counts[at * codes + c] as number) > 0) any = true;
        if (!any) continue;
        const slot = calendar.first + at;
        const day = slot >> 1;
        const date = dateOf(day);
        const start = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 9 ? 1 : 0);
        const schoolYear = `${start}-${start + 1}`;
        const september = firstOfSeptember(start);
        const monday = september - (isoWeekday(september) - 1);
        const keys: [string, string][] = [
          ['week', padTwo(Math.floor((day - monday) / 7) + 1)],
          ['month', date.slice(5, 7)],
          ['weekday', `${isoWeekday(day)}-${halfOf(slot)}`],
        ];
        for (const [dimension, key] of keys) {
          const values = sums.at(`d|${schoolId}|${schoolYear}|${dimension}|${key}`, () => [
            String(schoolId),
            schoolYear,
            dimension,
            key,
          ]);
          for (let c = 0; c < codes; c++) (values[c] as number) += counts[at * codes + c] as number;
        }
      }
    }
    // class, grade: the pupils' year totals by their enrolment's class and level-grade.
    const thresholdKeys = [...new Set(thresholds)];
    const thresholdIndex = thresholds.map((t) => thresholdKeys.indexOf(t));
    const perGroup = new Float64Array(this.groups.length * thresholdKeys.length * (codes + 1));
    const enrolled = new Float64Array(this.groups.length);
    for (let e = 0; e < this.count; e++) {
      const g = this.groupOf[e] as number;
      (enrolled[g] as number)++;
      const total = this.total[e] as number;
      if (total === 0) continue;
      const group = this.groups[g] as Group;
      const classValues = perClass.at(pairKey(g, this.classId[e] as number), () => [
        String(group.schoolId),
        group.schoolYear,
        'class',
        this.classes.names[this.classId[e] as number] as string,
      ]);
      const gradeValues = perGrade.at(pairKey(g, this.gradeId[e] as number), () => [
        String(group.schoolId),
        group.schoolYear,
        'grade',
        this.grades.names[this.gradeId[e] as number] as string,
      ]);
      for (let c = 0; c <= codes; c++) {
        const value = c === codes ? total : (this.perOfficial[e * codes + c] as number);
        if (value === 0) continue;
        if (c < codes) {
          (classValues[c] as number) += value;
          (gradeValues[c] as number) += value;
        }
        for (let t = 0; t < thresholds.length; t++)
          if (value >= (thresholds[t] as number))
            (perGroup[(g * thresholdKeys.length + (thresholdIndex[t] as number)) * (codes + 1) + c] as number)++;
      }
    }
    const codeOf = (c: number) => (c === codes ? '*' : (this.officialCodes[c] as string));
    for (const { keys, values } of [
      ...sums.entries.values(),
      ...perClass.entries.values(),
      ...perGrade.entries.values(),
    ]) {
      const [schoolId, schoolYear, dimension, key] = keys as [string, string, string, string];
      for (let c = 0; c < codes; c++)
        if ((values[c] as number) > 0)
          yield { schoolId: Number(schoolId), schoolYear, dimension, key, code: codeOf(c), value: values[c] as number };
    }
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g] as Group;
      for (let t = 0; t < thresholdKeys.length; t++)
        for (let c = 0; c <= codes; c++) {
          const value = perGroup[(g * thresholdKeys.length + t) * (codes + 1) + c] as number;
          if (value > 0)
            yield {
              schoolId: group.schoolId,
              schoolYear: group.schoolYear,
              dimension: 'threshold',
              key: String(thresholdKeys[t]),
              code: codeOf(c),
              value,
            };
        }
      yield {
        schoolId: group.schoolId,
        schoolYear: group.schoolYear,
        dimension: 'enrolled',
        key: '',
        code: '*',
        value: enrolled[g] as number,
      };
    }
  }

  /** Spells of absence per enrolment along its school's school half-days, and of suspension (code Y). */
  private spellsOf() {
    this.ready();
    if (this.spells) return this.spells;
    const n = this.count;
    const spells = {
      count: new Int32Array(n),
      longest: new Int32Array(n),
      suspensionCount: new Int32Array(n),
      suspensionLongest: new Int32Array(n),
      lastFirstRank: new Int32Array(n),
      lastLength: new Int32Array(n),
    };
    const walk = (bits: Uint8Array, e: number) => {
      const start = this.byteStart[e] as number;
      const length = this.rankCount[e] as number;
      let count = 0;
      let longest = 0;
      let run = 0;
      let lastFirst = -1;
      let lastLength = 0;
      for (let b = 0; b < (length + 7) >> 3; b++) {
        const byte = bits[start + b] as number;
        if (byte === 0) {
          if (run > 0) {
            lastLength = run;
            if (run > longest) longest = run;
            run = 0;
          }
          continue;
        }
        for (let k = 0; k < 8; k++) {
          if (byte & (1 << k)) {
            if (run === 0) {
              count++;
              lastFirst = b * 8 + k;
            }
            run++;
          } else if (run > 0) {
            lastLength = run;
            if (run > longest) longest = run;
            run = 0;
          }
        }
      }
      if (run > 0) {
        lastLength = run;
        if (run > longest) longest = run;
      }
      return { count, longest, lastFirst, lastLength };
    };
    for (let e = 0; e < n; e++) {
      if ((this.total[e] as number) === 0) continue;
      const absent = walk(this.absentBits, e);
      spells.count[e] = absent.count;
      spells.longest[e] = absent.longest;
      spells.lastFirstRank[e] = (this.baseRank[e] as number) + absent.lastFirst;
      spells.lastLength[e] = absent.lastLength;
      if (this.suspensionBits) {
        const suspension = walk(this.suspensionBits, e);
        spells.suspensionCount[e] = suspension.count;
        spells.suspensionLongest[e] = suspension.longest;
      }
    }
    this.spells = spells;
    return spells;
  }

  /** Time at home per pupil and school year (monitor_home_time). */
  *homeTimeRows(): Generator<HomeTimeRow> {
    const spells = this.spellsOf();
    const order = this.enrolmentOrder();
    for (let i = 0; i < order.length; i++) {
      const e = order[i] as number;
      const total = this.total[e] as number;
      if (total === 0) continue;
      const group = this.groups[this.groupOf[e] as number] as Group;
      const calendar = group.calendar as SchoolCalendar;
      const firstRank = spells.lastFirstRank[e] as number;
      const length = spells.lastLength[e] as number;
      const from = calendar.slotOfRank[firstRank] as number;
      const until = calendar.slotOfRank[firstRank + length - 1] as number;
      yield {
        schoolId: group.schoolId,
        schoolYear: group.schoolYear,
        pupilId: this.pupil[e] as number,
        absentHalfDays: total,
        spells: spells.count[e] as number,
        longestSpell: spells.longest[e] as number,
        suspensionSpells: spells.suspensionCount[e] as number,
        longestSuspension: spells.suspensionLongest[e] as number,
        lastFromDay: from >> 1,
        lastFromHalf: halfOf(from),
        lastUntilDay: until >> 1,
        lastUntilHalf: halfOf(until),
        lastHalfDays: length,
      };
    }
  }

  /** Absent half-days per pupil, school year and code as registered (monitor_pupil_code). */
  *pupilCodeRows(): Generator<PupilCodeRow> {
    this.ready();
    const codes = this.absentCodes.length;
    const codeOrder = WholeMonitorRefresh.codeOrder(this.absentCodes);
    const order = this.enrolmentOrder();
    for (let i = 0; i < order.length; i++) {
      const e = order[i] as number;
      if ((this.total[e] as number) === 0) continue;
      const group = this.groups[this.groupOf[e] as number] as Group;
      for (let k = 0; k < codeOrder.length; k++) {
        const c = codeOrder[k] as number;
        const halfDays = this.perAbsent[e * codes + c] as number;
        if (halfDays > 0)
          yield {
            schoolId: group.schoolId,
            schoolYear: group.schoolYear,
            pupilId: this.pupil[e] as number,
            code: this.absentCodes[c] as string,
            halfDays,
          };
      }
    }
  }

  /** Enrolled pupils per school half-day (monitor_possible_day). */
  *possibleDayRows(): Generator<PossibleDayRow> {
    this.ready();
    const differences = new Map<number, Int32Array>();
    for (let e = 0; e < this.count; e++) {
      const ranks = this.rankCount[e] as number;
      if (ranks === 0) continue;
      const g = this.groupOf[e] as number;
      const calendar = (this.groups[g] as Group).calendar as SchoolCalendar;
      let difference = differences.get(g);
      if (!difference) {
        difference = new Int32Array(calendar.slotOfRank.length + 1);
        differences.set(g, difference);
      }
      (difference[this.baseRank[e] as number] as number)++;
      (difference[(this.baseRank[e] as number) + ranks] as number)--;
    }
    for (const g of this.groupOrder()) {
      const difference = differences.get(g);
      if (!difference) continue;
      const group = this.groups[g] as Group;
      const calendar = group.calendar as SchoolCalendar;
      let pupils = 0;
      for (let rank = 0; rank < calendar.slotOfRank.length; rank++) {
        pupils += difference[rank] as number;
        if (pupils <= 0) continue;
        const slot = calendar.slotOfRank[rank] as number;
        yield {
          schoolId: group.schoolId,
          schoolYear: group.schoolYear,
          day: slot >> 1,
          half: halfOf(slot),
          pupils,
        };
      }
    }
  }

  /** The region report's cells per school and school year (thuiszitter_cell). */
  *thuiszitterCellRows(numbers: ThuiszitterNumbers): Generator<ThuiszitterCellRow> {
    this.needDetails();
    const spells = this.spellsOf();
    const absentCodes = this.absentCodes.length;
    // Per group: home pupils, half-days, spells; ≥ t at home and longest spell ≥ t per threshold; suspension
    // pupils, long, repeated; per registered code its half-days and pupils.
    const thresholds = [...new Set(numbers.homeThresholds)];
    const thresholdIndex = numbers.homeThresholds.map((t) => thresholds.indexOf(t));
    const home = 0;
    const homeAtLeast = 3;
    const spellAtLeast = homeAtLeast + thresholds.length;
    const suspension = spellAtLeast + thresholds.length;
    const codeHalfDays = suspension + 3;
    const codePupils = codeHalfDays + absentCodes;
    const width = codePupils + absentCodes;
    const perGroup = new Float64Array(this.groups.length * width);
    // Per code as registered: B as registered, Z with D, P (the official split's codes).
    const codeIndex = (code: string) => this.absentCodes.indexOf(code);
    const [b, z, d, p] = ['B', 'Z', 'D', 'P'].map(codeIndex) as [number, number, number, number];
    const countOf = (e: number, c: number) => (c < 0 ? 0 : (this.perAbsent[e * absentCodes + c] as number));
    const identityTotals = new Map<
      number | string,
      { b: number; z: number; p: number; latestFrom: number; latestPupil: number }
    >();
    /** Adds one enrolment of an identity to its totals of the school year (and whether it is the latest). */
    const tally = (key: string, own: { b: number; z: number; p: number }, from: number, pupil: number) => {
      let totals = identityTotals.get(key);
      if (!totals) {
        totals = { b: 0, z: 0, p: 0, latestFrom: Number.NEGATIVE_INFINITY, latestPupil: Number.NEGATIVE_INFINITY };
        identityTotals.set(key, totals);
      }
      totals.b += own.b;
      totals.z += own.z;
      totals.p += own.p;
      if (from > totals.latestFrom || (from === totals.latestFrom && pupil > totals.latestPupil)) {
        totals.latestFrom = from;
        totals.latestPupil = pupil;
      }
    };
    for (const other of this.elsewhere) {
      const identity = this.identities.find(other.identityHash);
      if (identity !== undefined) tally(`${identity}|${other.schoolYear}`, other, other.from, other.pupilId);
    }
    for (let e = 0; e < this.count; e++) {
      const g = this.groupOf[e] as number;
      const identity = this.identityOf[e] as number;
      if (identity >= 0)
        tally(
          `${identity}|${(this.groups[g] as Group).schoolYear}`,
          { b: countOf(e, b), z: countOf(e, z) + countOf(e, d), p: countOf(e, p) },
          this.fromDay[e] as number,
          this.pupil[e] as number,
        );
      const total = this.total[e] as number;
      if (total === 0) continue;
      const at = g * width;
      (perGroup[at + home] as number)++;
      (perGroup[at + home + 1] as number) += total;
      (perGroup[at + home + 2] as number) += spells.count[e] as number;
      const longest = spells.longest[e] as number;
      for (let t = 0; t < numbers.homeThresholds.length; t++) {
        const threshold = numbers.homeThresholds[t] as number;
        if (total >= threshold) (perGroup[at + homeAtLeast + (thresholdIndex[t] as number)] as number)++;
        if (longest >= threshold) (perGroup[at + spellAtLeast + (thresholdIndex[t] as number)] as number)++;
      }
      const suspensions = spells.suspensionCount[e] as number;
      if (suspensions > 0) (perGroup[at + suspension] as number)++;
      if ((spells.suspensionLongest[e] as number) >= numbers.suspensionLongHalfDays)
        (perGroup[at + suspension + 1] as number)++;
      if (suspensions >= numbers.suspensionRepeatedSpells) (perGroup[at + suspension + 2] as number)++;
      for (let c = 0; c < absentCodes; c++) {
        const halfDays = this.perAbsent[e * absentCodes + c] as number;
        if (halfDays === 0) continue;
        (perGroup[at + codeHalfDays + c] as number) += halfDays;
        (perGroup[at + codePupils + c] as number)++;
      }
    }
    for (let g = 0; g < this.groups.length; g++) {
      const at = g * width;
      const pupils = perGroup[at + home] as number;
      if (pupils === 0) continue;
      const { schoolId, schoolYear } = this.groups[g] as Group;
      const cell = (dimension: string, key: string, value: number) => ({ schoolId, schoolYear, dimension, key, value });
      yield cell('home', 'pupils', pupils);
      yield cell('home', 'half-days', perGroup[at + home + 1] as number);
      yield cell('home', 'spells', perGroup[at + home + 2] as number);
      for (let t = 0; t < thresholds.length; t++) {
        const atLeast = perGroup[at + homeAtLeast + t] as number;
        if (atLeast > 0) yield cell('home-ge', String(thresholds[t]), atLeast);
      }
      for (let t = 0; t < thresholds.length; t++) {
        const atLeast = perGroup[at + spellAtLeast + t] as number;
        if (atLeast > 0) yield cell('spell-ge', String(thresholds[t]), atLeast);
      }
      for (const [k, key] of ['pupils', 'long', 'repeated'].entries()) {
        const value = perGroup[at + suspension + k] as number;
        if (value > 0) yield cell('suspension', key, value);
      }
      for (let c = 0; c < absentCodes; c++) {
        const withCode = perGroup[at + codePupils + c] as number;
        if (withCode === 0) continue;
        yield cell('code-half-days', this.absentCodes[c] as string, perGroup[at + codeHalfDays + c] as number);
        yield cell('code-pupils', this.absentCodes[c] as string, withCode);
      }
    }
    // The official figures over pupils of compulsory school age, counted once per child across schools.
    const measures = ['pupils', 'b30', 'b', 'z', 'p', 'with-z', 'with-p'];
    const official = new Sums(measures.length);
    for (let e = 0; e < this.count; e++) {
      const g = this.groupOf[e] as number;
      const group = this.groups[g] as Group;
      const birthYear = this.birthYear[e] as number;
      if (birthYear > group.startYear - numbers.compulsoryFromAge) continue;
      const adult = birthYear + numbers.compulsoryUntilAge;
      if (adult < group.startYear || (adult === group.startYear && (this.birthMonthDay[e] as number) <= 901)) continue;
      const own = { b: countOf(e, b), z: countOf(e, z) + countOf(e, d), p: countOf(e, p) };
      let elsewhere = { b: 0, z: 0, p: 0 };
      const identity = this.identityOf[e] as number;
      if (identity >= 0) {
        const totals = identityTotals.get(`${identity}|${group.schoolYear}`);
        if (totals) {
          if (totals.latestFrom !== this.fromDay[e] || totals.latestPupil !== this.pupil[e]) continue;
          elsewhere = { b: totals.b - own.b, z: totals.z - own.z, p: totals.p - own.p };
        }
      }
      const age = group.startYear - birthYear;
      const levelGrade = this.levelGradeId[e] as number;
      const id = age >= 0 && age < 256 ? pairKey(g, levelGrade * 256 + age) : `${g}|${levelGrade}|${age}`;
      const values = official.at(id, () => [String(g), `${this.levelGrades.names[levelGrade] as string}|${age}`]);
      const zAll = own.z + elsewhere.z;
      const pAll = own.p + elsewhere.p;
      (values[0] as number) += 1;
      (values[1] as number) +=
        own.b + Math.max(elsewhere.b, this.carriedOverB[e] as number) >= numbers.officialB ? 1 : 0;
      (values[2] as number) += own.b + elsewhere.b;
      (values[3] as number) += zAll;
      (values[4] as number) += pAll;
      (values[5] as number) += zAll > 0 ? 1 : 0;
      (values[6] as number) += pAll > 0 ? 1 : 0;
    }
    for (const { keys, values } of official.entries.values()) {
      const group = this.groups[Number(keys[0])] as Group;
      for (let m = 0; m < measures.length; m++)
        yield {
          schoolId: group.schoolId,
          schoolYear: group.schoolYear,
          dimension: `official-${measures[m]}`,
          key: keys[1] as string,
          value: values[m] as number,
        };
    }
  }
}
