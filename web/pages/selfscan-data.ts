// Pure helpers of the self-scan pages: goals in document order, chart series per school year, CSV of a chart.
import { type CsvValue, csvText } from '../../src/domain/csv.ts';
import type { InstrumentGoal, InstrumentPhase, SelfscanList } from '../api/selfscan-client.ts';
import type { ChartData } from '../components/selfscan-chart.tsx';

export type Lang = 'nl' | 'en';

export interface GoalRow {
  goal: InstrumentGoal;
  phase: InstrumentPhase;
  /** Short label, e.g. `0.3` for the third scored goal of phase 0. */
  label: string;
  trackTitle?: { nl: string; en: string };
  trackOverviewTitle?: { nl: string; en: string };
}

export function goalRows(phases: readonly InstrumentPhase[]): GoalRow[] {
  return phases.flatMap((phase) => {
    let n = 0;
    return phase.tracks.flatMap((track) =>
      track.goals.map((goal) => {
        n += 1;
        return {
          goal,
          phase,
          label: `${phase.number}.${n}`,
          trackTitle: track.title,
          trackOverviewTitle: track.overviewTitle,
        };
      }),
    );
  });
}

export const goalName = (goal: InstrumentGoal, lang: Lang) =>
  goal.theme ? `${goal.title[lang]} – ${goal.theme[lang]}` : goal.title[lang];

/** Scores per goal, one series per school year (oldest first): the comparison over the years. */
export function goalChartData(list: SelfscanList, lang: Lang): ChartData {
  const rows = goalRows(list.instrument.phases);
  return {
    categories: rows.map((r) => ({ label: r.label, name: goalName(r.goal, lang) })),
    series: list.scans.map((scan) => ({
      name: scan.schoolYear,
      values: rows.map((r) => scan.scores[r.goal.id] ?? null),
    })),
  };
}

/** The average score per phase (over its scored goals), one series per school year. */
export function phaseChartData(list: SelfscanList, lang: Lang): ChartData {
  const rows = goalRows(list.instrument.phases);
  return {
    categories: list.instrument.phases.map((p) => ({ label: `${p.number}`, name: p.title[lang] })),
    series: list.scans.map((scan) => ({
      name: scan.schoolYear,
      values: list.instrument.phases.map((phase) => {
        const scores = rows
          .filter((r) => r.phase.number === phase.number)
          .map((r) => scan.scores[r.goal.id])
          .filter((s): s is number => s !== undefined);
        return scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
      }),
    })),
  };
}

/** The chart's numbers as CSV (comma-separated, one row per category, one column per school year). */
export function chartCsv(data: ChartData, categoryHeader: string): string {
  const rows: CsvValue[][] = [[categoryHeader, '', ...data.series.map((s) => s.name)]];
  data.categories.forEach((category, index) => {
    rows.push([category.label, category.name, ...data.series.map((s) => s.values[index] ?? null)]);
  });
  return csvText(rows);
}
