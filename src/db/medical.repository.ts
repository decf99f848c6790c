// Medical certificates and exam periods (migration 0023). The CLB doctor's note of a doubt route is a file_entry at
// clb-arts: it is read only through the one visibility rule (file-visibility.sql.ts).
import type { IssuerKind } from '../domain/medical/certificates.ts';
import type { Sql } from './database.ts';
import { type Visibility, visibilityValues, visibleItem } from './file-visibility.sql.ts';

export interface CertificateRow {
  id: number;
  pupilId: number;
  schoolId: number;
  from: string;
  fromHalf: 'AM' | 'PM' | null;
  to: string;
  toHalf: 'AM' | 'PM' | null;
  issuerKind: IssuerKind;
  receivedOn: string;
  dixit: boolean;
  doubt: boolean;
  doubtReason: string | null;
  clbToldOn: string | null;
  consentOn: string | null;
  doctorContactedOn: string | null;
  outcome: 'geldig' | 'niet-geldig' | 'onduidelijk' | null;
  outcomeOn: string | null;
  /** The CLB doctor's note: null when there is none or the reader may not read it. */
  doctorNote: string | null;
  version: number;
}

export interface CertificateInput {
  from: string;
  fromHalf: 'AM' | 'PM' | null;
  to: string;
  toHalf: 'AM' | 'PM' | null;
  issuerKind: string;
  receivedOn: string;
  dixit: boolean;
  doubt: boolean;
  doubtReason: string | null;
}

const COLUMNS = `c.id::int AS id, c.pupil_id::int AS "pupilId", c.school_id::int AS "schoolId", c.from_date AS "from",
  c.from_half AS "fromHalf", c.to_date AS "to", c.to_half AS "toHalf", c.issuer_kind AS "issuerKind",
  c.received_on AS "receivedOn", c.dixit, c.doubt, c.doubt_reason AS "doubtReason", c.clb_told_on AS "clbToldOn",
  c.consent_on AS "consentOn", c.doctor_contacted_on AS "doctorContactedOn", c.outcome, c.outcome_on AS "outcomeOn",
  c.version`;

/** The pupil's certificates, newest first, each with the doctor's note only where the reader's visibility allows. */
export async function certificatesOfPupil(db: Sql, pupilId: number, visibility: Visibility): Promise<CertificateRow[]> {
  return db.query<CertificateRow>(
    `SELECT ${COLUMNS}, CASE WHEN e.id IS NOT NULL AND ${visibleItem('entry', 'e', { levels: '$2', today: '$3', roles: '$4' })}
              THEN e.what END AS "doctorNote"
     FROM medical_certificate c LEFT JOIN file_entry e ON e.id = c.doctor_note_entry_id
     WHERE c.pupil_id = $1 ORDER BY c.from_date DESC, c.id DESC`,
    [pupilId, ...visibilityValues(visibility)],
  );
}

/** The certificate's pupil and version (for the access check and the optimistic lock). */
export async function findCertificate(
  db: Sql,
  id: number,
): Promise<
  | {
      pupilId: number;
      schoolId: number;
      version: number;
      doubt: boolean;
      clbToldOn: string | null;
      doctorNoteEntryId: number | null;
    }
  | undefined
> {
  const rows = await db.query<{
    pupilId: number;
    schoolId: number;
    version: number;
    doubt: boolean;
    clbToldOn: string | null;
    doctorNoteEntryId: number | null;
  }>(
    `SELECT pupil_id::int AS "pupilId", school_id::int AS "schoolId", version, doubt, clb_told_on AS "clbToldOn",
            doctor_note_entry_id::int AS "doctorNoteEntryId"
     FROM medical_certificate WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function insertCertificate(
  db: Sql,
  c: CertificateInput & { pupilId: number; schoolId: number; createdBy: number | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO medical_certificate (pupil_id, school_id, from_date, from_half, to_date, to_half, issuer_kind,
                                      received_on, dixit, doubt, doubt_reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::int AS id`,
    [
      c.pupilId,
      c.schoolId,
      c.from,
      c.fromHalf,
      c.to,
      c.toHalf,
      c.issuerKind,
      c.receivedOn,
      c.dixit,
      c.doubt,
      c.doubtReason,
      c.createdBy,
    ],
  );
  return (rows[0] as { id: number }).id;
}

/** The school's changes (period, issuer, dixit, doubt) at the version the editor saw; false when it moved on. */
export async function updateCertificate(db: Sql, id: number, version: number, c: CertificateInput): Promise<boolean> {
  const rows = await db.query(
    `UPDATE medical_certificate SET from_date = $3, from_half = $4, to_date = $5, to_half = $6, issuer_kind = $7,
            received_on = $8, dixit = $9, doubt = $10, doubt_reason = $11, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, c.from, c.fromHalf, c.to, c.toHalf, c.issuerKind, c.receivedOn, c.dixit, c.doubt, c.doubtReason],
  );
  return rows.length > 0;
}

/** The route's steps: the school told the CLB; the CLB doctor's consent, contact, outcome and note. */
export async function updateCertificateRoute(
  db: Sql,
  id: number,
  version: number,
  r: {
    clbToldOn?: string | null;
    consentOn?: string | null;
    doctorContactedOn?: string | null;
    outcome?: string | null;
    outcomeOn?: string | null;
    doctorNoteEntryId?: number | null;
  },
): Promise<boolean> {
  const sets: string[] = [];
  const values: unknown[] = [id, version];
  const column = {
    clbToldOn: 'clb_told_on',
    consentOn: 'consent_on',
    doctorContactedOn: 'doctor_contacted_on',
    outcome: 'outcome',
    outcomeOn: 'outcome_on',
    doctorNoteEntryId: 'doctor_note_entry_id',
  } as const;
  for (const key of Object.keys(column) as (keyof typeof column)[]) {
    if (r[key] === undefined) continue;
    values.push(r[key]);
    sets.push(`${column[key]} = $${values.length}`);
  }
  const rows = await db.query(
    `UPDATE medical_certificate SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 AND version = $2 RETURNING id`,
    values,
  );
  return rows.length > 0;
}

export interface ExamPeriodRow {
  id: number;
  from: string;
  to: string;
  label: string;
}

export async function examPeriodsOfSchool(db: Sql, schoolId: number): Promise<ExamPeriodRow[]> {
  return db.query<ExamPeriodRow>(
    `SELECT id::int AS id, from_date AS "from", to_date AS "to", label FROM exam_period
     WHERE school_id = $1 ORDER BY from_date`,
    [schoolId],
  );
}

export async function insertExamPeriod(
  db: Sql,
  schoolId: number,
  p: { from: string; to: string; label: string },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO exam_period (school_id, from_date, to_date, label) VALUES ($1, $2, $3, $4) RETURNING id::int AS id`,
    [schoolId, p.from, p.to, p.label],
  );
  return (rows[0] as { id: number }).id;
}

/**
 * What the certificate signals of some pupils need, in one round trip: their certificates, the school's exam
 * periods and its school half-days (as compact text, like recompute-signals' register).
 */
export async function certificateStateOfPupils(
  db: Sql,
  schoolId: number,
  pupilIds: readonly number[],
): Promise<{
  certificates: Omit<
    CertificateRow,
    | 'doctorNote'
    | 'schoolId'
    | 'issuerKind'
    | 'receivedOn'
    | 'doubtReason'
    | 'clbToldOn'
    | 'consentOn'
    | 'doctorContactedOn'
    | 'outcomeOn'
    | 'version'
  >[];
  examPeriods: { from: string; to: string }[];
  schoolHalfDays: { date: string; half: 'AM' | 'PM' }[];
}> {
  const [row] = await db.query<{ certificates: string | null; exams: string | null; days: string | null }>(
    `SELECT (SELECT json_agg(json_build_object('id', c.id, 'pupilId', c.pupil_id, 'from', c.from_date,
               'fromHalf', c.from_half, 'to', c.to_date, 'toHalf', c.to_half, 'dixit', c.dixit, 'doubt', c.doubt,
               'outcome', c.outcome))::text
             FROM medical_certificate c WHERE c.pupil_id = ANY($2::bigint[])) AS certificates,
            (SELECT json_agg(json_build_object('from', from_date, 'to', to_date))::text
             FROM exam_period WHERE school_id = $1) AS exams,
            (SELECT string_agg(to_char(date, 'YYYY-MM-DD') || half, ',' ORDER BY date, half)
             FROM calendar_half_day WHERE school_id = $1 AND school_day) AS days`,
    [schoolId, pupilIds],
  );
  const days = row?.days ? row.days.split(',') : [];
  return {
    certificates: JSON.parse(row?.certificates ?? '[]'),
    examPeriods: JSON.parse(row?.exams ?? '[]'),
    schoolHalfDays: days.map((d) => ({ date: d.slice(0, 10), half: d.slice(10) as 'AM' | 'PM' })),
  };
}

/** Pupils enrolled in secondary in the school by `until` (whose signals an exam period changes). */
export async function secondaryPupilsOfSchool(db: Sql, schoolId: number, until: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT DISTINCT pupil_id::int AS id FROM enrolment
     WHERE school_id = $1 AND level = 'secundair' AND enrolled_from <= $2`,
    [schoolId, until],
  );
  return rows.map((r) => r.id);
}
