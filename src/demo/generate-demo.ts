// Deterministic synthetic demo data: a primary and a secondary school over two school years, with personas, relative
// to a given "today": the previous school year complete and the current one up to yesterday.
import { dayNumber, fromDayNumber, type HalfDay, type IsoDate } from '../domain/half-day.ts';
import { previousSchoolYear, schoolYearOf } from '../domain/school-year.ts';
import { illnessStartWeights } from './illness-season.ts';
import { BOY_NAMES, GIRL_NAMES, LAST_NAMES } from './names.ts';
import { deriveRandom, type Random } from './random.ts';
import { type DemoRegisterRow, RegisterMarks } from './register-marks.ts';
import { type CalendarLevel, enrolledRange, type SchoolYearDays, schoolYearDays } from './school-days.ts';

export type { DemoRegisterRow } from './register-marks.ts';

export type DemoLevel = 'kleuter' | 'lager' | 'secundair';

/**
 * The "today" the persona stories were written for (the day after the last school day of 2025-2026): on this day
 * the demo covers 2024-2025 and 2025-2026 complete. Other days move the stories by whole weeks, so weekdays stay.
 */
export const DEMO_REFERENCE_DAY: IsoDate = '2026-07-01';

/** The previous and the current school year on `today`: the previous year feeds the prior-year rules. */
export function demoSchoolYears(today: IsoDate): readonly [string, string] {
  const current = schoolYearOf(today);
  return [previousSchoolYear(current).id, current.id];
}

/** The school years of the demo on the reference day. */
export const DEMO_SCHOOL_YEARS = demoSchoolYears(DEMO_REFERENCE_DAY);

export interface DemoEnrolment {
  schoolYear: string;
  level: DemoLevel;
  grade: number;
  className: string;
  enrolledFrom: IsoDate;
  enrolledUntil: IsoDate | null;
  excludedOn: IsoDate | null;
}

export interface DemoPupil {
  pupilId: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  enrolments: DemoEnrolment[];
}

export type PersonaKey =
  | 'truant'
  | 'truant2'
  | 'truant3'
  | 'chronicallyIll'
  | 'schoolRefuser'
  | 'fixedSlot'
  | 'excluded'
  | 'kleuterBelow290'
  | 'b30TwoYears'
  | 'nearB5'
  | 'midYearEntrant';

export interface DemoPersona {
  key: PersonaKey;
  institutionNumber: string;
  pupilId: string;
  description: string;
}

/** The pupil at exactly 4 `B` half-days in the current year (on the reference day), and a later school half-day
 * without a register row. */
export interface NearB5Persona extends DemoPersona {
  freeHalfDay: HalfDay;
}

export type DemoPersonas = Record<PersonaKey, DemoPersona> & { nearB5: NearB5Persona };

export interface DemoSchool {
  institutionNumber: string;
  name: string;
  calendarLevel: CalendarLevel;
  /** Sorted by pupilId. */
  pupils: DemoPupil[];
  /** Both school years up to the day before `today`, sorted by pupilId, date, half. */
  register: DemoRegisterRow[];
  personas: DemoPersona[];
}

export interface DemoData {
  seed: number;
  today: IsoDate;
  /** The previous and the current school year on `today`. */
  schoolYears: readonly [string, string];
  schools: DemoSchool[];
  personas: DemoPersonas;
}

export interface GenerateDemoOptions {
  seed?: number;
  /** The day the demo is made for (default `DEMO_REFERENCE_DAY`); register rows stop the day before. */
  today?: IsoDate;
}

interface Step {
  level: DemoLevel;
  grade: number;
}

interface SchoolPlan {
  institutionNumber: string;
  name: string;
  calendarLevel: CalendarLevel;
  firstPupilNumber: number;
  steps: readonly Step[];
  cohortSize(step: Step, random: Random): number;
  classNames(step: Step): readonly string[];
}

/** A pupil while generating: the public record plus the traits that shape their absences. */
interface PupilDraft {
  pupil: DemoPupil;
  /** Illness proneness, mean about 1. */
  frailty: number;
  /** Extra chance of a few B half-days a year. */
  truancy: number;
  /** Enrolled all of both years without repeating, so fit to carry a persona. */
  regular: boolean;
  /** Index into the school's steps in the current year, or -1. */
  stepNow: number;
}

/** Moves a date of a persona story (written for the reference day) to the demo's years. */
type StoryDate = (referenceDate: IsoDate) => IsoDate;

type PersonaPlan = (marks: RegisterMarks, enrolment: DemoEnrolment, random: Random, at: StoryDate) => void;

/** Whole weeks between the reference years and the years of `today`, so a story keeps its weekdays. */
function storyDate(today: IsoDate): StoryDate {
  const referenceStart = dayNumber(`${DEMO_SCHOOL_YEARS[1].slice(0, 4)}-09-01`);
  const start = dayNumber(`${demoSchoolYears(today)[1].slice(0, 4)}-09-01`);
  const shift = Math.round((start - referenceStart) / 7) * 7;
  return (date) => fromDayNumber(dayNumber(date) + shift);
}

const PRIMARY: SchoolPlan = {
  institutionNumber: '046714',
  name: 'Gemeentelijke Basisschool De Klimop',
  calendarLevel: 'basis',
  firstPupilNumber: 10001,
  steps: [
    ...[1, 2, 3].map((grade) => ({ level: 'kleuter' as const, grade })),
    ...[1, 2, 3, 4, 5, 6].map((grade) => ({ level: 'lager' as const, grade })),
  ],
  cohortSize: (step, random) => (step.level === 'kleuter' ? 43 : 48) + random.int(-3, 3),
  classNames: (step) =>
    step.level === 'kleuter' ? [`K${step.grade}A`, `K${step.grade}B`] : [`${step.grade}A`, `${step.grade}B`],
};

const SECONDARY: SchoolPlan = {
  institutionNumber: '031252',
  name: 'Sint-Lutgardiscollege Scheldeland',
  calendarLevel: 'secundair',
  firstPupilNumber: 20001,
  steps: [1, 2, 3, 4, 5, 6].map((grade) => ({ level: 'secundair' as const, grade })),
  cohortSize: (_step, random) => 105 + random.int(-5, 5),
  classNames: (step) =>
    step.grade <= 2
      ? ['A', 'B', 'C', 'D'].map((letter) => `${step.grade}${letter}`)
      : ['ASO-A', 'ASO-B', 'TSO-A', 'TSO-B', 'BSO-A'].map((track) => `${step.grade}${track}`),
};

/** The birth year of an on-time pupil in this level and grade in the school year starting in `startYear`. */
function onTimeBirthYear(startYear: number, step: Step): number {
  if (step.level === 'kleuter') return startYear - 2 - step.grade; // K3 turns 5 in the start year
  if (step.level === 'lager') return startYear - 5 - step.grade; // first grade turns 6
  return startYear - 11 - step.grade; // first secondary grade turns 12
}

/** Compulsory school age starts in the school year of the calendar year the child turns 5. */
function isCompulsory(birthDate: IsoDate, schoolYear: string): boolean {
  return Number(schoolYear.slice(0, 4)) - Number(birthDate.slice(0, 4)) >= 5;
}

function randomBirthDate(random: Random, year: number): IsoDate {
  const first = dayNumber(`${year}-01-01`);
  const days = dayNumber(`${year + 1}-01-01`) - first;
  return fromDayNumber(first + random.int(0, days - 1));
}

/** A random school-day date in the year, away from its first and last weeks. */
function randomMidYearDate(random: Random, year: SchoolYearDays): IsoDate {
  const day = random.int(15, year.dayNumbers.length - 20);
  return fromDayNumber(year.dayNumbers[day] as number);
}

function createPupils(plan: SchoolPlan, random: Random, schoolYears: readonly [string, string]): PupilDraft[] {
  const [previousYear, currentYear] = schoolYears;
  const drafts: PupilDraft[] = [];
  let pupilNumber = plan.firstPupilNumber;
  const lastStep = plan.steps.length - 1;
  const secondary = plan.steps[0]?.level === 'secundair';
  // Cohort c is at step c in the current year; the extra cohort (c = steps) left after its last step last year.
  for (let cohort = 0; cohort <= plan.steps.length; cohort++) {
    const size = plan.cohortSize(plan.steps[Math.min(cohort, lastStep)] as Step, random);
    for (let member = 0; member < size; member++) {
      let stepNow = cohort <= lastStep ? cohort : -1;
      let stepBefore = cohort - 1;
      let olderBy = 0;
      if (stepNow >= 0 && stepBefore >= 0) {
        const roll = random.next();
        if (roll < 0.03) {
          stepNow = -1; // moved to another school over the summer
        } else if (roll < 0.06) {
          stepBefore = -1; // came from another school this year
        } else if (roll < (secondary ? 0.09 : 0.075) && plan.steps[stepNow]?.level !== 'kleuter') {
          stepBefore = stepNow; // repeats the year
          olderBy = 1;
        }
      }
      if (random.chance(secondary ? 0.08 : 0.03)) olderBy += 1; // repeated a year earlier on
      const reference =
        stepNow >= 0
          ? onTimeBirthYear(Number(currentYear.slice(0, 4)), plan.steps[stepNow] as Step)
          : onTimeBirthYear(Number(previousYear.slice(0, 4)), plan.steps[stepBefore] as Step);
      const girl = random.chance(0.5);
      const pupil: DemoPupil = {
        pupilId: String(pupilNumber++),
        firstName: random.pick(girl ? GIRL_NAMES : BOY_NAMES),
        lastName: random.pick(LAST_NAMES),
        birthDate: randomBirthDate(random, reference - olderBy),
        enrolments: [],
      };
      const steps = [stepBefore, stepNow];
      let leftEarlier = false;
      schoolYears.forEach((schoolYear, index) => {
        const stepIndex = steps[index] as number;
        if (stepIndex < 0 || leftEarlier) return;
        const step = plan.steps[stepIndex] as Step;
        const days = schoolYearDays(plan.calendarLevel, schoolYear);
        const classNames = plan.classNames(step);
        const enrolment: DemoEnrolment = {
          schoolYear,
          level: step.level,
          grade: step.grade,
          className: classNames[member % classNames.length] as string,
          enrolledFrom: days.firstDay,
          enrolledUntil: null,
          excludedOn: null,
        };
        const roll = random.next();
        if (roll < 0.012) {
          enrolment.enrolledUntil = randomMidYearDate(random, days); // unenrolled during the year
          leftEarlier = true;
        } else if (roll < 0.024 && pupil.enrolments.length === 0) {
          enrolment.enrolledFrom = randomMidYearDate(random, days); // arrived during the year
        }
        pupil.enrolments.push(enrolment);
      });
      if (pupil.enrolments.length === 0) continue;
      const frailty = Math.exp(0.65 * random.normal() - 0.21);
      const truancy = secondary ? (random.chance(0.1) ? 0.3 : 0.04) : 0.015;
      const regular =
        pupil.enrolments.length === 2 &&
        olderBy === 0 &&
        pupil.enrolments.every(
          (e) => e.enrolledUntil === null && e.enrolledFrom === `${e.schoolYear.slice(0, 4)}-09-01`,
        );
      drafts.push({ pupil, frailty, truancy, regular, stepNow });
    }
  }
  return drafts;
}

const ILLNESS_NOTES = ['ziek', 'griep', 'koorts', 'buikgriep', 'verkouden', undefined, undefined] as const;
const APPOINTMENT_NOTES = ['tandarts', 'doktersbezoek', 'orthodontist', 'ziekenhuisonderzoek'] as const;
const R_NOTES = ['begrafenis', 'familieraad', 'religieuze feestdag', 'huwelijk in de familie'] as const;
const P_NOTES = ['sportwedstrijd', 'rouwverwerking', 'culturele activiteit', 'familiale omstandigheden'] as const;

/** Illness episode length in school days: mostly one or two days, sometimes a week or two. */
function illnessLength(random: Random): number {
  const roll = random.next();
  if (roll < 0.5) return 1;
  if (roll < 0.75) return 2;
  if (roll < 0.88) return 3;
  if (roll < 0.97) return random.int(4, 5);
  return random.int(6, 10);
}

interface BackgroundContext {
  draft: PupilDraft;
  enrolment: DemoEnrolment;
  illnessWeights: Float64Array;
  /** Personas get no random B, so their B counts are exactly what their plan says. */
  allowB: boolean;
}

/** Ordinary absences: illness (seasonal), appointments, the odd R/P, a few B, late arrivals. */
function addBackground(marks: RegisterMarks, random: Random, context: BackgroundContext): void {
  const { draft, enrolment, illnessWeights } = context;
  const year = marks.year;
  if (marks.end <= marks.start) return;
  const share = (marks.end - marks.start) / year.count;
  const compulsory = isCompulsory(draft.pupil.birthDate, enrolment.schoolYear);
  const secondary = enrolment.level === 'secundair';
  const baseEpisodes = enrolment.level === 'kleuter' ? 3.2 : enrolment.level === 'lager' ? 2.2 : 2;
  const episodes = random.poisson(baseEpisodes * draft.frailty * share);
  const firstDay = year.dayOfPosition[marks.start] as number;
  const lastDay = year.dayOfPosition[marks.end - 1] as number;
  const randomEnrolledDay = () => random.int(firstDay, lastDay);

  for (let i = 0; i < episodes; i++) {
    let start = -1;
    for (let attempt = 0; attempt < 12 && start < 0; attempt++) {
      const day = random.weightedIndex(illnessWeights);
      if (day >= firstDay && day <= lastDay) start = day;
    }
    if (start < 0) continue;
    const length = illnessLength(random);
    const end = Math.min(lastDay, start + length - 1);
    const span = (year.dayNumbers[end] as number) - (year.dayNumbers[start] as number) + 1;
    const code = !compulsory ? 'A' : span > 3 || random.chance(0.08) ? 'D' : 'Z';
    const note = code === 'D' ? 'medisch attest' : code === 'Z' ? random.pick(ILLNESS_NOTES) : undefined;
    const fromHalf = random.chance(0.12) ? 'PM' : 'AM'; // sent home at noon
    for (let day = start; day <= end; day++) marks.setDay(day, code, note, day === start ? fromHalf : 'AM');
  }

  const appointments = random.poisson(0.5 * share);
  for (let i = 0; i < appointments; i++) {
    const day = randomEnrolledDay();
    const position = (year.dayStart[day] as number) + random.int(0, 1);
    if (position < (year.dayEnd[day] as number)) {
      marks.set(position, compulsory ? 'Z' : 'A', compulsory ? random.pick(APPOINTMENT_NOTES) : undefined);
    }
  }
  if (!compulsory) return; // a pre-school child's absences are all A

  if (random.chance(0.07 * share)) {
    const day = randomEnrolledDay();
    const note = random.pick(R_NOTES);
    for (let d = day; d < day + random.int(1, 2) && d <= lastDay; d++) marks.setDay(d, 'R', note);
  }
  if (random.chance(0.05 * share)) {
    const position = random.int(marks.start, marks.end - 1);
    const note = random.pick(P_NOTES);
    for (let p = position; p < position + random.int(1, 4); p++) marks.set(p, 'P', note);
  }
  if (context.allowB && random.chance(draft.truancy * share + (secondary ? 0.05 : 0.01))) {
    if (secondary) {
      for (let i = random.int(1, 4); i > 0; i--) marks.set(random.int(marks.start, marks.end - 1), 'B');
    } else {
      // Primary B half-days are mostly holidays stretched by the family: the return day after a break.
      const returnDays: number[] = [];
      for (let day = firstDay + 1; day <= lastDay; day++) {
        if (year.returnDay[day] && (year.dayNumbers[day] as number) - (year.dayNumbers[day - 1] as number) > 3) {
          returnDays.push(day);
        }
      }
      if (returnDays.length > 0) marks.setDay(random.pick(returnDays), 'B', 'vakantie verlengd');
    }
  }
  if (random.chance(secondary ? 0.3 : 0.1)) {
    for (let i = random.int(1, 4); i > 0; i--) {
      const day = randomEnrolledDay();
      marks.set(year.dayStart[day] as number, 'L', 'te laat');
    }
  }
  if (secondary && random.chance(0.006 * share)) {
    const day = randomEnrolledDay();
    for (let d = day; d < day + random.int(2, 3) && d <= lastDay; d++) marks.setDay(d, 'U', 'tijdelijke uitsluiting');
  }
  const workplaceLearning = secondary && enrolment.grade >= 5 && !enrolment.className.includes('ASO');
  if (workplaceLearning && random.chance(0.06 * share)) marks.setDay(randomEnrolledDay(), 'M', 'stageplaats gesloten');
}

/** B half-days from `firstDate` on, escalating from `startRate` to `endRate` per school week. */
function truancyEscalation(
  marks: RegisterMarks,
  random: Random,
  firstDate: IsoDate,
  startRate: number,
  endRate: number,
): void {
  const year = marks.year;
  const first = marks.positionFrom(firstDate, 'PM');
  marks.set(first, 'B', 'niet op school, ouders niet op de hoogte');
  const firstDay = year.dayOfPosition[first] as number;
  const weekOf = (day: number) => Math.floor(((year.dayNumbers[day] as number) + 3) / 7); // Monday-based
  const lastWeek = weekOf(year.dayNumbers.length - 1);
  const startWeek = weekOf(firstDay);
  let day = firstDay + 1;
  while (day < year.dayNumbers.length) {
    const week = weekOf(day);
    const weekDays: number[] = [];
    for (; day < year.dayNumbers.length && weekOf(day) === week; day++) weekDays.push(day);
    const progress = (week - startWeek) / Math.max(1, lastWeek - startWeek);
    const count = random.poisson(startRate + (endRate - startRate) * progress);
    for (let i = 0; i < count; i++) {
      const chosen = random.pick(weekDays);
      if (progress > 0.5 && random.chance(0.4)) marks.setDay(chosen, 'B');
      else marks.setDay(chosen, 'B', undefined, random.chance(0.7) ? 'PM' : 'AM');
    }
  }
}

/** Exactly `count` B half-days (as far as the enrolment allows) from `fromDate` on, favouring PM. */
function spreadB(marks: RegisterMarks, random: Random, count: number, fromDate: IsoDate): void {
  const candidates: number[] = [];
  for (let p = Math.max(marks.start, marks.positionFrom(fromDate)); p < marks.end; p++) {
    if (!marks.has(p)) candidates.push(p);
  }
  random.shuffle(candidates);
  candidates.sort((a, b) => Number(marks.year.halves[b] === 'PM') - Number(marks.year.halves[a] === 'PM'));
  const chosen = candidates.slice(0, Math.round(candidates.length * 0.6));
  random.shuffle(chosen);
  for (const position of chosen.slice(0, count)) marks.set(position, 'B');
}

interface PersonaSpec {
  key: PersonaKey;
  school: 0 | 1;
  /** Index into the school's steps in the current year. */
  stepNow: number;
  /** Written for the reference day (2024-2025 previous, 2025-2026 current). */
  description: string;
  plans: Partial<Record<'previous' | 'current', PersonaPlan>>;
  adjust?: (pupil: DemoPupil, at: StoryDate, currentYear: string) => void;
}

const PERSONAS: readonly PersonaSpec[] = [
  {
    key: 'kleuterBelow290',
    school: 0,
    stepNow: 2,
    description:
      'Pre-primary pupil (K3) who turns 5 in 2025: so many absences in 2025-2026 that 290 present half-days cannot be reached (K5_290).',
    plans: {
      current: (marks, _enrolment, random, at) => {
        const requiredPresences = 290; // K5_290 in the rule catalog; sized here so the persona misses it
        marks.setDates(at('2025-11-24'), at('2025-11-26'), 'Z', 'koorts');
        marks.setDates(at('2026-01-12'), at('2026-01-14'), 'Z', 'griep');
        marks.setDates(at('2026-02-02'), at('2026-02-06'), 'D', 'medisch attest');
        marks.setDates(at('2026-03-23'), at('2026-04-03'), 'B', 'familiereis buiten de schoolvakanties');
        for (let p = marks.positionFrom(at('2025-10-01'), 'AM'); p < marks.end; p++) {
          if (marks.year.weekdays[p] === 3 && marks.year.halves[p] === 'AM') marks.set(p, 'B', 'thuis op woensdag');
        }
        const target = marks.end - marks.start - requiredPresences + 24;
        const absent = () => marks.count((code) => code !== 'A' && code !== 'L');
        for (let p = marks.end - 1; p >= marks.start && absent() < target; p--) {
          if (marks.year.weekdays[p] === 5 && random.chance(0.8)) marks.set(p, 'P', 'bij grootouders');
        }
        for (let p = marks.start; p < marks.end && absent() < target; p++) marks.set(p, 'B');
      },
    },
  },
  {
    key: 'chronicallyIll',
    school: 0,
    stepNow: 6,
    description:
      'Chronically ill pupil (4th grade): repeated Z/D spells, including a D spell from 17 November to 12 December 2025 (26 calendar days).',
    plans: {
      previous: (marks, _e, _r, at) => {
        marks.setDates(at('2024-10-07'), at('2024-10-08'), 'Z', 'astma-aanval');
        marks.setDates(at('2025-01-13'), at('2025-01-24'), 'D', 'ziekenhuisopname');
        marks.setDates(at('2025-03-17'), at('2025-03-18'), 'Z', 'ziek');
        marks.setDates(at('2025-05-12'), at('2025-05-16'), 'D', 'medisch attest');
      },
      current: (marks, _e, _r, at) => {
        marks.setDates(at('2025-09-29'), at('2025-09-30'), 'Z', 'astma-aanval');
        marks.setDates(at('2025-11-17'), at('2025-12-12'), 'D', 'ziekenhuisopname en herstel');
        marks.setDates(at('2026-01-19'), at('2026-01-20'), 'Z', 'ziek');
        marks.setDates(at('2026-02-02'), at('2026-02-06'), 'D', 'controle in het ziekenhuis');
        marks.setDates(at('2026-03-09'), at('2026-03-10'), 'Z', 'ziek');
        marks.setDates(at('2026-04-27'), at('2026-04-30'), 'D', 'medisch attest');
        marks.setDates(at('2026-06-01'), at('2026-06-02'), 'Z', 'ziek');
      },
    },
  },
  {
    key: 'fixedSlot',
    school: 0,
    stepNow: 4,
    description:
      'Pupil (2nd grade) kept home every Tuesday and Friday afternoon from 15 September 2025 with code P (partial schooling agreement).',
    plans: {
      current: (marks, _e, _r, at) => {
        for (let p = marks.positionFrom(at('2025-09-15')); p < marks.end; p++) {
          const weekday = marks.year.weekdays[p];
          if (marks.year.halves[p] === 'PM' && (weekday === 2 || weekday === 5)) {
            marks.set(p, 'P', 'deeltijds schoollopen (afspraak directie en CLB)');
          }
        }
      },
    },
  },
  {
    key: 'midYearEntrant',
    school: 0,
    stepNow: 7,
    description: 'Pupil (5th grade) who came from another school: enrolled from 12 January 2026 only.',
    plans: {},
    adjust: (pupil, at, currentYear) => {
      pupil.enrolments = pupil.enrolments.filter((e) => e.schoolYear === currentYear);
      for (const e of pupil.enrolments) e.enrolledFrom = at('2026-01-12');
    },
  },
  {
    key: 'truant',
    school: 1,
    stepNow: 3,
    description: 'Truant (4th year): first B on a September 2025 afternoon, escalating to several half-days a week.',
    plans: {
      previous: (marks, _e, _r, at) => void marks.set(marks.positionFrom(at('2025-05-23'), 'PM'), 'B'),
      current: (marks, _e, random, at) => truancyEscalation(marks, random, at('2025-09-25'), 0.4, 3),
    },
  },
  {
    key: 'truant2',
    school: 1,
    stepNow: 2,
    description: 'Truant (3rd year): first B in October 2025, slowly escalating.',
    plans: { current: (marks, _e, random, at) => truancyEscalation(marks, random, at('2025-10-09'), 0.3, 2) },
  },
  {
    key: 'truant3',
    school: 1,
    stepNow: 4,
    description: 'Truant (5th year): first B in mid-September 2025, escalating after the autumn break.',
    plans: { current: (marks, _e, random, at) => truancyEscalation(marks, random, at('2025-09-16'), 0.5, 2.5) },
  },
  {
    key: 'schoolRefuser',
    school: 1,
    stepNow: 1,
    description:
      'School refuser (2nd year): absent on Monday mornings and after holidays (return days), mostly reported ill, from October 2025.',
    plans: {
      previous: (marks, _e, random) => returnDayAbsences(marks, random, () => 0.12),
      current: (marks, _e, random, at) =>
        returnDayAbsences(marks, random, (date) => (date < at('2025-10-01') ? 0.25 : 0.8)),
    },
  },
  {
    key: 'excluded',
    school: 1,
    stepNow: 2,
    description:
      'Pupil (3rd year BSO) definitively excluded on 10 February 2026 without a new school: T from then until the end of the year.',
    plans: {
      current: (marks, enrolment, random, at) => {
        marks.setDates(at('2026-01-19'), at('2026-01-21'), 'U', 'tijdelijke uitsluiting');
        marks.setDates(at('2026-02-02'), at('2026-02-09'), 'Y', 'preventieve schorsing');
        marks.setDates(enrolment.excludedOn ?? at('2026-02-10'), enrolment.enrolledUntil ?? marks.year.lastDay, 'T');
        for (let i = 0; i < 6; i++) {
          marks.set(random.int(marks.positionFrom(at('2025-10-06')), marks.positionFrom(at('2026-01-16'))), 'B');
        }
      },
    },
    adjust: (pupil, at, currentYear) => {
      const current = pupil.enrolments.find((e) => e.schoolYear === currentYear);
      if (current) {
        current.excludedOn = at('2026-02-10');
        current.className = `${current.grade}BSO-A`;
      }
    },
  },
  {
    key: 'b30TwoYears',
    school: 1,
    stepNow: 4,
    description: 'Pupil (5th year) with 30+ B half-days in 2024-2025 and again 30+ in 2025-2026.',
    plans: {
      previous: (marks, _e, random, at) => spreadB(marks, random, 38, at('2024-09-01')),
      current: (marks, _e, random, at) => spreadB(marks, random, 34, at('2025-09-08')),
    },
  },
  {
    key: 'nearB5',
    school: 1,
    stepNow: 3,
    description:
      'Pupil (4th year) at exactly 4 B half-days in 2025-2026: one more B makes the 5th (B5_CLB); freeHalfDay has no row yet.',
    plans: {
      previous: (marks, _e, _r, at) => void marks.set(marks.positionFrom(at('2025-03-14'), 'PM'), 'B'),
      current: (marks, _e, _r, at) => {
        marks.set(marks.positionFrom(at('2025-09-26'), 'PM'), 'B');
        marks.set(marks.positionFrom(at('2025-10-17'), 'PM'), 'B');
        marks.set(marks.positionFrom(at('2025-11-28'), 'AM'), 'B');
        marks.set(marks.positionFrom(at('2025-12-12'), 'PM'), 'B');
      },
    },
  },
];

/** Absent on the morning (sometimes the whole day) of return days, with a probability by date. */
function returnDayAbsences(marks: RegisterMarks, random: Random, probability: (date: IsoDate) => number): void {
  const year = marks.year;
  for (let day = 0; day < year.dayNumbers.length; day++) {
    if (!year.returnDay[day]) continue;
    const date = fromDayNumber(year.dayNumbers[day] as number);
    if (!random.chance(probability(date))) continue;
    const reported = random.chance(0.7);
    const code = reported ? 'Z' : 'B';
    const note = reported ? 'ziek gemeld (buikpijn)' : 'niet opgedaagd';
    if (random.chance(0.4)) marks.setDay(day, code, note);
    else marks.set(year.dayStart[day] as number, code, note);
  }
}

/** Generates the demo: deterministic for a seed and a `today`, no I/O. */
export function generateDemo(options: GenerateDemoOptions = {}): DemoData {
  const seed = options.seed ?? 2025;
  const today = options.today ?? DEMO_REFERENCE_DAY;
  const schoolYears = demoSchoolYears(today);
  const [, currentYear] = schoolYears;
  const at = storyDate(today);
  const plans = [PRIMARY, SECONDARY];
  const drafts = plans.map((plan) =>
    createPupils(plan, deriveRandom(seed, 'pupils', plan.institutionNumber), schoolYears),
  );

  // Personas are chosen among regular pupils of the right grade, then their records adjusted.
  const personaRandom = deriveRandom(seed, 'personas');
  const personaOf = new Map<string, PersonaSpec>();
  const personas: Partial<Record<PersonaKey, DemoPersona>> = {};
  const schoolPersonas: DemoPersona[][] = plans.map(() => []);
  for (const spec of PERSONAS) {
    const candidates = (drafts[spec.school] as PupilDraft[]).filter(
      (d) => d.regular && d.stepNow === spec.stepNow && !personaOf.has(d.pupil.pupilId),
    );
    const chosen = personaRandom.pick(candidates);
    personaOf.set(chosen.pupil.pupilId, spec);
    spec.adjust?.(chosen.pupil, at, currentYear);
    const persona: DemoPersona = {
      key: spec.key,
      institutionNumber: (plans[spec.school] as SchoolPlan).institutionNumber,
      pupilId: chosen.pupil.pupilId,
      description: spec.description,
    };
    personas[spec.key] = persona;
    schoolPersonas[spec.school]?.push(persona);
  }

  const schools = plans.map((plan, schoolIndex): DemoSchool => {
    const weights = new Map<string, Float64Array>();
    for (const schoolYear of schoolYears) {
      const days = schoolYearDays(plan.calendarLevel, schoolYear);
      weights.set(
        schoolYear,
        illnessStartWeights(days, deriveRandom(seed, 'waves', plan.institutionNumber, schoolYear)),
      );
    }
    const register: DemoRegisterRow[] = [];
    for (const draft of drafts[schoolIndex] as PupilDraft[]) {
      const spec = personaOf.get(draft.pupil.pupilId);
      for (const enrolment of draft.pupil.enrolments) {
        const days = schoolYearDays(plan.calendarLevel, enrolment.schoolYear);
        const range = enrolledRange(days, enrolment.enrolledFrom, enrolment.enrolledUntil);
        const marks = new RegisterMarks(days, range.start, range.end);
        const random = deriveRandom(
          seed,
          'register',
          plan.institutionNumber,
          draft.pupil.pupilId,
          enrolment.schoolYear,
        );
        spec?.plans[enrolment.schoolYear === currentYear ? 'current' : 'previous']?.(marks, enrolment, random, at);
        addBackground(marks, random, {
          draft,
          enrolment,
          illnessWeights: weights.get(enrolment.schoolYear) as Float64Array,
          allowB: spec === undefined,
        });
        if (spec?.key === 'nearB5' && enrolment.schoolYear === currentYear) {
          const free = marks.freeHalfDayFrom(at('2026-01-13'), 'AM');
          if (free) (personas.nearB5 as NearB5Persona).freeHalfDay = free;
        }
        // The register of the current year stops yesterday: nobody has registered today's half-days yet.
        for (const row of marks.rows(draft.pupil.pupilId)) if (row.date < today) register.push(row);
      }
    }
    return {
      institutionNumber: plan.institutionNumber,
      name: plan.name,
      calendarLevel: plan.calendarLevel,
      pupils: (drafts[schoolIndex] as PupilDraft[]).map((d) => d.pupil),
      register,
      personas: schoolPersonas[schoolIndex] as DemoPersona[],
    };
  });

  return { seed, today, schoolYears, schools, personas: personas as DemoPersonas };
}
