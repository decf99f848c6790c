// Stored signals: load the current ones of some pupils, write the changes a recompute found, list and update.
import { isoFromDayNumber } from '../domain/rules/civil-day.ts';
import type { RegisterRecord } from '../domain/rules/index.ts';
import { CARRIED_OVER_B_SQL } from './carried-over.sql.ts';
import { copyField } from './copy-text.ts';
import type { Sql } from './database.ts';

export interface StoredSignal {
  id: number;
  pupilId: number;
  schoolYear: string;
  ruleId: string;
  evidenceKey: string;
  holds: boolean;
  status: 'new' | 'acknowledged' | 'handled';
  handledEvidenceKey: string | null;
}

/**
 * SQL for the stored signals of the pupils in parameter `$n` (bigint[]) as one JSON text value (see
 * parseStoredSignals): PGlite decodes result rows field by field, which took longer than the query itself for
 * the few hundred signals of an import's pupils. A subquery, so a caller can fetch it with other values at once.
 */
export const storedSignalsJson = (n: number) =>
  `SELECT json_agg(json_build_array(id, pupil_id, school_year, rule_id, evidence_key, holds, status,
                                    handled_evidence_key))::text
   FROM signal WHERE pupil_id = ANY($${n}::bigint[])`;

export function parseStoredSignals(json: string | null | undefined): StoredSignal[] {
  const rows = JSON.parse(json ?? '[]') as [
    number,
    number,
    string,
    string,
    string,
    boolean,
    StoredSignal['status'],
    string | null,
  ][];
  return rows.map(([id, pupilId, schoolYear, ruleId, evidenceKey, holds, status, handledEvidenceKey]) => ({
    id,
    pupilId,
    schoolYear,
    ruleId,
    evidenceKey,
    holds,
    status,
    handledEvidenceKey,
  }));
}

/** What the recompute needs of one enrolment (with the pupil's birth date). */
export interface EnrolmentFacts {
  pupilId: number;
  schoolYear: string;
  level: 'kleuter' | 'lager' | 'secundair';
  birthDate: string;
  enrolledFrom: string;
  enrolledUntil: string | null;
  excludedOn: string | null;
  /** Recorded in the app after an exclusion (enrolment-elsewhere.service.ts); ends EXCLUDED_NO_SCHOOL. */
  enrolledElsewhereFrom: string | null;
  /**
   * B half-days this school year at a previous school (docs/decisions/0035): the count the pupils import carried
   * over, else the B rows of the same identity hash at another school of this database before this enrolment.
   */
  carriedOverB: number;
}

export interface RecomputeState {
  enrolments: EnrolmentFacts[];
  register: RegisterRecord[];
  /**
   * School changers (docs/decisions/0035): the rows of the same identity (keyed INSZ hash) at other schools in the
   * school year before the pupils' first enrolment here, as rows of the pupil here (B30_TWO_YEARS looks at that
   * year). A half-day the pupil has a row for here is left out. This school year's rows elsewhere are not here:
   * they count as the carried-over B.
   */
  priorRegister: RegisterRecord[];
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
export async function loadRecomputeState(
  tx: Sql,
  schoolId: number,
  pupilIds: readonly number[],
  today: string,
  withRegister: boolean,
): Promise<RecomputeState> {
  const [result] = await tx.query<{
    enrolments: string | null;
    register: string | null;
    priorRegister: string | null;
    signals: string | null;
    calendarVersion: number;
  }>(
    `WITH enrolled AS (
       SELECT e.pupil_id, e.school_year, e.level, p.birth_date, e.enrolled_from, e.enrolled_until, e.excluded_on,
              e.enrolled_elsewhere_from,
              ${CARRIED_OVER_B_SQL} AS carried_over_b
       FROM enrolment e JOIN pupil p ON p.id = e.pupil_id
       WHERE e.pupil_id = ANY($1::bigint[]) AND e.school_id = $2 AND e.enrolled_from <= $3
     ), first_day AS (
       SELECT make_date(min(split_part(school_year, '-', 1)::int) - 1, 9, 1) AS day FROM enrolled
     )
     SELECT (SELECT json_agg(json_build_object('pupilId', pupil_id, 'schoolYear', school_year, 'level', level,
               'birthDate', birth_date, 'enrolledFrom', enrolled_from, 'enrolledUntil', enrolled_until,
               'excludedOn', excluded_on, 'enrolledElsewhereFrom', enrolled_elsewhere_from,
               'carriedOverB', carried_over_b))::text
             FROM enrolled) AS enrolments,
            ${
              withRegister
                ? `(SELECT string_agg(concat_ws(',', r.pupil_id, r.date - DATE '1970-01-01', left(r.half, 1), r.code), ';')
               FROM register_entry r, first_day f
               WHERE r.pupil_id = ANY($1::bigint[]) AND r.date >= f.day AND r.date <= $3)`
                : 'NULL'
            } AS register,
            (SELECT string_agg(concat_ws(',', p.id, r.date - DATE '1970-01-01', left(r.half, 1), r.code), ';')
             FROM pupil p JOIN pupil o ON o.identity_hash = p.identity_hash AND o.id <> p.id
             JOIN register_entry r ON r.pupil_id = o.id, first_day f
             WHERE p.id = ANY($1::bigint[]) AND p.identity_hash IS NOT NULL
               AND r.date >= f.day AND r.date < (f.day + interval '1 year')::date
               AND NOT EXISTS (SELECT 1 FROM register_entry m WHERE m.pupil_id = p.id AND m.date = r.date AND m.half = r.half)
            ) AS "priorRegister",
            (${storedSignalsJson(1)}) AS signals,
            (SELECT calendar_version FROM organisation WHERE id = $2) AS "calendarVersion"`,
    [pupilIds, schoolId, today],
  );
  // "pupil,day number,A|P,code" items: a third shorter than ISO dates, and pg decoded the ~90 KB text value
  // at ~2.5 ms; the few hundred distinct days are turned into ISO dates once.
  const isoOf = new Map<string, string>();
  const rowsOf = (text: string | null | undefined): RegisterRecord[] =>
    !text
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
    register: rowsOf(result?.register),
    priorRegister: rowsOf(result?.priorRegister),
    stored: parseStoredSignals(result?.signals),
    calendarVersion: result?.calendarVersion ?? 0,
  };
}

export async function signalsOfPupils(tx: Sql, pupilIds: readonly number[]): Promise<StoredSignal[]> {
  if (pupilIds.length === 0) return [];
  const [result] = await tx.query<{ signals: string | null }>(`SELECT (${storedSignalsJson(1)}) AS signals`, [
    pupilIds,
  ]);
  return parseStoredSignals(result?.signals);
}

export interface ComputedSignalRow {
  schoolId: number;
  pupilId: number;
  schoolYear: string;
  ruleId: string;
  triggeredOn: string;
  evidence: string;
  evidenceKey: string;
  explanationNl: string;
  explanationEn: string;
  /** Status to store: a handled signal reopens as `new` when its evidence changed. */
  status: 'new' | 'acknowledged' | 'handled';
  event: 'detected' | 'evidence-changed' | 'reopened' | null;
}

export const WRITE_COLUMNS = [
  'school_id',
  'pupil_id',
  'school_year',
  'rule_id',
  'triggered_on',
  'evidence',
  'evidence_key',
  'explanation_nl',
  'explanation_en',
  'status',
  'event',
] as const;

/**
 * From this many rows on, the changes travel by COPY into a temporary table instead of as array parameters:
 * a whole school's recompute (150,000 signals with their evidence for a 20,000-pupil school) spent most of its
 * time serialising and parsing the arrays. Incremental recomputes (a day's import) stay on the array path, which
 * needs no temporary table.
 */
const COPY_FROM_ROWS = 2_000;

/**
 * Inserts new signals and updates changed ones in one statement, which also records their lifecycle events
 * (detected, evidence changed, reopened): `source` is a relation with the WRITE_COLUMNS. A new signal (event
 * `detected`, the whole of a school's first recompute) takes its event straight from the inserted id; only changed
 * signals are joined back to their input row for theirs (that join and its two sorts were ~8 % of a first write).
 */
function upsertFrom(source: string): string {
  const insert = (where: string, returning: string) => `
       INSERT INTO signal (school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key,
                           explanation_nl, explanation_en, status)
       SELECT school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key, explanation_nl,
              explanation_en, status FROM input WHERE ${where}
       ON CONFLICT (pupil_id, school_year, rule_id) DO UPDATE
         SET triggered_on = EXCLUDED.triggered_on, evidence = EXCLUDED.evidence, evidence_key = EXCLUDED.evidence_key,
             explanation_nl = EXCLUDED.explanation_nl, explanation_en = EXCLUDED.explanation_en,
             status = EXCLUDED.status, holds = true, updated_at = now(), version = signal.version + 1
       RETURNING ${returning}`;
  return `WITH input AS MATERIALIZED (${source}),
     detected AS (${insert("event = 'detected'", 'id')}),
     upserted AS (${insert("event IS DISTINCT FROM 'detected'", 'id, pupil_id, school_year, rule_id')})
     INSERT INTO signal_event (signal_id, event)
     SELECT id, 'detected' FROM detected
     UNION ALL
     SELECT u.id, i.event FROM upserted u
     JOIN input i ON i.pupil_id = u.pupil_id AND i.school_year = u.school_year AND i.rule_id = u.rule_id
     WHERE i.event IS NOT NULL AND i.event <> 'detected'`;
}

async function* copyLines(rows: readonly ComputedSignalRow[]): AsyncIterable<string> {
  const batch = 1_000;
  for (let start = 0; start < rows.length; start += batch) {
    let chunk = '';
    for (const r of rows.slice(start, start + batch)) {
      chunk += `${r.schoolId}\t${r.pupilId}\t${r.schoolYear}\t${copyField(r.ruleId)}\t${r.triggeredOn}\t${copyField(
        r.evidence,
      )}\t${copyField(r.evidenceKey)}\t${copyField(r.explanationNl)}\t${copyField(r.explanationEn)}\t${
        r.status
      }\t${copyField(r.event)}\n`;
    }
    yield chunk;
  }
}

/** Writes the signals a recompute found new or changed, with their events (see COPY_FROM_ROWS for the path). */
export async function writeSignals(tx: Sql, rows: readonly ComputedSignalRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length >= COPY_FROM_ROWS) {
    await tx.exec(
      `CREATE TEMP TABLE signal_write (
         school_id bigint, pupil_id bigint, school_year text, rule_id text, triggered_on date, evidence json,
         evidence_key text, explanation_nl text, explanation_en text, status text, event text
       ) ON COMMIT DROP`,
    );
    await tx.copyIn('signal_write', WRITE_COLUMNS, copyLines(rows));
    await tx.exec(upsertFrom('SELECT * FROM signal_write'));
    await tx.exec('DROP TABLE signal_write');
    return;
  }
  const column = <K extends keyof ComputedSignalRow>(key: K) => rows.map((r) => r[key]);
  await tx.query(
    upsertFrom(
      `SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::json[], $7::text[],
                           $8::text[], $9::text[], $10::text[], $11::text[])
         AS t(${WRITE_COLUMNS.join(', ')})`,
    ),
    [
      column('schoolId'),
      column('pupilId'),
      column('schoolYear'),
      column('ruleId'),
      column('triggeredOn'),
      column('evidence'),
      column('evidenceKey'),
      column('explanationNl'),
      column('explanationEn'),
      column('status'),
      column('event'),
    ],
  );
}

/** Marks signals that no longer hold (their evidence was corrected away); they leave the attention list. */
export async function clearSignals(tx: Sql, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  // One statement: the update and its events (one round trip).
  await tx.query(
    `WITH cleared AS (
       UPDATE signal SET holds = false, updated_at = now(), version = version + 1 WHERE id = ANY($1::bigint[])
       RETURNING id
     )
     INSERT INTO signal_event (signal_id, event) SELECT id, 'cleared' FROM cleared`,
    [ids],
  );
}
