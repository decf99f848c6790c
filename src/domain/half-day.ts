// Civil dates and half-days: the unit of registration and of every threshold (no time zones involved).

export type Half = 'AM' | 'PM';
export const HALVES: readonly Half[] = ['AM', 'PM'];

/** A civil date as `YYYY-MM-DD`. */
export type IsoDate = string;

export interface HalfDay {
  date: IsoDate;
  half: Half;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BELGIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Days since 1970-01-01 for a civil date; exact integer arithmetic, no Date time-zone pitfalls. */
export function dayNumber(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromDayNumber(days: number): IsoDate {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const d = (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
  return d <= 0 ? d + 7 : d;
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

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
