// Fast day-number ↔ civil-date conversions for the engine's output (no Date objects in loops).

/** [year, month 1–12, day 1–31] of a day number (days since 1970-01-01); H. Hinnant's civil_from_days. */
export function civilFromDayNumber(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function monthOfDayNumber(dayNumber: number): number {
  return civilFromDayNumber(dayNumber)[1];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD`. */
export function isoFromDayNumber(dayNumber: number): string {
  const [y, m, d] = civilFromDayNumber(dayNumber);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** `DD/MM/YYYY`, as Belgian schools write dates. */
export function belgianFromDayNumber(dayNumber: number): string {
  const [y, m, d] = civilFromDayNumber(dayNumber);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** `DD/MM`, for lists of half-days within one school year. */
export function shortFromDayNumber(dayNumber: number): string {
  const [, m, d] = civilFromDayNumber(dayNumber);
  return `${pad2(d)}/${pad2(m)}`;
}
