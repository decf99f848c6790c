// The LOP's view of exclusions on hand-computed cases: how long pupils are still without a school, and the
// per-school figures with their suppression.
import { describe, expect, it } from 'vitest';
import { daysWithoutSchool, type LopExclusion, lopSchoolsSection, withoutSchoolSection } from './lop-report.ts';
import { exclusionSection } from './thuiszitter-report.ts';

const exclusion = (over: Partial<LopExclusion>): LopExclusion => ({
  schoolId: 1,
  level: 'secundair',
  excludedOn: '2025-10-06',
  newSchoolFrom: null,
  repeated: false,
  opvang: null,
  searchHelp: null,
  ...over,
});

const byId = (figures: { id: string; value: number | null; suppressed: boolean }[]) =>
  Object.fromEntries(figures.map((f) => [f.id, f.suppressed ? 'suppressed' : f.value]));

describe('days without a school', () => {
  it('counts calendar days from the exclusion to the reference date', () => {
    expect(daysWithoutSchool('2025-10-06', '2025-10-16')).toBe(10);
    expect(daysWithoutSchool('2025-12-20', '2026-01-19')).toBe(30); // across the new year
    expect(daysWithoutSchool('2026-02-27', '2026-03-01')).toBe(2);
  });
});

describe('the section "still without a school"', () => {
  // Reference date 2026-01-15. Days without a school: 2025-10-06 → 101, 2025-12-10 → 36, 2026-01-05 → 10,
  // 2026-01-14 → 1, 2025-11-15 → 61; the sixth has a new school, the seventh is excluded after the reference date.
  const rows = [
    exclusion({ excludedOn: '2025-10-06' }),
    exclusion({ excludedOn: '2025-12-10' }),
    exclusion({ excludedOn: '2026-01-05' }),
    exclusion({ excludedOn: '2026-01-14' }),
    exclusion({ excludedOn: '2025-11-15' }),
    exclusion({ excludedOn: '2025-10-06', newSchoolFrom: '2025-10-20' }),
    exclusion({ excludedOn: '2026-01-20' }),
  ];

  it('counts the pupils still without a school and how long, in the buckets of the time to a new school', () => {
    const figures = byId(withoutSchoolSection(rows, '2026-01-15').figures);
    expect(figures['without-school.pupils']).toBe(5);
    // Each bucket holds 1 or 2 pupils: suppressed (a count from 1 to 4 is never shown).
    expect(figures['without-school.days.≤10']).toBe('suppressed'); // 10 and 1
    expect(figures['without-school.days.≤31']).toBe(0);
    expect(figures['without-school.days.≤61']).toBe('suppressed'); // 36 and 61
    expect(figures['without-school.days.>61']).toBe('suppressed'); // 101
    expect(figures['without-school.median-days']).toBe(36); // 1, 10, 36, 61, 101
    // No maximum: the longest time is one pupil's, whatever the number of pupils.
    expect(figures).not.toHaveProperty('without-school.longest-days');
  });

  it('shows no median over fewer than five pupils', () => {
    const figures = byId(withoutSchoolSection(rows.slice(0, 3), '2026-01-15').figures);
    expect(figures['without-school.pupils']).toBe('suppressed');
    expect(figures['without-school.median-days']).toBe('suppressed');
  });
});

describe('the per-school section', () => {
  const schools = [
    { schoolId: 1, schoolName: 'Atheneum', takenIn: 0 },
    { schoolId: 2, schoolName: 'College', takenIn: 3 },
  ];
  const rows = [
    ...Array.from({ length: 5 }, () => exclusion({ schoolId: 1, searchHelp: true, opvang: null })),
    exclusion({ schoolId: 1, newSchoolFrom: '2025-11-01' }),
    exclusion({ schoolId: 2 }),
  ];

  it('gives each school its exclusions, those still without a school, the duty recorded and pupils taken in', () => {
    const figures = byId(lopSchoolsSection('secundair', schools, rows, '2026-01-15').figures);
    expect(figures).toEqual({
      'school.1.exclusions': 6,
      'school.1.without-school': 5,
      'school.1.search-help': 5,
      'school.1.taken-in': 0,
      'school.2.exclusions': 'suppressed',
      'school.2.without-school': 'suppressed',
      'school.2.search-help': 0,
      'school.2.taken-in': 'suppressed',
    });
  });

  it('asks a LOP basisonderwijs for opvang, not for help finding a school', () => {
    const primary = rows.map((r) => ({ ...r, level: 'lager' as const, opvang: true, searchHelp: null }));
    const figures = byId(lopSchoolsSection('basis', schools, primary, '2026-01-15').figures);
    expect(figures['school.1.opvang']).toBe(6);
    expect(figures).not.toHaveProperty('school.1.search-help');
  });
});

describe('the exclusion statistics of one level (a LOP)', () => {
  it('split only by the levels the LOP follows, with only their duty', () => {
    const rows = Array.from({ length: 5 }, () => exclusion({ searchHelp: true }));
    const ids = exclusionSection(rows, '2026-01-15', ['secundair']).figures.map((f) => f.id);
    expect(ids).toContain('exclusion.secundair');
    expect(ids).toContain('exclusion.secondary.search-help');
    expect(ids.filter((id) => /lager|kleuter|primary/.test(id))).toEqual([]);
    const primary = exclusionSection([], '2026-01-15', ['kleuter', 'lager']).figures.map((f) => f.id);
    expect(primary.filter((id) => /secundair|secondary/.test(id))).toEqual([]);
    expect(primary).toContain('exclusion.primary.opvang');
  });
});
