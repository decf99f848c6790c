// The LOP's view of exclusions (issue 15, docs/decisions/0037): the definitive exclusions of a LOP's schools as
// aggregates only — how long pupils are still without a school, and per school how many it excluded, how many are
// still without a school, the duty of the level recorded, and how many pupils excluded elsewhere it took in (the
// figure LOP agreements must weigh, seed 004 l. 2595–2607, l. 9395–9405). Every figure goes through `figure`
// (region-report.ts), so it is suppressed below MIN_SHOWN_COUNT before it leaves the server.
import { figure, type ReportFigure, type ReportSection } from './region-report.ts';
import {
  daysToNewSchool,
  NEW_SCHOOL_BUCKET_KEYS,
  newSchoolBucket,
  withoutSchoolOn,
} from './thuiszitter-definitions.ts';
import { type ExclusionInput, median } from './thuiszitter-report.ts';

/** The level of a LOP: LOPs basisonderwijs cover pre-primary and primary, LOPs secundair onderwijs secondary. */
export type LopLevel = 'basis' | 'secundair';

/** The enrolment levels a LOP of a level follows. */
export const LOP_ENROLMENT_LEVELS: Record<LopLevel, readonly ('kleuter' | 'lager' | 'secundair')[]> = {
  basis: ['kleuter', 'lager'],
  secundair: ['secundair'],
};

/** An exclusion at one of the LOP's schools. */
export interface LopExclusion extends ExclusionInput {
  schoolId: number;
}

/** Calendar days a pupil excluded on `excludedOn` and still without a school has been without one on `asOf`. */
export const daysWithoutSchool = (excludedOn: string, asOf: string): number => daysToNewSchool(excludedOn, asOf);

/** Pupils still without a school on the reference date, and for how long (same buckets as the time to a school). */
export function withoutSchoolSection(rows: readonly ExclusionInput[], asOf: string): ReportSection {
  const days = rows
    .filter((r) => withoutSchoolOn(r.excludedOn, r.newSchoolFrom, asOf))
    .map((r) => daysWithoutSchool(r.excludedOn, asOf));
  const figures: ReportFigure[] = [
    figure.count(
      'without-school.pupils',
      { nl: 'Nog zonder school op de peildatum', en: 'Still without a school on the reference date' },
      days.length,
    ),
    ...NEW_SCHOOL_BUCKET_KEYS.map((bucket) =>
      figure.count(
        `without-school.days.${bucket}`,
        { nl: `Al ${bucket} dagen zonder school`, en: `Without a school for ${bucket} days` },
        days.filter((d) => newSchoolBucket(d) === bucket).length,
      ),
    ),
    figure.statistic(
      'without-school.median-days',
      { nl: 'Mediaan dagen zonder school', en: 'Median days without a school' },
      days.length,
      median(days),
      'days',
    ),
  ];
  return {
    id: 'without-school',
    title: { nl: 'Nog zonder school', en: 'Still without a school' },
    definition: {
      nl: 'Definitief uitgesloten leerlingen van de scholen van het LOP die op de peildatum nog in geen andere school begonnen zijn (zoals de school het registreerde, of een inschrijving van hetzelfde kind in een andere school in deze toepassing), en hoe lang al: kalenderdagen van de uitsluiting tot de peildatum.',
      en: "Definitively excluded pupils of the LOP's schools who on the reference date have not started at another school (as the school recorded it, or an enrolment of the same child at another school in this application), and for how long: calendar days from the exclusion to the reference date.",
    },
    source: 'seed 004 l. 2545–2561, l. 8575–8595, l. 8940–8952; rules-vlaanderen.md EXCLUDED_NO_SCHOOL',
    figures,
  };
}

/** Per school of the LOP: the school, its exclusions, and the pupils excluded elsewhere it took in. */
export interface LopSchoolInput {
  schoolId: number;
  schoolName: string;
  /** Pupils enrolled this school year up to the reference date who were excluded definitively elsewhere before. */
  takenIn: number;
}

/**
 * Per school, suppressed like every figure: exclusions, still without a school, the level's duty recorded
 * (opvang in primary, help finding a school in secondary), and pupils excluded elsewhere taken in.
 */
export function lopSchoolsSection(
  level: LopLevel,
  schools: readonly LopSchoolInput[],
  rows: readonly LopExclusion[],
  asOf: string,
): ReportSection {
  const figures = schools.flatMap((school): ReportFigure[] => {
    const own = rows.filter((r) => r.schoolId === school.schoolId);
    const duty =
      level === 'basis'
        ? figure.count(
            `school.${school.schoolId}.opvang`,
            { nl: `${school.schoolName}: opvang geboden`, en: `${school.schoolName}: opvang offered` },
            own.filter((r) => r.opvang === true).length,
          )
        : figure.count(
            `school.${school.schoolId}.search-help`,
            {
              nl: `${school.schoolName}: hulp bij het zoeken naar een school`,
              en: `${school.schoolName}: help finding a school`,
            },
            own.filter((r) => r.searchHelp === true).length,
          );
    return [
      figure.count(
        `school.${school.schoolId}.exclusions`,
        { nl: `${school.schoolName}: definitieve uitsluitingen`, en: `${school.schoolName}: definitive exclusions` },
        own.length,
      ),
      figure.count(
        `school.${school.schoolId}.without-school`,
        { nl: `${school.schoolName}: nog zonder school`, en: `${school.schoolName}: still without a school` },
        own.filter((r) => withoutSchoolOn(r.excludedOn, r.newSchoolFrom, asOf)).length,
      ),
      duty,
      figure.count(
        `school.${school.schoolId}.taken-in`,
        {
          nl: `${school.schoolName}: elders uitgesloten leerlingen ingeschreven`,
          en: `${school.schoolName}: pupils excluded elsewhere enrolled`,
        },
        school.takenIn,
      ),
    ];
  });
  return {
    id: 'per-school',
    title: { nl: 'Per school', en: 'Per school' },
    definition: {
      nl: 'Per school van het LOP: definitieve uitsluitingen van het schooljaar tot de peildatum, de leerlingen daarvan nog zonder school, de plicht van het niveau die geregistreerd werd (basisonderwijs: opvang; secundair: hulp bij het zoeken naar een school), en de leerlingen die dit schooljaar tot de peildatum ingeschreven werden nadat ze eerder dit schooljaar in een andere school definitief uitgesloten werden (herkend aan dezelfde leerling-identiteit over scholen heen). Aantallen van 1 tot 4 worden niet getoond.',
      en: "Per school of the LOP: definitive exclusions of the school year up to the reference date, those pupils still without a school, the level's duty recorded (primary: opvang; secondary: help finding a school), and the pupils enrolled this school year up to the reference date after a definitive exclusion at another school earlier this school year (recognised by the same pupil identity across schools). Counts from 1 to 4 are not shown.",
    },
    source: 'seed 004 l. 2595–2607, l. 9395–9405, l. 9425–9461; docs/decisions/0035 (identity across schools)',
    figures,
  };
}
