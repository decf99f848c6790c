// The report for a region and the Children's Rights Commissioner (issue 15): every thuiszitter figure of a region
// (or of all schools) with its definition and source, small cells suppressed HERE before it is shown or written
// as JSON, CSV or PDF. The JSON shape is a contract (docs/monitor.md "Region report").
import { csvText } from '../csv.ts';
import { MIN_SHOWN_COUNT } from './definitions.ts';
import { type ShownCount, suppressCount, suppressShare, suppressStatistic } from './suppression.ts';

export type FigureUnit = 'pupils' | 'schools' | 'share' | 'days' | 'half-days';

export interface ReportFigure {
  /** Stable id within the report, e.g. `partial.schools-using` or `partial.school.12`. */
  id: string;
  label: { nl: string; en: string };
  unit: FigureUnit;
  /** null: suppressed (a count from 1 to 4, or a share or statistic over such a count) or not defined. */
  value: number | null;
  suppressed: boolean;
}

export interface ReportSection {
  id: string;
  title: { nl: string; en: string };
  definition: { nl: string; en: string };
  source: string;
  figures: ReportFigure[];
}

export interface RegionReport {
  /** Version of this JSON contract (docs/monitor.md). */
  format: 'aanwezig-region-report/1';
  scope: {
    kind: 'region' | 'clb' | 'all' | 'lop';
    id: number | null;
    name: string;
    schoolCount: number;
    /** A LOP's level (its view of exclusions, docs/decisions/0037); absent for the other scopes. */
    level?: 'basis' | 'secundair';
  };
  asOf: string;
  schoolYear: string;
  refreshedAt: string | null;
  minShownCount: number;
  sections: ReportSection[];
}

/** A figure builder that applies the suppression rule of its kind; the only way figures are made. */
export const figure = {
  count(id: string, label: ReportFigure['label'], count: number, unit: FigureUnit = 'pupils'): ReportFigure {
    const value: ShownCount = suppressCount(count);
    return { id, label, unit, value, suppressed: value === null };
  },
  share(id: string, label: ReportFigure['label'], numerator: number, denominator: number): ReportFigure {
    const value = suppressShare(numerator, denominator);
    const rounded = value === null ? null : Math.round(value * 10_000) / 10_000;
    return { id, label, unit: 'share', value: rounded, suppressed: value === null && denominator > 0 };
  },
  /** A median or average over n pupils: shown only when n may be shown. */
  statistic(id: string, label: ReportFigure['label'], n: number, value: number | null, unit: FigureUnit): ReportFigure {
    const shown = value === null ? null : suppressStatistic(n, value);
    return { id, label, unit, value: shown, suppressed: shown === null && n > 0 };
  },
};

/** Partial schooling per school in the period (pupils with an arrangement in force at some time). */
export interface PartialSchoolingInput {
  schoolCount: number;
  perSchool: readonly {
    schoolId: number;
    schoolName: string;
    pupils: number;
    withoutParents: number;
    withoutClb: number;
    reviewOverdue: number;
  }[];
}

const sum = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);

export function partialSchoolingSection(input: PartialSchoolingInput): ReportSection {
  const using = input.perSchool.filter((s) => s.pupils > 0);
  return {
    id: 'partial-schooling',
    title: { nl: 'Deeltijds thuis op vraag van de school', en: "Partial schooling at the school's request" },
    definition: {
      nl: 'Leerlingen met een vastgelegde regeling (de school vraagt de ouders het kind een deel van de week thuis te houden) die op enig moment in het schooljaar tot de peildatum van kracht was; scholen die er minstens één hebben. Het aandeel scholen is te vergelijken met de inschatting van de CLB’s: in 1 op de 3 scholen.',
      en: "Pupils with a recorded arrangement (the school asks the parents to keep the child at home part of the week) in force at some time in the school year up to the reference date; schools with at least one. The share of schools compares with the CLBs' estimate: 1 in 3 schools.",
    },
    source: 'seed 004 l. 1516–1535, l. 2864–2869, l. 3108–3113, l. 3186–3200',
    figures: [
      figure.count(
        'partial.schools-using',
        { nl: 'Scholen die deeltijds thuis vragen', en: 'Schools using partial schooling' },
        using.length,
        'schools',
      ),
      figure.share(
        'partial.share-of-schools',
        { nl: 'Aandeel scholen', en: 'Share of schools' },
        using.length,
        input.schoolCount,
      ),
      figure.count(
        'partial.pupils',
        { nl: 'Leerlingen', en: 'Pupils' },
        sum(using, (s) => s.pupils),
      ),
      figure.count(
        'partial.without-parents',
        { nl: 'Zonder akkoord van de ouders', en: "Without the parents' agreement" },
        sum(using, (s) => s.withoutParents),
      ),
      figure.count(
        'partial.without-clb',
        { nl: 'Zonder betrokkenheid van het CLB', en: 'Without the CLB involved' },
        sum(using, (s) => s.withoutClb),
      ),
      figure.count(
        'partial.review-overdue',
        { nl: 'Evaluatiedatum voorbij', en: 'Review date passed' },
        sum(using, (s) => s.reviewOverdue),
      ),
      ...using.map((s) =>
        figure.count(
          `partial.school.${s.schoolId}`,
          { nl: `Leerlingen in ${s.schoolName}`, en: `Pupils in ${s.schoolName}` },
          s.pupils,
        ),
      ),
    ],
  };
}

export const REPORT_MIN_SHOWN_COUNT = MIN_SHOWN_COUNT;

const shownValue = (f: ReportFigure) =>
  f.value === null ? (f.suppressed ? `<${REPORT_MIN_SHOWN_COUNT}` : '') : String(f.value);

/** The report as CSV: one row per figure, with its section, definition and source (the same suppressed values). */
export function regionReportCsv(report: RegionReport): string {
  const rows: (string | number)[][] = [
    ['sectie', 'id', 'cijfer', 'waarde', 'eenheid', 'definitie', 'bron'],
    ...report.sections.flatMap((section) =>
      section.figures.map((f) => [
        section.title.nl,
        f.id,
        f.label.nl,
        shownValue(f),
        f.unit,
        section.definition.nl,
        section.source,
      ]),
    ),
  ];
  return csvText(rows);
}

/** A figure's value as a person reads it: `<5`, a percentage, or the number. */
export function figureText(f: ReportFigure): string {
  if (f.value === null) return f.suppressed ? `<${REPORT_MIN_SHOWN_COUNT}` : '—';
  if (f.unit === 'share') return `${(f.value * 100).toFixed(1).replace('.', ',')} %`;
  return String(f.value).replace('.', ',');
}
