// Organisations (schools, CLBs, regions, LOPs) by id and name, and the schools a CLB serves or a region covers (the
// scope of CLB roles and analists).
import type { OrganisationKind } from '../domain/roles.ts';
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
export async function linkSchool(db: Sql, kind: 'clb' | 'region' | 'lop', organisationId: number, schoolId: number) {
  const table = {
    clb: 'clb_school (clb_id, school_id)',
    region: 'region_school (region_id, school_id)',
    lop: 'lop_school (lop_id, school_id)',
  }[kind];
  await db.query(`INSERT INTO ${table} VALUES ($1, $2) ON CONFLICT DO NOTHING`, [organisationId, schoolId]);
}

/** An organisation's name, or '' when there is no such organisation. */
export async function organisationName(db: Sql, id: number): Promise<string> {
  const rows = await db.query<{ name: string }>('SELECT name FROM organisation WHERE id = $1', [id]);
  return rows[0]?.name ?? '';
}

export async function organisationKind(db: Sql, id: number): Promise<OrganisationKind | undefined> {
  const rows = await db.query<{ kind: OrganisationKind }>('SELECT kind FROM organisation WHERE id = $1', [id]);
  return rows[0]?.kind;
}

/** Organisations by kind and name: these ids, or all of them. */
export async function listOrganisations(db: Sql, ids: readonly number[] | 'all') {
  return db.query<{ id: number; name: string; kind: OrganisationKind }>(
    `SELECT id::int AS id, name, kind FROM organisation WHERE $1::bigint[] IS NULL OR id = ANY($1::bigint[])
     ORDER BY kind, name`,
    [ids === 'all' ? null : ids],
  );
}
