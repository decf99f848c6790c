// The certificate checks as signals (catalog rules of kind `certificate`): one signal per rule and pupil with the
// findings as facts and a sentence from the rule's template. recompute-signals stores them beside the engine's.

import type { IsoDate } from '../civil-date.ts';
import { formatBelgianDate } from '../half-day.ts';
import type { CertificateRule, LocalizedText, RuleCatalog } from '../rules/catalog-types.ts';
import { isoFromDayNumber } from '../rules/civil-day.ts';
import type { EvidenceFacts, Signal } from '../rules/signals.ts';
import {
  type CertificateCheckInput,
  type CertificateFacts,
  type CertificateFindingKind,
  type CertificateThresholds,
  certificateDays,
  checkCertificates,
  FINDING_LABELS,
  FINDING_RULE,
} from './certificates.ts';

/** What a certificate rule's sentence may name: its parameters, the first date, the findings, the certificate. */
interface SentenceValues {
  params: Readonly<Record<string, string | number>>;
  date: IsoDate;
  detail: string;
  certificate: CertificateFacts | undefined;
}

/** A placeholder's value; undefined for a name the sentence does not know. A parameter of the rule wins. */
function sentenceValue(name: string, values: SentenceValues): string | number | undefined {
  if (Object.hasOwn(values.params, name)) return values.params[name];
  const { certificate } = values;
  switch (name) {
    case 'date':
      return formatBelgianDate(values.date);
    case 'detail':
      return values.detail;
    case 'from':
      return certificate ? formatBelgianDate(certificate.from) : '';
    case 'to':
      return certificate ? formatBelgianDate(certificate.to) : '';
    case 'days':
      return certificate ? certificateDays(certificate) : '';
    default:
      return undefined;
  }
}

/** A template split once at its {placeholders}: parts.length === names.length + 1. */
const templates = new Map<string, { parts: string[]; names: string[] }>();

/** The template with each {name} replaced by its value; a name without a value stays as it is. */
function fill(template: string, values: SentenceValues): string {
  let compiled = templates.get(template);
  if (!compiled) {
    const pieces = template.split(/\{(\w+)\}/);
    compiled = { parts: pieces.filter((_, i) => i % 2 === 0), names: pieces.filter((_, i) => i % 2 === 1) };
    templates.set(template, compiled);
  }
  const { parts, names } = compiled;
  let out = parts[0] as string;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = sentenceValue(name, values);
    out += `${value === undefined ? `{${name}}` : value}${parts[i + 1]}`;
  }
  return out;
}

const rulesOfCatalog = new WeakMap<RuleCatalog, CertificateRule[]>();

function certificateRules(catalog: RuleCatalog): CertificateRule[] {
  let rules = rulesOfCatalog.get(catalog);
  if (!rules) {
    rules = catalog.rules.filter((r): r is CertificateRule => r.kind === 'certificate');
    rulesOfCatalog.set(catalog, rules);
  }
  return rules;
}

/** A finding as the signals count it: its kind, first date, half-days (at least 1) and certificate. */
interface CountedFinding {
  kind: CertificateFindingKind;
  on: IsoDate;
  size: number;
  certificateId?: number;
}

/** The signals the certificate rules of the catalog raise for one pupil in one school year. */
export function certificateSignals(catalog: RuleCatalog, pupilId: string, input: CertificateCheckInput): Signal[] {
  const findings = checkCertificates(input).map(
    (f): CountedFinding => ({
      kind: f.kind,
      on: f.on,
      size: Math.max(f.halfDays.length, 1),
      certificateId: f.certificateId,
    }),
  );
  return signalsOfFindings(catalog, pupilId, findings, input.certificates);
}

/**
 * certificateSignals for a pupil with no certificate in the school year, from the pupil's Z and D half-days as
 * slots (day number × 2, + 1 in the afternoon) sorted by slot, ties in their order: no object per half-day (a
 * school's first import checks ~20,000 pupils' ~400,000 Z and D half-days). The findings are checkCertificates':
 * without a certificate no half-day is covered and no certificate is doubtful or long
 * (certificate-signals.test.ts compares both).
 */
export function certificateSignalsWithoutCertificates(
  catalog: RuleCatalog,
  pupilId: string,
  /** Slots of the pupil's Z and D half-days in order; `d[i]` 1 for D, 0 for Z. */
  halfDays: { slots: ArrayLike<number>; d: ArrayLike<number> },
  context: {
    /** Positions among the school's half-days: `at[slot - low]` (-1 or beyond its end: no school then). */
    schoolPositions: { low: number; at: ArrayLike<number> };
    level: CertificateCheckInput['level'];
    /** The exam periods as day numbers, both ends included. */
    examDays: readonly { from: number; to: number }[];
    thresholds: CertificateThresholds;
  },
): Signal[] {
  const { slots, d } = halfDays;
  const { low, at: positions } = context.schoolPositions;
  const { maxNoteSpanDays, maxNotes } = context.thresholds;
  const findings: CountedFinding[] = [];
  // D half-days: none is covered.
  let dCount = 0;
  let firstD = -1;
  for (let i = 0; i < slots.length; i++) if (d[i] === 1 && dCount++ === 0) firstD = slots[i] as number;
  if (dCount > 0) findings.push({ kind: 'd-uncovered', on: dateOfSlot(firstD), size: dCount });
  // Z spells over the school half-days (zSpells): a half-day twice counts once; none is covered. Each spell is
  // too long (more calendar days than a note covers) or not, and the ones after the first maxNotes are notes over
  // the limit: the findings come in that order, all too long spells first.
  let previous = Number.NaN;
  let spellFirst = -1;
  let spellLast = -1;
  let spellSize = 0;
  let spells = 0;
  const beyondLimit: CountedFinding[] = [];
  const close = () => {
    if (spellSize === 0) return;
    const on = dateOfSlot(spellFirst);
    if ((spellLast >> 1) - (spellFirst >> 1) + 1 > maxNoteSpanDays)
      findings.push({ kind: 'z-too-long', on, size: spellSize });
    if (spells++ >= maxNotes) beyondLimit.push({ kind: 'notes-over-limit', on, size: spellSize });
    spellSize = 0;
  };
  for (let i = 0; i < slots.length; i++) {
    if (d[i] !== 0) continue;
    const slot = slots[i] as number;
    const position = positions[slot - low] ?? -1;
    if (position < 0 || position === previous) continue;
    if (position !== previous + 1) close();
    if (spellSize === 0) spellFirst = slot;
    spellLast = slot;
    spellSize++;
    previous = position;
  }
  close();
  for (const finding of beyondLimit) findings.push(finding);
  // In secondary: Z half-days in an exam period.
  if (context.level === 'secundair' && context.examDays.length > 0) {
    let examCount = 0;
    let firstExam = -1;
    for (let i = 0; i < slots.length; i++) {
      if (d[i] !== 0) continue;
      const day = (slots[i] as number) >> 1;
      let inExams = false;
      for (const period of context.examDays) inExams ||= period.from <= day && day <= period.to;
      if (inExams && examCount++ === 0) firstExam = slots[i] as number;
    }
    if (examCount > 0) findings.push({ kind: 'exam-period', on: dateOfSlot(firstExam), size: examCount });
  }
  return signalsOfFindings(catalog, pupilId, findings, []);
}

/** The ISO date of a slot, cached per day (a school's pupils share a few hundred days). */
const slotDates = new Map<number, IsoDate>();
function dateOfSlot(slot: number): IsoDate {
  const day = slot >> 1;
  let date = slotDates.get(day);
  if (date === undefined) {
    if (slotDates.size > 20_000) slotDates.clear();
    date = isoFromDayNumber(day);
    slotDates.set(day, date);
  }
  return date;
}

/** One signal per certificate rule with findings: the findings as facts, the sentence from the rule's template. */
function signalsOfFindings(
  catalog: RuleCatalog,
  pupilId: string,
  findings: readonly CountedFinding[],
  certificates: readonly CertificateFacts[],
): Signal[] {
  const out: Signal[] = [];
  for (const rule of certificateRules(catalog)) {
    // The rule's findings: the earliest (the first of equals), and per kind in order of appearance its half-days.
    let first: CountedFinding | undefined;
    const facts: Record<string, number | string | boolean> = {};
    const kinds: CertificateFindingKind[] = [];
    for (const f of findings) {
      if (FINDING_RULE[f.kind] !== rule.id) continue;
      if (first === undefined || f.on < first.on) first = f;
      const before = facts[f.kind] as number | undefined;
      if (before === undefined) kinds.push(f.kind);
      facts[f.kind] = (before ?? 0) + f.size;
    }
    if (!first) continue;
    const certificate = certificates.find((c) => c.id === first.certificateId);
    if (certificate) {
      facts.certificateId = certificate.id;
      facts.from = certificate.from;
      facts.to = certificate.to;
    }
    const sentence = (language: 'nl' | 'en'): SentenceValues => ({
      params: rule.params,
      date: (first as CountedFinding).on,
      detail: kinds
        .map((kind) => {
          const label = FINDING_LABELS[kind][language];
          return kind === 'doubt' || kind === 'long' ? label : `${facts[kind]} × ${label}`;
        })
        .join('; '),
      certificate,
    });
    const explanation: LocalizedText = {
      nl: fill(rule.explanation.nl, sentence('nl')),
      en: fill(rule.explanation.en, sentence('en')),
    };
    out.push({ pupilId, ruleId: rule.id, triggeredOn: first.on, evidence: facts as EvidenceFacts, explanation });
  }
  return out;
}
