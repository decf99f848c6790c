// Test helper: finds counts between 1 and 4 (and shares or statistics that give them away) in a dashboard and its CSV.
import { type Dashboard, SERIES_DIMENSIONS } from '../domain/monitor/dashboard.ts';
import { MIN_SHOWN_COUNT } from '../domain/monitor/definitions.ts';
import type { ShownCount } from '../domain/monitor/suppression.ts';

/** Every count of a dashboard, with where it sits (shares, medians and keys are not counts). */
export function countsOf(dashboard: Dashboard<ShownCount>): { path: string; value: ShownCount }[] {
  const counts: { path: string; value: ShownCount }[] = [
    { path: 'enrolled.current', value: dashboard.enrolled.current },
    { path: 'enrolled.previous', value: dashboard.enrolled.previous },
    { path: 'clbDelay.signalled', value: dashboard.clbDelay.signalled },
    { path: 'clbDelay.notYetSignalled', value: dashboard.clbDelay.notYetSignalled },
    { path: 'agreements.open', value: dashboard.agreements.open },
    { path: 'agreements.overdue', value: dashboard.agreements.overdue },
  ];
  for (const d of SERIES_DIMENSIONS)
    for (const row of dashboard.series[d])
      for (const when of ['current', 'previous'] as const)
        for (const [code, value] of Object.entries(row[when]))
          counts.push({ path: `${d}.${row.key}.${when}.${code}`, value });
  for (const row of dashboard.thresholds)
    counts.push({ path: `threshold.${row.halfDays}.${row.code}`, value: row.pupils });
  for (const row of dashboard.signals) {
    counts.push({ path: `signal.${row.ruleId}.holding`, value: row.holding });
    counts.push({ path: `signal.${row.ruleId}.open`, value: row.open });
  }
  return counts;
}

/** The problems of a suppressed dashboard and its CSV: counts of 1 … 4, or shares and statistics that leak them. */
export function suppressionLeaks(dashboard: Dashboard<ShownCount>, csv: string): string[] {
  const small = (value: number) => value >= 1 && value < MIN_SHOWN_COUNT;
  const leaks = countsOf(dashboard)
    .filter((c) => c.value !== null && small(c.value))
    .map((c) => `${c.path} = ${c.value}`);
  for (const row of dashboard.thresholds)
    if (row.share !== null && (row.pupils === null || dashboard.enrolled.current === null))
      leaks.push(`share of a suppressed count: threshold.${row.halfDays}.${row.code}`);
  const delay = dashboard.clbDelay;
  if (delay.signalled === null && (delay.medianDays !== null || delay.averageDays !== null)) leaks.push('delay median');
  if (delay.notYetSignalled === null && delay.medianDaysOpen !== null) leaks.push('open median');
  const lines = csv.trim().split('\r\n').slice(1);
  for (const line of lines) {
    const count = line.split(',')[4] ?? '';
    if (count !== `<${MIN_SHOWN_COUNT}` && small(Number(count))) leaks.push(`csv: ${line}`);
  }
  return leaks;
}
