// Imports a register file (formats.md register.csv): validate every row, stage it, merge all-or-nothing.

import { copyField, type Sql } from '../../db/database.ts';
import { loadPupilEnrolments } from '../../db/pupil.repository.ts';
import {
  analyzeStagedRegister,
  createRegisterStaging,
  findConflictingDuplicates,
  indexStagedRegister,
  mergeStagedRegister,
  REGISTER_STAGING_COLUMNS,
  removeRepeatedStagedRows,
} from '../../db/register.repository.ts';
import { loadSchoolHalfDayMasks } from '../../db/school.repository.ts';
import { findAbsenceCode } from '../../domain/absence-codes.ts';
import { dayNumber, parseCivilDate, parseHalf } from '../../domain/half-day.ts';
import { cell, mapColumns } from './columns.ts';
import { ImportRejected, ProblemList, problem } from './import-problem.ts';
import { phaseTimer } from './phase-timer.ts';
import type { TabularFile } from './tabular-file.ts';

const COLUMNS = { required: ['pupil_id', 'date', 'half', 'code'], optional: ['note'] } as const;

export interface StageOutcome {
  rows: number;
  warnings: ReturnType<typeof mapColumns>['warnings'];
}

/** Validates and stages every row inside the transaction; throws ImportRejected with all problems. */
export async function stageRegisterFile(tx: Sql, schoolId: number, file: TabularFile): Promise<StageOutcome> {
  const { index, problems: headerProblems, warnings } = mapColumns(file.header, COLUMNS);
  if (headerProblems.length > 0) throw new ImportRejected(headerProblems);
  const pupils = await loadPupilEnrolments(tx, schoolId);
  const masks = await loadSchoolHalfDayMasks(tx, schoolId);
  const problems = new ProblemList();
  // Dates repeat on every row of a day: parse each distinct text once.
  const dateCache = new Map<string, string | null>();
  const dayCache = new Map<string, number>();
  // Repeated half-days are found here while parsing (one number per pupil and half-day); only a file that
  // repeats one takes the slower path through a unique index on the staged rows.
  const seen = new Set<number>();
  let repeats = false;
  let rows = 0;

  async function* lines(): AsyncIterable<string> {
    for await (const batch of file.rows) {
      let chunk = '';
      for (const { row, values } of batch) {
        rows++;
        if (problems.full) continue;
        const pupilText = cell(values, index.pupil_id);
        const dateText = cell(values, index.date);
        const halfText = cell(values, index.half);
        const codeText = cell(values, index.code);
        let ok = true;
        const pupil = pupilText ? pupils.get(pupilText) : undefined;
        if (!pupilText) ok = fail(row, 'pupil_id', 'required');
        else if (!pupil) ok = fail(row, 'pupil_id', 'unknown-pupil', { value: pupilText });
        let date = dateCache.get(dateText);
        if (date === undefined) {
          date = parseCivilDate(dateText);
          dateCache.set(dateText, date);
        }
        if (!dateText) ok = fail(row, 'date', 'required');
        else if (!date) ok = fail(row, 'date', 'invalid-date', { value: dateText });
        const half = parseHalf(halfText);
        if (!halfText) ok = fail(row, 'half', 'required');
        else if (!half) ok = fail(row, 'half', 'invalid-half', { value: halfText });
        const code = findAbsenceCode(codeText);
        if (!codeText) ok = fail(row, 'code', 'required');
        else if (!code) ok = fail(row, 'code', 'unknown-code', { value: codeText });
        if (date && half) {
          const mask = masks.get(date) ?? 0;
          if ((mask & (half === 'AM' ? 1 : 2)) === 0) ok = fail(row, 'date', 'not-a-school-half-day', { date, half });
          else if (pupil && !pupil.periods.some((p) => date >= p.from && date <= p.until)) {
            ok = fail(row, 'date', 'outside-enrolment', { pupil: pupilText, date });
          }
        }
        if (!ok || !pupil || !date || !half || !code) continue;
        let day = dayCache.get(date);
        if (day === undefined) {
          day = dayNumber(date);
          dayCache.set(date, day);
        }
        const key = (pupil.id * 131_072 + day) * 2 + (half === 'AM' ? 0 : 1);
        if (seen.has(key)) repeats = true;
        else seen.add(key);
        const note = cell(values, index.note);
        chunk += `${row}\t${pupil.id}\t${date}\t${half}\t${code.code}\t${note ? copyField(note) : '\\N'}\n`;
      }
      if (chunk) yield chunk;
    }
  }

  function fail(row: number, column: string, code: Parameters<typeof problem>[2], args = {}): false {
    problems.add(problem(row, column, code, args));
    return false;
  }

  const phase = phaseTimer('register import');
  await createRegisterStaging(tx);
  await tx.copyIn('import_register', REGISTER_STAGING_COLUMNS, lines());
  phase('parse, validate and stage');
  if (!repeats) await analyzeStagedRegister(tx);
  else if (!problems.full && !(await indexStagedRegister(tx))) {
    for (const c of await findConflictingDuplicates(tx, 10_000)) {
      problems.add(problem(c.row, 'code', 'conflicting-duplicate', { other: c.firstRow }));
    }
    if (problems.length === 0) await removeRepeatedStagedRows(tx);
  }
  phase('duplicate check');
  if (problems.length > 0) {
    problems.items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new ImportRejected(problems.items);
  }
  return { rows, warnings };
}

export { mergeStagedRegister };
