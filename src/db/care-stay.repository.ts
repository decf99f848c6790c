// Stays in a hospital, type-5 school or K-dienst, the provisions of education for sick pupils and what the school
// recorded about informing the parents (migration 0024).
import type { Sql } from './database.ts';

export type StaySetting = 'ziekenhuis' | 'type-5' | 'k-dienst';

export interface StayRow {
  id: number;
  pupilId: number;
  setting: StaySetting;
  settingName: string;
  from: string;
  to: string | null;
  contactPlan: string;
  contactEveryDays: number;
  dischargeInformant: string;
  homeSupport: string | null;
  contactAgreementId: number | null;
  /** The latest hospital-return checklist (workflow) of the pupil recorded from the stay's start on. */
  returnChecklistOn: string | null;
  version: number;
}

export type StayInput = Omit<StayRow, 'id' | 'pupilId' | 'contactAgreementId' | 'returnChecklistOn' | 'version'>;

export async function staysOfPupil(db: Sql, pupilId: number): Promise<StayRow[]> {
  return db.query<StayRow>(
    `SELECT s.id::int AS id, s.pupil_id::int AS "pupilId", s.setting, s.setting_name AS "settingName",
            s.from_date AS "from", s.to_date AS "to", s.contact_plan AS "contactPlan",
            s.contact_every_days AS "contactEveryDays", s.discharge_informant AS "dischargeInformant",
            s.home_support AS "homeSupport", s.contact_agreement_id::int AS "contactAgreementId", s.version,
            (SELECT max(e.occurred_on) FROM file_entry e WHERE e.pupil_id = s.pupil_id AND e.kind = 'hospital-return'
               AND e.occurred_on >= s.from_date) AS "returnChecklistOn"
     FROM care_stay s WHERE s.pupil_id = $1 ORDER BY s.from_date DESC, s.id DESC`,
    [pupilId],
  );
}

export async function insertStay(
  db: Sql,
  s: StayInput & { pupilId: number; schoolId: number; contactAgreementId: number | null; createdBy: number | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO care_stay (pupil_id, school_id, setting, setting_name, from_date, to_date, contact_plan,
                            contact_every_days, discharge_informant, home_support, contact_agreement_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::int AS id`,
    [
      s.pupilId,
      s.schoolId,
      s.setting,
      s.settingName,
      s.from,
      s.to,
      s.contactPlan,
      s.contactEveryDays,
      s.dischargeInformant,
      s.homeSupport,
      s.contactAgreementId,
      s.createdBy,
    ],
  );
  return (rows[0] as { id: number }).id;
}

/** Ends a stay (the discharge date) at the version the editor saw; false when it moved on. */
export async function endStay(db: Sql, id: number, version: number, to: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE care_stay SET to_date = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id',
    [id, version, to],
  );
  return rows.length > 0;
}

export async function findStay(db: Sql, id: number): Promise<{ pupilId: number; from: string } | undefined> {
  const rows = await db.query<{ pupilId: number; from: string }>(
    'SELECT pupil_id::int AS "pupilId", from_date AS "from" FROM care_stay WHERE id = $1',
    [id],
  );
  return rows[0];
}

/**
 * Pupils (of those given) in a stay on `asOf`, with the setting: they receive education there, so the monitor
 * does not count them as thuiszitters without education (issue 14).
 */
export async function pupilsInStay(
  db: Sql,
  pupilIds: readonly number[],
  asOf: string,
): Promise<Map<number, StaySetting>> {
  if (pupilIds.length === 0) return new Map();
  const rows = await db.query<{ pupilId: number; setting: StaySetting }>(
    `SELECT DISTINCT ON (pupil_id) pupil_id::int AS "pupilId", setting FROM care_stay
     WHERE pupil_id = ANY($1::bigint[]) AND from_date <= $2 AND (to_date IS NULL OR to_date >= $2)
     ORDER BY pupil_id, from_date DESC`,
    [pupilIds, asOf],
  );
  return new Map(rows.map((r) => [r.pupilId, r.setting]));
}

export type ProvisionKind = 'toah' | 'sio-bednet' | 'school-en-ziek-zijn';

export interface ProvisionRow {
  id: number;
  kind: ProvisionKind;
  conditionsCheckedOn: string | null;
  requestSentOn: string | null;
  answer: 'toegekend' | 'geweigerd' | null;
  answerOn: string | null;
  startOn: string | null;
  endOn: string | null;
  hoursPerWeek: number | null;
  version: number;
}

export type ProvisionInput = Omit<ProvisionRow, 'id' | 'version'>;

const PROVISION_COLUMNS = `id::int AS id, kind, conditions_checked_on AS "conditionsCheckedOn",
  request_sent_on AS "requestSentOn", answer, answer_on AS "answerOn", start_on AS "startOn", end_on AS "endOn",
  hours_per_week::float8 AS "hoursPerWeek", version`;

export async function provisionsOfPupil(db: Sql, pupilId: number): Promise<ProvisionRow[]> {
  return db.query<ProvisionRow>(`SELECT ${PROVISION_COLUMNS} FROM tuition_provision WHERE pupil_id = $1 ORDER BY id`, [
    pupilId,
  ]);
}

export async function insertProvision(
  db: Sql,
  p: ProvisionInput & { pupilId: number; schoolId: number; createdBy: number | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO tuition_provision (pupil_id, school_id, kind, conditions_checked_on, request_sent_on, answer,
                                    answer_on, start_on, end_on, hours_per_week, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::int AS id`,
    [
      p.pupilId,
      p.schoolId,
      p.kind,
      p.conditionsCheckedOn,
      p.requestSentOn,
      p.answer,
      p.answerOn,
      p.startOn,
      p.endOn,
      p.hoursPerWeek,
      p.createdBy,
    ],
  );
  return (rows[0] as { id: number }).id;
}

export async function updateProvision(db: Sql, id: number, version: number, p: ProvisionInput): Promise<boolean> {
  const rows = await db.query(
    `UPDATE tuition_provision SET kind = $3, conditions_checked_on = $4, request_sent_on = $5, answer = $6,
            answer_on = $7, start_on = $8, end_on = $9, hours_per_week = $10, version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      p.kind,
      p.conditionsCheckedOn,
      p.requestSentOn,
      p.answer,
      p.answerOn,
      p.startOn,
      p.endOn,
      p.hoursPerWeek,
    ],
  );
  return rows.length > 0;
}

export async function findProvision(db: Sql, id: number): Promise<{ pupilId: number } | undefined> {
  const rows = await db.query<{ pupilId: number }>(
    'SELECT pupil_id::int AS "pupilId" FROM tuition_provision WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** Provisions running on `asOf` (granted and started, not ended), per pupil: education during the absence. */
export async function runningProvisions(
  db: Sql,
  pupilIds: readonly number[],
  asOf: string,
): Promise<Map<number, ProvisionKind[]>> {
  if (pupilIds.length === 0) return new Map();
  const rows = await db.query<{ pupilId: number; kinds: ProvisionKind[] }>(
    `SELECT pupil_id::int AS "pupilId", array_agg(DISTINCT kind ORDER BY kind) AS kinds FROM tuition_provision
     WHERE pupil_id = ANY($1::bigint[]) AND answer = 'toegekend' AND start_on <= $2 AND (end_on IS NULL OR end_on >= $2)
     GROUP BY pupil_id`,
    [pupilIds, asOf],
  );
  return new Map(rows.map((r) => [r.pupilId, r.kinds]));
}

export interface SickPupilInformation {
  parentsInformedOn: string | null;
  informedHow: string | null;
  chronic: boolean;
  distanceKm: number | null;
  /** Buitengewoon onderwijs: the TOAH distance limit is 20 km instead of 10. */
  specialEducation: boolean;
  version: number;
}

export async function sickPupilInformation(db: Sql, pupilId: number): Promise<SickPupilInformation | undefined> {
  const rows = await db.query<SickPupilInformation>(
    `SELECT parents_informed_on AS "parentsInformedOn", informed_how AS "informedHow", chronic,
            distance_km::float8 AS "distanceKm", special_education AS "specialEducation", version
     FROM sick_pupil_information WHERE pupil_id = $1`,
    [pupilId],
  );
  return rows[0];
}

/** Writes the information at the version the editor saw (0: none yet); false when it moved on. */
export async function writeSickPupilInformation(
  db: Sql,
  pupilId: number,
  schoolId: number,
  version: number,
  i: Omit<SickPupilInformation, 'version'>,
): Promise<boolean> {
  const rows =
    version === 0
      ? await db.query(
          `INSERT INTO sick_pupil_information (pupil_id, school_id, parents_informed_on, informed_how, chronic, distance_km,
                                               special_education)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (pupil_id) DO NOTHING RETURNING pupil_id`,
          [pupilId, schoolId, i.parentsInformedOn, i.informedHow, i.chronic, i.distanceKm, i.specialEducation],
        )
      : await db.query(
          `UPDATE sick_pupil_information SET parents_informed_on = $3, informed_how = $4, chronic = $5,
                  distance_km = $6, special_education = $7, version = version + 1, updated_at = now()
           WHERE pupil_id = $1 AND version = $2 RETURNING pupil_id`,
          [pupilId, version, i.parentsInformedOn, i.informedHow, i.chronic, i.distanceKm, i.specialEducation],
        );
  return rows.length > 0;
}

/** The pupil's enrolment level and birth date in a school year, the school's school half-days and the register. */
export async function entitlementFacts(db: Sql, pupilId: number, schoolId: number, firstDay: string, asOf: string) {
  const [row] = await db.query<{ register: string | null; days: string | null }>(
    `SELECT (SELECT string_agg(to_char(date, 'YYYY-MM-DD') || half || code, ',' ORDER BY date, half)
             FROM register_entry WHERE pupil_id = $1 AND date >= $3 AND date <= $4) AS register,
            (SELECT string_agg(to_char(date, 'YYYY-MM-DD') || half, ',' ORDER BY date, half)
             FROM calendar_half_day WHERE school_id = $2 AND school_day AND date >= $3 AND date <= $4) AS days`,
    [pupilId, schoolId, firstDay, asOf],
  );
  const register = (row?.register ? row.register.split(',') : []).map((r) => ({
    date: r.slice(0, 10),
    half: r.slice(10, 12) as 'AM' | 'PM',
    code: r.slice(12),
  }));
  const schoolHalfDays = (row?.days ? row.days.split(',') : []).map((d) => ({
    date: d.slice(0, 10),
    half: d.slice(10) as 'AM' | 'PM',
  }));
  return { register, schoolHalfDays };
}
