// Imports a pupils file (formats.md pupils.csv): pupils plus their enrolment in one school year.

import { copyField } from '../../db/copy-text.ts';
import type { Sql } from '../../db/database.ts';
import { createPupilStaging, PUPIL_STAGING_COLUMNS } from '../../db/pupil.repository.ts';
import { parseCivilDate } from '../../domain/half-day.ts';
import { IMPORT_TEXT_LIMITS, isPupilNumber, overLimit } from '../../domain/input-limits.ts';
import { validInsz } from '../../domain/insz.ts';
import { ownValue } from '../../domain/own-value.ts';
import type { SchoolYear } from '../../domain/school-year.ts';
import { pupilIdentityHash } from '../pupil-identity.ts';
import { type ColumnField, cell, type FileColumns, PUPIL_COLUMNS, splitFullName } from './columns.ts';
import { ImportRejected, ProblemList, problem } from './import-problem.ts';
import type { StageOutcome } from './register-import.ts';
import type { TabularFile } from './tabular-file.ts';

const COLUMNS = PUPIL_COLUMNS;
type PupilField = ColumnField<typeof PUPIL_COLUMNS>;

/** Grades per level (formats.md: kleuter 1–3, lager 1–6, secundair 1–7). */
export const GRADES_PER_LEVEL: Record<string, number> = { kleuter: 3, lager: 6, secundair: 7 };

/** The number of grades of a level named in a file; undefined for anything else, `constructor` included. */
export const gradesOfLevel = (level: string): number | undefined => ownValue(GRADES_PER_LEVEL, level);

export async function stagePupilsFile(
  tx: Sql,
  school: { id: number; institutionNumber: string | null },
  schoolYear: SchoolYear,
  file: TabularFile,
  columns: FileColumns<PupilField> & { defaultLevel?: string },
): Promise<StageOutcome> {
  const { index, warnings } = columns;
  const problems = new ProblemList();
  const firstRowOf = new Map<string, number>();
  // Identity hash → first row: the same child twice in one school's file is a mistake. Keys are hashes, never the
  // number itself.
  const firstRowOfIdentity = new Map<string, number>();
  let rows = 0;

  function date(row: number, values: string[], column: (typeof COLUMNS.optional)[number] | 'birth_date') {
    const text = cell(values, index[column]);
    if (!text) return null;
    const parsed = parseCivilDate(text);
    if (!parsed) problems.add(problem(row, column, 'invalid-date', { value: text }));
    return parsed ?? undefined;
  }

  async function* lines(): AsyncIterable<string> {
    for await (const batch of file.rows) {
      let chunk = '';
      for (const { row, values } of batch) {
        rows++;
        if (problems.full) continue;
        const before = problems.length;
        const required: Record<string, string> = {};
        for (const column of COLUMNS.required) required[column] = cell(values, index[column]);
        if (!required.level && columns.defaultLevel && index.level < 0) required.level = columns.defaultLevel;
        // A single name column ("Achternaam, Voornaam") stands in for the two name columns.
        const usesFullName = index.full_name >= 0;
        if (usesFullName) {
          const fullName = cell(values, index.full_name);
          const split = splitFullName(fullName);
          if (!fullName) problems.add(problem(row, 'full_name', 'required'));
          else if (!split) problems.add(problem(row, 'full_name', 'invalid-full-name', { value: fullName }));
          else {
            required.last_name = split.lastName;
            required.first_name = split.firstName;
          }
        }
        for (const column of COLUMNS.required) {
          if (usesFullName && (column === 'first_name' || column === 'last_name')) continue;
          if (!required[column]) problems.add(problem(row, column, 'required'));
        }
        for (const column of ['first_name', 'last_name', 'class', 'school_id'] as const) {
          const tooLong = overLimit(column, required[column] ?? cell(values, index[column]));
          if (tooLong) problems.add(problem(row, column, 'too-long', tooLong));
        }
        const pupilId = required.pupil_id ?? '';
        const earlier = firstRowOf.get(pupilId);
        if (pupilId && !isPupilNumber(pupilId)) {
          problems.add(
            problem(row, 'pupil_id', 'invalid-pupil-id', { value: pupilId, max: IMPORT_TEXT_LIMITS.pupil_id }),
          );
        } else if (pupilId && earlier !== undefined) {
          problems.add(problem(row, 'pupil_id', 'duplicate-row', { value: pupilId, other: earlier }));
        } else if (pupilId) firstRowOf.set(pupilId, row);
        const schoolText = cell(values, index.school_id);
        if (schoolText && school.institutionNumber && schoolText !== school.institutionNumber) {
          problems.add(problem(row, 'school_id', 'wrong-school', { value: schoolText }));
        }
        const birthDate = required.birth_date ? date(row, values, 'birth_date') : null;
        const level = (required.level ?? '').toLowerCase();
        const grades = gradesOfLevel(level);
        if (level && grades === undefined) problems.add(problem(row, 'level', 'invalid-level', { value: level }));
        const gradeText = cell(values, index.grade);
        const grade = gradeText ? Number(gradeText) : null;
        if (
          gradeText &&
          grades !== undefined &&
          !(Number.isInteger(grade) && (grade as number) >= 1 && (grade as number) <= grades)
        ) {
          problems.add(problem(row, 'grade', 'invalid-grade', { value: gradeText, level }));
        }
        const from = date(row, values, 'enrolled_from') ?? schoolYear.firstDay;
        const until = date(row, values, 'enrolled_until');
        const excluded = date(row, values, 'excluded_on');
        for (const [column, value] of [
          ['enrolled_from', from],
          ['enrolled_until', until],
        ] as const) {
          if (value && (value < schoolYear.firstDay || value > schoolYear.lastDay)) {
            problems.add(problem(row, column, 'outside-school-year', { value, schoolYear: schoolYear.id }));
          }
        }
        if (from && until && until < from) problems.add(problem(row, 'enrolled_until', 'invalid-enrolment-period'));
        // The INSZ becomes its keyed hash here; the digits go no further than this row's local variables.
        const inszText = cell(values, index.insz);
        let identityHash: string | null = null;
        if (inszText) {
          const digits = validInsz(inszText);
          if (digits === null) problems.add(problem(row, 'insz', 'invalid-insz'));
          else {
            identityHash = pupilIdentityHash(digits);
            const other = firstRowOfIdentity.get(identityHash);
            if (other !== undefined) problems.add(problem(row, 'insz', 'duplicate-insz', { other }));
            else firstRowOfIdentity.set(identityHash, row);
          }
        }
        const carriedOver = (column: 'carried_over_b' | 'carried_over_z' | 'carried_over_p') => {
          const text = cell(values, index[column]);
          if (!text) return null;
          const n = Number(text);
          if (!/^\d{1,4}$/.test(text) || !Number.isInteger(n)) {
            problems.add(problem(row, column, 'invalid-count', { value: text }));
            return null;
          }
          return n;
        };
        const carriedB = carriedOver('carried_over_b');
        const carriedZ = carriedOver('carried_over_z');
        const carriedP = carriedOver('carried_over_p');
        if (problems.length > before || !birthDate) continue;
        const fields = [
          row,
          pupilId,
          required.first_name,
          required.last_name,
          birthDate,
          level,
          grade,
          cell(values, index.class) || null,
          from,
          until ?? null,
          excluded ?? null,
          schoolYear.id,
          identityHash,
          carriedB,
          carriedZ,
          carriedP,
        ];
        chunk += `${fields.map((f) => copyField(f)).join('\t')}\n`;
      }
      if (chunk) yield chunk;
    }
  }

  await createPupilStaging(tx);
  await tx.copyIn('import_pupils', PUPIL_STAGING_COLUMNS, lines());
  if (problems.length > 0) {
    problems.items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new ImportRejected(problems.items);
  }
  return { rows, warnings };
}
