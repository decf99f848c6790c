// Use case: the report for a region and the Children's Rights Commissioner (issue 15), for the web page, its
// exports and `aanwezig monitor report`. It reads precomputed aggregates and small live tables only, and every
// figure passes the report's suppression (src/domain/monitor/region-report.ts).
import type { Sql } from '../../db/database.ts';
import { organisationWithSchools, refreshedAt } from '../../db/monitor.repository.ts';
import { partialSchoolingPerSchool } from '../../db/partial-schooling.repository.ts';
import { allSchools } from '../../db/thuiszitter.repository.ts';
import { isValidIsoDate } from '../../domain/half-day.ts';
import {
  partialSchoolingSection,
  REPORT_MIN_SHOWN_COUNT,
  type RegionReport,
  regionReportCsv,
} from '../../domain/monitor/region-report.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { forbidden, invalidInput, notFound } from '../errors.ts';
import { requireAccess } from '../policy/policy.ts';
import { regionReportPdf } from './region-report-pdf.ts';
import { reportSectionsOfThuiszitters } from './thuiszitter-figures.ts';

/**
 * The report of a region (an analist of that region; the CLI as the system), of a CLB (its staff) or, without
 * either, of every school (the CLI only), as of a date: the school year of that date up to that date.
 */
export async function regionReport(
  db: Sql,
  actor: Actor,
  options: { regionId: number | null; asOf: string; clbId?: number },
): Promise<RegionReport> {
  if (!isValidIsoDate(options.asOf))
    throw invalidInput({ nl: 'Peildatum als JJJJ-MM-DD.', en: 'Reference date as YYYY-MM-DD.' });
  let scope: RegionReport['scope'];
  let schoolIds: number[];
  if (options.clbId !== undefined) {
    // A CLB's report across the schools it serves, for its own staff (suppressed like the region's).
    requireAccess(actor, 'monitor.clb', { organisationId: options.clbId });
    const clb = await organisationWithSchools(db, 'clb', options.clbId);
    if (!clb) throw notFound({ nl: 'CLB', en: 'CLB' });
    schoolIds = clb.schoolIds;
    scope = { kind: 'clb', id: clb.id, name: clb.name, schoolCount: schoolIds.length };
  } else if (options.regionId === null) {
    if (actor.kind !== 'system') throw forbidden();
    schoolIds = await allSchools(db);
    scope = { kind: 'all', id: null, name: 'Alle scholen', schoolCount: schoolIds.length };
  } else {
    requireAccess(actor, 'monitor.region', { organisationId: options.regionId });
    const region = await organisationWithSchools(db, 'region', options.regionId);
    if (!region) throw notFound({ nl: 'Regio', en: 'Region' });
    schoolIds = region.schoolIds;
    scope = { kind: 'region', id: region.id, name: region.name, schoolCount: schoolIds.length };
  }
  const year = schoolYearOf(options.asOf);
  const { asOf } = options;
  const perSchool = await partialSchoolingPerSchool(db, schoolIds, year.firstDay, asOf);
  const report: RegionReport = {
    format: 'aanwezig-region-report/1',
    scope,
    asOf,
    schoolYear: year.id,
    refreshedAt: await refreshedAt(db, schoolIds),
    minShownCount: REPORT_MIN_SHOWN_COUNT,
    sections: [
      partialSchoolingSection({ schoolCount: schoolIds.length, perSchool }),
      ...(await reportSectionsOfThuiszitters(db, schoolIds, year.id, asOf)),
    ],
  };
  await recordAudit(db, actor, {
    action: 'monitor.report',
    organisationId: options.clbId ?? options.regionId,
    detail: { asOf, schoolYear: year.id },
  });
  return report;
}

/** The report as a file: JSON (the contract), CSV or PDF (`aanwezig monitor report`). */
export async function monitorReportFile(
  db: Sql,
  actor: Actor,
  options: { regionId: number | null; asOf: string; clbId?: number },
  format: 'json' | 'csv' | 'pdf',
): Promise<{ content: string | Buffer }> {
  return reportFile(await regionReport(db, actor, options), format);
}

/** A report (a region's, a CLB's or a LOP's) as JSON, CSV (with a BOM for Excel) or PDF. */
export async function reportFile(
  report: RegionReport,
  format: 'json' | 'csv' | 'pdf',
): Promise<{ content: string | Buffer }> {
  if (format === 'pdf') return { content: await regionReportPdf(report) };
  if (format === 'csv') return { content: `\uFEFF${regionReportCsv(report)}` };
  return { content: `${JSON.stringify(report, null, 2)}\n` };
}
