// The school year in the address (`?year=2025-2026`): read it from a query string, or set it in one.

const YEAR_PARAM = 'year';

/** The school year a query string names, if it is a well-formed `YYYY-YYYY+1`; null otherwise. */
export function schoolYearFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get(YEAR_PARAM);
  const match = value === null ? null : /^(\d{4})-(\d{4})$/.exec(value);
  return match && Number(match[2]) === Number(match[1]) + 1 ? (value as string) : null;
}

/** The query string with the school year set (other parameters kept), e.g. `?page=2&year=2025-2026`. */
export function withSchoolYear(search: string, schoolYear: string): string {
  const params = new URLSearchParams(search);
  params.set(YEAR_PARAM, schoolYear);
  return `?${params.toString()}`;
}
