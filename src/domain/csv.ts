// The one CSV writer of the product (every export, server and web): RFC 4180 fields with spreadsheet formulas
// neutralised as OWASP advises (decision 0010). Pure text, no I/O, so the web app uses the same module.

export type CsvValue = string | number | null | undefined;

/** Prefixed to a text that a spreadsheet would read as a formula; the importer removes it again. */
export const FORMULA_GUARD = "'";

/**
 * A text that Excel, LibreOffice or Google Sheets would start evaluating: `=`, `+`, `-`, `@`, tab or carriage
 * return first — also after guard quotes already there, so guarding stays reversible ("'=x" becomes "''=x").
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Fields holding a delimiter (`,` or the `;` of Belgian Excel, tab), a quote or a line break are quoted. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** The text with the formula guard in front when a spreadsheet would evaluate it; otherwise unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? FORMULA_GUARD + text : text;
}

/** Undoes `neutraliseFormula` (the importer's side): one guard quote before a formula start is removed. */
export function removeFormulaGuard(text: string): string {
  return text.startsWith(FORMULA_GUARD) && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * One CSV field. Numbers are written as they are (a negative count is data, not a formula); text gets the
 * formula guard when needed and is quoted when guarded or when it holds a delimiter, quote or line break.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return text !== value || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record (comma-separated), without its line end. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV text: header and rows, each record ended by `lineEnd` (RFC 4180: CRLF). */
export function csvText(rows: Iterable<readonly CsvValue[]>, lineEnd = '\r\n'): string {
  let text = '';
  for (const row of rows) text += csvRecord(row) + lineEnd;
  return text;
}
