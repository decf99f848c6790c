// The data version (migration 0017): changes whenever a committed write touched a table the attention list reads.
import type { Sql } from './database.ts';
import { prepared } from './prepared.ts';

const VERSION = prepared(`SELECT count(*)::text || ':' || coalesce(max(id), 0)::text AS v FROM data_change`);

/**
 * (visible rows, highest visible id) of the change log as one string. Read it BEFORE deriving from the data: what
 * is derived then is at least as new as the version it is stored under.
 */
export async function dataVersion(db: Sql): Promise<string> {
  const rows = await db.query<{ v: string }>(VERSION);
  return rows[0]?.v ?? '0:0';
}
