// The thuiszitter sections of the region report (issue 15): time at home, suspensions and exclusions, the
// official figures. Each reads precomputed cells (thuiszitter.repository.ts) or a small live table.
import type { Sql } from '../../db/database.ts';
import { exclusionsOf, halfDaysUpTo, readThuiszitterCells, zEazieDelays } from '../../db/thuiszitter.repository.ts';
import type { ReportSection } from '../../domain/monitor/region-report.ts';
import { homeTimeThresholds, officialBThreshold } from '../../domain/monitor/thuiszitter-definitions.ts';
import {
  cellMap,
  exclusionSection,
  homeTimeSection,
  officialSection,
  suspensionSection,
} from '../../domain/monitor/thuiszitter-report.ts';
import { SUSPENSION_RULES } from '../../domain/rules/suspension-rules.ts';

export async function reportSectionsOfThuiszitters(
  db: Sql,
  schoolIds: readonly number[],
  schoolYear: string,
  asOf: string,
): Promise<ReportSection[]> {
  const cells = cellMap(await readThuiszitterCells(db, schoolIds, schoolYear));
  const upTo = await halfDaysUpTo(db, schoolIds, schoolYear, asOf);
  const exclusions = await exclusionsOf(db, schoolIds, schoolYear, asOf);
  const zEazie = await zEazieDelays(db, schoolIds, schoolYear, asOf);
  return [
    homeTimeSection(cells, homeTimeThresholds(), upTo),
    suspensionSection(cells, {
      longHalfDays: SUSPENSION_RULES.PREVENTIVE_SUSPENSION_LONG.params.halfDays,
      repeatedSpells: SUSPENSION_RULES.PREVENTIVE_SUSPENSION_REPEATED.params.spells,
    }),
    exclusionSection(exclusions, asOf),
    officialSection(cells, officialBThreshold(), zEazie),
  ];
}
