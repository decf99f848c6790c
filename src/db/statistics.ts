// Planner statistics after an import's writes (decision 0045). PostgreSQL's autovacuum analyses a table once the
// rows changed since its last ANALYZE pass 50 + 10 % of its rows, but it only sees a transaction's changes after the
// commit and then waits for its next round (a minute by default; never where it is off). An import's own later
// statements, and the next import moments after it, would plan with the table's old statistics: a school's first
// pupils import left `enrolment` looking empty, and the next one-day register import then took 10 s instead of
// 0.15 s (a nested loop over the enrolments for every school half-day). So an import analyses, inside its
// transaction, the tables it changed that much, by autovacuum's own rule.
import type { Sql } from './database.ts';

/** Autovacuum's defaults (autovacuum_analyze_threshold, autovacuum_analyze_scale_factor). */
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;

/**
 * Analyses the tables whose rows changed in this transaction (`changedRows`: table → rows inserted or updated) when
 * those changes, with the changes since the table's last ANALYZE, pass autovacuum's threshold, or when the table has
 * no column statistics at all (never analysed, or analysed while it was empty; an index build sets the row estimate
 * but not these). A table listed with 0 changed rows is analysed only in that last case, when it has pages: the
 * changes of earlier transactions alone are left to autovacuum, so that a small import does not pay for them (a bulk
 * load's rows count as changes after the commit even when it analysed the table itself). Table names come from the
 * code, never from input. The tables it analysed.
 */
export async function analyzeIfChangedMuch(tx: Sql, changedRows: Readonly<Record<string, number>>): Promise<string[]> {
  const tables = Object.entries(changedRows);
  if (tables.length === 0) return [];
  const rows = await tx.query<{ name: string; due: boolean }>(
    `SELECT t.name,
            (NOT EXISTS (SELECT 1 FROM pg_stats p WHERE p.schemaname = n.nspname AND p.tablename = c.relname)
               AND (t.changed > 0 OR pg_relation_size(c.oid) > 0))
            OR (t.changed > 0
                AND COALESCE(s.n_mod_since_analyze, 0) + t.changed > $3::float8 + $4::float8 * greatest(c.reltuples, 0))
              AS due
     FROM unnest($1::text[], $2::float8[]) AS t (name, changed)
     JOIN pg_class c ON c.oid = t.name::regclass
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid`,
    [tables.map(([name]) => name), tables.map(([, n]) => n), ANALYZE_THRESHOLD, ANALYZE_SCALE_FACTOR],
  );
  const due = rows.filter((r) => r.due).map((r) => r.name);
  // Inside a transaction ANALYZE keeps its lock (SHARE UPDATE EXCLUSIVE, which conflicts with itself) until the
  // commit: SKIP_LOCKED leaves a table that another import is analysing to that import instead of waiting for it.
  if (due.length > 0) await tx.exec(`ANALYZE (SKIP_LOCKED) ${due.join(', ')}`);
  return due;
}

/** Analyses those of `tables` that have rows but no column statistics (analyzeIfChangedMuch with no changes). */
export function analyzeIfWithoutStatistics(tx: Sql, tables: readonly string[]): Promise<string[]> {
  return analyzeIfChangedMuch(tx, Object.fromEntries(tables.map((table) => [table, 0])));
}

/**
 * After a whole-school rewrite of `tables` (each with a `school_id` column): their rows of the school count as
 * changed (analyzeIfChangedMuch). On an installation of many schools one school's rows stay under the threshold;
 * on a new one, or after a school's first import left a table without statistics, the statements that read the
 * tables next (the monitor's cells) plan with fresh ones.
 */
export async function analyzeAfterSchoolRewrite(
  tx: Sql,
  schoolId: number,
  tables: readonly string[],
): Promise<string[]> {
  if (tables.length === 0) return [];
  const counts = await tx.query<{ name: string; n: number }>(
    tables
      .map((table) => `SELECT '${table}' AS name, (SELECT count(*)::int FROM ${table} WHERE school_id = $1) AS n`)
      .join(' UNION ALL '),
    [schoolId],
  );
  return analyzeIfChangedMuch(tx, Object.fromEntries(counts.map((c) => [c.name, c.n])));
}
