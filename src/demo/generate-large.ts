// Large synthetic data for benchmarks: lazily generated pupils and register rows, or typed columns.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ABSENCE_CODES } from '../domain/absence-codes.ts';
import { dayNumber, fromDayNumber, type Half, type IsoDate } from '../domain/half-day.ts';
import type { DemoLevel } from './generate-demo.ts';
import { illnessStartWeights } from './illness-season.ts';
import { BOY_NAMES, GIRL_NAMES, LAST_NAMES } from './names.ts';
import { deriveRandom, mixSeed, Random } from './random.ts';
import type { DemoRegisterRow } from './register-marks.ts';
import { type CalendarLevel, enrolledRange, type SchoolYearDays, schoolYearDays } from './school-days.ts';
import { type PupilCsvRow, pupilsCsvLines, registerCsvLines, writeLines } from './write-csv.ts';

/** Level ids used by the columnar data (`pupils.level`). */
export const LARGE_LEVELS: readonly DemoLevel[] = ['kleuter', 'lager', 'secundair'];

/** `pupils.enrolledUntil` of a pupil who stays enrolled to the end of the year (compares after any day). */
export const OPEN_ENROLMENT = 2_147_483_647;

export const DEFAULT_PUPILS_PER_SCHOOL = 2000;

export interface GenerateLargeOptions {
  seed?: number;
  pupils: number;
  /** Number of schools; default one per ~2,000 pupils. Even-numbered schools are primary, odd secondary. */
  schools?: number;
  /** Default `2025-2026`. */
  schoolYear?: string;
}

export interface LargeSchool {
  index: number;
  institutionNumber: string;
  name: string;
  calendarLevel: CalendarLevel;
  /** Pupils [firstPupil, firstPupil + pupilCount) belong to this school. */
  firstPupil: number;
  pupilCount: number;
}

export interface LargePupil extends PupilCsvRow {
  index: number;
  schoolIndex: number;
}

export interface LargeDataset {
  seed: number;
  schoolYear: string;
  pupilCount: number;
  schools: readonly LargeSchool[];
  /** Every pupil, generated on demand; each call starts again and yields the same pupils. */
  pupils(): Generator<LargePupil>;
  /** Every register row, sorted by pupil then half-day, generated on demand. */
  register(): Generator<DemoRegisterRow>;
  /** Pupils with their register rows, one pupil at a time. */
  pupilsWithRegister(): Generator<{ pupil: LargePupil; register: DemoRegisterRow[] }>;
}

export interface GenerateLargeColumnarOptions {
  seed?: number;
  pupils: number;
  schools?: number;
  schoolYear?: string;
}

/** Per-pupil metadata as typed columns, indexed by pupil index. */
export interface LargePupilColumns {
  school: Int32Array;
  birthDay: Int32Array;
  /** Index into `LARGE_LEVELS`. */
  level: Uint8Array;
  grade: Uint8Array;
  /** Day numbers (see half-day.ts `dayNumber`). */
  enrolledFrom: Int32Array;
  /** Day number of the last enrolled day, or `OPEN_ENROLMENT`. */
  enrolledUntil: Int32Array;
  /** Register rows of pupil i are rows [rowStart[i], rowStart[i + 1]); length pupilCount + 1. */
  rowStart: Int32Array;
}

export interface LargeColumnar {
  seed: number;
  schoolYear: string;
  pupilCount: number;
  rowCount: number;
  schools: readonly LargeSchool[];
  /** The code of `codeId` i: `ABSENCE_CODES[i].code`. */
  codes: readonly string[];
  /** Per register row, sorted by pupil then slot. */
  pupilIndex: Int32Array;
  /** `dayNumber(date) * 2 + (PM ? 1 : 0)`. */
  slot: Int32Array;
  codeId: Uint8Array;
  pupils: LargePupilColumns;
}

const CODES: readonly string[] = ABSENCE_CODES.map((c) => c.code);
const codeId = (code: string): number => CODES.indexOf(code);
const B = codeId('B');
const Z = codeId('Z');
const D = codeId('D');
const P = codeId('P');
const R = codeId('R');
const A = codeId('A');
const L = codeId('L');
const U = codeId('U');

const STEPS: Record<CalendarLevel, readonly { level: number; grade: number }[]> = {
  basis: [
    ...[1, 2, 3].map((grade) => ({ level: 0, grade })),
    ...[1, 2, 3, 4, 5, 6].map((grade) => ({ level: 1, grade })),
  ],
  secundair: [1, 2, 3, 4, 5, 6].map((grade) => ({ level: 2, grade })),
};

/** Class letters beyond Z continue as AA, AB, … (a 60,000-pupil benchmark school has many classes). */
function classLetters(index: number): string {
  let text = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** Generates one pupil at a time into reusable fields and buffers, so no per-row objects are needed. */
class LargeModel {
  readonly schools: LargeSchool[];
  readonly days: Record<CalendarLevel, SchoolYearDays>;
  private readonly weights: Record<CalendarLevel, Float64Array>;
  private readonly startYear: number;
  private readonly marks: Uint8Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  // The last generated pupil.
  schoolIndex = 0;
  level = 0;
  grade = 0;
  birthDay = 0;
  enrolledFrom = 0;
  enrolledUntil = OPEN_ENROLMENT;
  rowCount = 0;
  readonly rowPosition: Int32Array;
  readonly rowCode: Uint8Array;

  constructor(
    readonly seed: number,
    readonly pupilCount: number,
    schoolCount: number,
    readonly schoolYear: string,
  ) {
    if (!Number.isInteger(pupilCount) || pupilCount < 0) throw new RangeError('pupils must be a whole number ≥ 0');
    if (!Number.isInteger(schoolCount) || schoolCount < 1) throw new RangeError('schools must be a whole number ≥ 1');
    this.startYear = Number(schoolYear.slice(0, 4));
    this.days = {
      basis: schoolYearDays('basis', schoolYear),
      secundair: schoolYearDays('secundair', schoolYear),
    };
    this.weights = {
      basis: illnessStartWeights(this.days.basis, deriveRandom(seed, 'large-waves', 'basis', schoolYear)),
      secundair: illnessStartWeights(this.days.secundair, deriveRandom(seed, 'large-waves', 'secundair', schoolYear)),
    };
    const maxPositions = Math.max(this.days.basis.count, this.days.secundair.count);
    this.marks = new Uint8Array(maxPositions);
    this.touched = new Int32Array(maxPositions);
    this.rowPosition = new Int32Array(maxPositions);
    this.rowCode = new Uint8Array(maxPositions);
    this.schools = [];
    for (let s = 0; s < schoolCount; s++) {
      const firstPupil = Math.ceil((s * pupilCount) / schoolCount);
      const next = Math.ceil(((s + 1) * pupilCount) / schoolCount);
      const calendarLevel: CalendarLevel = s % 2 === 0 ? 'basis' : 'secundair';
      this.schools.push({
        index: s,
        institutionNumber: String(100_000 + s),
        name: `${calendarLevel === 'basis' ? 'Basisschool' : 'Secundaire school'} ${s + 1}`,
        calendarLevel,
        firstPupil,
        pupilCount: next - firstPupil,
      });
    }
  }

  schoolOf(index: number): number {
    return Math.floor((index * this.schools.length) / this.pupilCount);
  }

  /** The calendar of the last generated pupil. */
  get yearDays(): SchoolYearDays {
    return this.days[(this.schools[this.schoolIndex] as LargeSchool).calendarLevel];
  }

  /** Generates pupil `index`: metadata into the fields, register rows into rowPosition/rowCode. */
  generate(index: number): void {
    const random = new Random(mixSeed(this.seed, index));
    this.schoolIndex = this.schoolOf(index);
    const school = this.schools[this.schoolIndex] as LargeSchool;
    const steps = STEPS[school.calendarLevel];
    const step = steps[random.int(0, steps.length - 1)] as { level: number; grade: number };
    this.level = step.level;
    this.grade = step.grade;
    const onTime =
      step.level === 0
        ? this.startYear - 2 - step.grade
        : step.level === 1
          ? this.startYear - 5 - step.grade
          : this.startYear - 11 - step.grade;
    const birthYear = onTime - (random.chance(step.level === 2 ? 0.1 : 0.03) ? 1 : 0);
    this.birthDay = dayNumber(`${birthYear}-01-01`) + random.int(0, 364);
    const compulsory = this.startYear - birthYear >= 5;

    const days = this.days[school.calendarLevel];
    this.enrolledFrom = dayNumber(days.firstDay);
    this.enrolledUntil = OPEN_ENROLMENT;
    const enrolmentRoll = random.next();
    if (enrolmentRoll < 0.015) {
      this.enrolledFrom = days.dayNumbers[random.int(10, days.dayNumbers.length - 10)] as number;
    } else if (enrolmentRoll < 0.03) {
      this.enrolledUntil = days.dayNumbers[random.int(10, days.dayNumbers.length - 10)] as number;
    }
    const { start, end } = enrolledRange(
      days,
      fromDayNumber(this.enrolledFrom),
      this.enrolledUntil === OPEN_ENROLMENT ? null : fromDayNumber(this.enrolledUntil),
    );
    this.fillAbsences(random, days, this.weights[school.calendarLevel], start, end, compulsory, step.level === 2);
  }

  /** Skewed absence counts: most pupils a few half-days, some tens, a few more than a hundred. */
  private fillAbsences(
    random: Random,
    days: SchoolYearDays,
    weights: Float64Array,
    start: number,
    end: number,
    compulsory: boolean,
    secondary: boolean,
  ): void {
    this.touchedCount = 0;
    this.rowCount = 0;
    if (end <= start) return;
    const roll = random.next();
    const mean = roll < 0.55 ? 4.1 : roll < 0.88 ? 17.5 : roll < 0.975 ? 48 : 115;
    const target = Math.min(end - start, random.poisson((mean * (end - start)) / days.count));
    const truant = compulsory && roll >= 0.88 && random.chance(secondary ? 0.4 : 0.15);
    const firstDay = days.dayOfPosition[start] as number;
    const lastDay = days.dayOfPosition[end - 1] as number;
    for (let attempts = 0; this.touchedCount < target && attempts < target * 4 + 8; attempts++) {
      const kind = random.next();
      if (kind < (truant ? 0.3 : 0.8)) {
        let day = random.weightedIndex(weights);
        if (day < firstDay || day > lastDay) day = random.int(firstDay, lastDay);
        let length = 1;
        while (length < 10 && random.chance(0.42)) length++;
        const last = Math.min(lastDay, day + length - 1);
        const span = (days.dayNumbers[last] as number) - (days.dayNumbers[day] as number) + 1;
        const code = !compulsory ? A : span > 3 || random.chance(0.08) ? D : Z;
        for (let p = days.dayStart[day] as number; p < (days.dayEnd[last] as number); p++) this.mark(p, code);
        continue;
      }
      const position = random.int(start, end - 1);
      let code = !compulsory
        ? A
        : kind < (truant ? 0.97 : 0.88)
          ? B
          : kind < 0.93
            ? P
            : kind < 0.97
              ? R
              : kind < 0.99
                ? L
                : secondary
                  ? U
                  : P;
      if (code === L && days.halves[position] === 'PM') code = Z; // late arrivals are registered in the morning
      this.mark(position, code);
      if (code !== L && random.chance(0.35) && position + 1 < end) this.mark(position + 1, code);
    }
    // Insertion sort: a pupil has a few dozen rows at most, usually fewer than twenty.
    const touched = this.touched;
    for (let i = 1; i < this.touchedCount; i++) {
      const value = touched[i] as number;
      let j = i - 1;
      while (j >= 0 && (touched[j] as number) > value) {
        touched[j + 1] = touched[j] as number;
        j--;
      }
      touched[j + 1] = value;
    }
    for (let i = 0; i < this.touchedCount; i++) {
      const position = touched[i] as number;
      this.rowPosition[i] = position;
      this.rowCode[i] = (this.marks[position] as number) - 1;
      this.marks[position] = 0;
    }
    this.rowCount = this.touchedCount;
  }

  private mark(position: number, code: number): void {
    if (this.marks[position] !== 0) return;
    this.marks[position] = code + 1;
    this.touched[this.touchedCount++] = position;
  }
}

function schoolCountFor(pupils: number, schools: number | undefined): number {
  return schools ?? Math.max(1, Math.round(pupils / DEFAULT_PUPILS_PER_SCHOOL));
}

/** Lazily generated large data: pupils and register rows are produced while iterating, never all at once. */
export function generateLarge(options: GenerateLargeOptions): LargeDataset {
  const seed = options.seed ?? 2025;
  const schoolYear = options.schoolYear ?? '2025-2026';
  const pupilCount = options.pupils;
  const schools = new LargeModel(seed, pupilCount, schoolCountFor(pupilCount, options.schools), schoolYear).schools;

  function pupilOf(model: LargeModel, index: number): LargePupil {
    const names = new Random(mixSeed(seed, 'name', index));
    const girl = names.chance(0.5);
    const school = model.schools[model.schoolIndex] as LargeSchool;
    const level = LARGE_LEVELS[model.level] as DemoLevel;
    const classCount = Math.max(1, Math.round(school.pupilCount / STEPS[school.calendarLevel].length / 22));
    const letters = classLetters(names.int(0, classCount - 1));
    return {
      index,
      schoolIndex: model.schoolIndex,
      pupilId: String(10_000_000 + index),
      firstName: names.pick(girl ? GIRL_NAMES : BOY_NAMES),
      lastName: names.pick(LAST_NAMES),
      birthDate: fromDayNumber(model.birthDay),
      schoolId: school.institutionNumber,
      level,
      grade: model.grade,
      className: level === 'kleuter' ? `K${model.grade}${letters}` : `${model.grade}${letters}`,
      enrolledFrom: fromDayNumber(model.enrolledFrom),
      enrolledUntil: model.enrolledUntil === OPEN_ENROLMENT ? null : fromDayNumber(model.enrolledUntil),
      excludedOn: null,
    };
  }

  function rowsOf(model: LargeModel, pupilId: string): DemoRegisterRow[] {
    const days = model.yearDays;
    const rows: DemoRegisterRow[] = new Array(model.rowCount);
    for (let i = 0; i < model.rowCount; i++) {
      const position = model.rowPosition[i] as number;
      rows[i] = {
        pupilId,
        date: days.dates[position] as IsoDate,
        half: days.halves[position] as Half,
        code: CODES[model.rowCode[i] as number] as string,
      };
    }
    return rows;
  }

  return {
    seed,
    schoolYear,
    pupilCount,
    schools,
    *pupils() {
      const model = new LargeModel(seed, pupilCount, schools.length, schoolYear);
      for (let index = 0; index < pupilCount; index++) {
        model.generate(index);
        yield pupilOf(model, index);
      }
    },
    *register() {
      const model = new LargeModel(seed, pupilCount, schools.length, schoolYear);
      for (let index = 0; index < pupilCount; index++) {
        model.generate(index);
        yield* rowsOf(model, String(10_000_000 + index));
      }
    },
    *pupilsWithRegister() {
      const model = new LargeModel(seed, pupilCount, schools.length, schoolYear);
      for (let index = 0; index < pupilCount; index++) {
        model.generate(index);
        const pupil = pupilOf(model, index);
        yield { pupil, register: rowsOf(model, pupil.pupilId) };
      }
    },
  };
}

/** The same data as `generateLarge` (same seed, same pupils and rows) as typed arrays, without strings. */
export function generateLargeColumnar(options: GenerateLargeColumnarOptions): LargeColumnar {
  const seed = options.seed ?? 2025;
  const schoolYear = options.schoolYear ?? '2025-2026';
  const pupilCount = options.pupils;
  const model = new LargeModel(seed, pupilCount, schoolCountFor(pupilCount, options.schools), schoolYear);
  const pupils: LargePupilColumns = {
    school: new Int32Array(pupilCount),
    birthDay: new Int32Array(pupilCount),
    level: new Uint8Array(pupilCount),
    grade: new Uint8Array(pupilCount),
    enrolledFrom: new Int32Array(pupilCount),
    enrolledUntil: new Int32Array(pupilCount),
    rowStart: new Int32Array(pupilCount + 1),
  };
  let capacity = Math.max(1024, pupilCount * 18);
  let pupilIndex = new Int32Array(capacity);
  let slot = new Int32Array(capacity);
  let code = new Uint8Array(capacity);
  let rowCount = 0;
  for (let index = 0; index < pupilCount; index++) {
    model.generate(index);
    pupils.school[index] = model.schoolIndex;
    pupils.birthDay[index] = model.birthDay;
    pupils.level[index] = model.level;
    pupils.grade[index] = model.grade;
    pupils.enrolledFrom[index] = model.enrolledFrom;
    pupils.enrolledUntil[index] = model.enrolledUntil;
    pupils.rowStart[index] = rowCount;
    if (rowCount + model.rowCount > capacity) {
      capacity = Math.max(capacity * 2, rowCount + model.rowCount);
      pupilIndex = grow(pupilIndex, new Int32Array(capacity));
      slot = grow(slot, new Int32Array(capacity));
      code = grow(code, new Uint8Array(capacity));
    }
    const slots = model.yearDays.slots;
    for (let i = 0; i < model.rowCount; i++) {
      pupilIndex[rowCount] = index;
      slot[rowCount] = slots[model.rowPosition[i] as number] as number;
      code[rowCount] = model.rowCode[i] as number;
      rowCount++;
    }
  }
  pupils.rowStart[pupilCount] = rowCount;
  return {
    seed,
    schoolYear,
    pupilCount,
    rowCount,
    schools: model.schools,
    codes: CODES,
    pupilIndex: pupilIndex.slice(0, rowCount),
    slot: slot.slice(0, rowCount),
    codeId: code.slice(0, rowCount),
    pupils,
  };
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export interface WriteLargeCsvOptions extends GenerateLargeOptions {
  dir: string;
}

/** Streams a large data set to `dir/pupils.csv` and `dir/register.csv`. */
export async function writeLargeCsv(
  options: WriteLargeCsvOptions,
): Promise<{ pupilRows: number; registerRows: number }> {
  await mkdir(options.dir, { recursive: true });
  const data = generateLarge(options);
  const pupilLines = await writeLines(join(options.dir, 'pupils.csv'), pupilsCsvLines(data.pupils()));
  const registerLines = await writeLines(join(options.dir, 'register.csv'), registerCsvLines(data.register()));
  return { pupilRows: pupilLines - 1, registerRows: registerLines - 1 };
}

function parseArguments(argv: readonly string[]): WriteLargeCsvOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i] as string;
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined) throw new Error(`unexpected argument: ${name}`);
    values.set(name.slice(2), value);
    i++;
  }
  const number = (name: string): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  const dir = values.get('out');
  const pupils = number('pupils');
  if (dir === undefined || pupils === undefined) {
    throw new Error('usage: generate-large --pupils N --out DIR [--schools N] [--seed N] [--school-year 2025-2026]');
  }
  return {
    dir,
    pupils,
    seed: number('seed'),
    schools: number('schools'),
    schoolYear: values.get('school-year'),
  };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const written = await writeLargeCsv(options);
  const summary = {
    measurement: 'generate-large-csv',
    pupils: options.pupils,
    schools: schoolCountFor(options.pupils, options.schools),
    seed: options.seed ?? 2025,
    dir: options.dir,
    ...written,
    seconds: Math.round(performance.now() - started) / 1000,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
