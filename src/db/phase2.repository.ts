// Reads of the pupil file for the phase-2 routes: the date of the first measure (ABSENCE_RISING) and the route
// entries recorded so far. The entries themselves are written through pupil-file.repository.ts.
import type { Sql } from './database.ts';

/** The earliest date of an entry of these kinds in the pupil's file, or null. */
export async function firstEntryOn(db: Sql, pupilId: number, kinds: readonly string[]): Promise<string | null> {
  const rows = await db.query<{ first: string | null }>(
    'SELECT min(occurred_on) AS first FROM file_entry WHERE pupil_id = $1 AND kind = ANY($2::text[])',
    [pupilId, kinds],
  );
  return rows[0]?.first ?? null;
}

export interface RouteEntryRow {
  id: number;
  kind: string;
  occurredOn: string;
  details: Record<string, unknown>;
}

/** The pupil's entries of these kinds, oldest first (every kind is shared at school+clb or school level). */
export async function entriesOfKinds(db: Sql, pupilId: number, kinds: readonly string[]): Promise<RouteEntryRow[]> {
  return db.query<RouteEntryRow>(
    `SELECT id::int AS id, kind, occurred_on AS "occurredOn", details FROM file_entry
     WHERE pupil_id = $1 AND kind = ANY($2::text[]) ORDER BY occurred_on, id`,
    [pupilId, kinds],
  );
}
