// CSV of a dashboard (long format, one count per line): the export of the CLB and region dashboards and of
// the school's own. It takes a dashboard as built (and, outside the school, suppressed) and adds nothing.
import { type CsvValue, csvText } from '../csv.ts';
import type { Dashboard, SeriesDimension } from './dashboard.ts';
import { SERIES_DIMENSIONS } from './dashboard.ts';
import type { ShownCount } from './suppression.ts';

export const CSV_HEADER = ['section', 'key', 'school_year', 'code', 'count', 'share'] as const;

/** A shown count as CSV text: the number, or `<5` when suppressed. */
const countText = (count: ShownCount, minShown: number) => (count === null ? `<${minShown}` : count);

export function dashboardCsv(dashboard: Dashboard<ShownCount>): string {
  const min = dashboard.minShownCount;
  const lines: CsvValue[][] = [[...CSV_HEADER]];
  const add = (
    section: string,
    key: string,
    year: string,
    code: string,
    count: ShownCount,
    share: number | null = null,
  ) =>
    lines.push([
      section,
      key,
      year,
      code,
      countText(count, min),
      share === null ? null : Math.round(share * 10000) / 10000,
    ]);
  add('enrolled', '', dashboard.schoolYear, '*', dashboard.enrolled.current);
  add('enrolled', '', dashboard.previousSchoolYear, '*', dashboard.enrolled.previous);
  for (const dimension of SERIES_DIMENSIONS as readonly SeriesDimension[])
    for (const row of dashboard.series[dimension])
      for (const code of dashboard.codes) {
        add(dimension, row.key, dashboard.schoolYear, code, row.current[code] ?? 0);
        add(dimension, row.key, dashboard.previousSchoolYear, code, row.previous[code] ?? 0);
      }
  for (const row of dashboard.thresholds)
    add(`pupils-at-least-${row.halfDays}`, row.ruleId, dashboard.schoolYear, row.code, row.pupils, row.share);
  for (const row of dashboard.signals) {
    add('signals-holding', row.ruleId, dashboard.schoolYear, '*', row.holding);
    add('signals-open', row.ruleId, dashboard.schoolYear, '*', row.open);
  }
  add('b5-clb-signalled', '', dashboard.schoolYear, 'B', dashboard.clbDelay.signalled);
  add('b5-clb-not-yet-signalled', '', dashboard.schoolYear, 'B', dashboard.clbDelay.notYetSignalled);
  add('agreements-open', '', dashboard.schoolYear, '*', dashboard.agreements.open);
  add('agreements-overdue', '', dashboard.schoolYear, '*', dashboard.agreements.overdue);
  return csvText(lines);
}
