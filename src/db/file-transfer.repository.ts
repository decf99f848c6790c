// The transfer of a pupil's CLB file to the new school's CLB: decisions of parents or the adult pupil, the schools
// where the same identity is enrolled now, the items a sender may choose, and the stored snapshot (migration 0032).
import {
  DISCIPLINARY_ENTRY_KINDS,
  type TransferCategory,
  type TransferDecider,
  type TransferReaders,
} from '../domain/file-transfer.ts';
import type { Sql } from './database.ts';
import { type Visibility, visibilityValues, visibleItem } from './file-visibility.sql.ts';
import type { EntryRow } from './pupil-file.repository.ts';

const TS = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export interface DecisionRow {
  id: number;
  pupilId: number;
  decidedBy: TransferDecider;
  informedOn: string;
  decidedOn: string;
  refused: TransferCategory[];
  note: string | null;
  recordedBy: string | null;
  recorderRole: string;
  recordedAt: string;
}

const DECISION_COLUMNS = `d.id::int AS id, d.pupil_id::int AS "pupilId", d.decided_by AS "decidedBy",
  ${DATE('d.informed_on')} AS "informedOn", ${DATE('d.decided_on')} AS "decidedOn", d.refused, d.note,
  u.display_name AS "recordedBy", d.recorder_role AS "recorderRole", ${TS('d.recorded_at')} AS "recordedAt"`;

/** The decisions recorded for a pupil, newest first (the first is in force). */
export async function decisionsOf(db: Sql, pupilId: number): Promise<DecisionRow[]> {
  return db.query<DecisionRow>(
    `SELECT ${DECISION_COLUMNS} FROM file_transfer_decision d LEFT JOIN app_user u ON u.id = d.recorded_by
     WHERE d.pupil_id = $1 ORDER BY d.id DESC LIMIT 50`,
    [pupilId],
  );
}

/** Serialises decisions and sendings of one pupil: concurrent writers queue behind this row lock. */
export async function lockPupil(db: Sql, pupilId: number): Promise<void> {
  await db.query('SELECT id FROM pupil WHERE id = $1 FOR UPDATE', [pupilId]);
}

export async function insertDecision(
  db: Sql,
  d: {
    pupilId: number;
    schoolId: number;
    decidedBy: TransferDecider;
    informedOn: string;
    decidedOn: string;
    refused: readonly TransferCategory[];
    note: string | null;
    by: number | null;
    role: string;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO file_transfer_decision (pupil_id, school_id, decided_by, informed_on, decided_on, refused, note,
                                         recorded_by, recorder_role)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9) RETURNING id::int AS id`,
    [d.pupilId, d.schoolId, d.decidedBy, d.informedOn, d.decidedOn, d.refused, d.note, d.by, d.role],
  );
  return (rows[0] as { id: number }).id;
}

export interface NewSchoolRow {
  pupilId: number;
  schoolId: number;
  schoolName: string;
  enrolledFrom: string;
  clbId: number | null;
  clbName: string | null;
}

/**
 * The other schools where the same identity (keyed hash of the INSZ) has an enrolment that starts after the
 * pupil's latest enrolment here began: where the pupil went. With the CLB serving each (lowest id, as the inbox).
 */
export async function newSchoolsOf(db: Sql, pupilId: number): Promise<NewSchoolRow[]> {
  return db.query<NewSchoolRow>(
    `WITH me AS (
       SELECT p.id, p.school_id, p.identity_hash,
              (SELECT max(e.enrolled_from) FROM enrolment e WHERE e.pupil_id = p.id) AS since
       FROM pupil p WHERE p.id = $1 AND p.identity_hash IS NOT NULL)
     SELECT o.id::int AS "pupilId", o.school_id::int AS "schoolId", s.name AS "schoolName",
            ${DATE('max(e.enrolled_from)')} AS "enrolledFrom", cs.clb_id::int AS "clbId", clb.name AS "clbName"
     FROM me JOIN pupil o ON o.identity_hash = me.identity_hash AND o.school_id <> me.school_id
     JOIN enrolment e ON e.pupil_id = o.id
     JOIN organisation s ON s.id = o.school_id
     LEFT JOIN LATERAL (SELECT clb_id FROM clb_school WHERE school_id = o.school_id ORDER BY clb_id LIMIT 1) cs
       ON true
     LEFT JOIN organisation clb ON clb.id = cs.clb_id
     GROUP BY o.id, o.school_id, s.name, cs.clb_id, clb.name, me.since
     HAVING max(e.enrolled_from) > coalesce(me.since, '-infinity'::date)
     ORDER BY max(e.enrolled_from) DESC, o.id`,
    [pupilId],
  );
}

/**
 * Pupils of schools a CLB serves who appear at another school later (same identity) and have not been sent to
 * that school's pupil yet: the old CLB's "to transfer" list, detected without any import changing.
 */
export async function pendingTransfersOf(
  db: Sql,
  clbId: number,
  limit: number,
): Promise<
  {
    pupilId: number;
    pupilName: string;
    externalId: string;
    schoolId: number;
    schoolName: string;
    newSchoolName: string;
    enrolledFrom: string;
  }[]
> {
  return db.query(
    `SELECT p.id::int AS "pupilId", p.first_name || ' ' || p.last_name AS "pupilName",
            p.external_id AS "externalId", p.school_id::int AS "schoolId", s.name AS "schoolName",
            ns.name AS "newSchoolName", ${DATE('max(ne.enrolled_from)')} AS "enrolledFrom"
     FROM clb_school cs
     JOIN pupil p ON p.school_id = cs.school_id AND p.identity_hash IS NOT NULL
     JOIN organisation s ON s.id = p.school_id
     JOIN pupil o ON o.identity_hash = p.identity_hash AND o.school_id <> p.school_id
     JOIN organisation ns ON ns.id = o.school_id
     JOIN enrolment ne ON ne.pupil_id = o.id
     WHERE cs.clb_id = $1
       AND NOT EXISTS (SELECT 1 FROM file_transfer t WHERE t.from_pupil_id = p.id AND t.to_pupil_id = o.id)
     GROUP BY p.id, s.name, ns.name, o.id
     HAVING max(ne.enrolled_from) > (SELECT max(e.enrolled_from) FROM enrolment e WHERE e.pupil_id = p.id)
     ORDER BY max(ne.enrolled_from) DESC, p.id LIMIT $2`,
    [clbId, limit],
  );
}

/** An entry of the old file as the sender chooses it. */
export type ChoosableEntry = Pick<
  EntryRow,
  'id' | 'kind' | 'occurredOn' | 'who' | 'what' | 'effect' | 'confidentiality' | 'authorRole'
>;

export interface ChoosableDocument {
  id: number;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  confidentiality: 'school' | 'school+clb' | 'clb' | 'clb-arts';
  uploadedOn: string;
  linkedEntryKind: string | null;
  uploaderRole: string;
}

/** The entries of a pupil's file the reader sees (the one visibility rule), newest first. */
export async function visibleEntriesOf(db: Sql, pupilId: number, visibility: Visibility): Promise<ChoosableEntry[]> {
  return db.query<ChoosableEntry>(
    `SELECT e.id::int AS id, e.kind, ${DATE('e.occurred_on')} AS "occurredOn", e.who, e.what, e.effect,
            e.confidentiality, e.author_role AS "authorRole"
     FROM file_entry e
     WHERE e.pupil_id = $1 AND ${visibleItem('entry', 'e', { levels: '$2', today: '$3', roles: '$4' })}
     ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1000`,
    [pupilId, ...visibilityValues(visibility)],
  );
}

/** The documents (not removed) of a pupil's file the reader sees, newest first, with the kind of a linked entry. */
export async function visibleDocumentsOf(
  db: Sql,
  pupilId: number,
  visibility: Visibility,
): Promise<ChoosableDocument[]> {
  return db.query<ChoosableDocument>(
    `SELECT d.id::int AS id, d.title, d.file_name AS "fileName", d.media_type AS "mediaType",
            d.size_bytes AS "sizeBytes", d.sha256, d.confidentiality, ${DATE('d.uploaded_at')} AS "uploadedOn",
            e.kind AS "linkedEntryKind", d.uploader_role AS "uploaderRole"
     FROM file_document d LEFT JOIN file_entry e ON e.id = d.entry_id
     WHERE d.pupil_id = $1 AND d.deleted_at IS NULL
       AND ${visibleItem('document', 'd', { levels: '$2', today: '$3', roles: '$4' })}
     ORDER BY d.uploaded_at DESC, d.id DESC LIMIT 1000`,
    [pupilId, ...visibilityValues(visibility)],
  );
}

export interface LeftOut {
  category: TransferCategory;
  reason: string;
  count: number;
}

export async function insertTransfer(
  db: Sql,
  t: {
    fromSchoolId: number;
    fromPupilId: number;
    fromClbId: number;
    toSchoolId: number;
    toPupilId: number;
    toClbId: number;
    decisionId: number;
    handoverNote: string | null;
    leftOut: readonly LeftOut[];
    by: number | null;
    role: string;
    sentOn: string;
  },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO file_transfer (from_school_id, from_pupil_id, from_clb_id, to_school_id, to_pupil_id, to_clb_id,
                                decision_id, handover_note, left_out, sent_by, sender_role, sent_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::int AS id`,
    [
      t.fromSchoolId,
      t.fromPupilId,
      t.fromClbId,
      t.toSchoolId,
      t.toPupilId,
      t.toClbId,
      t.decisionId,
      t.handoverNote,
      JSON.stringify(t.leftOut),
      t.by,
      t.role,
      t.sentOn,
    ],
  );
  return (rows[0] as { id: number }).id;
}

export async function linkTransferCase(db: Sql, transferId: number, caseId: number): Promise<void> {
  await db.query('UPDATE file_transfer SET case_id = $2 WHERE id = $1', [transferId, caseId]);
}

/** Copies an entry into the snapshot as it is now; never one of a disciplinary kind (a second guard). */
export async function copyEntryToTransfer(
  db: Sql,
  transferId: number,
  entryId: number,
  c: { category: TransferCategory; readers: TransferReaders },
): Promise<void> {
  await db.query(
    `INSERT INTO file_transfer_item (transfer_id, category, readers, source, source_id, source_confidentiality,
                                     occurred_on, kind, who, what, effect, author_role)
     SELECT $1, $3, $4, 'entry', e.id, e.confidentiality, e.occurred_on, e.kind, e.who, e.what, e.effect,
            e.author_role
     FROM file_entry e WHERE e.id = $2 AND NOT (e.kind = ANY($5::text[]))`,
    [transferId, entryId, c.category, c.readers, DISCIPLINARY_ENTRY_KINDS],
  );
}

/** Copies a document (metadata and bytes) into the snapshot as it is now; the copy stays when the original goes. */
export async function copyDocumentToTransfer(
  db: Sql,
  transferId: number,
  documentId: number,
  c: { category: TransferCategory; readers: TransferReaders },
): Promise<void> {
  await db.query(
    `INSERT INTO file_transfer_item (transfer_id, category, readers, source, source_id, source_confidentiality,
                                     occurred_on, title, file_name, media_type, size_bytes, sha256, content,
                                     author_role)
     SELECT $1, $3, $4, 'document', d.id, d.confidentiality, d.uploaded_at::date, d.title, d.file_name,
            d.media_type, d.size_bytes, d.sha256, d.content, d.uploader_role
     FROM file_document d WHERE d.id = $2 AND d.deleted_at IS NULL`,
    [transferId, documentId, c.category, c.readers],
  );
}

export interface TransferRow {
  id: number;
  fromSchoolId: number;
  fromSchoolName: string;
  fromPupilId: number;
  fromClbId: number;
  fromClbName: string;
  toSchoolId: number;
  toSchoolName: string;
  toPupilId: number;
  toPupilName: string;
  toClbId: number;
  toClbName: string;
  decisionId: number;
  handoverNote: string | null;
  leftOut: LeftOut[];
  caseId: number | null;
  sentBy: string | null;
  senderRole: string;
  sentOn: string;
  sentAt: string;
}

const TRANSFER_SELECT = `
  SELECT t.id::int AS id, t.from_school_id::int AS "fromSchoolId", fs.name AS "fromSchoolName",
         t.from_pupil_id::int AS "fromPupilId", t.from_clb_id::int AS "fromClbId", fc.name AS "fromClbName",
         t.to_school_id::int AS "toSchoolId", ts.name AS "toSchoolName", t.to_pupil_id::int AS "toPupilId",
         tp.first_name || ' ' || tp.last_name AS "toPupilName", t.to_clb_id::int AS "toClbId", tc.name AS "toClbName",
         t.decision_id::int AS "decisionId", t.handover_note AS "handoverNote", t.left_out AS "leftOut",
         t.case_id::int AS "caseId", u.display_name AS "sentBy", t.sender_role AS "senderRole",
         ${DATE('t.sent_on')} AS "sentOn", ${TS('t.sent_at')} AS "sentAt"
  FROM file_transfer t
  JOIN organisation fs ON fs.id = t.from_school_id
  JOIN organisation fc ON fc.id = t.from_clb_id
  JOIN organisation ts ON ts.id = t.to_school_id
  JOIN organisation tc ON tc.id = t.to_clb_id
  JOIN pupil tp ON tp.id = t.to_pupil_id
  LEFT JOIN app_user u ON u.id = t.sent_by`;

export async function findTransfer(db: Sql, id: number): Promise<TransferRow | undefined> {
  const rows = await db.query<TransferRow>(`${TRANSFER_SELECT} WHERE t.id = $1`, [id]);
  return rows[0];
}

/** The transfers sent from this pupil row and those received for it, newest first. */
export async function transfersOfPupil(db: Sql, pupilId: number): Promise<TransferRow[]> {
  return db.query<TransferRow>(
    `${TRANSFER_SELECT} WHERE t.from_pupil_id = $1 OR t.to_pupil_id = $1 ORDER BY t.id DESC LIMIT 100`,
    [pupilId],
  );
}

export interface TransferItemRow {
  id: number;
  category: TransferCategory;
  readers: TransferReaders;
  source: 'entry' | 'document';
  sourceId: number;
  sourceConfidentiality: string;
  occurredOn: string;
  kind: string | null;
  who: string | null;
  what: string | null;
  effect: string | null;
  title: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  authorRole: string | null;
}

/** The snapshot's items a reader sees: `readers` names the levels ('clb', and 'clb-arts' for the CLB doctor). */
export async function transferItemsOf(
  db: Sql,
  transferId: number,
  readers: readonly TransferReaders[],
): Promise<TransferItemRow[]> {
  return db.query<TransferItemRow>(
    `SELECT id::int AS id, category, readers, source, source_id::int AS "sourceId",
            source_confidentiality AS "sourceConfidentiality", ${DATE('occurred_on')} AS "occurredOn", kind, who,
            what, effect, title, file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes",
            sha256, author_role AS "authorRole"
     FROM file_transfer_item WHERE transfer_id = $1 AND readers = ANY($2::text[])
     ORDER BY occurred_on DESC, id DESC`,
    [transferId, readers],
  );
}

/** How many items of each category the snapshot holds (all readers): what the sender and the inbox may count. */
export async function transferItemCounts(
  db: Sql,
  transferId: number,
): Promise<{ category: TransferCategory; count: number }[]> {
  return db.query(
    `SELECT category, count(*)::int AS count FROM file_transfer_item WHERE transfer_id = $1
     GROUP BY category ORDER BY category`,
    [transferId],
  );
}

/** One transferred document's bytes, when the reader's levels include its readers. */
export async function transferDocumentContent(
  db: Sql,
  transferId: number,
  itemId: number,
  readers: readonly TransferReaders[],
): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
  const rows = await db.query<{ fileName: string; mediaType: string; content: string }>(
    `SELECT file_name AS "fileName", media_type AS "mediaType", encode(content, 'base64') AS content
     FROM file_transfer_item
     WHERE id = $1 AND transfer_id = $2 AND source = 'document' AND readers = ANY($3::text[])`,
    [itemId, transferId, readers],
  );
  const row = rows[0];
  return row ? { ...row, content: Buffer.from(row.content, 'base64') } : undefined;
}
