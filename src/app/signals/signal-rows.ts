// The rows a recompute stores for a school year's computed signals: each signal's evidence JSON and fingerprint,
// compared with what is stored, and its sentences built only when it changed. Shared by the recompute in the
// request (recompute-signals.ts) and the first import's evaluation in a worker thread (first-import-worker.ts), so
// both store exactly the same rows. No database here.
import { hash } from 'node:crypto';
import type { ComputedSignalRow, EnrolmentFacts, StoredSignal } from '../../db/signal.repository.ts';
import {
  type EvidenceFacts,
  EvidenceJson,
  explanationAt,
  lastingEvidence,
  type PupilRecord,
  type Signal,
  type SignalTable,
  signalHeadAt,
} from '../../domain/rules/index.ts';

/** An enrolment as the recompute loads it (loadRecomputeState). */
export type RecomputeEnrolment = EnrolmentFacts;

/** The engine's pupils of one school year. */
export function pupilRecordsOf(enrolments: readonly RecomputeEnrolment[], schoolYear: string): PupilRecord[] {
  return enrolments
    .filter((e) => e.schoolYear === schoolYear)
    .map((e) => ({
      pupilId: String(e.pupilId),
      calendarId: 'school',
      birthDate: e.birthDate,
      level: e.level,
      enrolledFrom: e.enrolledFrom,
      enrolledUntil: e.enrolledUntil,
      excludedOn: e.excludedOn,
      enrolledElsewhereFrom: e.enrolledElsewhereFrom,
      carriedOverBHalfDays: e.carriedOverB,
    }));
}

/**
 * The first day of the rows the load would have read: 1 September of the school year before the pupils' first
 * enrolment (loadRecomputeState's first_day); they end at `today`.
 */
export function firstDayOf(enrolments: readonly RecomputeEnrolment[]): string {
  const firstYear = enrolments.reduce((min, e) => Math.min(min, Number(e.schoolYear.slice(0, 4))), Infinity);
  return `${firstYear - 1}-09-01`;
}

/** What explanationAt is given for half-day evidence (it reads only facts). */
const NO_HALF_DAYS: Signal['evidence'] = [];

/** SHA-1 of the evidence JSON, base64url (one-shot `hash`: no Hash object per signal). */
const evidenceKey = (evidence: Signal['evidence']) => hash('sha1', JSON.stringify(evidence), 'base64url');

/**
 * A signal's evidence fingerprint: the key of its lasting evidence (what only new evidence changes), followed by
 * ".key of the whole evidence" when time-driven facts make them differ. A handled signal returns only when the
 * lasting part changes; a change in the rest just refreshes the stored evidence. `json` is the evidence as stored
 * (its key and the stored value come from the same text): JSON.stringify of `facts`, or of the half-days.
 */
function fingerprintOf(json: string, facts: EvidenceFacts | undefined): { lasting: string; fingerprint: string } {
  const whole = hash('sha1', json, 'base64url');
  // Half-day evidence is lasting as a whole: hash it once.
  const lasting = facts === undefined ? whole : evidenceKey(lastingEvidence(facts));
  return { lasting, fingerprint: lasting === whole ? lasting : `${lasting}.${whole}` };
}

/** The lasting part of a stored fingerprint (base64url has no "."); null stays null. */
const lastingPart = (fingerprint: string | null | undefined) => fingerprint?.split('.')[0] ?? null;

/**
 * The row to store for one computed signal, or undefined when it is stored as it is. `before`: the stored signal
 * of the same pupil, school year and rule (none: the signal is new). The sentence is built only for a row.
 */
export function signalRow(
  schoolId: number,
  schoolYear: string,
  signal: Pick<Signal, 'pupilId' | 'ruleId' | 'triggeredOn'>,
  evidence: { json: string; facts: EvidenceFacts | undefined },
  explain: () => Signal['explanation'],
  before: StoredSignal | undefined,
): ComputedSignalRow | undefined {
  const { lasting, fingerprint } = fingerprintOf(evidence.json, evidence.facts);
  if (before?.holds && before.evidenceKey === fingerprint) return undefined;
  let status: ComputedSignalRow['status'] = before?.status ?? 'new';
  let event: ComputedSignalRow['event'] = before ? 'evidence-changed' : 'detected';
  // Only time moved on (e.g. one more school day without a school): refresh the stored facts, no event.
  if (before?.holds && lastingPart(before.evidenceKey) === lasting) event = null;
  if (before?.status === 'handled') {
    if (lastingPart(before.handledEvidenceKey) !== lasting) {
      status = 'new';
      event = 'reopened';
    } else event = null;
  }
  const explanation = explain();
  return {
    schoolId,
    pupilId: Number(signal.pupilId),
    schoolYear,
    ruleId: signal.ruleId,
    triggeredOn: signal.triggeredOn,
    evidence: evidence.json,
    evidenceKey: fingerprint,
    explanationNl: explanation.nl,
    explanationEn: explanation.en,
    status,
    event,
  };
}

/**
 * The rows to store for a school year: the engine's signals (evidence half-days straight from the table to JSON,
 * no object per half-day) and the certificate rules' signals (the engine does not see certificates). `storedOf`
 * finds the stored signal of a computed one (none for a school's first import).
 */
export function* yearSignalRows(
  schoolId: number,
  schoolYear: string,
  table: SignalTable,
  certificates: readonly Signal[],
  storedOf: (pupilId: string, ruleId: string) => StoredSignal | undefined,
): Generator<ComputedSignalRow> {
  const evidenceJson = new EvidenceJson(table);
  for (let i = 0; i < table.length; i++) {
    const signal = signalHeadAt(table, i);
    const facts = table.factsAt(i);
    const row = signalRow(
      schoolId,
      schoolYear,
      signal,
      { json: evidenceJson.at(i, facts), facts },
      () => explanationAt(table, i, facts ?? NO_HALF_DAYS),
      storedOf(signal.pupilId, signal.ruleId),
    );
    if (row) yield row;
  }
  for (const signal of certificates) {
    const evidence = signal.evidence;
    const facts = Array.isArray(evidence) ? undefined : evidence;
    const row = signalRow(
      schoolId,
      schoolYear,
      signal,
      { json: JSON.stringify(evidence), facts },
      () => signal.explanation,
      storedOf(signal.pupilId, signal.ruleId),
    );
    if (row) yield row;
  }
}
