// The cells of a school's first register import counted in memory (issue 16, first-import-counts.ts): the school
// changers' enrolments at other schools that its official thuiszitter figures need, and the COPY of the dashboard
// cells (all but the signal counts), the enrolled pupils per school half-day and the thuiszitter cells of the
// school's school years in place of what the SQL of monitor.repository.ts and thuiszitter.repository.ts writes.
import type {
  CellRow,
  ElsewhereEnrolment,
  PossibleDayRow,
  ThuiszitterCellRow,
} from '../domain/monitor/whole-refresh.ts';
import type { Sql } from './database.ts';
import { literalConditions } from './monitor.repository.ts';
import {
  CELL_ROWS,
  copyRowsInto,
  POSSIBLE_DAY_ROWS,
  type RowsToCopy,
  THUISZITTER_CELL_ROWS,
} from './monitor-copy-rows.ts';

/**
 * The enrolments at other schools of pupils with the identity of a pupil enrolled at the school, with their B, Z
 * (with D) and P half-days of that school year (monitor_pupil_code): the ELSEWHERE and LATER_ELSEWHERE of the
 * official figures' SQL (thuiszitter.repository.ts). None without school changers.
 */
export async function enrolmentsElsewhere(tx: Sql, schoolId: number): Promise<ElsewhereEnrolment[]> {
  return tx.query<ElsewhereEnrolment>(
    `SELECT o.identity_hash AS "identityHash", oe.school_year AS "schoolYear", o.id::float8 AS "pupilId",
            oe.enrolled_from - DATE '1970-01-01' AS "from",
            COALESCE(sum(c.half_days) FILTER (WHERE c.code = 'B'), 0)::int AS b,
            COALESCE(sum(c.half_days) FILTER (WHERE c.code IN ('Z', 'D')), 0)::int AS z,
            COALESCE(sum(c.half_days) FILTER (WHERE c.code = 'P'), 0)::int AS p
     FROM pupil o
     JOIN enrolment oe ON oe.pupil_id = o.id AND oe.school_id <> $1
     LEFT JOIN monitor_pupil_code c ON c.pupil_id = o.id AND c.school_year = oe.school_year
     WHERE o.identity_hash IN (SELECT p.identity_hash FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
                               WHERE e.school_id = $1 AND p.identity_hash IS NOT NULL)
     GROUP BY o.identity_hash, oe.school_year, o.id, oe.enrolled_from`,
    [schoolId],
  );
}

/**
 * Replaces a school's dashboard cells of `cellYears` (the signal cells come after: addSignalCells) and its enrolled
 * pupils per half-day and thuiszitter cells of `schoolYears` with the given rows; rows of other schools and years
 * are left out.
 */
export async function writeFirstImportCells(
  tx: Sql,
  scope: { schoolId: number; schoolYears: readonly string[]; cellYears: readonly string[] },
  rows: {
    cells: RowsToCopy<CellRow>;
    possibleDays: RowsToCopy<PossibleDayRow>;
    thuiszitterCells: RowsToCopy<ThuiszitterCellRow>;
  },
): Promise<void> {
  const of = (schoolYears: readonly string[]) =>
    literalConditions(
      { schoolId: scope.schoolId, schoolYears, dates: null, pupilIds: null },
      { school: 'school_id', year: 'school_year' },
    );
  await tx.exec(`DELETE FROM monitor_cell WHERE true${of(scope.cellYears)};
                 DELETE FROM monitor_possible_day WHERE true${of(scope.schoolYears)};
                 DELETE FROM thuiszitter_cell WHERE true${of(scope.schoolYears)}`);
  const within = (years: readonly string[]) => {
    const set = new Set(years);
    return (row: { schoolId: number; schoolYear: string }) =>
      row.schoolId === scope.schoolId && set.has(row.schoolYear);
  };
  await copyRowsInto(tx, CELL_ROWS, rows.cells, within(scope.cellYears));
  await copyRowsInto(tx, POSSIBLE_DAY_ROWS, rows.possibleDays, within(scope.schoolYears));
  await copyRowsInto(tx, THUISZITTER_CELL_ROWS, rows.thuiszitterCells, within(scope.schoolYears));
}
