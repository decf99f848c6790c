// Pupil notes and the consents that share a CLB doctor's note.
import type { Sql } from './database.ts';

export interface NoteRow {
  id: number;
  pupilId: number;
  schoolId: number;
  confidentiality: 'school' | 'school+clb' | 'clb' | 'clb-arts';
  body: string;
  authorId: number;
  authorName: string;
  authorRole: string;
  createdAt: string;
}

export interface ConsentRow {
  id: number;
  /** The consent shares one note, one pupil-file entry or one document (migrations 0010, 0011). */
  noteId: number | null;
  entryId: number | null;
  documentId: number | null;
  givenBy: string;
  purpose: string;
  sharedWithRoles: string[];
  validUntil: string;
  recordedAt: string;
  revokedAt: string | null;
}

const NOTE_COLUMNS = `n.id::int AS id, n.pupil_id::int AS "pupilId", n.school_id::int AS "schoolId", n.confidentiality,
  n.body, n.author_id::int AS "authorId", u.display_name AS "authorName", n.author_role AS "authorRole",
  n.created_at AS "createdAt"`;

export async function notesOfPupil(db: Sql, pupilId: number): Promise<NoteRow[]> {
  return db.query<NoteRow>(
    `SELECT ${NOTE_COLUMNS} FROM pupil_note n JOIN app_user u ON u.id = n.author_id
     WHERE n.pupil_id = $1 ORDER BY n.created_at DESC, n.id DESC`,
    [pupilId],
  );
}

export async function findNote(db: Sql, noteId: number): Promise<NoteRow | undefined> {
  const rows = await db.query<NoteRow>(
    `SELECT ${NOTE_COLUMNS} FROM pupil_note n JOIN app_user u ON u.id = n.author_id WHERE n.id = $1`,
    [noteId],
  );
  return rows[0];
}

export async function insertNote(
  db: Sql,
  note: {
    pupilId: number;
    schoolId: number;
    confidentiality: string;
    body: string;
    authorId: number;
    authorRole: string;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO pupil_note (pupil_id, school_id, confidentiality, body, author_id, author_role)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::int AS id`,
    [note.pupilId, note.schoolId, note.confidentiality, note.body, note.authorId, note.authorRole],
  );
  return (rows[0] as { id: number }).id;
}

const CONSENT_COLUMNS = `id::int AS id, note_id::int AS "noteId", entry_id::int AS "entryId",
  document_id::int AS "documentId", given_by AS "givenBy", purpose,
  shared_with_roles AS "sharedWithRoles", valid_until AS "validUntil", recorded_at AS "recordedAt",
  revoked_at AS "revokedAt"`;

export async function consentsOfPupil(db: Sql, pupilId: number): Promise<ConsentRow[]> {
  return db.query<ConsentRow>(`SELECT ${CONSENT_COLUMNS} FROM consent WHERE pupil_id = $1 ORDER BY id`, [pupilId]);
}

export async function findConsent(db: Sql, consentId: number): Promise<ConsentRow | undefined> {
  const rows = await db.query<ConsentRow>(`SELECT ${CONSENT_COLUMNS} FROM consent WHERE id = $1`, [consentId]);
  return rows[0];
}

export async function insertConsent(
  db: Sql,
  consent: {
    pupilId: number;
    noteId: number | null;
    entryId?: number | null;
    documentId?: number | null;
    givenBy: string;
    purpose: string;
    sharedWithRoles: string[];
    validUntil: string;
    recordedBy: number | null;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO consent
       (pupil_id, note_id, given_by, purpose, shared_with_roles, valid_until, recorded_by, entry_id, document_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int AS id`,
    [
      consent.pupilId,
      consent.noteId,
      consent.givenBy,
      consent.purpose,
      consent.sharedWithRoles,
      consent.validUntil,
      consent.recordedBy,
      consent.entryId ?? null,
      consent.documentId ?? null,
    ],
  );
  return (rows[0] as { id: number }).id;
}

export async function revokeConsentRow(db: Sql, consentId: number): Promise<void> {
  await db.query('UPDATE consent SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [consentId]);
}

/** The consents of one pupil-file entry or document. */
export async function consentsOfFileItem(db: Sql, item: 'entry' | 'document', id: number): Promise<ConsentRow[]> {
  const column = item === 'entry' ? 'entry_id' : 'document_id';
  return db.query<ConsentRow>(`SELECT ${CONSENT_COLUMNS} FROM consent WHERE ${column} = $1 ORDER BY id`, [id]);
}
