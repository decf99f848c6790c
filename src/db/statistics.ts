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
 * those changes, with the changes since the table's last ANALYZE, pass autovacuum's threshold, or when the table was
 * never analysed. Table names come from the code, never from input. The tables it analysed.
 */
export async function analyzeIfChangedMuch(tx: Sql, changedRows: Readonly<Record<string, number>>): Promise<string[]> {
  const changed = Object.entries(changedRows).filter(([, n]) => n > 0);
  if (changed.length === 0) return [];
  const rows = await tx.query<{ name: string; due: boolean }>(
    `SELECT t.name,
            (c.reltuples < 0 OR COALESCE(s.n_mod_since_analyze, 0) + t.changed > $3::float8 + $4::float8 * c.reltuples)
              AS due
     FROM unnest($1::text[], $2::float8[]) AS t (name, changed)
     JOIN pg_class c ON c.oid = t.name::regclass
     LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid`,
    [changed.map(([name]) => name), changed.map(([, n]) => n), ANALYZE_THRESHOLD, ANALYZE_SCALE_FACTOR],
  );
  const due = rows.filter((r) => r.due).map((r) => r.name);
  // Inside a transaction ANALYZE keeps its lock (SHARE UPDATE EXCLUSIVE, which conflicts with itself) until the
  // commit: SKIP_LOCKED leaves a table that another import is analysing to that import instead of waiting for it.
  if (due.length > 0) await tx.exec(`ANALYZE (SKIP_LOCKED) ${due.join(', ')}`);
  return due;
}
