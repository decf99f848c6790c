// Medical certificates (medische attesten) and the checks of the register against them: pure functions, the
// numbers come from the rule catalog (CERT_MISSING, CERT_LONG, Z_NOTE_LIMIT; docs/rules.md). Sources: seed 001
// l. 212 and 547–558 (judge certificates on duration and validity, tell the CLB about long, chronic or doubtful
// ones), seed 003 §2.1 (doubtful certificates go to the CLB, CLB doctor → doctor), shared/domain/sources.md §2.6
// (a parents' note covers at most 3 calendar days and 4 times a school year; a certificate in SO exam periods;
// no dixit-certificate; the issuers).
import { dayNumber, type IsoDate } from '../civil-date.ts';
import type { Half } from '../half-day.ts';
import type { RuleCatalog } from '../rules/catalog-types.ts';

/** Who may issue a medical certificate (sources.md §2.6, "Who may issue the attest"). */
export const ISSUER_KINDS = [
  'arts',
  'specialist',
  'psychiater',
  'tandarts',
  'orthodontist',
  'ziekenhuis',
  'labo',
] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** The outcome of the seed-003 route after a doubt: the CLB doctor's finding, told to the school. */
export const DOUBT_OUTCOMES = ['geldig', 'niet-geldig', 'onduidelijk'] as const;
export type DoubtOutcome = (typeof DOUBT_OUTCOMES)[number];

export interface CertificatePeriod {
  from: IsoDate;
  /** 'PM': the certificate starts in the afternoon of `from`; null: the whole day. */
  fromHalf: Half | null;
  to: IsoDate;
  /** 'AM': the certificate ends after the morning of `to`; null: the whole day. */
  toHalf: Half | null;
}

export interface CertificateFacts extends CertificatePeriod {
  id: number;
  /** Only "according to the patient": the school may refuse it (sources.md §2.6). */
  dixit: boolean;
  /** The school doubts its validity (seed 003 §2.1): the CLB route is opened. */
  doubt: boolean;
  /** The route's outcome, null while it runs. */
  outcome: DoubtOutcome | null;
}

export interface RegisterHalfDay {
  date: IsoDate;
  half: Half;
  code: string;
}

export interface ExamPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** The catalog numbers the checks use (CERT_MISSING, CERT_LONG; the note limit of Z_NOTE_LIMIT). */
export interface CertificateThresholds {
  /** A parents' note covers at most this many calendar days (sources.md §2.6). */
  maxNoteSpanDays: number;
  /** At most this many parents' notes a school year; the next one needs a certificate (sources.md §2.6). */
  maxNotes: number;
  /** A certificate longer than this many calendar days is a long certificate (sources.md §2.7, langdurig ziek). */
  longCertificateDays: number;
}

/**
 * Day numbers of the dates seen, memoised: the checks of a whole school's import compare hundreds of thousands
 * of half-days over a few hundred distinct dates (dayNumber per comparison was ~1.5 s of a 1,000,000-row import).
 */
const dayNumbers = new Map<string, number>();
function dayOf(date: IsoDate): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    day = dayNumber(date);
    dayNumbers.set(date, day);
  }
  return day;
}

const slotOf = (date: IsoDate, half: Half) => dayOf(date) * 2 + (half === 'PM' ? 1 : 0);
const firstSlot = (c: CertificatePeriod) => dayOf(c.from) * 2 + (c.fromHalf === 'PM' ? 1 : 0);
const lastSlot = (c: CertificatePeriod) => dayOf(c.to) * 2 + (c.toHalf === 'AM' ? 0 : 1);

/** Calendar days a certificate spans, both ends included. */
export const certificateDays = (c: CertificatePeriod) => dayOf(c.to) - dayOf(c.from) + 1;

/** A certificate counts as cover unless it is a dixit-certificate or the CLB route found it not valid. */
export const certificateCovers = (c: CertificateFacts) => !c.dixit && c.outcome !== 'niet-geldig';

/** Whether the half-day falls inside a certificate that counts as cover. */
export function covered(certificates: readonly CertificateFacts[], date: IsoDate, half: Half): boolean {
  if (certificates.length === 0) return false;
  const slot = slotOf(date, half);
  return certificates.some((c) => certificateCovers(c) && firstSlot(c) <= slot && slot <= lastSlot(c));
}

/** A period's problems as a school enters it: the end before the start. */
export function periodProblem(p: CertificatePeriod): string | null {
  if (lastSlot(p) < firstSlot(p)) return 'De einddatum van het attest ligt vóór de begindatum.';
  return null;
}

/** One Z spell: consecutive school half-days registered Z (days off in between do not break it). */
export interface Spell {
  first: RegisterHalfDay;
  last: RegisterHalfDay;
  halfDays: RegisterHalfDay[];
  /** Calendar days from the first to the last half-day, both included (weekends count). */
  calendarDays: number;
}

/**
 * The Z spells of a register: runs over the school's half-days (sorted school half-days of the calendar), so a
 * Friday and the Monday after are one spell of 4 calendar days (sources.md §2.6: "vrijdag, zaterdag, zondag en
 * maandag ziek = medisch attest").
 */
export function zSpells(
  register: readonly RegisterHalfDay[],
  schoolHalfDays: readonly { date: IsoDate; half: Half }[],
  code = 'Z',
): Spell[] {
  // Positions of the school half-days (built once per calendar and reused for every pupil): a spell is a run of
  // rows with `code` on consecutive positions; a school half-day without such a row ends it.
  const positions = positionsOf(schoolHalfDays);
  const rows = register
    .filter((r) => r.code === code)
    .map((row) => ({ row, at: positions.get(slotOf(row.date, row.half)) }))
    .filter((x): x is { row: RegisterHalfDay; at: number } => x.at !== undefined)
    .sort((a, b) => a.at - b.at);
  const spells: Spell[] = [];
  let current: RegisterHalfDay[] = [];
  let previous = Number.NaN;
  const close = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) {
      spells.push({ first, last, halfDays: current, calendarDays: dayOf(last.date) - dayOf(first.date) + 1 });
    }
    current = [];
  };
  for (const { row, at } of rows) {
    if (at === previous) continue; // the same half-day twice: counted once
    if (at !== previous + 1) close();
    current.push(row);
    previous = at;
  }
  close();
  return spells;
}

const positionCache = new WeakMap<readonly { date: IsoDate; half: Half }[], Map<number, number>>();

/** Slot → position in the school's half-days, cached per (immutable) list. */
function positionsOf(schoolHalfDays: readonly { date: IsoDate; half: Half }[]): Map<number, number> {
  let positions = positionCache.get(schoolHalfDays);
  if (!positions) {
    positions = new Map(schoolHalfDays.map((h, i) => [slotOf(h.date, h.half), i]));
    positionCache.set(schoolHalfDays, positions);
  }
  return positions;
}

export type CertificateFindingKind =
  | 'd-uncovered'
  | 'z-too-long'
  | 'notes-over-limit'
  | 'exam-period'
  | 'doubt'
  | 'long';

/** One thing the checks found, with the half-days or the certificate it is about. */
export interface CertificateFinding {
  kind: CertificateFindingKind;
  /** First date concerned (the signal's triggeredOn). */
  on: IsoDate;
  halfDays: RegisterHalfDay[];
  certificateId?: number;
}

export interface CertificateCheckInput {
  register: readonly RegisterHalfDay[];
  schoolHalfDays: readonly { date: IsoDate; half: Half }[];
  certificates: readonly CertificateFacts[];
  level: 'kleuter' | 'lager' | 'secundair';
  examPeriods: readonly ExamPeriod[];
  thresholds: CertificateThresholds;
}

/** D half-days (registered as "with a certificate") that no certificate covers. */
export function uncoveredD(input: CertificateCheckInput): CertificateFinding[] {
  const rows = input.register.filter((r) => r.code === 'D' && !covered(input.certificates, r.date, r.half));
  const first = rows[0];
  return first ? [{ kind: 'd-uncovered', on: first.date, halfDays: rows }] : [];
}

const uncoveredSpells = (input: CertificateCheckInput) =>
  zSpells(input.register, input.schoolHalfDays).filter((s) =>
    s.halfDays.some((h) => !covered(input.certificates, h.date, h.half)),
  );

/** Z spells longer than a parents' note may cover, without a certificate. */
export function zTooLong(input: CertificateCheckInput, spells = uncoveredSpells(input)): CertificateFinding[] {
  return spells
    .filter((s) => s.calendarDays > input.thresholds.maxNoteSpanDays)
    .map((s) => ({ kind: 'z-too-long', on: s.first.date, halfDays: s.halfDays }));
}

/** The parents' notes after the allowed number in the school year: each needed a certificate. */
export function notesOverLimit(input: CertificateCheckInput, spells = uncoveredSpells(input)): CertificateFinding[] {
  return spells
    .slice(input.thresholds.maxNotes)
    .map((s) => ({ kind: 'notes-over-limit', on: s.first.date, halfDays: s.halfDays }));
}

/** In secondary: Z half-days during an exam period without a certificate (sources.md §2.6). */
export function examWithoutCertificate(input: CertificateCheckInput): CertificateFinding[] {
  if (input.level !== 'secundair') return [];
  const rows = input.register.filter(
    (r) =>
      r.code === 'Z' &&
      input.examPeriods.some((p) => p.from <= r.date && r.date <= p.to) &&
      !covered(input.certificates, r.date, r.half),
  );
  const first = rows[0];
  return first ? [{ kind: 'exam-period', on: first.date, halfDays: rows }] : [];
}

/** Certificates in doubt (or dixit) whose CLB route has no outcome yet. */
export function doubtfulCertificates(input: CertificateCheckInput): CertificateFinding[] {
  return input.certificates
    .filter((c) => (c.doubt || c.dixit) && c.outcome === null)
    .map((c) => ({ kind: 'doubt', on: c.from, halfDays: [], certificateId: c.id }));
}

/** Long certificates: to be reported to the CLB quickly (seed 001 l. 212). */
export function longCertificates(input: CertificateCheckInput): CertificateFinding[] {
  return input.certificates
    .filter((c) => certificateDays(c) > input.thresholds.longCertificateDays)
    .map((c) => ({ kind: 'long', on: c.from, halfDays: [], certificateId: c.id }));
}

/** Every check, in the order the pupil page lists them. */
export function checkCertificates(input: CertificateCheckInput): CertificateFinding[] {
  // Each row's slot once (not per comparison); ties keep their order, as the stable sort of the rows did.
  const slots = input.register.map((r) => slotOf(r.date, r.half));
  const order = Array.from(slots.keys()).sort((a, b) => (slots[a] as number) - (slots[b] as number) || a - b);
  const sorted = { ...input, register: order.map((i) => input.register[i] as RegisterHalfDay) };
  const spells = uncoveredSpells(sorted);
  return [
    ...uncoveredD(sorted),
    ...zTooLong(sorted, spells),
    ...notesOverLimit(sorted, spells),
    ...examWithoutCertificate(sorted),
    ...doubtfulCertificates(sorted),
    ...longCertificates(sorted),
  ];
}

/** Which signal each finding feeds (catalog rules of kind `certificate`). */
export const FINDING_RULE: Readonly<Record<CertificateFindingKind, 'CERT_MISSING' | 'CERT_DOUBT' | 'CERT_LONG'>> = {
  'd-uncovered': 'CERT_MISSING',
  'z-too-long': 'CERT_MISSING',
  'notes-over-limit': 'CERT_MISSING',
  'exam-period': 'CERT_MISSING',
  doubt: 'CERT_DOUBT',
  long: 'CERT_LONG',
};

/** What each finding means, for the pupil page and the signal's sentence. */
export const FINDING_LABELS: Readonly<Record<CertificateFindingKind, { nl: string; en: string }>> = {
  'd-uncovered': { nl: 'halve dagen D zonder attest', en: 'D half-days without a certificate' },
  'z-too-long': {
    nl: 'ziekteperiode langer dan een briefje van de ouders dekt',
    en: 'illness spell longer than a parents’ note covers',
  },
  'notes-over-limit': {
    nl: 'briefje van de ouders boven het maximum per schooljaar',
    en: 'parents’ note beyond the limit per school year',
  },
  'exam-period': { nl: 'ziek tijdens de examens zonder attest', en: 'ill during exams without a certificate' },
  doubt: { nl: 'twijfel over het attest, CLB-traject loopt', en: 'doubt about the certificate, CLB route open' },
  long: { nl: 'langdurig attest: meld aan het CLB', en: 'long certificate: report to the CLB' },
};

/** The checks' numbers, read from the catalog (no number of its own here). */
export function certificateThresholds(catalog: RuleCatalog): CertificateThresholds {
  const param = (id: string, name: string): number => {
    const rule = catalog.rules.find((r) => r.id === id);
    const value = rule ? (rule.params as Record<string, unknown>)[name] : undefined;
    if (typeof value !== 'number') throw new Error(`The catalog has no ${id}.${name}`);
    return value;
  };
  return {
    maxNoteSpanDays: param('CERT_MISSING', 'maxNoteSpanDays'),
    maxNotes: param('Z_NOTE_LIMIT', 'maxSpells'),
    longCertificateDays: param('CERT_LONG', 'longCertificateDays'),
  };
}
