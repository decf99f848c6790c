// Schools: the calendar of a school year without a shipped preset, and what the school list tells the web app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { type Actor, SYSTEM_ACTOR } from './actor.ts';
import { applyDerivedCalendars, createSchool, schoolsVisibleTo } from './school.service.ts';

describe.each(testEngines())('school service on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'Testschool',
      institutionNumber: '123456',
      calendarLevel: 'basis',
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const schoolHalfDays = async (from: string, until: string) => {
    const rows = await t.db.query<{ count: number; sources: string[] }>(
      `SELECT count(*) FILTER (WHERE school_day)::int AS count, array_agg(DISTINCT source) AS sources
       FROM calendar_half_day WHERE school_id = $1 AND date BETWEEN $2 AND $3`,
      [schoolId, from, until],
    );
    return rows[0] as { count: number; sources: string[] | null };
  };

  it('loads the derived Flemish calendar of a year without a preset, and leaves shipped years alone', async () => {
    expect((await schoolHalfDays('2031-09-01', '2032-08-31')).count).toBe(0);
    await applyDerivedCalendars(t.db, schoolId, 'basis', ['2030-2031', '2031-2032', '2025-2026']);
    const later = await schoolHalfDays('2031-09-01', '2032-08-31');
    expect(later.count).toBeGreaterThan(310);
    expect(later.count).toBeLessThan(340);
    expect(later.sources).toEqual(['preset:vlaanderen-basis-2031-2032']);
    // Herfstvakantie 2031: 1 November is a Saturday, so the week of 27 October is free.
    const autumn = await schoolHalfDays('2031-10-27', '2031-10-31');
    expect(autumn.count).toBe(0);
    expect((await schoolHalfDays('2025-09-01', '2026-08-31')).sources).toEqual(['preset:vlaanderen-basis-2025-2026']);
  });

  it('opens a school on the current school year and tells what the user may do there', async () => {
    const teacher: Actor = {
      kind: 'user',
      userId: 1,
      label: 'leerkracht',
      memberships: [
        {
          organisationId: schoolId,
          organisationName: 'Testschool',
          kind: 'school',
          role: 'leerkracht',
          classNames: ['1A'],
          schoolIds: [schoolId],
        },
      ],
    };
    const [school] = await schoolsVisibleTo(t.db, teacher, '2026-12-03');
    expect(school?.defaultSchoolYear).toBe('2026-2027');
    expect(school?.actions).toEqual(expect.arrayContaining(['pupil.list', 'signal.list', 'selfscan.read']));
    expect(school?.actions).not.toContain('import.list');
    expect(school?.actions).not.toContain('monitor.school');
  });
});
