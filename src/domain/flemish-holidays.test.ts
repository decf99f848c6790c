import { describe, expect, it } from 'vitest';
import { expandPreset } from './calendar.ts';
import { CALENDAR_PRESETS, calendarPresetFor, presetFor } from './calendar-presets.ts';
import { easterSunday, flemishHolidays } from './flemish-holidays.ts';

describe('flemishHolidays', () => {
  it('computes Easter Sunday', () => {
    expect(['2025', '2026', '2027', '2028', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2038-04-25',
    ]);
  });

  it('derives exactly the holidays of every shipped preset', () => {
    const years = [...new Set(CALENDAR_PRESETS.map((p) => p.schoolYear))];
    expect(years.length).toBeGreaterThanOrEqual(3);
    for (const schoolYear of years) {
      const shipped = [...(presetFor('basis', schoolYear)?.holidays ?? [])].sort((a, b) =>
        a.from.localeCompare(b.from),
      );
      expect(flemishHolidays(Number(schoolYear.slice(0, 4))), schoolYear).toEqual(shipped);
    }
  });

  it('applies the weekend rules: autumn after a Sunday 1 November, Christmas after a weekend 25 December', () => {
    // 2026: 1 November is a Sunday; 2027: 25 December is a Saturday; 2028: Easter on 16 April (after the 15th).
    expect(flemishHolidays(2026).find((h) => h.name === 'herfstvakantie')?.from).toBe('2026-11-02');
    expect(flemishHolidays(2027).find((h) => h.name === 'kerstvakantie')).toMatchObject({
      from: '2027-12-27',
      until: '2028-01-09',
    });
    expect(flemishHolidays(2027).find((h) => h.name === 'paasvakantie')).toMatchObject({
      from: '2028-04-03',
      until: '2028-04-17',
    });
  });
});

describe('calendarPresetFor', () => {
  it('prefers the shipped preset and derives one for any other school year', () => {
    expect(calendarPresetFor('secundair', '2025-2026')).toBe(presetFor('secundair', '2025-2026'));
    const later = calendarPresetFor('basis', '2031-2032');
    expect(later?.id).toBe('vlaanderen-basis-2031-2032');
    expect(later?.source).toMatch(/Derived/);
    const schoolHalfDays = expandPreset(later as NonNullable<typeof later>).filter((h) => h.schoolDay).length;
    expect(schoolHalfDays).toBeGreaterThan(310);
    expect(schoolHalfDays).toBeLessThan(340);
    expect(calendarPresetFor('basis', 'not-a-year')).toBeUndefined();
  });
});
