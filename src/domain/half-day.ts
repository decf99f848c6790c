// Half-days: the unit of registration and of every threshold (no time zones involved). Civil-date arithmetic
// lives in ./civil-date.ts; it is re-exported here for the many modules that read both.
import { dayNumber, type IsoDate, isValidIsoDate } from './civil-date.ts';

export { addDays, dayNumber, fromDayNumber, type IsoDate, isValidIsoDate, weekday } from './civil-date.ts';

export type Half = 'AM' | 'PM';

export interface HalfDay {
  date: IsoDate;
  half: Half;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BELGIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Parses `YYYY-MM-DD` or the Belgian `DD/MM/YYYY` (also `D/M/YYYY`, `-` or `.` separators).
 * Returns null when the text is not a real calendar date.
 */
export function parseCivilDate(text: string): IsoDate | null {
  const value = text.trim();
  if (ISO_DATE.test(value)) return isValidIsoDate(value) ? value : null;
  const m = BELGIAN_DATE.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** Accepts `AM`/`PM` and the Dutch `VM`/`NM` (voormiddag/namiddag), case-insensitive. */
export function parseHalf(text: string): Half | null {
  switch (text.trim().toUpperCase()) {
    case 'AM':
    case 'VM':
      return 'AM';
    case 'PM':
    case 'NM':
      return 'PM';
    default:
      return null;
  }
}

/** Sort key: two slots per day, AM before PM. */
export function halfDayIndex(date: IsoDate, half: Half): number {
  return dayNumber(date) * 2 + (half === 'PM' ? 1 : 0);
}

export function formatBelgianDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
