// Use case: export a school's register as the canonical register.csv (formats.md) or as register.xlsx, streamed in
// pages. Both go through the product's one CSV writer and one XLSX writer (formula-safe; decision 0010).
import type { Writable } from 'node:stream';
import type { Database } from '../db/database.ts';
import { pupilIdsWithRegisterRows, registerPage } from '../db/register.repository.ts';
import { csvRecord } from '../domain/csv.ts';
import { isValidIsoDate } from '../domain/half-day.ts';
import { requireAccess } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { invalidInput } from './errors.ts';
import { writeXlsx } from './xlsx-writer.ts';

const PAGE_ROWS = 20_000;
const REGISTER_EXPORT_HEADER = ['pupil_id', 'date', 'half', 'code', 'note'] as const;

export interface RegisterExportRange {
  from?: string;
  until?: string;
}

type RegisterExportRow = [externalId: string, date: string, half: string, code: string, note: string | null];

/**
 * The register rows in pages, ordered by pupil number, date and half; keyset-paged so memory stays flat. The
 * access check, the date check and the audit row happen on the first `next()`, before anything leaves.
 */
export async function* registerExportPages(
  db: Database,
  actor: Actor,
  schoolId: number,
  range: RegisterExportRange = {},
): AsyncGenerator<RegisterExportRow[]> {
  requireAccess(actor, 'register.export', { schoolId });
  for (const bound of [range.from, range.until])
    if (bound !== undefined && !isValidIsoDate(bound))
      throw invalidInput({ nl: 'Ongeldige datum (JJJJ-MM-DD).', en: 'Invalid date (YYYY-MM-DD).' });
  const from = range.from ?? '0001-01-01';
  const until = range.until ?? '9999-12-31';
  // One audit row for the whole export, naming every pupil whose register rows leave the system.
  const exported = await pupilIdsWithRegisterRows(db, schoolId, from, until);
  await recordAudit(db, actor, {
    action: 'register.export',
    organisationId: schoolId,
    pupilIds: exported,
    detail: { from: range.from ?? null, until: range.until ?? null },
  });
  let after: [string, string, string] = ['', '0001-01-01', ''];
  while (true) {
    const rows = await registerPage(db, schoolId, { from, until }, after, PAGE_ROWS);
    if (rows.length === 0) return;
    yield rows.map((r) => [r.externalId, r.date, r.half, r.code, r.note]);
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = [last.externalId, last.date, last.half];
    if (rows.length < PAGE_ROWS) return;
  }
}

/** Yields the CSV text in chunks (header first); the access check runs on the first `next()`. */
export async function* exportRegisterCsv(
  db: Database,
  actor: Actor,
  schoolId: number,
  range: RegisterExportRange = {},
): AsyncGenerator<string> {
  const pages = registerExportPages(db, actor, schoolId, range);
  const first = await pages.next();
  yield `${csvRecord(REGISTER_EXPORT_HEADER)}\n`;
  if (first.done) return;
  yield csvLines(first.value);
  for await (const page of pages) yield csvLines(page);
}

const csvLines = (rows: readonly RegisterExportRow[]) => rows.map((row) => `${csvRecord(row)}\n`).join('');

/**
 * Writes register.xlsx to `output` (one sheet, every value a text cell). Call `start` first: it runs the access
 * check and the audit before a response commits to a status; the returned function then streams the workbook.
 */
export async function exportRegisterXlsx(
  db: Database,
  actor: Actor,
  schoolId: number,
  range: RegisterExportRange = {},
): Promise<(output: Writable) => Promise<void>> {
  const pages = registerExportPages(db, actor, schoolId, range);
  const first = await pages.next();
  return (output) =>
    writeXlsx(
      output,
      'register',
      (async function* () {
        yield [REGISTER_EXPORT_HEADER];
        if (first.done) return;
        yield first.value;
        yield* pages;
      })(),
    );
}
