// Stored signals: load the current ones of some pupils, write the changes a recompute found, list and update.
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

export async function signalsOfPupils(tx: Sql, pupilIds: readonly number[]): Promise<StoredSignal[]> {
  if (pupilIds.length === 0) return [];
  return tx.query<StoredSignal>(
    `SELECT id::int AS id, pupil_id::int AS "pupilId", school_year AS "schoolYear", rule_id AS "ruleId",
            evidence_key AS "evidenceKey", holds, status, handled_evidence_key AS "handledEvidenceKey"
     FROM signal WHERE pupil_id = ANY($1::bigint[])`,
    [pupilIds],
  );
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

/** Inserts new signals and updates changed ones in one statement each (arrays, not one query per row). */
export async function writeSignals(tx: Sql, rows: readonly ComputedSignalRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof ComputedSignalRow>(key: K) => rows.map((r) => r[key]);
  const changed = await tx.query<{ id: number; event: string | null }>(
    `WITH input AS (
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::jsonb[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::text[])
         AS t(school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key, explanation_nl,
              explanation_en, status, event)
     ), upserted AS (
       INSERT INTO signal (school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key,
                           explanation_nl, explanation_en, status)
       SELECT school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key, explanation_nl,
              explanation_en, status FROM input
       ON CONFLICT (pupil_id, school_year, rule_id) DO UPDATE
         SET triggered_on = EXCLUDED.triggered_on, evidence = EXCLUDED.evidence, evidence_key = EXCLUDED.evidence_key,
             explanation_nl = EXCLUDED.explanation_nl, explanation_en = EXCLUDED.explanation_en,
             status = EXCLUDED.status, holds = true, updated_at = now(), version = signal.version + 1
       RETURNING id, pupil_id, school_year, rule_id
     )
     SELECT u.id::int AS id, i.event FROM upserted u
     JOIN input i ON i.pupil_id = u.pupil_id AND i.school_year = u.school_year AND i.rule_id = u.rule_id`,
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
  const events = changed.filter((c) => c.event !== null);
  if (events.length > 0) {
    await tx.query(`INSERT INTO signal_event (signal_id, event) SELECT * FROM unnest($1::bigint[], $2::text[])`, [
      events.map((e) => e.id),
      events.map((e) => e.event),
    ]);
  }
}

/** Marks signals that no longer hold (their evidence was corrected away); they leave the attention list. */
export async function clearSignals(tx: Sql, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE signal SET holds = false, updated_at = now(), version = version + 1 WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  await tx.query(`INSERT INTO signal_event (signal_id, event) SELECT unnest($1::bigint[]), 'cleared'`, [ids]);
}
