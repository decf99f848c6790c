// Downloadable templates: a CSV per kind of import with the canonical headers and one example row.
import { csvText } from '../../domain/csv.ts';
import { requireAccess } from '../access.ts';
import type { Actor } from '../actor.ts';
import { COLUMNS_OF_KIND } from './columns.ts';
import type { ImportKind } from './import-result.ts';

/** One example value per canonical column (formats.md); columns without one stay empty in the example row. */
const EXAMPLE: Record<string, string> = {
  pupil_id: '1001',
  first_name: 'Lotte',
  last_name: 'Peeters',
  birth_date: '2012-03-04',
  level: 'secundair',
  grade: '1',
  class: '1A',
  enrolled_from: '2025-09-01',
  date: '2025-09-15',
  half: 'AM',
  code: 'B',
  note: '',
  school_day: '1',
};

/** The template's columns: every canonical column, without the alternatives for other layouts. */
function templateColumns(kind: ImportKind): string[] {
  const spec = COLUMNS_OF_KIND[kind];
  const alternates = new Set((spec.alternatives ?? []).flatMap((a) => a.or));
  return [...spec.required, ...spec.optional].filter((name) => !alternates.has(name));
}

/** The template as CSV text (UTF-8 with BOM so Excel shows accents, comma-separated, CRLF). */
export function importTemplate(actor: Actor, schoolId: number, kind: ImportKind): string {
  requireAccess(actor, 'import.run', { schoolId });
  const columns = templateColumns(kind);
  return `\uFEFF${csvText([columns, columns.map((name) => EXAMPLE[name] ?? '')])}`;
}
