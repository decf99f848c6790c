// A school's remembered column mappings (import_column_mapping): one per kind of import and file header.
import type { Sql } from './database.ts';

export interface ColumnMappingKey {
  schoolId: number;
  kind: string;
  headersSignature: string;
}

export async function findColumnMapping(db: Sql, key: ColumnMappingKey): Promise<Record<string, string> | null> {
  const rows = await db.query<{ mapping: Record<string, string> | string }>(
    `SELECT mapping FROM import_column_mapping WHERE school_id = $1 AND kind = $2 AND headers_signature = $3`,
    [key.schoolId, key.kind, key.headersSignature],
  );
  const mapping = rows[0]?.mapping;
  if (mapping === undefined) return null;
  return typeof mapping === 'string' ? (JSON.parse(mapping) as Record<string, string>) : mapping;
}

/** Stores (or replaces) the mapping; true when it changed. */
export async function saveColumnMapping(
  db: Sql,
  key: ColumnMappingKey,
  mapping: Record<string, string>,
  userId: number | null,
): Promise<boolean> {
  const rows = await db.query<{ saved: boolean }>(
    `INSERT INTO import_column_mapping (school_id, kind, headers_signature, mapping, updated_by)
     VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (school_id, kind, headers_signature) DO UPDATE
       SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()
       WHERE import_column_mapping.mapping <> EXCLUDED.mapping
     RETURNING true AS saved`,
    [key.schoolId, key.kind, key.headersSignature, JSON.stringify(mapping), userId],
  );
  return rows.length > 0;
}
