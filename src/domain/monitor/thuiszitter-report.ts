// The thuiszitter sections of the region report (issue 15): time at home, suspensions and exclusions in the
// register, definitive exclusions, and the official figures. Built from the summed cells and small live reads;
// every figure goes through `figure` (region-report.ts), so it is suppressed before it leaves the server.
import { figure, type ReportFigure, type ReportSection } from './region-report.ts';
import {
  daysToNewSchool,
  NEW_SCHOOL_BUCKET_KEYS,
  newSchoolBucket,
  withoutSchoolOn,
} from './thuiszitter-definitions.ts';

/** Summed cells: dimension → key → value. */
export type Cells = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function cellMap(rows: readonly { dimension: string; key: string; value: number }[]): Cells {
  const map = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const inner = map.get(row.dimension) ?? new Map<string, number>();
    map.set(row.dimension, inner);
    inner.set(row.key, Number(row.value));
  }
  return map;
}

const cell = (cells: Cells, dimension: string, key: string) => cells.get(dimension)?.get(key) ?? 0;

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const LEVELS: Record<string, { nl: string; en: string }> = {
  kleuter: { nl: 'kleuteronderwijs', en: 'pre-primary' },
  lager: { nl: 'lager onderwijs', en: 'primary' },
  secundair: { nl: 'secundair onderwijs', en: 'secondary' },
};

export function homeTimeSection(
  cells: Cells,
  thresholds: readonly number[],
  upTo: { possible: number; absent: number },
): ReportSection {
  return {
    id: 'home-time',
    title: { nl: 'Tijd thuis', en: 'Time at home' },
    definition: {
      nl: 'Per leerling en schooljaar alle afwezige schoolhalve dagen (elke code die als afwezig telt), over alle periodes samen. Vakanties, weekends en vrije namiddagen tellen nooit mee en onderbreken geen periode. Een periode is een reeks opeenvolgende afwezige schoolhalve dagen. Aandeel = afwezige ÷ mogelijke schoolhalve dagen van de ingeschreven leerlingen, van 1 september tot de peildatum.',
      en: 'Per pupil and school year every absent school half-day (every code that counts as absent), across all spells. Holidays, weekends and free afternoons never count and never break a spell. A spell is a run of consecutive absent school half-days. Share = absent ÷ possible school half-days of the enrolled pupils, from 1 September to the reference date.',
    },
    source:
      'seed 004 l. 1244–1250, l. 1133–1135; rules-vlaanderen.md "Common definitions"; thresholds ABSENT_10, LONG_ABSENCE, B30',
    figures: [
      figure.count(
        'home.pupils',
        { nl: 'Leerlingen met afwezigheid', en: 'Pupils with absence' },
        cell(cells, 'home', 'pupils'),
      ),
      figure.count(
        'home.half-days',
        { nl: 'Afwezige schoolhalve dagen', en: 'Absent school half-days' },
        cell(cells, 'home', 'half-days'),
        'half-days',
      ),
      figure.share(
        'home.share-missed',
        {
          nl: 'Aandeel gemiste schoolhalve dagen (tot de peildatum)',
          en: 'Share of school half-days missed (to the reference date)',
        },
        upTo.absent,
        upTo.possible,
      ),
      ...thresholds.map((n) =>
        figure.count(
          `home.total-ge-${n}`,
          {
            nl: `Leerlingen met ≥ ${n} halve dagen thuis in totaal`,
            en: `Pupils with ≥ ${n} half-days at home in total`,
          },
          cell(cells, 'home-ge', String(n)),
        ),
      ),
      ...thresholds.map((n) =>
        figure.count(
          `home.spell-ge-${n}`,
          { nl: `Leerlingen met een periode van ≥ ${n} halve dagen`, en: `Pupils with a spell of ≥ ${n} half-days` },
          cell(cells, 'spell-ge', String(n)),
        ),
      ),
    ],
  };
}

/** T, U and Y as registered (the official code R folds them together), and long or repeated suspensions. */
export function suspensionSection(
  cells: Cells,
  rules: { longHalfDays: number; repeatedSpells: number },
): ReportSection {
  const codes: [string, { nl: string; en: string }][] = [
    ['Y', { nl: 'preventieve schorsing (Y)', en: 'preventive suspension (Y)' }],
    ['U', { nl: 'tijdelijke uitsluiting (U)', en: 'temporary exclusion (U)' }],
    ['T', { nl: 'definitieve uitsluiting (T)', en: 'definitive exclusion (T)' }],
  ];
  const officialR = ['R', 'T', 'U', 'Y', 'C', 'J'].reduce((sum, code) => sum + cell(cells, 'code-half-days', code), 0);
  const figures: ReportFigure[] = codes.flatMap(([code, label]) => [
    figure.count(
      `suspension.${code}.pupils`,
      { nl: `Leerlingen met ${label.nl}`, en: `Pupils with ${label.en}` },
      cell(cells, 'code-pupils', code),
    ),
    figure.count(
      `suspension.${code}.half-days`,
      { nl: `Halve dagen ${label.nl}`, en: `Half-days of ${label.en}` },
      cell(cells, 'code-half-days', code),
      'half-days',
    ),
  ]);
  figures.push(
    figure.count(
      'suspension.official-R.half-days',
      {
        nl: 'Halve dagen officiële code R (alle R-codes samen)',
        en: 'Half-days of official code R (all R codes together)',
      },
      officialR,
      'half-days',
    ),
    figure.count(
      'suspension.long',
      {
        nl: `Leerlingen met een preventieve schorsing van ≥ ${rules.longHalfDays} schoolhalve dagen na elkaar`,
        en: `Pupils with a preventive suspension of ≥ ${rules.longHalfDays} consecutive school half-days`,
      },
      cell(cells, 'suspension', 'long'),
    ),
    figure.count(
      'suspension.repeated',
      {
        nl: `Leerlingen met ≥ ${rules.repeatedSpells} afzonderlijke preventieve schorsingen`,
        en: `Pupils with ≥ ${rules.repeatedSpells} separate preventive suspensions`,
      },
      cell(cells, 'suspension', 'repeated'),
    ),
  );
  return {
    id: 'suspensions',
    title: { nl: 'Schorsingen en uitsluitingen in het register', en: 'Suspensions and exclusions in the register' },
    definition: {
      nl: 'De interne codes T, U en Y apart, zoals geregistreerd; in Discimus vallen ze samen onder R. Lange preventieve schorsing: een reeks Y van minstens het aantal schoolhalve dagen van PREVENTIVE_SUSPENSION_LONG; herhaald: minstens PREVENTIVE_SUSPENSION_REPEATED afzonderlijke reeksen Y in het schooljaar.',
      en: 'The internal codes T, U and Y apart, as registered; Discimus folds them into R. Long preventive suspension: a run of Y of at least PREVENTIVE_SUSPENSION_LONG school half-days; repeated: at least PREVENTIVE_SUSPENSION_REPEATED separate runs of Y in the school year.',
    },
    source: 'seed 004 l. 7854–7905, 7938–7945, 13195–13199; src/domain/rules/suspension-rules.ts',
    figures,
  };
}

export interface ExclusionInput {
  level: string;
  excludedOn: string;
  newSchoolFrom: string | null;
  repeated: boolean;
  /** Primary: opvang offered; secondary: help finding a new school; null: not recorded. */
  opvang: boolean | null;
  searchHelp: boolean | null;
}

/** Definitive exclusions of the school year up to the reference date: by month and level, to a new school. */
export function exclusionSection(
  rows: readonly ExclusionInput[],
  asOf: string,
  /** The levels to split by (a LOP follows one level); default all. */
  levels: readonly string[] = Object.keys(LEVELS),
): ReportSection {
  const figures: ReportFigure[] = [
    figure.count('exclusion.total', { nl: 'Definitieve uitsluitingen', en: 'Definitive exclusions' }, rows.length),
  ];
  for (const [level, label] of Object.entries(LEVELS).filter(([key]) => levels.includes(key))) {
    const ofLevel = rows.filter((r) => r.level === level);
    figures.push(
      figure.count(
        `exclusion.${level}`,
        { nl: `Uitsluitingen ${label.nl}`, en: `Exclusions ${label.en}` },
        ofLevel.length,
      ),
      figure.count(
        `exclusion.${level}.without-school`,
        {
          nl: `Nog zonder school op de peildatum, ${label.nl}`,
          en: `Still without a school on the reference date, ${label.en}`,
        },
        ofLevel.filter((r) => withoutSchoolOn(r.excludedOn, r.newSchoolFrom, asOf)).length,
      ),
    );
  }
  // The duty of each level (seed 004 l. 2306–2345): opvang in primary, help finding a school in secondary.
  const primary = rows.filter((r) => r.level !== 'secundair');
  const secondary = rows.filter((r) => r.level === 'secundair');
  const duties: ReportFigure[] = [
    figure.count(
      'exclusion.primary.opvang',
      { nl: 'Basisonderwijs: opvang geboden', en: 'Primary: opvang offered' },
      primary.filter((r) => r.opvang === true).length,
    ),
    figure.count(
      'exclusion.primary.opvang-unrecorded',
      { nl: 'Basisonderwijs: opvang niet geregistreerd', en: 'Primary: opvang not recorded' },
      primary.filter((r) => r.opvang === null).length,
    ),
    figure.count(
      'exclusion.secondary.search-help',
      { nl: 'Secundair: hulp bij het zoeken naar een school', en: 'Secondary: help finding a school' },
      secondary.filter((r) => r.searchHelp === true).length,
    ),
    figure.count(
      'exclusion.secondary.search-help-unrecorded',
      { nl: 'Secundair: hulp niet geregistreerd', en: 'Secondary: help not recorded' },
      secondary.filter((r) => r.searchHelp === null).length,
    ),
  ];
  // Only the duties of the levels split by (a LOP secundair has no opvang figures, a LOP basisonderwijs no help).
  const followsPrimary = levels.some((level) => level !== 'secundair');
  figures.push(
    ...duties.filter((f) => (f.id.startsWith('exclusion.primary.') ? followsPrimary : levels.includes('secundair'))),
  );
  const months = [...new Set(rows.map((r) => r.excludedOn.slice(0, 7)))].sort();
  for (const month of months)
    figures.push(
      figure.count(
        `exclusion.month.${month}`,
        { nl: `Uitsluitingen in ${month}`, en: `Exclusions in ${month}` },
        rows.filter((r) => r.excludedOn.startsWith(month)).length,
      ),
    );
  const days = rows
    .filter((r) => r.newSchoolFrom !== null && r.newSchoolFrom <= asOf)
    .map((r) => daysToNewSchool(r.excludedOn, r.newSchoolFrom as string));
  for (const bucket of NEW_SCHOOL_BUCKET_KEYS)
    figures.push(
      figure.count(
        `exclusion.new-school.${bucket}`,
        { nl: `Nieuwe school na ${bucket} dagen`, en: `New school after ${bucket} days` },
        days.filter((d) => newSchoolBucket(d) === bucket).length,
      ),
    );
  figures.push(
    figure.statistic(
      'exclusion.new-school.median-days',
      { nl: 'Mediaan dagen tot een nieuwe school', en: 'Median days to a new school' },
      days.length,
      median(days),
      'days',
    ),
    figure.count(
      'exclusion.repeated',
      { nl: 'Leerlingen die al eerder definitief uitgesloten werden', en: 'Pupils excluded definitively before' },
      rows.filter((r) => r.repeated).length,
    ),
  );
  return {
    id: 'exclusions',
    title: { nl: 'Definitieve uitsluitingen', en: 'Definitive exclusions' },
    definition: {
      nl: 'Inschrijvingen van het schooljaar met een datum van definitieve uitsluiting tot de peildatum, per niveau en maand. Tijd tot een nieuwe school: kalenderdagen van de uitsluiting tot de eerste dag in de andere school (zoals geregistreerd in de app). Lager onderwijs: opvang is verplicht, geen plicht om een school te helpen zoeken; secundair: school en CLB helpen een nieuwe school zoeken.',
      en: 'Enrolments of the school year with a definitive exclusion date up to the reference date, by level and month. Time to a new school: calendar days from the exclusion to the first day in the other school (as recorded in the app). Primary: opvang is obligatory, no duty to help find a school; secondary: school and CLB help find a new school.',
    },
    source: 'seed 004 l. 2306–2345, 2530–2547, 2640–2700; rules-vlaanderen.md EXCLUDED_NO_SCHOOL',
    figures,
  };
}

/** The official figure: share of compulsory-age pupils with ≥ 30 B half-days, split by level, grade and age. */
export function officialSection(
  cells: Cells,
  officialB: number,
  zEazie: readonly { days: number | null }[],
): ReportSection {
  const pupils = cells.get('official-pupils') ?? new Map<string, number>();
  const b30 = cells.get('official-b30') ?? new Map<string, number>();
  const sumBy = (map: ReadonlyMap<string, number>, part: (key: string) => string) => {
    const out = new Map<string, number>();
    for (const [key, value] of map) out.set(part(key), (out.get(part(key)) ?? 0) + value);
    return out;
  };
  const total = (dimension: string) => [...(cells.get(dimension)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const all = total('official-pupils');
  /** Half-days of a code of compulsory-age pupils, the pupils with it, and the average per such pupil. */
  const codeTotals = (code: 'z' | 'p', label: { nl: string; en: string }): ReportFigure[] => {
    const halfDays = total(`official-${code}`);
    const pupilsWith = total(`official-with-${code}`);
    return [
      figure.count(
        `official.${code}.half-days`,
        { nl: `${label.nl}-halve dagen van leerplichtigen`, en: `${label.en} half-days of compulsory-age pupils` },
        halfDays,
        'half-days',
      ),
      figure.count(
        `official.${code}.pupils`,
        { nl: `Leerplichtigen met ${label.nl}`, en: `Compulsory-age pupils with ${label.en}` },
        pupilsWith,
      ),
      figure.statistic(
        `official.${code}.per-pupil`,
        {
          nl: `Gemiddeld ${label.nl}-halve dagen per leerling met ${label.nl}`,
          en: `Average ${label.en} half-days per pupil with ${label.en}`,
        },
        pupilsWith,
        pupilsWith === 0 ? null : Math.round((halfDays / pupilsWith) * 10) / 10,
        'half-days',
      ),
    ];
  };
  const figures: ReportFigure[] = [
    figure.count(
      'official.compulsory-pupils',
      { nl: 'Leerplichtige leerlingen', en: 'Pupils of compulsory school age' },
      all,
    ),
    figure.count(
      'official.b30',
      { nl: `Met ≥ ${officialB} B-halve dagen`, en: `With ≥ ${officialB} B half-days` },
      total('official-b30'),
    ),
    figure.share(
      'official.b30-share',
      { nl: 'Aandeel problematisch afwezig', en: 'Share problematically absent' },
      total('official-b30'),
      all,
    ),
  ];
  const split = (name: string, label: (key: string) => { nl: string; en: string }, part: (key: string) => string) => {
    const denominators = sumBy(pupils, part);
    const numerators = sumBy(b30, part);
    for (const key of [...denominators.keys()].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })))
      figures.push(
        figure.share(
          `official.b30-share.${name}.${key}`,
          label(key),
          numerators.get(key) ?? 0,
          denominators.get(key) ?? 0,
        ),
      );
  };
  const levelOf = (key: string) => key.split('|')[0] ?? '?';
  split('level', (k) => ({ nl: `Aandeel, ${LEVELS[k]?.nl ?? k}`, en: `Share, ${LEVELS[k]?.en ?? k}` }), levelOf);
  split(
    'grade',
    (k) => ({ nl: `Aandeel, ${k.replace('|', ' leerjaar ')}`, en: `Share, ${k.replace('|', ' grade ')}` }),
    (key) => key.split('|').slice(0, 2).join('|'),
  );
  split(
    'age',
    (k) => ({ nl: `Aandeel, ${k} jaar`, en: `Share, age ${k}` }),
    (key) => key.split('|')[2] ?? '?',
  );
  figures.push(
    ...codeTotals('z', { nl: 'Z (ziekte, met D)', en: 'Z (illness, with D)' }),
    ...codeTotals('p', { nl: 'P', en: 'P' }),
  );
  const involved = zEazie.filter((z) => z.days !== null).map((z) => z.days as number);
  figures.push(
    figure.count('official.z-eazie', { nl: 'Z_EAZIE-signalen', en: 'Z_EAZIE signals' }, zEazie.length),
    figure.count(
      'official.z-eazie.doctor',
      { nl: 'Waarvan CLB-arts betrokken', en: 'Of which with the CLB doctor involved' },
      involved.length,
    ),
    figure.statistic(
      'official.z-eazie.median-days',
      { nl: 'Mediaan dagen van Z_EAZIE tot de CLB-arts', en: 'Median days from Z_EAZIE to the CLB doctor' },
      involved.length,
      median(involved),
      'days',
    ),
  );
  return {
    id: 'official',
    title: { nl: 'Officiële cijfers: problematische afwezigheid', en: 'Official figures: problematic absence' },
    definition: {
      nl: 'Aandeel leerlingen met minstens 30 halve dagen B (ongewettigd) in het schooljaar onder de leerplichtige leerlingen: vanaf 1 september van het kalenderjaar waarin het kind 5 wordt, zolang het op 1 september minderjarig is (AgODi). Per leerling opgeteld over de inschrijvingen (een leerling die van school veranderde, telt per school tot de leerling-identiteit over scholen heen er is). Z telt met D (medisch attest). CLB-arts betrokken: de eerste notitie van een CLB-arts in het leerlingendossier op of na de datum van het Z_EAZIE-signaal.',
      en: "Share of pupils with at least 30 half-days of B (unauthorised) in the school year among pupils of compulsory school age: from 1 September of the calendar year the child turns 5, while a minor on 1 September (AgODi). Summed per pupil over the enrolments (a pupil who changed school counts per school until the pupil identity across schools exists). Z counts with D (medical certificate). CLB doctor involved: the first pupil-file entry by a CLB doctor on or after the Z_EAZIE signal's date.",
    },
    source: 'seed 003 l. 29, l. 64–66, l. 89; seed 004 l. 1466–1472, l. 1750; rules-vlaanderen.md B30, Z_EAZIE',
    figures,
  };
}
