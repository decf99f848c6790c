// The limits of every free-text field that enters through an import file (docs/import.md, docs/security.md) and
// the pattern of a pupil number, which also ends up in download file names and audit rows.

/** Maximum length in characters (UTF-16 code units) per imported text column. */
export const IMPORT_TEXT_LIMITS = {
  pupil_id: 40,
  first_name: 100,
  last_name: 100,
  class: 50,
  school_id: 20,
  note: 1000,
} as const;

export type LimitedColumn = keyof typeof IMPORT_TEXT_LIMITS;

/** A pupil number: ASCII letters and digits, with `.`, `-` or `_` inside; what school administration systems use. */
const PUPIL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isPupilNumber(text: string): boolean {
  return text.length <= IMPORT_TEXT_LIMITS.pupil_id && PUPIL_NUMBER.test(text);
}

/** The length a text exceeds its column's limit with, or null when it fits. */
export function overLimit(column: LimitedColumn, text: string): { length: number; max: number } | null {
  const max = IMPORT_TEXT_LIMITS[column];
  return text.length > max ? { length: text.length, max } : null;
}
