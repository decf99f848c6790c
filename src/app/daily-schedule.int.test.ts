// The daily job under a moved clock: time-driven signals appear without an import, and the day's run happens
// once even when several server processes tick at the same moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../db/database.ts';
import { tempDir, writeTemp } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { createDailySchedule, type DailySchedule } from './daily-schedule.ts';
import { importFile } from './import/import.service.ts';
import { createSchool } from './school.service.ts';

const EXCLUDED_ON = '2025-11-17';
const NINTH_SCHOOL_DAY = '2025-11-28';
const TENTH_SCHOOL_DAY = '2025-12-01';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class,excluded_on
1001,Lotte,Peeters,2010-03-04,secundair,3,3A,${EXCLUDED_ON}
1002,Milan,Janssens,2010-11-20,secundair,3,3B,
`;
const quiet = { info: () => {}, error: () => {} };

describe.each(testEngines())('the daily job on %s', (engine) => {
  let t: TestDatabase;
  let clock: Date;
  let schedule: DailySchedule;
  /** Brussels wall-clock time on a day (CET in these months: UTC+1). */
  const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

  const excludedNoSchool = async () =>
    t.db.query<{ externalId: string; holds: boolean }>(
      `SELECT p.external_id AS "externalId", s.holds FROM signal s JOIN pupil p ON p.id = s.pupil_id
       WHERE s.rule_id = 'EXCLUDED_NO_SCHOOL'`,
    );

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'School',
      institutionNumber: '500001',
      calendarLevel: 'secundair',
    });
    // Imported the day after the exclusion: no signal yet.
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'pupils',
      path: writeTemp(tempDir(), 'pupils.csv', PUPILS),
      today: '2025-11-18',
    });
    schedule = createDailySchedule({
      db: t.db,
      time: '02:30',
      timeZone: 'Europe/Brussels',
      now: () => clock,
      log: quiet,
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('waits for the set time of day', async () => {
    clock = at(NINTH_SCHOOL_DAY, '02:29');
    expect(await schedule.tick()).toBe('not-yet');
  });

  it('does not signal on the 9th school day after the exclusion', async () => {
    clock = at(NINTH_SCHOOL_DAY, '02:30');
    expect(await excludedNoSchool()).toEqual([]);
    expect(await schedule.tick()).toBe('ran');
    expect(await excludedNoSchool()).toEqual([]);
  });

  it('signals EXCLUDED_NO_SCHOOL on the 10th school day without an import, once per day', async () => {
    clock = at(TENTH_SCHOOL_DAY, '07:00');
    expect(await schedule.tick()).toBe('ran');
    expect(await excludedNoSchool()).toEqual([{ externalId: '1001', holds: true }]);
    expect(await schedule.tick()).toBe('claimed');
    const runs = await t.db.query<{ day: string; outcome: string }>(
      'SELECT day, outcome FROM scheduled_run ORDER BY day',
    );
    expect(runs).toEqual([
      { day: NINTH_SCHOOL_DAY, outcome: 'done' },
      { day: TENTH_SCHOOL_DAY, outcome: 'done' },
    ]);
  });

  it.runIf(engine === 'postgres')('runs once when several server processes tick at the same moment', async () => {
    const others: Database[] = [];
    try {
      for (let i = 0; i < 3; i++) others.push(await openPostgres(t.env.DATABASE_URL as string));
      clock = at('2025-12-02', '02:30');
      const outcomes = await Promise.all(
        [t.db, ...others].map((db) =>
          createDailySchedule({ db, time: '02:30', timeZone: 'Europe/Brussels', now: () => clock, log: quiet }).tick(),
        ),
      );
      expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(3);
    } finally {
      for (const db of others) await db.close();
    }
  });
});
