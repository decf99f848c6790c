// Documents of the pupil file (`file_document`): metadata lists filtered by confidentiality level, the content
// of one document, and removal (which keeps the row and clears the content).
import type { Sql } from './database.ts';
import { sharedByConsent, type Visibility, visibilityValues, visibleItem } from './file-visibility.sql.ts';

const TS = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export type DocumentLevel = 'school' | 'school+clb' | 'clb' | 'clb-arts';

export interface DocumentRow {
  id: number;
  pupilId: number;
  schoolId: number;
  entryId: number | null;
  title: string;
  description: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  confidentiality: DocumentLevel;
  uploadedBy: string | null;
  uploaderRole: string;
  uploadedAt: string;
  removedAt: string | null;
  removedBy: string | null;
  removalReason: string | null;
  version: number;
}

export interface DocumentInput {
  pupilId: number;
  schoolId: number;
  entryId: number | null;
  title: string;
  description: string | null;
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
  confidentiality: DocumentLevel;
  uploadedBy: number | null;
  uploaderRole: string;
}

const COLUMNS = `d.id::int AS id, d.pupil_id::int AS "pupilId", d.school_id::int AS "schoolId",
  d.entry_id::int AS "entryId", d.title, d.description, d.file_name AS "fileName", d.media_type AS "mediaType",
  d.size_bytes AS "sizeBytes", d.sha256, d.confidentiality, u.display_name AS "uploadedBy",
  d.uploader_role AS "uploaderRole", ${TS('d.uploaded_at')} AS "uploadedAt",
  CASE WHEN d.deleted_at IS NULL THEN NULL ELSE ${TS('d.deleted_at')} END AS "removedAt",
  r.display_name AS "removedBy", d.deletion_reason AS "removalReason", d.version`;
const FROM = `file_document d LEFT JOIN app_user u ON u.id = d.uploaded_by LEFT JOIN app_user r ON r.id = d.deleted_by`;

// The content travels as base64 text (decode/encode in SQL): PGlite hex-encodes a bytea parameter in JavaScript,
// which took 9 s for 10 MiB against 0.7 s this way; on PostgreSQL it costs a third more bytes on the wire.
const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export async function insertDocument(db: Sql, d: DocumentInput): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO file_document (pupil_id, school_id, entry_id, title, description, file_name, media_type, size_bytes,
                                sha256, content, confidentiality, uploaded_by, uploader_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, decode($10, 'base64'), $11, $12, $13) RETURNING id::int AS id`,
    [
      d.pupilId,
      d.schoolId,
      d.entryId,
      d.title,
      d.description,
      d.fileName,
      d.mediaType,
      d.content.length,
      d.sha256,
      base64(d.content),
      d.confidentiality,
      d.uploadedBy,
      d.uploaderRole,
    ],
  );
  return (rows[0] as { id: number }).id;
}

/** The metadata of one document (removed or not), without its content. */
export async function findDocument(db: Sql, id: number): Promise<DocumentRow | undefined> {
  const rows = await db.query<DocumentRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = $1`, [id]);
  return rows[0];
}

/** The bytes of a document that is not removed (undefined otherwise), as a Buffer on both engines. */
export async function documentContent(db: Sql, id: number): Promise<Buffer | undefined> {
  const rows = await db.query<{ content: string | null }>(
    `SELECT encode(content, 'base64') AS content FROM file_document WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  const content = rows[0]?.content;
  return typeof content === 'string' ? Buffer.from(content, 'base64') : undefined;
}

/**
 * One page of the pupil's documents that are not removed, newest first: in the given levels, or shared with one
 * of the reader's roles by a valid consent.
 */
export async function documentsOf(
  db: Sql,
  pupilId: number,
  options: Visibility & { limit: number; offset: number },
): Promise<{ items: DocumentRow[]; total: number }> {
  const where = `d.pupil_id = $1 AND d.deleted_at IS NULL
    AND ${visibleItem('document', 'd', { levels: '$2', today: '$3', roles: '$4' })}`;
  const params = [pupilId, ...visibilityValues(options)];
  const [items, total] = await Promise.all([
    db.query<DocumentRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY d.uploaded_at DESC, d.id DESC LIMIT $5 OFFSET $6`,
      [...params, options.limit, options.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM file_document d WHERE ${where}`, params),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

/** Whether a valid consent shares the document with one of the roles. */
export async function documentShared(
  db: Sql,
  id: number,
  sharedWith: { roles: readonly string[]; today: string },
): Promise<boolean> {
  const rows = await db.query<{ shared: boolean }>(
    `SELECT ${sharedByConsent('document', 'd', { today: '$2', roles: '$3' })} AS shared
     FROM file_document d WHERE d.id = $1`,
    [id, sharedWith.today, sharedWith.roles],
  );
  return rows[0]?.shared === true;
}

/**
 * Removes a document at the version the remover saw: the row, its metadata and history stay; the content is
 * cleared. False when the version is stale or the document was removed already.
 */
export async function removeDocument(
  db: Sql,
  id: number,
  version: number,
  removal: { by: number | null; reason: string | null },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE file_document SET content = NULL, deleted_at = now(), deleted_by = $3, deletion_reason = $4,
            version = version + 1
     WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
    [id, version, removal.by, removal.reason],
  );
  return rows.length > 0;
}
