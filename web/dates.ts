// Date helpers for the front end: `YYYY-MM-DD` strings, never Date objects in a time zone. The arithmetic is the
// server's own (src/domain/civil-date.ts); this module adds the display formats.
import { weekday } from '../src/domain/civil-date.ts';
import { HALF_LABELS } from '../src/domain/labels.ts';
import { parseSchoolYearId } from '../src/domain/school-year.ts';
import type { Half } from './api/client.ts';
import type { MessageKey } from './i18n/nl.ts';
import type { Language, Translate } from './i18n/translate.ts';

export { daysInMonth, weekday } from '../src/domain/civil-date.ts';

/** `2025-09-15` → `15/09/2025`, the way Belgian schools write dates. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** `ma 15/09/2025` (Dutch) or `Mon 15/09/2025` (English). */
export function formatDateWithWeekday(date: string, t: Translate): string {
  return `${t(`weekday.${weekday(date)}` as MessageKey)} ${formatDate(date)}`;
}

/** A timestamp (ISO with time) shown as local date and time, e.g. `15/09/2025 14:05`. */
export function formatTimestamp(timestamp: string, language: 'nl' | 'en'): string {
  const value = new Date(timestamp);
  if (Number.isNaN(value.getTime())) return timestamp;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(value);
}

/** VM/NM in Dutch, AM/PM in English (src/domain/labels.ts). */
export function halfLabel(half: Half, language: Language): string {
  return HALF_LABELS[half][language];
}

/** The key used to point at one half-day, e.g. in the heat-map's highlight set: `2025-09-15|AM`. */
export function halfDayKey(date: string, half: Half): string {
  return `${date}|${half}`;
}

/** First and last day of a school year id such as `2025-2026` (1 September – 31 August). */
export function schoolYearBounds(schoolYear: string): { firstDay: string; lastDay: string } | null {
  const year = parseSchoolYearId(schoolYear);
  return year && { firstDay: year.firstDay, lastDay: year.lastDay };
}
