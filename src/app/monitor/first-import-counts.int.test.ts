// A school's first register import counts its monitor in memory (first-import-counts.ts): every table it writes —
// day rows, pupil-year totals, dashboard cells, per-pupil thuiszitter rows, possible days, thuiszitter cells — must
// equal what the SQL refresh computes from the stored register, school changers and the next school year included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';
import { refreshMonitorAfterImport } from './monitor-refresh.ts';

const TODAY = '2026-03-01';
const NEXT_YEAR = '2026-2027';
// Y in runs (suspensions), T/U/R apart, A and L do not count as absent.
const CODES = ['B', 'Z', 'D', 'P', 'R', 'T', 'U', 'Y', 'Y', 'L', 'A'];
const SLOTS = expandPreset(presetFor('secundair', '2025-2026') ?? (undefined as never)).filter(
  (h) => h.schoolDay && h.date < '2026-02-01',
);

/** Which of a school's pupils are enrolled from or until a date (rows outside are rejected: the files leave them out). */
interface Periods {
  from: (p: number) => string;
  until: (p: number) => string;
}

const OWN: Periods = {
  from: (p) => (p % 5 === 1 ? '2025-10-06' : ''),
  until: (p) => (p % 7 === 2 ? '2025-12-19' : ''),
};
/** The school changers' other school: some enrolled later than at the imported school, some earlier. */
const ELSEWHERE: Periods = {
  from: (p) => (p % 3 === 0 ? '2025-11-03' : ''),
  until: () => '',
};

/** A valid INSZ of pupil `p` (the same child at every school of the test: school changers). */
function insz(p: number): string {
  const body = `110${(p % 9) + 1}11${String(p).padStart(3, '0')}`;
  return `${body}${String(97 - (Number(body) % 97)).padStart(2, '0')}`;
}

/**
 * Pupils in two grades and four classes, most with an INSZ (the same children at the other school), some with
 * B half-days carried over; `periods` as given, none for a school year without register rows.
 */
function pupilsCsv(count: number, periods: Periods | null): string {
  const lines = [
    'pupil_id,first_name,last_name,birth_date,level,grade,class,enrolled_from,enrolled_until,insz,carried_over_b',
  ];
  for (let p = 0; p < count; p++) {
    const grade = (p % 4) + 1 > 2 ? 2 : 1;
    const from = periods?.from(p) ?? '';
    const until = periods?.until(p) ?? '';
    const identity = p % 4 === 3 ? '' : insz(p);
    const carried = p % 6 === 0 ? String(p % 12 === 0 ? 31 : 4) : '';
    lines.push(
      `${100 + p},V${p},N${p},20${p % 2 ? '11' : '19'}-0${(p % 9) + 1}-11,secundair,${grade},${grade}${'AB'[p % 2]},${from},${until},${identity},${carried}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function registerCsv(seed: number, pupils: number, periods: Periods): string {
  let state = seed >>> 0 || 1;
  const random = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const rows = new Map<string, string>();
  for (let p = 0; p < pupils; p++) {
    const from = periods.from(p);
    const until = periods.until(p);
    for (let s = random(7); s > 0; s--) {
      const start = random(SLOTS.length);
      const length = random(4) === 0 ? 15 + random(30) : 1 + random(5);
      const code = CODES[random(CODES.length)] as string;
      for (let i = start; i < Math.min(SLOTS.length, start + length); i++) {
        const slot = SLOTS[i];
        if (!slot) continue;
        if (from && slot.date < from) continue;
        if (until && slot.date > until) continue;
        rows.set(`${100 + p},${slot.date},${slot.half}`, random(6) === 0 ? 'Y' : code);
      }
    }
  }
  return `pupil_id,date,half,code\n${[...rows].map(([key, code]) => `${key},${code}`).join('\n')}\n`;
}

/** Every school's monitor tables (the refresh time aside), in key order. */
async function monitorTables(db: Database) {
  const all = (table: string, order: string) => db.query(`SELECT * FROM ${table} ORDER BY ${order}`);
  return {
    days: await all('monitor_day', 'school_id, school_year, date, half, code'),
    pupilYears: await all('monitor_pupil_year', 'school_id, school_year, pupil_id, code'),
    cells: await all('monitor_cell', 'school_id, school_year, dimension, key, code'),
    homeTime: await all('monitor_home_time', 'school_id, school_year, pupil_id'),
    codes: await all('monitor_pupil_code', 'school_id, school_year, pupil_id, code'),
    possible: await all('monitor_possible_day', 'school_id, school_year, date, half'),
    thuiszitterCells: await db.query(
      `SELECT school_id, school_year, dimension, key, value::int AS value FROM thuiszitter_cell ORDER BY 1, 2, 3, 4`,
    ),
  };
}

type Rows = Record<string, unknown>[];
const ofSchool = (rows: Rows, schoolId: number, schoolYear?: string) =>
  rows.filter((r) => Number(r.school_id) === schoolId && (schoolYear === undefined || r.school_year === schoolYear));

describe.each(testEngines())('a first import counts the monitor in memory on %s', (engine) => {
  let t: TestDatabase;
  const dir = tempDir();
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('stores the same monitor rows, cells and thuiszitter figures as the SQL refresh', async () => {
    const pupils = 45;
    // The school changers' other school, imported first (its own first import).
    const elsewhere = await schoolWithPupils(t.db, pupilsCsv(pupils, ELSEWHERE), { institutionNumber: '700001' });
    const registerOf = (schoolId: number, name: string, csv: string) =>
      importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path: writeTemp(dir, name, csv), today: TODAY });
    expect((await registerOf(elsewhere, 'elsewhere.csv', registerCsv(99, pupils, ELSEWHERE))).status).toBe('applied');
    for (const seed of [3, 17, 40]) {
      const schoolId = await schoolWithPupils(t.db, pupilsCsv(pupils, OWN), { institutionNumber: `8000${seed}` });
      // The next school year's enrolments, without register rows: its cells are rebuilt too (its signals look
      // one year back).
      await importFile(t.db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'pupils',
        path: writeTemp(dir, `next${seed}.csv`, pupilsCsv(30, null)),
        schoolYear: parseSchoolYearId(NEXT_YEAR) ?? undefined,
      });
      const result = await registerOf(schoolId, `r${seed}.csv`, registerCsv(seed, pupils, OWN));
      expect(result.status).toBe('applied');
      const inMemory = await monitorTables(t.db);
      const own = ofSchool(inMemory.homeTime, schoolId);
      expect(own.length).toBeGreaterThan(20);
      expect(ofSchool(inMemory.codes, schoolId).some((row) => row.code === 'Y')).toBe(true);
      expect(own.some((row) => (row.suspension_spells as number) > 1)).toBe(true);
      // What the comparison covers: signal cells, several classes and grades, the next year's enrolled pupils,
      // possible days, the official figures of school changers counted here and at the other school.
      const cells = ofSchool(inMemory.cells, schoolId);
      const dimensions = (rows: Rows) => new Set(rows.map((row) => row.dimension));
      expect(dimensions(cells)).toEqual(
        new Set(['week', 'month', 'weekday', 'class', 'grade', 'threshold', 'enrolled', 'signal']),
      );
      expect(new Set(cells.filter((c) => c.dimension === 'class').map((c) => c.key))).toEqual(
        new Set(['1A', '1B', '2A', '2B']),
      );
      const next = ofSchool(inMemory.cells, schoolId, NEXT_YEAR);
      expect(dimensions(next)).toEqual(new Set(['enrolled', 'signal']));
      expect(next).toContainEqual(expect.objectContaining({ dimension: 'enrolled', value: 30 }));
      expect(ofSchool(inMemory.possible, schoolId).length).toBeGreaterThan(100);
      const thuiszitter = ofSchool(inMemory.thuiszitterCells, schoolId);
      expect(dimensions(thuiszitter)).toContain('official-b30');
      expect(dimensions(thuiszitter)).toContain('suspension');
      expect(ofSchool(inMemory.thuiszitterCells, elsewhere).length).toBeGreaterThan(0);
      // The SQL refresh of the whole school (every school year, and the cells of the schools sharing pupils).
      await t.db.transaction(async (tx) => {
        await refreshMonitorAfterImport(tx, schoolId, 'pupils', []);
      });
      expect(await monitorTables(t.db)).toEqual(inMemory);
    }
  }, 240_000);
});
