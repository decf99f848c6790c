// The definitions behind the official figures and the exclusion statistics, on hand-computed cases.
import { describe, expect, it } from 'vitest';
import {
  ageKey,
  daysToNewSchool,
  homeTimeThresholds,
  isCompulsoryAge,
  newSchoolBucket,
  officialBThreshold,
  withoutSchoolOn,
} from './thuiszitter-definitions.ts';
import { exclusionSection } from './thuiszitter-report.ts';

describe('compulsory school age (the denominator of the official figure)', () => {
  // School year 2025-2026 starts on 1 September 2025.
  it('starts on 1 September of the calendar year the child turns 5', () => {
    expect(isCompulsoryAge('2020-12-31', 2025)).toBe(true); // turns 5 in 2025: compulsory from 1 September 2025
    expect(isCompulsoryAge('2020-01-01', 2025)).toBe(true);
    expect(isCompulsoryAge('2021-01-01', 2025)).toBe(false); // turns 5 in 2026: next school year
  });

  it('lasts while the pupil is a minor on 1 September', () => {
    expect(isCompulsoryAge('2007-09-02', 2025)).toBe(true); // 18 on 2 September 2025: still 17 on the 1st
    expect(isCompulsoryAge('2007-09-01', 2025)).toBe(false); // 18 on 1 September 2025
    expect(isCompulsoryAge('2007-08-31', 2025)).toBe(false);
    expect(isCompulsoryAge('2008-08-31', 2025)).toBe(true); // 17
  });

  it('splits by the age reached in the calendar year the school year starts', () => {
    expect(ageKey('2020-12-31', 2025)).toBe(5);
    expect(ageKey('2007-09-02', 2025)).toBe(18);
    expect(ageKey('2013-03-15', 2025)).toBe(12);
  });

  it('takes the thresholds from the catalog', () => {
    expect(officialBThreshold()).toBe(30);
    expect(homeTimeThresholds()).toEqual([10, 20, 30]);
  });
});

describe('time from an exclusion to a new school', () => {
  it('counts calendar days, over a month boundary and a holiday alike', () => {
    expect(daysToNewSchool('2026-01-26', '2026-02-02')).toBe(7);
    expect(daysToNewSchool('2026-02-13', '2026-02-23')).toBe(10); // across the spring holiday
    expect(daysToNewSchool('2025-12-15', '2026-01-15')).toBe(31);
  });

  it('puts the days in buckets ≤10, ≤31, ≤61, >61', () => {
    expect([0, 10, 11, 31, 32, 61, 62, 200].map(newSchoolBucket)).toEqual([
      '≤10',
      '≤10',
      '≤31',
      '≤31',
      '≤61',
      '≤61',
      '>61',
      '>61',
    ]);
  });

  it('is without a school on a date until the new school begins', () => {
    expect(withoutSchoolOn('2026-01-26', null, '2026-03-01')).toBe(true);
    expect(withoutSchoolOn('2026-01-26', '2026-03-02', '2026-03-01')).toBe(true);
    expect(withoutSchoolOn('2026-01-26', '2026-03-01', '2026-03-01')).toBe(false);
    expect(withoutSchoolOn('2026-03-05', null, '2026-03-01')).toBe(false); // excluded later
  });

  it('builds the exclusion section: distribution, median, without school, repeats (hand-computed)', () => {
    const rows = [
      {
        level: 'secundair',
        excludedOn: '2026-01-05',
        newSchoolFrom: '2026-01-12',
        repeated: false,
        opvang: null,
        searchHelp: true,
      }, // 7
      {
        level: 'secundair',
        excludedOn: '2026-01-06',
        newSchoolFrom: '2026-01-14',
        repeated: false,
        opvang: null,
        searchHelp: true,
      }, // 8
      {
        level: 'secundair',
        excludedOn: '2026-01-07',
        newSchoolFrom: '2026-01-16',
        repeated: true,
        opvang: null,
        searchHelp: null,
      }, // 9
      {
        level: 'secundair',
        excludedOn: '2026-01-08',
        newSchoolFrom: '2026-01-18',
        repeated: false,
        opvang: null,
        searchHelp: true,
      }, // 10
      {
        level: 'secundair',
        excludedOn: '2026-01-09',
        newSchoolFrom: '2026-01-29',
        repeated: false,
        opvang: null,
        searchHelp: true,
      }, // 20
      {
        level: 'secundair',
        excludedOn: '2026-02-02',
        newSchoolFrom: null,
        repeated: false,
        opvang: null,
        searchHelp: true,
      },
    ];
    const section = exclusionSection(rows, '2026-03-01');
    const value = (id: string) => section.figures.find((f) => f.id === id)?.value;
    expect(value('exclusion.total')).toBe(6);
    expect(value('exclusion.secundair')).toBe(6);
    expect(value('exclusion.secundair.without-school')).toBeNull(); // 1: suppressed
    expect(value('exclusion.lager')).toBe(0);
    expect(value('exclusion.month.2026-01')).toBe(5);
    expect(value('exclusion.new-school.≤10')).toBeNull(); // 4: suppressed
    expect(value('exclusion.new-school.median-days')).toBe(9); // 7, 8, 9, 10, 20
    expect(value('exclusion.repeated')).toBeNull(); // 1
    expect(value('exclusion.secondary.search-help')).toBe(5);
    expect(value('exclusion.primary.opvang')).toBe(0);
  });
});
