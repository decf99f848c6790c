// `aanwezig signals`: evaluate the rule catalog on files, without a database (contract: formats.md).

import { cell, mapColumns } from '../app/import/columns.ts';
import { gradesOfLevel } from '../app/import/pupils-import.ts';
import { openTabularFile, type TabularFile } from '../app/import/tabular-file.ts';
import { findAbsenceCode } from '../domain/absence-codes.ts';
import { type CalendarHalfDay, expandPreset } from '../domain/calendar.ts';
import { CALENDAR_PRESETS, findCalendarPreset } from '../domain/calendar-presets.ts';
import { type IsoDate, isValidIsoDate, parseCivilDate, parseHalf } from '../domain/half-day.ts';
import {
  buildEngineInput,
  EngineInputError,
  evaluate,
  findCatalog,
  type PupilRecord,
  type RegisterRecord,
} from '../domain/rules/index.ts';
import { schoolYearOf } from '../domain/school-year.ts';

export interface SignalsOptions {
  pupils: string;
  register: string;
  calendar?: string;
  calendarPreset?: string;
  asOf: string;
  rules: string;
  format: string;
}

interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  reason: string;
}

const CALENDAR_ID = 'calendar';

async function open(file: string, problems: Problem[]): Promise<TabularFile | null> {
  try {
    return await openTabularFile(file);
  } catch (error) {
    problems.push({ file, row: null, column: null, reason: `cannot read the file: ${(error as Error).message}` });
    return null;
  }
}

/** Reads every row, reporting problems instead of stopping at the first. */
async function readRows(
  file: string,
  problems: Problem[],
  spec: { required: readonly string[]; optional: readonly string[] },
  onRow: (row: number, value: (column: string) => string, fail: (column: string, reason: string) => void) => void,
): Promise<void> {
  const table = await open(file, problems);
  if (!table) return;
  const { index, problems: headerProblems } = mapColumns(table.header, spec);
  for (const p of headerProblems) problems.push({ file, row: p.row, column: p.column, reason: p.messages.en });
  if (headerProblems.length > 0) return;
  try {
    for await (const batch of table.rows) {
      for (const { row, values } of batch) {
        onRow(
          row,
          (column) => cell(values, (index as Record<string, number>)[column] ?? -1),
          (column, reason) => problems.push({ file, row, column, reason }),
        );
      }
    }
  } catch (error) {
    problems.push({ file, row: null, column: null, reason: (error as Error).message });
  }
}

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

export async function runSignals(
  options: SignalsOptions,
): Promise<{ stdout: string; stderr: string[]; exitCode: number }> {
  const problems: Problem[] = [];
  const usage = (reason: string) => problems.push({ file: '-', row: null, column: null, reason });
  if (!isValidIsoDate(options.asOf ?? '')) usage(`--as-of must be a date YYYY-MM-DD, got "${options.asOf}"`);
  const catalog = findCatalog(options.rules);
  if (!catalog) usage(`unknown rules profile "${options.rules}" (use vlaanderen or england)`);
  if (options.format !== 'json' && options.format !== 'table') usage(`--format must be json or table`);
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
    const file = options.calendar;
    await readRows(file, problems, { required: ['date', 'half', 'school_day'], optional: [] }, (_row, value, fail) => {
      const date = parseCivilDate(value('date'));
      const half = parseHalf(value('half'));
      const schoolDay = value('school_day');
      if (!date) fail('date', `"${value('date')}" is not a date`);
      if (!half) fail('half', `"${value('half')}" is not AM/PM`);
      if (schoolDay !== '0' && schoolDay !== '1') fail('school_day', `"${schoolDay}" must be 0 or 1`);
      if (date && half && (schoolDay === '0' || schoolDay === '1'))
        calendar.push({ date, half, schoolDay: schoolDay === '1' });
    });
  }
  const schoolHalfDays = new Set(calendar.filter((c) => c.schoolDay).map((c) => `${c.date}|${c.half}`));
  const year = isValidIsoDate(options.asOf ?? '') ? schoolYearOf(options.asOf) : null;

  const pupils: PupilRecord[] = [];
  const pupilById = new Map<string, PupilRecord>();
  await readRows(
    options.pupils,
    problems,
    {
      required: ['pupil_id', 'first_name', 'last_name', 'birth_date', 'level'],
      optional: ['school_id', 'grade', 'class', 'enrolled_from', 'enrolled_until', 'excluded_on'],
    },
    (_row, value, fail) => {
      const pupilId = value('pupil_id');
      for (const column of ['pupil_id', 'first_name', 'last_name', 'birth_date', 'level']) {
        if (!value(column)) fail(column, `"${column}" is required`);
      }
      if (pupilId && pupilById.has(pupilId)) fail('pupil_id', `pupil "${pupilId}" occurs more than once`);
      const level = value('level').toLowerCase();
      if (level && gradesOfLevel(level) === undefined) fail('level', `"${level}" is not kleuter, lager or secundair`);
      const dates: Record<string, IsoDate | null> = {};
      for (const column of ['birth_date', 'enrolled_from', 'enrolled_until', 'excluded_on']) {
        const text = value(column);
        dates[column] = text ? parseCivilDate(text) : null;
        if (text && !dates[column]) fail(column, `"${text}" is not a date`);
      }
      const from = dates.enrolled_from ?? year?.firstDay ?? null;
      if (from && dates.enrolled_until && dates.enrolled_until < from)
        fail('enrolled_until', 'enrolment ends before it starts');
      if (!pupilId || pupilById.has(pupilId)) return;
      const record: PupilRecord = {
        pupilId,
        calendarId: CALENDAR_ID,
        birthDate: dates.birth_date,
        level: gradesOfLevel(level) !== undefined ? (level as PupilRecord['level']) : null,
        enrolledFrom: from,
        enrolledUntil: dates.enrolled_until,
        excludedOn: dates.excluded_on,
      };
      pupils.push(record);
      pupilById.set(pupilId, record);
    },
  );

  const register: RegisterRecord[] = [];
  const seen = new Map<string, { row: number; code: string }>();
  await readRows(
    options.register,
    problems,
    { required: ['pupil_id', 'date', 'half', 'code'], optional: ['note'] },
    (row, value, fail) => {
      const pupilId = value('pupil_id');
      const date = parseCivilDate(value('date'));
      const half = parseHalf(value('half'));
      const code = findAbsenceCode(value('code'));
      const pupil = pupilById.get(pupilId);
      if (!pupilId) fail('pupil_id', '"pupil_id" is required');
      else if (!pupil) fail('pupil_id', `pupil "${pupilId}" is not in the pupils file`);
      if (!date) fail('date', `"${value('date')}" is not a date`);
      if (!half) fail('half', `"${value('half')}" is not AM/PM`);
      if (!code) fail('code', `"${value('code')}" is not a known absence code`);
      if (!date || !half || !code || !pupil) return;
      if (!schoolHalfDays.has(`${date}|${half}`)) {
        fail('date', `${date} ${half} is not a school half-day in the calendar`);
        return;
      }
      // Rows of earlier school years feed the previous-year rules; within the current year the enrolment applies.
      const inCurrentYear = year !== null && date >= year.firstDay;
      if (
        (pupil.enrolledUntil && date > pupil.enrolledUntil) ||
        (inCurrentYear && pupil.enrolledFrom && date < pupil.enrolledFrom)
      ) {
        fail('date', `pupil "${pupilId}" is not enrolled on ${date}`);
        return;
      }
      const key = `${pupilId}|${date}|${half}`;
      const earlier = seen.get(key);
      if (earlier) {
        if (earlier.code !== code.code) fail('code', `same pupil and half-day as row ${earlier.row} with another code`);
        return;
      }
      seen.set(key, { row, code: code.code });
      register.push({ pupilId, date, half, code: code.code });
    },
  );

  if (problems.length > 0 || !catalog) {
    return { stdout: '', stderr: problems.map(formatProblem), exitCode: 2 };
  }
  let signals: ReturnType<typeof evaluate>;
  try {
    signals = evaluate(
      buildEngineInput({ pupils, register, calendars: [{ id: CALENDAR_ID, halfDays: calendar }] }),
      catalog,
      options.asOf,
    );
  } catch (error) {
    if (!(error instanceof EngineInputError)) throw error;
    return { stdout: '', stderr: error.problems.map((p) => `input: ${p.where}: ${p.message}`), exitCode: 2 };
  }
  if (options.format === 'table') {
    const lines = signals.map((s) => [s.pupilId, s.ruleId, s.triggeredOn, s.explanation.en].join('\t'));
    return { stdout: `${['pupil\trule\ttriggered on\texplanation', ...lines].join('\n')}\n`, stderr: [], exitCode: 0 };
  }
  const document = {
    asOf: options.asOf,
    rules: options.rules,
    signals: signals.map(({ pupilId, ruleId, triggeredOn, evidence }) => ({ pupilId, ruleId, triggeredOn, evidence })),
  };
  return { stdout: `${JSON.stringify(document, null, 2)}\n`, stderr: [], exitCode: 0 };
}

function formatProblem(p: Problem): string {
  return `${p.file}: row ${p.row ?? '-'}, column ${p.column ?? '-'}: ${p.reason}`;
}

export async function signalsCommand(options: SignalsOptions): Promise<void> {
  const result = await runSignals(options);
  if (result.stdout) process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  process.exitCode = result.exitCode;
}
