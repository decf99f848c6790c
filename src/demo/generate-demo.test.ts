// Tests for the demo generator: determinism, a valid register, realistic sizes and every persona's facts.
import { describe, expect, it } from 'vitest';
import { findAbsenceCode, isAbsentCode } from '../domain/absence-codes.ts';
import { expandPreset, SchoolCalendar } from '../domain/calendar.ts';
import { calendarPresetFor } from '../domain/calendar-presets.ts';
import { dayNumber, type HalfDay, weekday } from '../domain/half-day.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import {
  DEMO_SCHOOL_YEARS,
  type DemoEnrolment,
  type DemoPupil,
  type DemoRegisterRow,
  type DemoSchool,
  generateDemo,
} from './generate-demo.ts';

const demo = generateDemo();
const [primary, secondary] = demo.schools as [DemoSchool, DemoSchool];

const calendars = new Map<string, SchoolCalendar>();
function calendarOf(level: 'basis' | 'secundair', schoolYear: string): SchoolCalendar {
  const key = `${level}|${schoolYear}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    const preset = calendarPresetFor(level, schoolYear);
    if (!preset) throw new Error(`no preset ${key}`);
    calendar = new SchoolCalendar(expandPreset(preset));
    calendars.set(key, calendar);
  }
  return calendar;
}

function schoolOf(pupilId: string): DemoSchool {
  const school = demo.schools.find((s) => s.pupils.some((p) => p.pupilId === pupilId));
  if (!school) throw new Error(`no school for ${pupilId}`);
  return school;
}

function pupil(pupilId: string): DemoPupil {
  const found = schoolOf(pupilId).pupils.find((p) => p.pupilId === pupilId);
  if (!found) throw new Error(`no pupil ${pupilId}`);
  return found;
}

function rowsOf(pupilId: string, schoolYear?: string): DemoRegisterRow[] {
  return schoolOf(pupilId).register.filter(
    (r) => r.pupilId === pupilId && (schoolYear === undefined || schoolYearOf(r.date).id === schoolYear),
  );
}

function enrolmentOf(pupilId: string, schoolYear: string): DemoEnrolment {
  const enrolment = pupil(pupilId).enrolments.find((e) => e.schoolYear === schoolYear);
  if (!enrolment) throw new Error(`${pupilId} not enrolled in ${schoolYear}`);
  return enrolment;
}

/** The school half-days of an enrolment, in time order. */
function enrolledHalfDays(school: DemoSchool, enrolment: DemoEnrolment): HalfDay[] {
  const year = schoolYearOf(enrolment.enrolledFrom);
  return calendarOf(school.calendarLevel, enrolment.schoolYear).schoolHalfDays(
    enrolment.enrolledFrom,
    enrolment.enrolledUntil ?? year.lastDay,
  );
}

const countCode = (rows: DemoRegisterRow[], code: string) => rows.filter((r) => r.code === code).length;

describe('generateDemo', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    expect(generateDemo({ seed: 2025 })).toEqual(demo);
    const other = generateDemo({ seed: 7 });
    expect(other.schools[1]?.register).not.toEqual(secondary.register);
    expect(other.schools[0]?.pupils.map((p) => p.lastName)).not.toEqual(primary.pupils.map((p) => p.lastName));
  });

  it('builds a primary school of about 400 and a secondary school of about 600 pupils per year', () => {
    expect(primary.calendarLevel).toBe('basis');
    expect(secondary.calendarLevel).toBe('secundair');
    expect(primary.institutionNumber).toMatch(/^\d{6}$/);
    expect(secondary.institutionNumber).toMatch(/^\d{6}$/);
    for (const schoolYear of DEMO_SCHOOL_YEARS) {
      const enrolled = (school: DemoSchool) =>
        school.pupils.filter((p) => p.enrolments.some((e) => e.schoolYear === schoolYear)).length;
      expect(enrolled(primary)).toBeGreaterThan(360);
      expect(enrolled(primary)).toBeLessThan(450);
      expect(enrolled(secondary)).toBeGreaterThan(550);
      expect(enrolled(secondary)).toBeLessThan(660);
    }
  });

  it('gives pupils unique ids, levels, grades and class names that fit their school', () => {
    const ids = demo.schools.flatMap((s) => s.pupils.map((p) => p.pupilId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of primary.pupils) {
      for (const e of p.enrolments) {
        if (e.level === 'kleuter') expect(e.className).toMatch(new RegExp(`^K${e.grade}[AB]$`));
        else expect(e.className).toMatch(new RegExp(`^${e.grade}[AB]$`));
        expect(e.level === 'kleuter' ? e.grade <= 3 : e.level === 'lager' && e.grade <= 6).toBe(true);
      }
    }
    for (const p of secondary.pupils) {
      for (const e of p.enrolments) {
        expect(e.level).toBe('secundair');
        expect(e.className).toMatch(/^[1-6]([A-D]|(ASO|TSO|BSO)-[AB])$/);
      }
    }
    const classNames = new Set(secondary.pupils.flatMap((p) => p.enrolments.map((e) => e.className)));
    expect(classNames.has('1A')).toBe(true);
    expect(classNames.has('4TSO-B')).toBe(true);
  });

  it('gives birth dates that fit the grade (on time or one or two years older)', () => {
    for (const school of demo.schools) {
      for (const p of school.pupils) {
        for (const e of p.enrolments) {
          const startYear = Number(e.schoolYear.slice(0, 4));
          const ageInStartYear = startYear - Number(p.birthDate.slice(0, 4));
          const onTime = e.level === 'kleuter' ? 2 + e.grade : e.level === 'lager' ? 5 + e.grade : 11 + e.grade;
          expect(ageInStartYear - onTime).toBeGreaterThanOrEqual(0);
          expect(ageInStartYear - onTime).toBeLessThanOrEqual(2);
        }
      }
    }
  });

  it('moves pupils up a grade from 2024-2025 to 2025-2026 (or keeps a repeater in the same grade)', () => {
    let movedUp = 0;
    for (const school of demo.schools) {
      for (const p of school.pupils) {
        const [before, now] = DEMO_SCHOOL_YEARS.map((y) => p.enrolments.find((e) => e.schoolYear === y));
        if (!before || !now) continue;
        const rank = (e: DemoEnrolment) => (e.level === 'lager' ? 3 : 0) + e.grade;
        expect(rank(now) - rank(before)).toBeGreaterThanOrEqual(0);
        expect(rank(now) - rank(before)).toBeLessThanOrEqual(1);
        if (rank(now) === rank(before) + 1) movedUp++;
      }
    }
    expect(movedUp).toBeGreaterThan(700);
  });

  it('registers only valid codes on school half-days within the enrolment, once per half-day', () => {
    for (const school of demo.schools) {
      const pupils = new Map(school.pupils.map((p) => [p.pupilId, p]));
      const seen = new Set<string>();
      let previous = '';
      for (const row of school.register) {
        expect(findAbsenceCode(row.code)?.code).toBe(row.code);
        const p = pupils.get(row.pupilId);
        expect(p).toBeDefined();
        const schoolYear = schoolYearOf(row.date).id;
        const enrolment = p?.enrolments.find((e) => e.schoolYear === schoolYear);
        expect(enrolment, `${row.pupilId} ${row.date}`).toBeDefined();
        if (!enrolment) continue;
        expect(row.date >= enrolment.enrolledFrom).toBe(true);
        if (enrolment.enrolledUntil) expect(row.date <= enrolment.enrolledUntil).toBe(true);
        expect(calendarOf(school.calendarLevel, schoolYear).isSchoolHalfDay(row.date, row.half)).toBe(true);
        const key = `${row.pupilId}|${row.date}|${row.half}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(key > previous, 'sorted by pupil, date, half').toBe(true);
        previous = key;
      }
    }
  });

  it('uses A only for pre-school children not of compulsory age, and covers both school years', () => {
    for (const school of demo.schools) {
      for (const row of school.register.filter((r) => r.code === 'A')) {
        const p = pupil(row.pupilId);
        const startYear = Number(schoolYearOf(row.date).id.slice(0, 4));
        expect(startYear - Number(p.birthDate.slice(0, 4))).toBeLessThan(5);
      }
      const years = new Set(school.register.map((r) => schoolYearOf(r.date).id));
      expect([...years].sort()).toEqual([...DEMO_SCHOOL_YEARS]);
    }
  });

  it('keeps most pupils rarely absent, with illness peaking in December–February', () => {
    const perPupilYear = new Map<string, number>();
    for (const school of demo.schools) {
      for (const row of school.register) {
        if (!isAbsentCode(row.code)) continue;
        const key = `${row.pupilId}|${schoolYearOf(row.date).id}`;
        perPupilYear.set(key, (perPupilYear.get(key) ?? 0) + 1);
      }
    }
    const enrolments = demo.schools.flatMap((s) => s.pupils.flatMap((p) => p.enrolments.map(() => p))).length;
    const counts = [...perPupilYear.values()];
    while (counts.length < enrolments) counts.push(0);
    counts.sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThan(10);
    expect(counts[Math.floor(counts.length * 0.99)]).toBeGreaterThan(40);

    const illnessPerSchoolDay = (months: number[]) => {
      const rows = demo.schools
        .flatMap((s) => s.register)
        .filter((r) => {
          const month = Number(r.date.slice(5, 7));
          return (r.code === 'Z' || r.code === 'D') && months.includes(month);
        }).length;
      const schoolDays = DEMO_SCHOOL_YEARS.flatMap((y) =>
        calendarOf('basis', y).schoolHalfDays(`${y.slice(0, 4)}-09-01`, `${y.slice(5)}-06-30`),
      ).filter((h) => h.half === 'AM' && months.includes(Number(h.date.slice(5, 7)))).length;
      return rows / schoolDays;
    };
    expect(illnessPerSchoolDay([12, 1, 2])).toBeGreaterThan(1.5 * illnessPerSchoolDay([9, 10]));
    const all = demo.schools.flatMap((s) => s.register);
    for (const code of ['Z', 'D', 'R', 'P', 'B']) expect(countCode(all, code)).toBeGreaterThan(50);
  });

  it('includes pupils enrolled or unenrolled during the year', () => {
    const enrolments = demo.schools.flatMap((s) => s.pupils.flatMap((p) => p.enrolments));
    expect(enrolments.some((e) => e.enrolledUntil !== null)).toBe(true);
    expect(enrolments.filter((e) => !e.enrolledFrom.endsWith('-09-01')).length).toBeGreaterThan(3);
  });

  describe('personas', () => {
    const { personas } = demo;

    it('names distinct pupils of the right school, each with a description', () => {
      const ids = Object.values(personas).map((p) => p.pupilId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [key, persona] of Object.entries(personas)) {
        expect(persona.key).toBe(key);
        expect(schoolOf(persona.pupilId).institutionNumber).toBe(persona.institutionNumber);
        expect(persona.description.length).toBeGreaterThan(20);
        expect(schoolOf(persona.pupilId).personas).toContain(persona);
      }
    });

    it('has truants whose B half-days start in September or October 2025 and escalate', () => {
      for (const persona of [personas.truant, personas.truant2, personas.truant3]) {
        const b = rowsOf(persona.pupilId, '2025-2026').filter((r) => r.code === 'B');
        expect(b.length).toBeGreaterThanOrEqual(5);
        expect(['09', '10']).toContain(b[0]?.date.slice(5, 7));
        const autumn = b.filter((r) => r.date < '2026-01-01').length;
        const spring = b.filter((r) => r.date >= '2026-03-01').length;
        expect(spring).toBeGreaterThan(autumn);
      }
    });

    it('has a chronically ill pupil with repeated Z/D spells, one spanning at least 21 calendar days', () => {
      const id = personas.chronicallyIll.pupilId;
      const halfDays = enrolledHalfDays(primary, enrolmentOf(id, '2025-2026'));
      const codeOf = new Map(rowsOf(id, '2025-2026').map((r) => [`${r.date}|${r.half}`, r.code]));
      let longest = 0;
      let spells = 0;
      let runStart: string | null = null;
      for (const h of halfDays) {
        const code = codeOf.get(`${h.date}|${h.half}`);
        if (code === 'Z' || code === 'D') {
          if (runStart === null) {
            runStart = h.date;
            spells++;
          }
          longest = Math.max(longest, dayNumber(h.date) - dayNumber(runStart) + 1);
        } else runStart = null;
      }
      expect(longest).toBeGreaterThanOrEqual(21);
      expect(spells).toBeGreaterThanOrEqual(5);
    });

    it('has a school refuser absent in the morning of most return days after weekends and holidays', () => {
      const id = personas.schoolRefuser.pupilId;
      const halfDays = enrolledHalfDays(secondary, enrolmentOf(id, '2025-2026'));
      const schoolDays = [...new Set(halfDays.map((h) => h.date))];
      const returnDays = schoolDays.filter(
        (d, i) => i > 0 && dayNumber(d) - dayNumber(schoolDays[i - 1] as string) >= 3,
      );
      const absentAm = new Set(
        rowsOf(id, '2025-2026')
          .filter((r) => r.half === 'AM')
          .map((r) => r.date),
      );
      const fromOctober = returnDays.filter((d) => d >= '2025-10-01');
      const hit = fromOctober.filter((d) => absentAm.has(d)).length;
      expect(hit / fromOctober.length).toBeGreaterThan(0.6);
      const otherDays = schoolDays.filter((d) => d >= '2025-10-01' && !returnDays.includes(d));
      expect(otherDays.filter((d) => absentAm.has(d)).length / otherDays.length).toBeLessThan(0.25);
      expect(fromOctober.some((d) => weekday(d) !== 1 && absentAm.has(d))).toBe(true); // e.g. after Easter Monday
    });

    it('has a pupil kept home with P on every Tuesday and Friday afternoon from 15 September 2025', () => {
      const id = personas.fixedSlot.pupilId;
      const codeOf = new Map(rowsOf(id, '2025-2026').map((r) => [`${r.date}|${r.half}`, r.code]));
      const slots = enrolledHalfDays(primary, enrolmentOf(id, '2025-2026')).filter(
        (h) => h.half === 'PM' && h.date >= '2025-09-15' && [2, 5].includes(weekday(h.date)),
      );
      expect(slots.length).toBeGreaterThan(50);
      for (const h of slots) expect(codeOf.get(`${h.date}|PM`)).toBe('P');
    });

    it('has a pupil definitively excluded in February 2026 with T on every school half-day afterwards', () => {
      const id = personas.excluded.pupilId;
      const enrolment = enrolmentOf(id, '2025-2026');
      expect(enrolment.excludedOn?.slice(0, 7)).toBe('2026-02');
      const excludedOn = enrolment.excludedOn as string;
      const codeOf = new Map(rowsOf(id, '2025-2026').map((r) => [`${r.date}|${r.half}`, r.code]));
      const halfDays = enrolledHalfDays(secondary, enrolment);
      for (const h of halfDays) {
        const code = codeOf.get(`${h.date}|${h.half}`);
        if (h.date >= excludedOn) expect(code).toBe('T');
        else expect(code).not.toBe('T');
      }
      expect(halfDays.filter((h) => h.date >= excludedOn).length).toBeGreaterThan(100);
    });

    it('has a 5-year-old pre-primary pupil who can no longer reach 290 present half-days', () => {
      const id = personas.kleuterBelow290.pupilId;
      expect(pupil(id).birthDate.slice(0, 4)).toBe('2020');
      const enrolment = enrolmentOf(id, '2025-2026');
      expect(enrolment.level).toBe('kleuter');
      const schoolHalfDays = enrolledHalfDays(primary, enrolment).length;
      const absent = rowsOf(id, '2025-2026').filter((r) => isAbsentCode(r.code)).length;
      expect(schoolHalfDays).toBeGreaterThan(290);
      expect(schoolHalfDays - absent).toBeLessThan(290);
      expect(countCode(rowsOf(id, '2025-2026'), 'A')).toBe(0);
    });

    it('has a pupil with at least 30 B half-days in both school years', () => {
      const id = personas.b30TwoYears.pupilId;
      expect(countCode(rowsOf(id, '2024-2025'), 'B')).toBeGreaterThanOrEqual(30);
      expect(countCode(rowsOf(id, '2025-2026'), 'B')).toBeGreaterThanOrEqual(30);
    });

    it('has a pupil at exactly 4 B half-days in 2025-2026 and a free school half-day in 2026 for the 5th', () => {
      const { pupilId, freeHalfDay } = personas.nearB5;
      expect(countCode(rowsOf(pupilId, '2025-2026'), 'B')).toBe(4);
      expect(freeHalfDay.date.startsWith('2026-')).toBe(true);
      expect(calendarOf('secundair', '2025-2026').isSchoolHalfDay(freeHalfDay.date, freeHalfDay.half)).toBe(true);
      expect(rowsOf(pupilId).some((r) => r.date === freeHalfDay.date && r.half === freeHalfDay.half)).toBe(false);
      const enrolment = enrolmentOf(pupilId, '2025-2026');
      expect(enrolment.enrolledUntil).toBeNull();
      expect(enrolment.excludedOn).toBeNull();
    });

    it('has a pupil whose enrolment starts in the middle of the year', () => {
      const id = personas.midYearEntrant.pupilId;
      const p = pupil(id);
      expect(p.enrolments).toHaveLength(1);
      expect(p.enrolments[0]?.enrolledFrom).toBe('2026-01-12');
      expect(rowsOf(id).every((r) => r.date >= '2026-01-12')).toBe(true);
    });
  });

  it.each([1, 42, 31337])('keeps the persona facts with seed %i', (seed) => {
    const other = generateDemo({ seed });
    const rows = other.schools.flatMap((s) => s.register);
    const bIn = (pupilId: string, schoolYear: string) =>
      rows.filter((r) => r.pupilId === pupilId && r.code === 'B' && schoolYearOf(r.date).id === schoolYear);
    const { personas } = other;
    for (const truant of [personas.truant, personas.truant2, personas.truant3]) {
      const b = bIn(truant.pupilId, '2025-2026');
      expect(b.length).toBeGreaterThanOrEqual(5);
      expect(['09', '10']).toContain(b[0]?.date.slice(5, 7));
    }
    expect(bIn(personas.nearB5.pupilId, '2025-2026')).toHaveLength(4);
    expect(bIn(personas.b30TwoYears.pupilId, '2024-2025').length).toBeGreaterThanOrEqual(30);
    expect(bIn(personas.b30TwoYears.pupilId, '2025-2026').length).toBeGreaterThanOrEqual(30);
    const kleuter = other.schools[0]?.pupils.find((p) => p.pupilId === personas.kleuterBelow290.pupilId);
    const enrolment = kleuter?.enrolments.find((e) => e.schoolYear === '2025-2026');
    if (!enrolment) throw new Error('kleuter persona not enrolled');
    const schoolHalfDays = calendarOf('basis', '2025-2026').schoolHalfDays(enrolment.enrolledFrom, '2026-08-31');
    const absent = rows.filter(
      (r) => r.pupilId === kleuter?.pupilId && r.date >= '2025-09-01' && isAbsentCode(r.code),
    ).length;
    expect(schoolHalfDays.length - absent).toBeLessThan(290);
  });
});

describe('generateDemo relative to today', () => {
  const today = '2026-12-03';
  const live = generateDemo({ today });
  const liveRows = (key: 'truant' | 'chronicallyIll' | 'nearB5') => {
    const persona = live.personas[key];
    const school = live.schools.find((s) => s.institutionNumber === persona.institutionNumber) as DemoSchool;
    return school.register.filter((r) => r.pupilId === persona.pupilId);
  };

  it('covers the previous school year complete and the current one up to yesterday', () => {
    expect(live.today).toBe(today);
    expect(live.schoolYears).toEqual(['2025-2026', '2026-2027']);
    for (const school of live.schools) {
      const years = new Set(school.register.map((r) => schoolYearOf(r.date).id));
      expect([...years].sort()).toEqual(['2025-2026', '2026-2027']);
      expect(school.register.every((r) => r.date < today)).toBe(true);
      // Last year runs to its last school day; this year has rows up to the last school day before today.
      expect(school.register.some((r) => r.date >= '2026-06-22' && r.date <= '2026-06-30')).toBe(true);
      expect(school.register.some((r) => r.date >= '2026-11-25')).toBe(true);
      // Every pupil of the current year is in a class.
      const current = school.pupils.flatMap((p) => p.enrolments.filter((e) => e.schoolYear === '2026-2027'));
      expect(current.length).toBeGreaterThan(300);
      expect(current.every((e) => e.className.length > 0)).toBe(true);
    }
  });

  it('registers only on school half-days of the calendar of each year', () => {
    for (const school of live.schools) {
      for (const row of school.register) {
        const calendar = calendarOf(school.calendarLevel, schoolYearOf(row.date).id);
        if (!calendar.isSchoolHalfDay(row.date, row.half)) throw new Error(`${row.date} ${row.half} is no school day`);
      }
    }
  });

  it('moves the persona stories by whole weeks, so they keep their weekdays', () => {
    // The truant's first B was Thursday 25 September 2025 on the reference day: now Thursday 24 September 2026.
    const firstB = liveRows('truant').find((r) => r.code === 'B' && r.date >= '2026-09-01');
    expect(firstB?.date).toBe('2026-09-24');
    expect(weekday(firstB?.date ?? '')).toBe(4);
    expect(liveRows('truant').filter((r) => r.code === 'B' && r.date >= '2026-09-01').length).toBeGreaterThan(5);
    // The chronically ill pupil's long D spell starts on a Monday in November of the current year.
    const spell = liveRows('chronicallyIll').find((r) => r.code === 'D' && r.date >= '2026-11-01');
    expect(spell?.date).toBe('2026-11-16');
    expect(
      countCode(
        liveRows('nearB5').filter((r) => r.date >= '2026-09-01'),
        'B',
      ),
    ).toBe(3); // the 4th is after today
  });

  it('is deterministic for a given today, and a year without a shipped preset gets the derived calendar', () => {
    expect(generateDemo({ today })).toEqual(live);
    const later = generateDemo({ today: '2031-10-15' });
    expect(later.schoolYears).toEqual(['2030-2031', '2031-2032']);
    const rows = later.schools[0]?.register ?? [];
    expect(rows.some((r) => r.date >= '2031-09-01')).toBe(true);
    expect(rows.every((r) => r.date < '2031-10-15')).toBe(true);
  });
});
