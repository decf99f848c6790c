// Imports a school calendar file (formats.md calendar.csv): school half-days per date, overriding the preset.

import {
  CALENDAR_STAGING_COLUMNS,
  createCalendarStaging,
  mergeStagedCalendarRows,
  stagedCalendarOrphans,
} from '../../db/calendar-import.repository.ts';
import type { Sql } from '../../db/database.ts';
import { bumpCalendarVersion } from '../../db/school.repository.ts';
import { parseCivilDate, parseHalf } from '../../domain/half-day.ts';
import { type CALENDAR_COLUMNS, type ColumnField, cell, type FileColumns } from './columns.ts';
import { ImportRejected, ProblemList, problem } from './import-problem.ts';
import type { StageOutcome } from './register-import.ts';
import type { TabularFile } from './tabular-file.ts';

export async function stageCalendarFile(
  tx: Sql,
  schoolId: number,
  file: TabularFile,
  columns: FileColumns<ColumnField<typeof CALENDAR_COLUMNS>>,
): Promise<StageOutcome> {
  const { index, warnings } = columns;
  const problems = new ProblemList();
  const seen = new Map<string, { row: number; schoolDay: boolean }>();
  let rows = 0;

  async function* lines(): AsyncIterable<string> {
    for await (const batch of file.rows) {
      let chunk = '';
      for (const { row, values } of batch) {
        rows++;
        if (problems.full) continue;
        const dateText = cell(values, index.date);
        const halfText = cell(values, index.half);
        const dayText = cell(values, index.school_day);
        const date = parseCivilDate(dateText);
        const half = parseHalf(halfText);
        if (!dateText) problems.add(problem(row, 'date', 'required'));
        else if (!date) problems.add(problem(row, 'date', 'invalid-date', { value: dateText }));
        if (!halfText) problems.add(problem(row, 'half', 'required'));
        else if (!half) problems.add(problem(row, 'half', 'invalid-half', { value: halfText }));
        if (dayText !== '0' && dayText !== '1') {
          problems.add(problem(row, 'school_day', 'invalid-school-day', { value: dayText }));
          continue;
        }
        if (!date || !half) continue;
        const schoolDay = dayText === '1';
        const key = `${date}|${half}`;
        const earlier = seen.get(key);
        if (earlier && earlier.schoolDay !== schoolDay) {
          problems.add(problem(row, 'school_day', 'conflicting-duplicate', { other: earlier.row }));
          continue;
        }
        seen.set(key, { row, schoolDay });
        chunk += `${row}\t${date}\t${half}\t${schoolDay ? 't' : 'f'}\n`;
      }
      if (chunk) yield chunk;
    }
  }

  await createCalendarStaging(tx);
  await tx.copyIn('import_calendar', CALENDAR_STAGING_COLUMNS, lines());
  if (!problems.full) {
    // Turning a half-day into a free one would orphan register rows already recorded on it.
    const orphans = await stagedCalendarOrphans(tx, schoolId);
    for (const o of orphans)
      problems.add(problem(o.row, 'school_day', 'register-on-free-half-day', { count: o.count }));
  }
  if (problems.length > 0) {
    problems.items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new ImportRejected(problems.items);
  }
  return { rows, warnings };
}

export async function mergeStagedCalendar(
  tx: Sql,
  schoolId: number,
  source: string,
): Promise<{ inserted: number; updated: number }> {
  const result = await mergeStagedCalendarRows(tx, schoolId, source);
  if (result.inserted + result.updated > 0) await bumpCalendarVersion(tx, schoolId);
  return result;
}
