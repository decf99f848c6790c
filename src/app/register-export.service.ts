// Use case: export a school's register as the canonical register.csv (formats.md), streamed in pages.
import type { Database } from '../db/database.ts';
import { csvRecord } from '../domain/csv.ts';
import { requireAccess } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';

const PAGE_ROWS = 20_000;
const REGISTER_EXPORT_HEADER = ['pupil_id', 'date', 'half', 'code', 'note'];

/** Yields the CSV text in chunks, ordered by pupil number, date and half; keyset-paged so memory stays flat. */
export async function* exportRegisterCsv(
  db: Database,
  actor: Actor,
  schoolId: number,
  range: { from?: string; until?: string } = {},
): AsyncGenerator<string> {
  requireAccess(actor, 'register.export', { schoolId });
  const from = range.from ?? '0001-01-01';
  const until = range.until ?? '9999-12-31';
  // One audit row for the whole export, naming every pupil whose register rows leave the system.
  const exported = await db.query<{ id: number }>(
    'SELECT DISTINCT pupil_id::int AS id FROM register_entry WHERE school_id = $1 AND date BETWEEN $2 AND $3 ORDER BY 1',
    [schoolId, from, until],
  );
  await recordAudit(db, actor, {
    action: 'register.export',
    organisationId: schoolId,
    pupilIds: exported.map((r) => r.id),
    detail: { from: range.from ?? null, until: range.until ?? null },
  });
  yield `${csvRecord(REGISTER_EXPORT_HEADER)}\n`;
  let after: [string, string, string] = ['', '0001-01-01', ''];
  while (true) {
    const rows = await db.query<{
      externalId: string;
      date: string;
      half: string;
      code: string;
      note: string | null;
    }>(
      `SELECT p.external_id AS "externalId", r.date, r.half, r.code, r.note
       FROM register_entry r JOIN pupil p ON p.id = r.pupil_id
       WHERE r.school_id = $1 AND r.date BETWEEN $2 AND $3 AND (p.external_id, r.date, r.half) > ($4, $5::date, $6)
       ORDER BY p.external_id, r.date, r.half LIMIT ${PAGE_ROWS}`,
      [schoolId, from, until, ...after],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => `${csvRecord([r.externalId, r.date, r.half, r.code, r.note])}\n`).join('');
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = [last.externalId, last.date, last.half];
    if (rows.length < PAGE_ROWS) return;
  }
}
