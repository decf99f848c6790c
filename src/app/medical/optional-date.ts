// An optional civil date from a form of the medical track: empty is null, anything else must be YYYY-MM-DD.
import { isValidIsoDate } from '../../domain/civil-date.ts';
import { invalidInput } from '../errors.ts';

/** The trimmed date, null when empty; 400 naming the field's Dutch label when it is not a date. */
export function optionalDate(value: string | null | undefined, label: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (!isValidIsoDate(value.trim())) {
    throw invalidInput({
      nl: `${label}: "${value}" is geen datum (JJJJ-MM-DD).`,
      en: `${label}: "${value}" is not a date.`,
    });
  }
  return value.trim();
}
