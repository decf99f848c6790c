// Use case: the LOP's view of exclusions (issue 15, docs/decisions/0037) for the web page, its exports and
// `aanwezig monitor report --lop ID`. Aggregates only, in the region report's contract (scope kind `lop`): the
// definitive exclusions of the LOP's schools of its level, the pupils still without a school, and per school.
// Every figure passes the report's suppression; reading it is audited.
import type { Sql } from '../../db/database.ts';
import { lopExclusions, lopWithSchools, takenInAfterExclusionElsewhere } from '../../db/lop.repository.ts';
import { isValidIsoDate } from '../../domain/half-day.ts';
import { LOP_ENROLMENT_LEVELS, lopSchoolsSection, withoutSchoolSection } from '../../domain/monitor/lop-report.ts';
import { REPORT_MIN_SHOWN_COUNT, type RegionReport } from '../../domain/monitor/region-report.ts';
import { exclusionSection } from '../../domain/monitor/thuiszitter-report.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { invalidInput, notFound } from '../errors.ts';
import { requireAccess } from '../policy/policy.ts';
import { reportFile } from './region-report.service.ts';

/** The exclusions report of a LOP (its staff; the CLI as the system) as of a date: its school year up to it. */
export async function lopReport(
  db: Sql,
  actor: Actor,
  options: { lopId: number; asOf: string },
): Promise<RegionReport> {
  if (!isValidIsoDate(options.asOf))
    throw invalidInput({ nl: 'Peildatum als JJJJ-MM-DD.', en: 'Reference date as YYYY-MM-DD.' });
  requireAccess(actor, 'monitor.lop', { organisationId: options.lopId });
  const lop = await lopWithSchools(db, options.lopId);
  if (!lop) throw notFound({ nl: 'LOP', en: 'LOP' });
  const { asOf } = options;
  const year = schoolYearOf(asOf);
  const schoolIds = lop.schools.map((s) => s.schoolId);
  const levels = LOP_ENROLMENT_LEVELS[lop.level];
  const rows = await lopExclusions(db, { schoolIds, levels, schoolYear: year.id, asOf });
  const takenIn = await takenInAfterExclusionElsewhere(db, { schoolIds, schoolYear: year.id, asOf });
  const report: RegionReport = {
    format: 'aanwezig-region-report/1',
    scope: { kind: 'lop', id: lop.id, name: lop.name, schoolCount: schoolIds.length, level: lop.level },
    asOf,
    schoolYear: year.id,
    // Read live from the enrolments (no precomputed aggregate): nothing to have been refreshed.
    refreshedAt: null,
    minShownCount: REPORT_MIN_SHOWN_COUNT,
    sections: [
      exclusionSection(rows, asOf, levels),
      withoutSchoolSection(rows, asOf),
      lopSchoolsSection(
        lop.level,
        lop.schools.map((s) => ({ ...s, takenIn: takenIn.get(s.schoolId) ?? 0 })),
        rows,
        asOf,
      ),
    ],
  };
  await recordAudit(db, actor, {
    action: 'monitor.lop-report',
    organisationId: lop.id,
    detail: { asOf, schoolYear: year.id },
  });
  return report;
}

/** The report as a file: JSON (the contract), CSV or PDF, with the same suppressed figures. */
export async function lopReportFile(
  db: Sql,
  actor: Actor,
  options: { lopId: number; asOf: string },
  format: 'json' | 'csv' | 'pdf',
): Promise<{ content: string | Buffer }> {
  return reportFile(await lopReport(db, actor, options), format);
}
