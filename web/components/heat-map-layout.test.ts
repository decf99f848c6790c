import { describe, expect, it } from 'vitest';
import type { CalendarHalfDay } from '../api/client.ts';
import { buildHeatMap, codesInRegister } from './heat-map-layout.ts';

/** A calendar where every weekday morning and afternoon is a school half-day, except Wednesday afternoons. */
function weekdayCalendar(firstDay: string, lastDay: string): CalendarHalfDay[] {
  const days: CalendarHalfDay[] = [];
  for (let time = Date.parse(firstDay); time <= Date.parse(lastDay); time += 86_400_000) {
    const date = new Date(time).toISOString().slice(0, 10);
    const day = new Date(time).getUTCDay(); // 0 Sunday
    const weekday = day >= 1 && day <= 5;
    days.push({ date, half: 'AM', schoolDay: weekday });
    days.push({ date, half: 'PM', schoolDay: weekday && day !== 3 });
  }
  return days;
}

const calendar = weekdayCalendar('2025-09-01', '2026-08-31');

describe('buildHeatMap', () => {
  const months = buildHeatMap({
    schoolYear: '2025-2026',
    calendar,
    register: [
      { date: '2025-09-15', half: 'AM', code: 'B', note: null },
      { date: '2025-09-15', half: 'PM', code: 'Z', note: 'griep' },
    ],
    enrolment: { enrolledFrom: '2025-09-08', enrolledUntil: '2026-06-30' },
  });

  it('runs from September to August with 31 day slots per month', () => {
    expect(months.map((month) => month.key)).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
    for (const month of months) expect(month.days).toHaveLength(31);
  });

  it('leaves slots empty for days a month does not have', () => {
    const february = months[5];
    expect(february?.days.filter((day) => day !== null)).toHaveLength(28);
    expect(february?.days[28]).toBeNull();
    expect(months[0]?.days[30]).toBeNull(); // 31 September does not exist
  });

  it('shows registered codes, presences, days without school and days outside the enrolment', () => {
    const september = months[0];
    const day = (n: number) => september?.days[n - 1];
    expect(day(15)?.am).toEqual({ date: '2025-09-15', half: 'AM', kind: 'code', code: 'B' });
    expect(day(15)?.pm.code).toBe('Z');
    expect(day(16)?.am.kind).toBe('present');
    expect(day(17)?.pm.kind).toBe('nonSchool'); // Wednesday afternoon
    expect(day(20)?.am.kind).toBe('nonSchool'); // Saturday
    expect(day(2)?.am.kind).toBe('outside'); // before enrolled_from
    expect(day(15)?.weekday).toBe(1);
    expect(months[10]?.days[0]?.am.kind).toBe('outside'); // July, after enrolled_until
  });

  it('marks the whole year outside the enrolment when the pupil is not enrolled', () => {
    const notEnrolled = buildHeatMap({ schoolYear: '2025-2026', calendar, register: [], enrolment: null });
    const kinds = new Set(notEnrolled.flatMap((m) => m.days.flatMap((d) => (d ? [d.am.kind, d.pm.kind] : []))));
    expect([...kinds]).toEqual(['outside']);
  });

  it('treats half-days missing from the calendar as no school', () => {
    const empty = buildHeatMap({
      schoolYear: '2025-2026',
      calendar: [],
      register: [],
      enrolment: { enrolledFrom: '2025-09-01', enrolledUntil: null },
    });
    expect(empty[0]?.days[0]?.am.kind).toBe('nonSchool');
  });
});

describe('codesInRegister', () => {
  it('orders codes as in the code list and puts unknown codes last', () => {
    const register = ['Z', 'X', 'B', 'Z'].map((code) => ({
      date: '2025-09-15',
      half: 'AM' as const,
      code,
      note: null,
    }));
    expect(codesInRegister(register, ['B', 'Z', 'R'])).toEqual(['B', 'Z', 'X']);
  });
});
