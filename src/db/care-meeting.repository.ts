// The care meeting (migration 0028): meetings, their agenda of pupils, and what each reader may see of the notes.
import type { Sql } from './database.ts';
import { type Visibility, visibilityValues, visibleItem } from './file-visibility.sql.ts';

export interface Attendee {
  name: string;
  role: string;
  side: 'school' | 'clb';
}

export interface MeetingRow {
  id: number;
  schoolId: number;
  schoolName: string;
  heldOn: string;
  title: string;
  attendees: Attendee[];
  pupils: number;
}

const MEETING_COLUMNS = `m.id::int AS id, m.school_id::int AS "schoolId", o.name AS "schoolName",
  m.held_on::text AS "heldOn", m.title, m.attendees,
  (SELECT count(*)::int FROM care_meeting_pupil cp WHERE cp.meeting_id = m.id) AS pupils`;

export async function insertMeeting(
  db: Sql,
  m: { schoolId: number; heldOn: string; title: string; attendees: Attendee[]; by: number | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO care_meeting (school_id, held_on, title, attendees, created_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING id::int AS id`,
    [m.schoolId, m.heldOn, m.title, JSON.stringify(m.attendees), m.by],
  );
  return (rows[0] as { id: number }).id;
}

export async function insertAgendaPupil(
  db: Sql,
  a: { meetingId: number; pupilId: number; position: number; legal: boolean; ruleIds: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO care_meeting_pupil (meeting_id, pupil_id, position, legal, rule_ids) VALUES ($1, $2, $3, $4, $5)`,
    [a.meetingId, a.pupilId, a.position, a.legal, a.ruleIds],
  );
}

export async function findMeeting(db: Sql, id: number): Promise<MeetingRow | undefined> {
  const rows = await db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM care_meeting m JOIN organisation o ON o.id = m.school_id WHERE m.id = $1`,
    [id],
  );
  return rows[0];
}

export async function meetingsOf(db: Sql, schoolId: number, limit: number, offset: number): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM care_meeting m JOIN organisation o ON o.id = m.school_id
     WHERE m.school_id = $1 ORDER BY m.held_on DESC, m.id DESC LIMIT $2 OFFSET $3`,
    [schoolId, limit, offset],
  );
}

export interface AgendaRow {
  pupilId: number;
  externalId: string;
  firstName: string;
  lastName: string;
  className: string | null;
  position: number;
  legal: boolean;
  ruleIds: string[];
  sharedEntryId: number | null;
  clbEntryId: number | null;
}

/** The meeting's pupils in agenda order, with their class in the school year of `schoolYear`. */
export async function agendaOf(db: Sql, meetingId: number, schoolYear: string): Promise<AgendaRow[]> {
  return db.query<AgendaRow>(
    `SELECT cp.pupil_id::int AS "pupilId", p.external_id AS "externalId", p.first_name AS "firstName",
            p.last_name AS "lastName",
            (SELECT e.class_name FROM enrolment e WHERE e.pupil_id = cp.pupil_id AND e.school_year <= $2
             ORDER BY e.school_year DESC LIMIT 1) AS "className",
            cp.position, cp.legal, cp.rule_ids AS "ruleIds", cp.shared_entry_id::int AS "sharedEntryId",
            cp.clb_entry_id::int AS "clbEntryId"
     FROM care_meeting_pupil cp JOIN pupil p ON p.id = cp.pupil_id
     WHERE cp.meeting_id = $1 ORDER BY cp.position`,
    [meetingId, schoolYear],
  );
}

/** Records the entries of a pupil's discussion; false when they were recorded already. */
export async function setDiscussionEntries(
  db: Sql,
  meetingId: number,
  pupilId: number,
  sharedEntryId: number,
  clbEntryId: number | null,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE care_meeting_pupil SET shared_entry_id = $3, clb_entry_id = $4
     WHERE meeting_id = $1 AND pupil_id = $2 AND shared_entry_id IS NULL RETURNING pupil_id`,
    [meetingId, pupilId, sharedEntryId, clbEntryId],
  );
  return rows.length === 1;
}

export interface MeetingNoteRow {
  id: number;
  pupilId: number;
  what: string;
  confidentiality: string;
}

/** The notes (timeline entries) among `ids` that the reader may see: the one visibility rule of the file. */
export async function visibleMeetingNotes(
  db: Sql,
  ids: readonly number[],
  visibility: Visibility,
): Promise<MeetingNoteRow[]> {
  if (ids.length === 0) return [];
  return db.query<MeetingNoteRow>(
    `SELECT e.id::int AS id, e.pupil_id::int AS "pupilId", e.what, e.confidentiality FROM file_entry e
     WHERE e.id = ANY($1::bigint[]) AND ${visibleItem('entry', 'e', { levels: '$2', today: '$3', roles: '$4' })}`,
    [ids, ...visibilityValues(visibility)],
  );
}

export interface MeetingAgreementRow {
  id: number;
  pupilId: number;
  entryId: number;
  what: string;
  who: string;
  dueOn: string;
  remindOn: string | null;
  checkNote: string | null;
  status: string;
}

/** The agreements decided at the meeting: those linked to its shared discussion entries. */
export async function agreementsOfEntries(db: Sql, entryIds: readonly number[]): Promise<MeetingAgreementRow[]> {
  if (entryIds.length === 0) return [];
  return db.query<MeetingAgreementRow>(
    `SELECT a.id::int AS id, a.pupil_id::int AS "pupilId", a.entry_id::int AS "entryId", a.what, a.who,
            a.due_on::text AS "dueOn", a.remind_on::text AS "remindOn", a.check_note AS "checkNote", a.status
     FROM file_agreement a WHERE a.entry_id = ANY($1::bigint[]) ORDER BY a.due_on, a.id`,
    [entryIds],
  );
}
