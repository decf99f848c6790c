// Import batches: one row per import run (what was imported, by whom, how many rows), and the list of them.
import type { Sql } from './database.ts';

/**
 * Settings of an import transaction. No JIT compilation: its statements are planned with statistics that lag the
 * rows written moments ago (and with nested loops disabled in the monitor refresh, whose penalty inflates every
 * cost), so PostgreSQL compiled even a one-school cell refresh over a few thousand rows (measured ~1 s of JIT per
 * statement). Ends with the transaction.
 */
export async function prepareImportTransaction(tx: Sql): Promise<void> {
  await tx.exec('SET LOCAL jit = off');
}

export async function createImportBatch(
  tx: Sql,
  batch: { schoolId: number; kind: string; fileName: string; userId: number | null },
): Promise<number> {
  const created = await tx.query<{ id: number }>(
    `INSERT INTO import_batch (school_id, kind, file_name, file_sha256, row_count, inserted_count, updated_count, created_by)
     VALUES ($1, $2, $3, '', 0, 0, 0, $4) RETURNING id::int AS id`,
    [batch.schoolId, batch.kind, batch.fileName, batch.userId],
  );
  return (created[0] as { id: number }).id;
}

export async function completeImportBatch(
  tx: Sql,
  importId: number,
  counts: { sha256: string; rows: number; inserted: number; updated: number },
): Promise<void> {
  await tx.query(
    `UPDATE import_batch SET file_sha256 = $2, row_count = $3, inserted_count = $4, updated_count = $5 WHERE id = $1`,
    [importId, counts.sha256, counts.rows, counts.inserted, counts.updated],
  );
}

export interface ImportBatchRow {
  id: number;
  kind: 'pupils' | 'register' | 'calendar';
  fileName: string;
  rowCount: number;
  insertedCount: number;
  updatedCount: number;
  createdAt: string;
  createdBy: string | null;
}

/** A school's latest 100 imports, newest first. */
export async function listImportBatches(db: Sql, schoolId: number): Promise<ImportBatchRow[]> {
  return db.query<ImportBatchRow>(
    `SELECT b.id::int AS id, b.kind, b.file_name AS "fileName", b.row_count AS "rowCount",
            b.inserted_count AS "insertedCount", b.updated_count AS "updatedCount",
            to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
            u.display_name AS "createdBy"
     FROM import_batch b LEFT JOIN app_user u ON u.id = b.created_by
     WHERE b.school_id = $1 ORDER BY b.created_at DESC, b.id DESC LIMIT 100`,
    [schoolId],
  );
}
