// Civil-date helpers for the front end: `YYYY-MM-DD` strings, never Date objects in a time zone.

import { HALF_LABELS } from '../src/domain/labels.ts';
import type { Half } from './api/client.ts';
import type { MessageKey } from './i18n/nl.ts';
import type { Language, Translate } from './i18n/translate.ts';

/** Days since 1970-01-01; exact integer arithmetic on the civil date. */
export function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  );
}

export function fromDayNumber(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const day = (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
  return day <= 0 ? day + 7 : day;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

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
  const match = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!match) return null;
  const start = Number(match[1]);
  if (Number(match[2]) !== start + 1) return null;
  return { firstDay: `${start}-09-01`, lastDay: `${start + 1}-08-31` };
}
