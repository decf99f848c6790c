import { describe, expect, it } from 'vitest';
import { schoolYearFromSearch, withSchoolYear } from './school-year-query.ts';

describe('the school year in the address', () => {
  it('reads only a well-formed school year', () => {
    expect(schoolYearFromSearch('?year=2025-2026&page=2')).toBe('2025-2026');
    expect(schoolYearFromSearch('?year=2025-2027')).toBeNull();
    expect(schoolYearFromSearch('?year=<script>')).toBeNull();
    expect(schoolYearFromSearch('')).toBeNull();
  });

  it('sets the year and keeps the other parameters', () => {
    expect(withSchoolYear('?page=2&year=2024-2025', '2026-2027')).toBe('?page=2&year=2026-2027');
    expect(withSchoolYear('', '2026-2027')).toBe('?year=2026-2027');
  });
});
