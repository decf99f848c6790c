// `aanwezig signals`: evaluate the rule catalog on files, without a database (contract: formats.md).
// The files are read straight into the engine's columns and the output is written as it is produced (see
// signals-input.ts and signals-output.ts), so memory grows with the pupils, not with the register or the output.

import { type CalendarHalfDay, expandPreset } from '../domain/calendar.ts';
import { CALENDAR_PRESETS, findCalendarPreset } from '../domain/calendar-presets.ts';
import { isValidIsoDate } from '../domain/half-day.ts';
import {
  compileCalendar,
  createEngineInput,
  EngineInputError,
  evaluateTable,
  findCatalog,
  type SignalTable,
} from '../domain/rules/index.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import { type Problem, readCalendar, readPupils, readRegister } from './signals-input.ts';
import { type ByteSink, type OutputFormat, writeSignals } from './signals-output.ts';

export interface SignalsOptions {
  pupils: string;
  register: string;
  calendar?: string;
  calendarPreset?: string;
  asOf: string;
  rules: string;
  format: string;
  /** Print the time of each phase to standard error (one JSON line). */
  timings?: boolean;
}

const CALENDAR_ID = 'calendar';
const FORMATS: readonly OutputFormat[] = ['json', 'ndjson', 'table'];

function presetCalendar(name: string): CalendarHalfDay[] | null {
  // A full preset id (one school year, plus the previous year of the same level when we ship it) or a level
  // name such as `vlaanderen-secundair` (every school year we ship).
  const exact = findCalendarPreset(name);
  const presets = exact
    ? CALENDAR_PRESETS.filter(
        (p) =>
          p.level === exact.level &&
          (p.schoolYear === exact.schoolYear ||
            Number(p.schoolYear.slice(0, 4)) === Number(exact.schoolYear.slice(0, 4)) - 1),
      )
    : CALENDAR_PRESETS.filter((p) => `vlaanderen-${p.level}` === name);
  return presets.length > 0 ? presets.flatMap(expandPreset) : null;
}

export interface SignalsRun {
  /** Problems (each one line for standard error); the output was not started when there are any. */
  stderr: string[];
  exitCode: number;
  /** Seconds per phase. */
  timings: Record<string, number>;
  /** CPU seconds (user + system, every thread) per phase: unlike the wall times, hardly affected by other load. */
  cpu: Record<string, number>;
}

/**
 * Validates and evaluates, then streams the output into `sink`. Nothing is written to the sink unless every
 * file is valid (exit 2 with every problem otherwise).
 */
export async function streamSignals(options: SignalsOptions, sink: ByteSink): Promise<SignalsRun> {
  const timings: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  let mark = performance.now();
  let cpuMark = process.cpuUsage();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark) / 1000;
    mark = now;
    const used = process.cpuUsage(cpuMark);
    cpu[name] = Math.round((used.user + used.system) / 1000) / 1000;
    cpuMark = process.cpuUsage();
  };
  const problems: Problem[] = [];
  const usage = (reason: string) => problems.push({ file: '-', row: null, column: null, reason });
  if (!isValidIsoDate(options.asOf ?? '')) usage(`--as-of must be a date YYYY-MM-DD, got "${options.asOf}"`);
  const catalog = findCatalog(options.rules);
  if (!catalog) usage(`unknown rules profile "${options.rules}" (use vlaanderen or england)`);
  const format = FORMATS.find((f) => f === options.format);
  if (!format) usage(`--format must be json, ndjson or table`);
  if (!options.calendar === !options.calendarPreset) usage('give exactly one of --calendar and --calendar-preset');

  let calendar: CalendarHalfDay[] = [];
  if (options.calendarPreset) {
    const preset = presetCalendar(options.calendarPreset);
    if (preset) calendar = preset;
    else {
      const names = [...new Set(CALENDAR_PRESETS.flatMap((p) => [p.id, `vlaanderen-${p.level}`]))].sort();
      usage(`unknown calendar preset "${options.calendarPreset}" (one of: ${names.join(', ')})`);
    }
  } else if (options.calendar) {
    calendar = await readCalendar(options.calendar, problems);
  }
  const year = isValidIsoDate(options.asOf ?? '') ? schoolYearOf(options.asOf) : null;
  phase('calendar');
  const pupils = await readPupils(options.pupils, problems, year);
  phase('readPupils');
  const register = await readRegister(options.register, problems, pupils, calendar, year);
  phase('readRegister');

  const fail = (stderr: string[]): SignalsRun => ({ stderr, exitCode: 2, timings, cpu });
  if (problems.length > 0 || !catalog || !format) return fail(problems.map(formatProblem));
  let table: SignalTable;
  try {
    const input = createEngineInput({
      pupilIds: pupils.ids,
      calendars: [compileCalendar(CALENDAR_ID, calendar)],
      pupilCalendar: new Int32Array(pupils.ids.length),
      enrolledFrom: pupils.enrolledFrom,
      enrolledUntil: pupils.enrolledUntil,
      excludedOn: pupils.excludedOn,
      birthYear: pupils.birthYear,
      level: pupils.level,
      carriedOverB: pupils.carriedOverB,
      register: { pupil: register.pupil, slot: register.slot, code: register.code },
    });
    phase('buildInput');
    table = evaluateTable(input, catalog, options.asOf);
    phase('evaluate');
  } catch (error) {
    if (!(error instanceof EngineInputError)) throw error;
    return fail(error.problems.map((p) => `input: ${p.where}: ${p.message}`));
  }
  await writeSignals(table, { asOf: options.asOf, rules: options.rules }, format, sink);
  phase('write');
  return { stderr: [], exitCode: 0, timings, cpu };
}

/** The whole output as one string (tests, small inputs). */
export async function runSignals(
  options: SignalsOptions,
): Promise<{ stdout: string; stderr: string[]; exitCode: number }> {
  const chunks: Buffer[] = [];
  const result = await streamSignals(options, {
    write: async (chunk) => {
      chunks.push(Buffer.from(chunk));
    },
  });
  return { stdout: Buffer.concat(chunks).toString('utf8'), stderr: result.stderr, exitCode: result.exitCode };
}

function formatProblem(p: Problem): string {
  return `${p.file}: row ${p.row ?? '-'}, column ${p.column ?? '-'}: ${p.reason}`;
}

/** Standard output: a chunk is done once the stream has written it (which also paces a slow pipe). */
const stdoutSink: ByteSink = {
  write: (chunk) =>
    new Promise<void>((resolve, reject) => process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()))),
};

export async function signalsCommand(options: SignalsOptions): Promise<void> {
  const started = performance.now();
  const result = await streamSignals(options, stdoutSink);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  if (options.timings) {
    const total = Math.round(performance.now() - started) / 1000;
    const usage = process.resourceUsage();
    const peakRssMb = Math.round(usage.maxRSS / 1024);
    // Since the process started (start-up included).
    const cpuTotal = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) / 1000;
    // Whether this ran from the ahead-of-time build (dist/cli/, see signals-main.ts) or from the sources (tsx).
    const ran = import.meta.url.endsWith('.ts') ? 'sources' : 'build';
    const line = { timings: { ...result.timings, total }, cpu: { ...result.cpu, total: cpuTotal }, peakRssMb, ran };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  }
  process.exitCode = result.exitCode;
}
