// The dashboard as the API returns it, built from the precomputed cells of a school year and the one before;
// `suppressDashboard` is the only way a CLB or region dashboard (and its CSV) leaves the server.
import { ALL_CODES, type Dimension, OFFICIAL_CODES, type ShareThreshold } from './definitions.ts';
import { type ShownCount, suppressCount, suppressShare, suppressStatistic } from './suppression.ts';

export interface MonitorCell {
  schoolYear: string;
  dimension: Dimension;
  key: string;
  code: string;
  value: number;
}

/** Absent half-days per code for one key (a week, a month, a class …) this year and the year before. */
export interface SeriesRow<C> {
  key: string;
  current: Record<string, C>;
  previous: Record<string, C>;
}

export const SERIES_DIMENSIONS = ['week', 'month', 'weekday', 'class', 'grade'] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];

export interface ThresholdRow<C> {
  halfDays: number;
  ruleId: string;
  code: string;
  pupils: C;
  /** pupils ÷ enrolled pupils (0…1). */
  share: number | null;
}

export interface SignalRow<C> {
  ruleId: string;
  /** Pupils for whom the rule holds this school year. */
  holding: C;
  /** Of those, signals not handled yet (new or acknowledged). */
  open: C;
}

/** Days from the B5_CLB signal (its trigger date) to the signal to the CLB (for now: when it was handled). */
export interface ClbDelay<C> {
  signalled: C;
  medianDays: number | null;
  averageDays: number | null;
  /** B5_CLB signals not yet handled, and the median of the days they have been open. */
  notYetSignalled: C;
  medianDaysOpen: number | null;
}

export interface Dashboard<C = number> {
  schoolYear: string;
  previousSchoolYear: string;
  /** True when small cells are suppressed (CLB and region); null counts then mean "1 to 4". */
  suppressed: boolean;
  minShownCount: number;
  codes: string[];
  enrolled: { current: C; previous: C };
  series: Record<SeriesDimension, SeriesRow<C>[]>;
  thresholds: ThresholdRow<C>[];
  signals: SignalRow<C>[];
  clbDelay: ClbDelay<C>;
  /** Agreements (wat/wie/wanneer/check) of the pupil files: still open, and of those past their due date. */
  agreements: { open: C; overdue: C };
}

export interface LiveSignalCounts {
  ruleId: string;
  holding: number;
  open: number;
}

const MONTH_ORDER = ['09', '10', '11', '12', '01', '02', '03', '04', '05', '06', '07', '08'];
const keyOrder: Record<SeriesDimension, (a: string, b: string) => number> = {
  week: (a, b) => Number(a) - Number(b),
  month: (a, b) => MONTH_ORDER.indexOf(a) - MONTH_ORDER.indexOf(b),
  weekday: (a, b) => a.localeCompare(b),
  class: (a, b) => a.localeCompare(b, 'nl', { numeric: true }),
  grade: (a, b) => a.localeCompare(b, 'nl', { numeric: true }),
};

/** Builds a dashboard (unsuppressed) from the cells of the current and previous school year. */
export function buildDashboard(input: {
  schoolYear: string;
  previousSchoolYear: string;
  cells: readonly MonitorCell[];
  thresholds: readonly ShareThreshold[];
  signals: readonly LiveSignalCounts[];
  delay: ClbDelay<number>;
  agreements: { open: number; overdue: number };
}): Dashboard<number> {
  const { schoolYear, previousSchoolYear } = input;
  const codesSeen = new Set<string>();
  const series = Object.fromEntries(SERIES_DIMENSIONS.map((d) => [d, new Map<string, SeriesRow<number>>()])) as Record<
    SeriesDimension,
    Map<string, SeriesRow<number>>
  >;
  const enrolled = { current: 0, previous: 0 };
  const pupilsOver = new Map<string, number>();
  for (const cell of input.cells) {
    const when =
      cell.schoolYear === schoolYear ? 'current' : cell.schoolYear === previousSchoolYear ? 'previous' : null;
    if (!when) continue;
    if (cell.dimension === 'enrolled') enrolled[when] += cell.value;
    else if (cell.dimension === 'threshold') {
      if (when === 'current')
        pupilsOver.set(`${cell.key}|${cell.code}`, (pupilsOver.get(`${cell.key}|${cell.code}`) ?? 0) + cell.value);
    } else if ((SERIES_DIMENSIONS as readonly string[]).includes(cell.dimension)) {
      const rows = series[cell.dimension as SeriesDimension];
      let row = rows.get(cell.key);
      if (!row) {
        row = { key: cell.key, current: {}, previous: {} };
        rows.set(cell.key, row);
      }
      row[when][cell.code] = (row[when][cell.code] ?? 0) + cell.value;
      codesSeen.add(cell.code);
    }
  }
  const codes = [
    ...OFFICIAL_CODES.filter((c) => codesSeen.has(c)),
    ...[...codesSeen].filter((c) => !(OFFICIAL_CODES as readonly string[]).includes(c)).sort(),
  ];
  const seriesOut = Object.fromEntries(
    SERIES_DIMENSIONS.map((d) => {
      const rows = [...series[d].values()].sort((a, b) => keyOrder[d](a.key, b.key));
      // Every row carries every code (0 where nothing was absent), so tables and CSV have fixed columns.
      for (const row of rows)
        for (const code of codes) {
          row.current[code] ??= 0;
          row.previous[code] ??= 0;
        }
      return [d, rows];
    }),
  ) as Record<SeriesDimension, SeriesRow<number>[]>;
  const thresholds: ThresholdRow<number>[] = [];
  for (const threshold of input.thresholds)
    for (const code of [ALL_CODES, ...OFFICIAL_CODES]) {
      const pupils = pupilsOver.get(`${threshold.halfDays}|${code}`) ?? 0;
      thresholds.push({
        halfDays: threshold.halfDays,
        ruleId: threshold.ruleId,
        code,
        pupils,
        share: enrolled.current > 0 ? pupils / enrolled.current : null,
      });
    }
  return {
    schoolYear,
    previousSchoolYear,
    suppressed: false,
    minShownCount: 1,
    codes,
    enrolled,
    series: seriesOut,
    thresholds,
    signals: [...input.signals].sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    clbDelay: input.delay,
    agreements: input.agreements,
  };
}

const suppressCounts = (counts: Record<string, number>): Record<string, ShownCount> =>
  Object.fromEntries(Object.entries(counts).map(([code, value]) => [code, suppressCount(value)]));

/**
 * Small-cell suppression of a whole dashboard: every count of 1 to 4 becomes null, shares and statistics
 * whose counts are suppressed become null too. Every CLB and region response and CSV goes through here.
 */
export function suppressDashboard(dashboard: Dashboard<number>, minShownCount: number): Dashboard<ShownCount> {
  const { clbDelay } = dashboard;
  return {
    ...dashboard,
    suppressed: true,
    minShownCount,
    enrolled: {
      current: suppressCount(dashboard.enrolled.current),
      previous: suppressCount(dashboard.enrolled.previous),
    },
    series: Object.fromEntries(
      SERIES_DIMENSIONS.map((d) => [
        d,
        dashboard.series[d].map((row) => ({
          key: row.key,
          current: suppressCounts(row.current),
          previous: suppressCounts(row.previous),
        })),
      ]),
    ) as Record<SeriesDimension, SeriesRow<ShownCount>[]>,
    thresholds: dashboard.thresholds.map((row) => ({
      ...row,
      pupils: suppressCount(row.pupils),
      share: suppressShare(row.pupils, dashboard.enrolled.current),
    })),
    signals: dashboard.signals.map((row) => ({
      ruleId: row.ruleId,
      holding: suppressCount(row.holding),
      open: suppressCount(row.open),
    })),
    clbDelay: {
      signalled: suppressCount(clbDelay.signalled),
      medianDays: suppressStatistic(clbDelay.signalled, clbDelay.medianDays),
      averageDays: suppressStatistic(clbDelay.signalled, clbDelay.averageDays),
      notYetSignalled: suppressCount(clbDelay.notYetSignalled),
      medianDaysOpen: suppressStatistic(clbDelay.notYetSignalled, clbDelay.medianDaysOpen),
    },
    agreements: {
      open: suppressCount(dashboard.agreements.open),
      overdue: suppressCount(dashboard.agreements.overdue),
    },
  };
}
