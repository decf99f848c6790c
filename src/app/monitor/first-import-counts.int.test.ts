// A school's first register import counts its monitor rows in memory (first-import-counts.ts): they must equal
// what the SQL statements of the narrower refreshes compute from the stored register, thuiszitter figures included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { refreshDaysAndPupilYears } from '../../db/monitor.repository.ts';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';
import { refreshThuiszitterFigures } from './thuiszitter-refresh.ts';

const TODAY = '2026-03-01';
// Y in runs (suspensions), T/U/R apart, A and L do not count as absent.
const CODES = ['B', 'Z', 'D', 'P', 'R', 'T', 'U', 'Y', 'Y', 'L', 'A'];
const SLOTS = expandPreset(presetFor('secundair', '2025-2026') ?? (undefined as never)).filter(
  (h) => h.schoolDay && h.date < '2026-02-01',
);

/** Some pupils enrolled only part of the year (rows outside it are rejected, so the file leaves them out). */
function pupilsCsv(count: number): string {
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class,enrolled_from,enrolled_until'];
  for (let p = 0; p < count; p++) {
    const from = p % 5 === 1 ? '2025-10-06' : '';
    const until = p % 7 === 2 ? '2025-12-19' : '';
    lines.push(`${100 + p},V${p},N${p},20${p % 2 ? '11' : '19'}-0${(p % 9) + 1}-11,secundair,1,1A,${from},${until}`);
  }
  return `${lines.join('\n')}\n`;
}

function registerCsv(seed: number, pupils: number): string {
  let state = seed >>> 0 || 1;
  const random = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const rows = new Map<string, string>();
  for (let p = 0; p < pupils; p++) {
    for (let s = random(7); s > 0; s--) {
      const start = random(SLOTS.length);
      const length = random(4) === 0 ? 15 + random(30) : 1 + random(5);
      const code = CODES[random(CODES.length)] as string;
      for (let i = start; i < Math.min(SLOTS.length, start + length); i++) {
        const slot = SLOTS[i];
        if (!slot) continue;
        if (p % 5 === 1 && slot.date < '2025-10-06') continue;
        if (p % 7 === 2 && slot.date > '2025-12-19') continue;
        rows.set(`${100 + p},${slot.date},${slot.half}`, random(6) === 0 ? 'Y' : code);
      }
    }
  }
  return `pupil_id,date,half,code\n${[...rows].map(([key, code]) => `${key},${code}`).join('\n')}\n`;
}

async function monitorTables(db: Database, schoolId: number) {
  const own = (table: string, order: string) =>
    db.query(`SELECT * FROM ${table} WHERE school_id = $1 ORDER BY ${order}`, [schoolId]);
  return {
    days: await own('monitor_day', 'school_year, date, half, code'),
    pupilYears: await own('monitor_pupil_year', 'school_year, pupil_id, code'),
    homeTime: await own('monitor_home_time', 'school_year, pupil_id'),
    codes: await own('monitor_pupil_code', 'school_year, pupil_id, code'),
    possible: await own('monitor_possible_day', 'school_year, date, half'),
    cells: await db.query(
      `SELECT school_year, dimension, key, value::int AS value FROM thuiszitter_cell WHERE school_id = $1
       ORDER BY 1, 2, 3`,
      [schoolId],
    ),
  };
}

describe.each(testEngines())('a first import counts the monitor in memory on %s', (engine) => {
  let t: TestDatabase;
  const dir = tempDir();
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('stores the same day rows, pupil-year totals and thuiszitter figures as the SQL refresh', async () => {
    for (const seed of [3, 17, 40]) {
      const pupils = 45;
      const schoolId = await schoolWithPupils(t.db, pupilsCsv(pupils), { institutionNumber: `8000${seed}` });
      const result = await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: writeTemp(dir, `r${seed}.csv`, registerCsv(seed, pupils)),
        today: TODAY,
      });
      expect(result.status).toBe('applied');
      const inMemory = await monitorTables(t.db, schoolId);
      expect(inMemory.homeTime.length).toBeGreaterThan(20);
      expect(inMemory.codes.some((row) => (row as { code: string }).code === 'Y')).toBe(true);
      expect(inMemory.homeTime.some((row) => (row as { suspension_spells: number }).suspension_spells > 1)).toBe(true);
      const scope = { schoolId, schoolYears: ['2025-2026'], dates: null, pupilIds: null };
      await t.db.transaction(async (tx) => {
        await refreshDaysAndPupilYears(tx, scope);
        await refreshThuiszitterFigures(tx, scope);
      });
      expect(await monitorTables(t.db, schoolId)).toEqual(inMemory);
    }
  }, 240_000);
});
