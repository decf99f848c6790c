// The thuiszitter figures on a real database: the refreshed time at home equals the domain's definition
// (homeTime) for every pupil of a random register, the official figure's denominator equals isCompulsoryAge,
// T/U/Y stay apart from R, and the thuiszitters overview ranks by cumulative time with holidays never counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { type CalendarHalfDay, homeTime, schoolDaysOf } from '../../domain/monitor/home-time.ts';
import { isCompulsoryAge } from '../../domain/monitor/thuiszitter-definitions.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { exclusionSupport, recordExclusionSupport } from '../exclusion-support.service.ts';
import { importFile } from '../import/import.service.ts';
import { listThuiszitters } from './monitor.service.ts';
import { regionReport } from './region-report.service.ts';

const TODAY = '2025-11-14';
const BIRTH_DATES = [
  '2013-05-01',
  '2012-02-29',
  '2011-12-31',
  '2008-08-31', // 17 on 1 September 2025: compulsory
  '2007-09-02', // 17 on 1 September 2025: compulsory
  '2007-09-01', // 18 on 1 September 2025: not
  '2006-03-03', // 19: not
  '2014-01-01',
];
const PUPILS = 24;
const CALENDAR = expandPreset(presetFor('secundair', '2025-2026') ?? (undefined as never));
const SCHOOL_SLOTS = CALENDAR.filter((h) => h.schoolDay && h.date <= TODAY);
const CODES = ['B', 'B', 'B', 'Z', 'D', 'P', 'Y', 'Y', 'U', 'T', 'R', 'L'];

function pupilsCsv(): string {
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class'];
  for (let p = 0; p < PUPILS; p++)
    lines.push(
      `${100 + p},V${p},N${p},${BIRTH_DATES[p % BIRTH_DATES.length]},secundair,${(p % 3) + 1},${(p % 3) + 1}A`,
    );
  return `${lines.join('\n')}\n`;
}

/** A random register, and pupil 100 absent (B) every school half-day from 20 October to today: across the autumn holiday. */
function registerCsv(seed: number): string {
  let state = seed;
  const random = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const rows = new Map<string, string>();
  for (let p = 1; p < PUPILS; p++) {
    for (let s = 0; s < 1 + random(6); s++) {
      const start = random(SCHOOL_SLOTS.length);
      const length = random(4) === 0 ? 10 + random(30) : 1 + random(5);
      const code = CODES[random(CODES.length)] as string;
      for (const slot of SCHOOL_SLOTS.slice(start, start + length))
        rows.set(`${100 + p},${slot.date},${slot.half}`, code);
    }
  }
  for (const slot of SCHOOL_SLOTS.filter((h) => h.date >= '2025-10-20')) rows.set(`100,${slot.date},${slot.half}`, 'B');
  return `pupil_id,date,half,code\n${[...rows].map(([key, code]) => `${key},${code}`).join('\n')}\n`;
}

describe.each(testEngines())('thuiszitter figures on %s', (engine) => {
  let t: TestDatabase;
  let school: number;
  let region: number;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    school = await schoolWithPupils(t.db, pupilsCsv(), { institutionNumber: '900001' });
    region = await insertOrganisation(t.db, 'region', 'Regio Thuis');
    await linkSchool(t.db, 'region', region, school);
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId: school,
      kind: 'register',
      path: writeTemp(tempDir(), 'register.csv', registerCsv(7)),
      today: TODAY,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('stores for every pupil the time at home the domain definition computes', async () => {
    const register = await t.db.query<{ pupilId: number; date: string; half: 'AM' | 'PM'; code: string }>(
      `SELECT r.pupil_id::int AS "pupilId", r.date, r.half, r.code FROM register_entry r
       JOIN absence_code c ON c.code = r.code AND c.counts_as_absent WHERE r.school_id = $1`,
      [school],
    );
    const stored = await t.db.query<Record<string, unknown>>(
      `SELECT pupil_id::int AS "pupilId", absent_half_days AS absent, spells, longest_spell AS longest,
              suspension_spells AS "suspensionSpells", longest_suspension AS "longestSuspension",
              last_from AS "lastFrom", last_until AS "lastUntil", last_half_days AS "lastHalfDays"
       FROM monitor_home_time WHERE school_id = $1 ORDER BY pupil_id`,
      [school],
    );
    const pupilIds = [...new Set(register.map((r) => r.pupilId))].sort((a, b) => a - b);
    const expected = pupilIds.map((pupilId) => {
      const codes = new Map(register.filter((r) => r.pupilId === pupilId).map((r) => [`${r.date}|${r.half}`, r.code]));
      const days = (only?: string): CalendarHalfDay[] =>
        CALENDAR.filter((h) => h.date < '2026-09-01').map((h) => {
          const code = codes.get(`${h.date}|${h.half}`) ?? null;
          return { ...h, code: only === undefined || code === only ? code : null };
        });
      const all = homeTime(days());
      const suspension = homeTime(days('Y'));
      return {
        pupilId,
        absent: all.absentHalfDays,
        spells: all.spells,
        longest: all.longestSpell,
        suspensionSpells: suspension.spells,
        longestSuspension: suspension.longestSpell,
        lastFrom: all.lastSpell?.from.date,
        lastUntil: all.lastSpell?.until.date,
        lastHalfDays: all.lastSpell?.halfDays,
      };
    });
    expect(stored).toEqual(expected);
    expect(expected.some((e) => e.suspensionSpells > 0)).toBe(true);
  });

  it('reports T, U and Y apart, and the official figure over pupils of compulsory school age', async () => {
    const report = await regionReport(t.db, SYSTEM_ACTOR, { regionId: region, asOf: TODAY });
    const value = (section: string, id: string) =>
      report.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id);
    const compulsory = Array.from({ length: PUPILS }, (_, p) => BIRTH_DATES[p % BIRTH_DATES.length] as string).filter(
      (birth) => isCompulsoryAge(birth, 2025),
    ).length;
    expect(compulsory).toBe(18); // 6 of 8 birth dates, three times
    expect(value('official', 'official.compulsory-pupils')?.value).toBe(compulsory);
    const [y] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM register_entry WHERE school_id = $1 AND code = 'Y'",
      [school],
    );
    const shownY = value('suspensions', 'suspension.Y.half-days');
    expect(shownY?.value ?? 'suppressed').toBe((y?.n ?? 0) >= 5 ? y?.n : 'suppressed');
    expect(report.sections.map((s) => s.id)).toEqual([
      'partial-schooling',
      'home-time',
      'suspensions',
      'exclusions',
      'official',
    ]);
  });

  it('lists thuiszitters by cumulative time; days at home are school days, the autumn holiday does not count', async () => {
    const list = await listThuiszitters(t.db, SYSTEM_ACTOR, { schoolId: school, schoolYear: '2025-2026' }, TODAY);
    const totals = list.pupils.map((p) => p.absentHalfDays);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const first = list.pupils.find((p) => p.firstName === 'V0');
    const spell = SCHOOL_SLOTS.filter((h) => h.date >= '2025-10-20').length;
    expect(first).toMatchObject({ atHomeSince: '2025-10-20', daysAtHome: schoolDaysOf(spell) });
    // 20 October – 14 November is 26 calendar days; the autumn holiday and 11 November are not school days.
    expect(first?.daysAtHome).toBeLessThan(20);
    // Listed pupils who were at school on the last school half-day are "not at home now", never at home for 0 days.
    for (const pupil of list.pupils) {
      if (pupil.atHomeSince === null) expect(pupil.daysAtHome).toBe(0);
      expect(pupil.schoolHalfDays).toBe(SCHOOL_SLOTS.length);
    }
  });

  it('records help finding a school after an exclusion as the level requires, and counts it (suppressed)', async () => {
    const [pupil] = await t.db.query<{ id: number }>(
      "SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = '105'",
      [school],
    );
    const pupilId = pupil?.id as number;
    await t.db.query("UPDATE enrolment SET excluded_on = '2025-10-06' WHERE pupil_id = $1", [pupilId]);
    const before = await exclusionSupport(t.db, SYSTEM_ACTOR, pupilId, '2025-2026', TODAY);
    expect(before).toMatchObject({ level: 'secundair', excludedOn: '2025-10-06', opvang: null, searchHelp: null });
    // Secondary: opvang is no duty, helping to find a school is.
    await expect(
      recordExclusionSupport(
        t.db,
        SYSTEM_ACTOR,
        pupilId,
        '2025-2026',
        { opvang: true, searchHelp: null, version: before.version },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 422 });
    const after = await recordExclusionSupport(
      t.db,
      SYSTEM_ACTOR,
      pupilId,
      '2025-2026',
      { opvang: null, searchHelp: true, version: before.version },
      TODAY,
    );
    expect(after).toMatchObject({ searchHelp: true, version: before.version + 1 });
    await expect(
      recordExclusionSupport(
        t.db,
        SYSTEM_ACTOR,
        pupilId,
        '2025-2026',
        { opvang: null, searchHelp: false, version: before.version },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 409 });
    const report = await regionReport(t.db, SYSTEM_ACTOR, { regionId: region, asOf: TODAY });
    const figures = report.sections.find((s) => s.id === 'exclusions')?.figures ?? [];
    const get = (id: string) => figures.find((f) => f.id === id);
    expect(get('exclusion.secondary.search-help')).toMatchObject({ value: null, suppressed: true });
    expect(get('exclusion.secundair.without-school')).toMatchObject({ value: null, suppressed: true });
    expect(get('exclusion.primary.opvang')).toMatchObject({ value: 0, suppressed: false });
  });
});
