// `npm run docs:schema`: writes docs/schema.md, the data model as a mermaid erDiagram, from the migrations (applied to
// an empty in-memory database and read back from the catalog, so the diagram is what the migrations make).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Database, openPglite } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export const SCHEMA_DIAGRAM_FILE = fileURLToPath(new URL('../../docs/schema.md', import.meta.url));

interface Column {
  table: string;
  column: string;
  type: string;
  primaryKey: boolean;
}

interface ForeignKey {
  table: string;
  references: string;
  columns: string;
  nullable: boolean;
}

async function readCatalog(db: Database) {
  const columns = await db.query<Column>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type",
            EXISTS (SELECT 1 FROM information_schema.table_constraints tc
                    JOIN information_schema.key_column_usage k
                      ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
                    WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_name = c.table_name
                      AND k.column_name = c.column_name) AS "primaryKey"
     FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_name = c.table_name AND t.table_schema = c.table_schema
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migration'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const foreignKeys = await db.query<ForeignKey>(
    `SELECT cl.relname AS "table", ref.relname AS "references",
            string_agg(a.attname, ', ' ORDER BY a.attnum) AS columns,
            bool_or(NOT a.attnotnull) AS nullable
     FROM pg_constraint con
     JOIN pg_class cl ON cl.oid = con.conrelid
     JOIN pg_class ref ON ref.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
     WHERE con.contype = 'f' AND n.nspname = 'public'
     GROUP BY con.oid, cl.relname, ref.relname
     ORDER BY cl.relname, ref.relname, columns`,
  );
  return { columns, foreignKeys };
}

/** mermaid attribute types are single words: `timestamp with time zone` → `timestamptz`. */
const TYPE_NAMES: Record<string, string> = {
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'character varying': 'varchar',
  'double precision': 'float8',
  ARRAY: 'array',
  'USER-DEFINED': 'enum',
};

export async function currentSchemaDiagram(): Promise<string> {
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const { columns, foreignKeys } = await readCatalog(db);
    const tables = [...new Set(columns.map((c) => c.table))];
    const lines = ['erDiagram'];
    for (const fk of foreignKeys) {
      const many = fk.nullable ? '}o' : '}|';
      lines.push(`  ${fk.table} ${many}--|| ${fk.references} : "${fk.columns}"`);
    }
    for (const table of tables) {
      lines.push(`  ${table} {`);
      for (const c of columns.filter((column) => column.table === table)) {
        const type = (TYPE_NAMES[c.type] ?? c.type).replace(/\s+/g, '_');
        lines.push(`    ${type} ${c.column}${c.primaryKey ? ' PK' : ''}`);
      }
      lines.push('  }');
    }
    return [
      '# Data model',
      '',
      'Generated from `src/db/migrations/` by `npm run docs:schema` (do not edit by hand; a test compares it with the',
      'migrations). Tables with their columns; a line is a foreign key, labelled with its columns. The register',
      '(`register_entry`, `register_history`) deliberately has no foreign key to `pupil` (docs/decisions/0002).',
      '',
      '```mermaid',
      ...lines,
      '```',
      '',
    ].join('\n');
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await currentSchemaDiagram();
  const before = await readFile(SCHEMA_DIAGRAM_FILE, 'utf8').catch(() => '');
  if (before !== text) await writeFile(SCHEMA_DIAGRAM_FILE, text);
  console.log(`${SCHEMA_DIAGRAM_FILE}: ${before === text ? 'up to date' : 'written'}`);
}
