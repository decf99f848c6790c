// Writes demo and benchmark data as the canonical pupils.csv and register.csv, streaming line by line.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { csvRecord } from '../domain/csv.ts';
import type { IsoDate } from '../domain/half-day.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import type { DemoLevel, DemoSchool } from './generate-demo.ts';
import type { DemoRegisterRow } from './register-marks.ts';

/** One row of pupils.csv: a pupil with their enrolment in one school year. */
export interface PupilCsvRow {
  pupilId: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  schoolId: string;
  level: DemoLevel;
  grade: number;
  className: string;
  enrolledFrom: IsoDate;
  enrolledUntil: IsoDate | null;
  excludedOn: IsoDate | null;
}

export const PUPILS_CSV_HEADER =
  'pupil_id,first_name,last_name,birth_date,school_id,level,grade,class,enrolled_from,enrolled_until,excluded_on';
export const REGISTER_CSV_HEADER = 'pupil_id,date,half,code,note';

export function pupilCsvLine(row: PupilCsvRow): string {
  return csvRecord([
    row.pupilId,
    row.firstName,
    row.lastName,
    row.birthDate,
    row.schoolId,
    row.level,
    row.grade,
    row.className,
    row.enrolledFrom,
    row.enrolledUntil,
    row.excludedOn,
  ]);
}

export function registerCsvLine(row: DemoRegisterRow): string {
  return csvRecord([row.pupilId, row.date, row.half, row.code, row.note]);
}

/** The pupils.csv rows of a school for one school year: every pupil with an enrolment in that year. */
export function* pupilRowsForYear(school: DemoSchool, schoolYear: string): Generator<PupilCsvRow> {
  for (const pupil of school.pupils) {
    const enrolment = pupil.enrolments.find((e) => e.schoolYear === schoolYear);
    if (!enrolment) continue;
    yield {
      pupilId: pupil.pupilId,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      birthDate: pupil.birthDate,
      schoolId: school.institutionNumber,
      level: enrolment.level,
      grade: enrolment.grade,
      className: enrolment.className,
      enrolledFrom: enrolment.enrolledFrom,
      enrolledUntil: enrolment.enrolledUntil,
      excludedOn: enrolment.excludedOn,
    };
  }
}

/** pupils.csv as lines (header first), each ending in `\n`. */
export function* pupilsCsvLines(rows: Iterable<PupilCsvRow>): Generator<string> {
  yield `${PUPILS_CSV_HEADER}\n`;
  for (const row of rows) yield `${pupilCsvLine(row)}\n`;
}

/** register.csv as lines (header first), each ending in `\n`. */
export function* registerCsvLines(rows: Iterable<DemoRegisterRow>): Generator<string> {
  yield `${REGISTER_CSV_HEADER}\n`;
  for (const row of rows) yield `${registerCsvLine(row)}\n`;
}

/** The same lines for consumers that read asynchronously (e.g. `Readable.from`, an HTTP reply). */
export async function* toAsyncLines(lines: Iterable<string>): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

/**
 * Streams text to a file, batching small strings into chunks and waiting for `drain` when the stream's
 * buffer is full, so memory stays flat however many lines there are. Resolves with the number of pieces.
 */
export async function writeLines(path: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_resolve, reject) => stream.once('error', reject));
  failed.catch(() => undefined); // observed below; avoids an unhandled rejection when nothing awaits it
  let count = 0;
  let batch = '';
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    batch = '';
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    for await (const line of lines) {
      batch += line;
      count++;
      if (batch.length >= 65_536) await flush();
    }
    await flush();
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return count;
}

export interface WriteSchoolCsvOptions {
  /** Directory to write `pupils.csv` and `register.csv` into (created when missing). */
  dir: string;
  /** The school year of pupils.csv; default the last year that has enrolments. */
  schoolYear?: string;
  /** Only register rows of these school years; default every row (earlier years feed the prior-year rules). */
  registerSchoolYears?: readonly string[];
}

export interface WrittenCsv {
  pupilsPath: string;
  registerPath: string;
  pupilRows: number;
  registerRows: number;
}

/** Writes one demo school's `pupils.csv` (one school year) and `register.csv`. */
export async function writeSchoolCsv(school: DemoSchool, options: WriteSchoolCsvOptions): Promise<WrittenCsv> {
  await mkdir(options.dir, { recursive: true });
  const years = school.pupils.flatMap((p) => p.enrolments.map((e) => e.schoolYear)).sort();
  const schoolYear = options.schoolYear ?? years[years.length - 1] ?? '';
  const wanted = options.registerSchoolYears;
  const rows = wanted ? school.register.filter((row) => wanted.includes(schoolYearOf(row.date).id)) : school.register;
  const pupilsPath = join(options.dir, 'pupils.csv');
  const registerPath = join(options.dir, 'register.csv');
  const pupilLines = await writeLines(pupilsPath, pupilsCsvLines(pupilRowsForYear(school, schoolYear)));
  const registerLines = await writeLines(registerPath, registerCsvLines(rows));
  return { pupilsPath, registerPath, pupilRows: pupilLines - 1, registerRows: registerLines - 1 };
}
