// CLBs and regions, and the schools each serves or covers (the scope of CLB roles and analists).
import type { Sql } from './database.ts';

export async function insertOrganisation(db: Sql, kind: 'clb' | 'region', name: string): Promise<number> {
  const rows = await db.query<{ id: number }>(
    'INSERT INTO organisation (kind, name) VALUES ($1, $2) RETURNING id::int AS id',
    [kind, name],
  );
  return (rows[0] as { id: number }).id;
}

export async function findOrganisationByName(db: Sql, kind: 'clb' | 'region', name: string) {
  const rows = await db.query<{ id: number }>('SELECT id::int AS id FROM organisation WHERE kind = $1 AND name = $2', [
    kind,
    name,
  ]);
  return rows[0];
}

/** Links a school to the CLB that serves it or the region it belongs to. */
export async function linkSchool(db: Sql, kind: 'clb' | 'region', organisationId: number, schoolId: number) {
  const table = kind === 'clb' ? 'clb_school (clb_id, school_id)' : 'region_school (region_id, school_id)';
  await db.query(`INSERT INTO ${table} VALUES ($1, $2) ON CONFLICT DO NOTHING`, [organisationId, schoolId]);
}
