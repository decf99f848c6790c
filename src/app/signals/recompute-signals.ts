// Use case: recompute the signals of some pupils of a school (after an import) and store what changed.
import { hash } from 'node:crypto';
import type { Sql } from '../../db/database.ts';
import {
  type ComputedSignalRow,
  clearSignals,
  parseStoredSignals,
  type StoredSignal,
  storedSignalsJson,
  writeSignals,
} from '../../db/signal.repository.ts';
import { isoFromDayNumber } from '../../domain/rules/civil-day.ts';
import {
  buildEngineInput,
  type CompiledCalendar,
  compileCalendar,
  evaluateTable,
  explanationAt,
  lastingEvidence,
  type PupilRecord,
  type RegisterRecord,
  type RuleCatalog,
  type Signal,
  signalWithoutExplanation,
  VLAANDEREN_CATALOG,
} from '../../domain/rules/index.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { phaseTimer } from '../../phase-timer.ts';
import { certificateSignalsOf } from './certificate-signals.ts';

/** The catalog in force. (Per-school overrides of product defaults are resolved here once they are stored.) */
export function activeCatalog(): RuleCatalog {
  return VLAANDEREN_CATALOG;
}

interface EnrolmentFacts {
  pupilId: number;
  schoolYear: string;
  level: 'kleuter' | 'lager' | 'secundair';
  birthDate: string;
  enrolledFrom: string;
  enrolledUntil: string | null;
  excludedOn: string | null;
  /** Recorded in the app after an exclusion (enrolment-elsewhere.service.ts); ends EXCLUDED_NO_SCHOOL. */
  enrolledElsewhereFrom: string | null;
}

/** Compiled calendars per school, reused while the school's calendar_version is unchanged. */
const calendarCache = new Map<number, { version: number; calendar: CompiledCalendar }>();

async function schoolCalendar(tx: Sql, schoolId: number, version: number): Promise<CompiledCalendar> {
  const cached = calendarCache.get(schoolId);
  if (cached?.version === version) return cached.calendar;
  const rows = await tx.query<{ date: string; half: 'AM' | 'PM'; schoolDay: boolean }>(
    'SELECT date, half, school_day AS "schoolDay" FROM calendar_half_day WHERE school_id = $1',
    [schoolId],
  );
  const calendar = compileCalendar('school', rows);
  calendarCache.set(schoolId, { version, calendar });
  return calendar;
}

interface PupilState {
  enrolments: EnrolmentFacts[];
  register: RegisterRecord[];
  stored: StoredSignal[];
  calendarVersion: number;
}

/**
 * In one round trip (each round trip costs ~1 ms in PGlite): the pupils' enrolments in the school up to `today`,
 * their register rows from 1 September of the school year before the first of those enrolments up to `today`,
 * their stored signals and the school's calendar version. Rows come as aggregated values: a few thousand rows as
 * separate result rows cost ~5 µs each to decode in PGlite (23 ms for the 3,000 rows of a one-day import's
 * pupils, of which the query itself took 5 ms).
 */
async function stateOfPupils(
  tx: Sql,
  schoolId: number,
  pupilIds: readonly number[],
  today: string,
): Promise<PupilState> {
  const [result] = await tx.query<{
    enrolments: string | null;
    register: string | null;
    signals: string | null;
    calendarVersion: number;
  }>(
    `WITH enrolled AS (
       SELECT e.pupil_id, e.school_year, e.level, p.birth_date, e.enrolled_from, e.enrolled_until, e.excluded_on,
              e.enrolled_elsewhere_from
       FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
       WHERE e.pupil_id = ANY($1::bigint[]) AND e.school_id = $2 AND e.enrolled_from <= $3
     ), first_day AS (
       SELECT make_date(min(split_part(school_year, '-', 1)::int) - 1, 9, 1) AS day FROM enrolled
     )
     SELECT (SELECT json_agg(json_build_object('pupilId', pupil_id, 'schoolYear', school_year, 'level', level,
               'birthDate', birth_date, 'enrolledFrom', enrolled_from, 'enrolledUntil', enrolled_until,
               'excludedOn', excluded_on, 'enrolledElsewhereFrom', enrolled_elsewhere_from))::text
             FROM enrolled) AS enrolments,
            (SELECT string_agg(concat_ws(',', r.pupil_id, r.date - DATE '1970-01-01', left(r.half, 1), r.code), ';')
               FROM register_entry r, first_day f
               WHERE r.pupil_id = ANY($1::bigint[]) AND r.date >= f.day AND r.date <= $3) AS register,
            (${storedSignalsJson(1)}) AS signals,
            (SELECT calendar_version FROM organisation WHERE id = $2) AS "calendarVersion"`,
    [pupilIds, schoolId, today],
  );
  // "pupil,day number,A|P,code" items: a third shorter than ISO dates, and pg decoded the ~90 KB text value
  // at ~2.5 ms; the few hundred distinct days are turned into ISO dates once.
  const text = result?.register ?? '';
  const isoOf = new Map<string, string>();
  const register: RegisterRecord[] =
    text === ''
      ? []
      : text.split(';').map((item) => {
          const [pupilId, day, half, code] = item.split(',') as [string, string, string, string];
          let date = isoOf.get(day);
          if (date === undefined) {
            date = isoFromDayNumber(Number(day));
            isoOf.set(day, date);
          }
          return { pupilId, date, half: half === 'P' ? 'PM' : 'AM', code };
        });
  return {
    enrolments: JSON.parse(result?.enrolments ?? '[]') as EnrolmentFacts[],
    register,
    stored: parseStoredSignals(result?.signals),
    calendarVersion: result?.calendarVersion ?? 0,
  };
}

/** SHA-1 of the evidence JSON, base64url (one-shot `hash`: no Hash object per signal). */
export const evidenceKey = (evidence: Signal['evidence']) => hash('sha1', JSON.stringify(evidence), 'base64url');

/**
 * A signal's evidence fingerprint: the key of its lasting evidence (what only new evidence changes), followed by
 * ".key of the whole evidence" when time-driven facts make them differ. A handled signal returns only when the
 * lasting part changes; a change in the rest just refreshes the stored evidence.
 */
export function fingerprintOf(evidence: Signal['evidence']): { lasting: string; fingerprint: string } {
  const lastingPart = lastingEvidence(evidence);
  const lasting = evidenceKey(lastingPart);
  // Half-day evidence is lasting as a whole: hash it once.
  const whole = lastingPart === evidence ? lasting : evidenceKey(evidence);
  return { lasting, fingerprint: lasting === whole ? lasting : `${lasting}.${whole}` };
}

/** The lasting part of a stored fingerprint (base64url has no "."); null stays null. */
const lastingPart = (fingerprint: string | null | undefined) => fingerprint?.split('.')[0] ?? null;

export interface RecomputeResult {
  evaluatedPupils: number;
  written: number;
  cleared: number;
}

/**
 * Evaluates the catalog for the given pupils in every school year they are enrolled in (as of `today`, or the
 * last day of a past school year) and writes only the differences with what is stored.
 */
export async function recomputeSignals(
  tx: Sql,
  schoolId: number,
  pupilIds: readonly number[],
  today: string,
  options: {
    /**
     * Started after the stored state was loaded and awaited before the changes are written: database work that
     * does not depend on the signals (the monitor's register scan) runs while Node evaluates the catalog.
     */
    whileEvaluating?: () => Promise<unknown>;
  } = {},
): Promise<RecomputeResult> {
  if (pupilIds.length === 0) return { evaluatedPupils: 0, written: 0, cleared: 0 };
  const phase = phaseTimer('signals');
  // One connection inside a transaction: one round trip loads everything.
  const {
    enrolments,
    register: registerRecords,
    stored,
    calendarVersion,
  } = await stateOfPupils(tx, schoolId, pupilIds, today);
  if (enrolments.length === 0) return { evaluatedPupils: 0, written: 0, cleared: 0 };
  const years = [...new Set(enrolments.map((e) => e.schoolYear))].sort();
  const calendar = await schoolCalendar(tx, schoolId, calendarVersion);
  phase('load');
  const alongside = options.whileEvaluating?.();
  // Its failure surfaces at the await below; until then the evaluation runs without yielding.
  alongside?.catch(() => {});
  const catalog = activeCatalog();
  const storedByKey = new Map(stored.map((s) => [`${s.pupilId}|${s.schoolYear}|${s.ruleId}`, s]));
  const seen = new Set<string>();
  const rows: ComputedSignalRow[] = [];
  for (const schoolYear of years) {
    const year = parseSchoolYearId(schoolYear);
    if (!year) continue;
    const asOf = today < year.lastDay ? today : year.lastDay;
    const pupils: PupilRecord[] = enrolments
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
      }));
    const enrolled = new Set(pupils.map((p) => p.pupilId));
    const input = buildEngineInput({
      pupils,
      register: registerRecords.filter((r) => enrolled.has(r.pupilId)),
      calendars: [calendar],
    });
    const table = evaluateTable(input, catalog, asOf);
    // Stores one computed signal when it differs from the stored one; the sentence is built only then.
    const consider = (signal: Omit<Signal, 'explanation'>, explain: () => Signal['explanation']) => {
      const pupilId = Number(signal.pupilId);
      const key = `${pupilId}|${schoolYear}|${signal.ruleId}`;
      seen.add(key);
      const { lasting, fingerprint } = fingerprintOf(signal.evidence);
      const before = storedByKey.get(key);
      if (before?.holds && before.evidenceKey === fingerprint) return;
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
      rows.push({
        schoolId,
        pupilId,
        schoolYear,
        ruleId: signal.ruleId,
        triggeredOn: signal.triggeredOn,
        evidence: JSON.stringify(signal.evidence),
        evidenceKey: fingerprint,
        explanationNl: explanation.nl,
        explanationEn: explanation.en,
        status,
        event,
      });
    };
    for (let i = 0; i < table.length; i++) {
      // The sentences are built only for signals that changed (most are as stored).
      const signal = signalWithoutExplanation(table, i);
      consider(signal, () => explanationAt(table, i, signal.evidence));
    }
    // The certificate rules (catalog kind `certificate`): the engine does not see certificates (issue 14).
    for (const signal of await certificateSignalsOf(tx, schoolId, catalog, pupils, registerRecords, year, asOf)) {
      consider(signal, () => signal.explanation);
    }
  }
  phase('evaluate');
  await alongside;
  phase('wait for the work alongside');
  const evaluatedYears = new Set(years);
  const cleared = stored
    .filter((s) => s.holds && evaluatedYears.has(s.schoolYear) && !seen.has(`${s.pupilId}|${s.schoolYear}|${s.ruleId}`))
    .map((s) => s.id);
  await writeSignals(tx, rows);
  await clearSignals(tx, cleared);
  phase('write');
  return {
    evaluatedPupils: new Set(enrolments.map((e) => e.pupilId)).size,
    written: rows.length,
    cleared: cleared.length,
  };
}
