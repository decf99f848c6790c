// Thuiszitter figures (issue 15): time at home per pupil and school year (monitor_home_time, migration 0025),
// refreshed with the monitor, and the reads of the region report.
import type { Sql } from './database.ts';

/** Every school's id (the report without a region: the CLI). */
export async function allSchools(db: Sql): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    "SELECT id::int AS id FROM organisation WHERE kind = 'school' ORDER BY id",
  );
  return rows.map((r) => r.id);
}
