// Open agreements of pupil files that are due for a reminder, across one or more schools.
import type { Sql } from './database.ts';

export interface ReminderRow {
  id: number;
  version: number;
  pupilId: number;
  schoolId: number;
  schoolName: string;
  externalId: string;
  firstName: string;
  lastName: string;
  /** The class this school year (what a class teacher's scope is checked against). */
  className: string | null;
  /** The class of the pupil's latest enrolment up to this school year, for display. */
  lastClassName: string | null;
  what: string;
  who: string;
  dueOn: string;
  remindOn: string | null;
  checkNote: string | null;
  createdBy: string | null;
  /** Created by the given user, or naming them (display name or e-mail) as "wie". */
  mine: boolean;
}

/**
 * Open agreements whose reminder date (their own, or `leadDays` before the due date) has come, with the pupil's
 * class in the school year of `today`; oldest due date first.
 */
export async function dueReminders(
  db: Sql,
  schoolIds: readonly number[],
  today: string,
  schoolYear: string,
  leadDays: number,
  userId: number | null,
): Promise<ReminderRow[]> {
  return db.query<ReminderRow>(
    `SELECT a.id::int AS id, a.version, a.pupil_id::int AS "pupilId", a.school_id::int AS "schoolId",
            o.name AS "schoolName", p.external_id AS "externalId", p.first_name AS "firstName",
            p.last_name AS "lastName", e.class_name AS "className",
            (SELECT l.class_name FROM enrolment l WHERE l.pupil_id = a.pupil_id AND l.school_year <= $3
             ORDER BY l.school_year DESC LIMIT 1) AS "lastClassName", a.what, a.who, a.due_on AS "dueOn",
            a.remind_on AS "remindOn", a.check_note AS "checkNote", u.display_name AS "createdBy",
            COALESCE(a.created_by = $5 OR lower(btrim(a.who)) IN (lower(me.display_name), lower(me.email)), false)
              AS mine
     FROM file_agreement a
     JOIN pupil p ON p.id = a.pupil_id
     JOIN organisation o ON o.id = a.school_id
     LEFT JOIN enrolment e ON e.pupil_id = a.pupil_id AND e.school_year = $3
     LEFT JOIN app_user u ON u.id = a.created_by
     LEFT JOIN app_user me ON me.id = $5
     WHERE a.school_id = ANY($1::bigint[]) AND a.status = 'open'
       AND COALESCE(a.remind_on, a.due_on - $4::int) <= $2::date
     ORDER BY a.due_on, a.id`,
    [schoolIds, today, schoolYear, leadDays, userId],
  );
}
