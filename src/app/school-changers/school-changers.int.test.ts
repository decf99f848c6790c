// School changers (issue 15, docs/decisions/0035): the INSZ becomes a keyed hash at import and is stored nowhere
// else; the B half-days of a previous school count towards B5_CLB, carried over in the pupils file or found through
// the same identity in another school of this database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPreset } from '../../domain/calendar.ts';
import { presetFor } from '../../domain/calendar-presets.ts';
import { parseSchoolYearId } from '../../domain/school-year.ts';
import { tempDir, writeTemp } from '../../testing/fixtures.ts';
import { rejectedProblems } from '../../testing/import-problems.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';
import { refreshMonitorFully } from '../monitor/monitor-refresh.ts';
import { pupilYear } from '../pupil.service.ts';
import { pupilIdentityHash } from '../pupil-identity.ts';
import { createSchool } from '../school.service.ts';

const TODAY = '2026-01-15';
const YEAR = parseSchoolYearId('2025-2026') ?? undefined;
// Valid numbers (check digits by the rule of src/domain/insz.ts, born 2015: the "2" prefix applies).
const INSZ_SAM = '15031512383';
const INSZ_OTHER = '15031512284';
const INSZ_TWO = '15031512482';
const INSZ_THIRD = '15031512581';
const HEADER = 'pupil_id,first_name,last_name,birth_date,level,grade,class,enrolled_from,enrolled_until';

describe.each(testEngines())('school changers on %s', (engine) => {
  let t: TestDatabase;
  let schoolA: number;
  let schoolB: number;
  let files = 0;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const school = (letter: string, institutionNumber: string) =>
      createSchool(t.db, SYSTEM_ACTOR, { name: `School ${letter}`, institutionNumber, calendarLevel: 'basis' });
    schoolA = await school('A', '111111');
    schoolB = await school('B', '222222');
  });
  afterAll(async () => t?.drop());

  const importOf = (schoolId: number, kind: 'pupils' | 'register', lines: readonly string[], schoolYear = YEAR) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind,
      path: writeTemp(dir, `${kind}-${++files}.csv`, `${lines.join('\n')}\n`),
      schoolYear,
      today: TODAY,
    });

  const rulesOf = async (schoolId: number, externalId: string) =>
    (
      await t.db.query<{ ruleId: string }>(
        `SELECT s.rule_id AS "ruleId" FROM signal s JOIN pupil p ON p.id = s.pupil_id
         WHERE p.school_id = $1 AND p.external_id = $2 AND s.holds ORDER BY 1`,
        [schoolId, externalId],
      )
    ).map((r) => r.ruleId);

  it('counts 3 B half-days carried over in the pupils file: 2 new B make 5 (B5_CLB); without them not', async () => {
    await importOf(schoolB, 'pupils', [
      `${HEADER},carried_over_b,carried_over_z,carried_over_p`,
      'C1,Carry,Over,2015-03-15,lager,5,5A,2025-11-03,,3,1,2',
      'C2,No,Carry,2015-03-15,lager,5,5A,2025-11-03,,,,',
    ]);
    await importOf(schoolB, 'register', [
      'pupil_id,date,half,code',
      'C1,2025-11-17,AM,B',
      'C1,2025-11-18,AM,B',
      'C2,2025-11-17,AM,B',
      'C2,2025-11-18,AM,B',
    ]);
    expect(await rulesOf(schoolB, 'C1')).toContain('B5_CLB');
    expect(await rulesOf(schoolB, 'C2')).not.toContain('B5_CLB');
    const [explanation] = await t.db.query<{ nl: string }>(
      `SELECT s.explanation_nl AS nl FROM signal s JOIN pupil p ON p.id = s.pupil_id
       WHERE p.school_id = $1 AND p.external_id = 'C1' AND s.rule_id = 'B5_CLB'`,
      [schoolB],
    );
    expect(explanation?.nl).toContain('inclusief 3 halve dagen B op een vorige school');
    const [stored] = await t.db.query<{ b: number; z: number; p: number }>(
      `SELECT carried_over_b AS b, carried_over_z AS z, carried_over_p AS p FROM enrolment e JOIN pupil p
       ON p.id = e.pupil_id WHERE p.school_id = $1 AND p.external_id = 'C1'`,
      [schoolB],
    );
    expect(stored).toEqual({ b: 3, z: 1, p: 2 });
  });

  it('the official "≥ 30 B" figure counts the B carried over in the pupils file', async () => {
    const b30 = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT COALESCE(sum(value), 0)::int AS n FROM thuiszitter_cell
           WHERE school_id = $1 AND school_year = '2025-2026' AND dimension = 'official-b30'`,
          [schoolB],
        )
      )[0]?.n;
    const before = await b30();
    await importOf(schoolB, 'pupils', [
      `${HEADER},carried_over_b`,
      'C3,Bijna,Dertig,2015-03-15,lager,5,5A,2025-11-03,,29',
      'C4,Ook,Dertig,2015-03-15,lager,5,5A,2025-11-03,,',
    ]);
    await importOf(schoolB, 'register', ['pupil_id,date,half,code', 'C3,2025-11-20,AM,B', 'C4,2025-11-20,AM,B']);
    expect(await b30()).toBe((before ?? 0) + 1);
    expect(await rulesOf(schoolB, 'C3')).toContain('B30');
  });

  it('finds the B half-days at the previous school through the same INSZ: B5_CLB at the new school', async () => {
    await importOf(schoolA, 'pupils', [
      `${HEADER},rijksregisternummer`,
      `S1,Sam,Wissel,2015-03-15,lager,5,5A,2025-09-01,2025-10-31,${INSZ_SAM}`,
    ]);
    await importOf(schoolA, 'register', [
      'pupil_id,date,half,code',
      'S1,2025-09-08,AM,B',
      'S1,2025-09-09,AM,B',
      'S1,2025-09-11,AM,B',
    ]);
    expect(await rulesOf(schoolA, 'S1')).not.toContain('B5_CLB');
    // At school B: Sam (same number, written with separators) and another child with the same 2 new B.
    await importOf(schoolB, 'pupils', [
      `${HEADER},INSZ`,
      `N1,Sam,Wissel,2015-03-15,lager,5,5B,2025-11-03,,15.03.15-123.83`,
      `N2,Ander,Kind,2015-03-15,lager,5,5B,2025-11-03,,${INSZ_OTHER}`,
    ]);
    await importOf(schoolB, 'register', [
      'pupil_id,date,half,code',
      'N1,2025-11-17,AM,B',
      'N1,2025-11-18,AM,B',
      'N2,2025-11-17,AM,B',
      'N2,2025-11-18,AM,B',
    ]);
    expect(await rulesOf(schoolB, 'N1')).toContain('B5_CLB');
    expect(await rulesOf(schoolB, 'N2')).not.toContain('B5_CLB');
  });

  it('the official figures count a school changer once, at the latest school, with the B of both; as a full refresh', async () => {
    const official = async () =>
      t.db.query<{ school: number; dimension: string; key: string; value: number }>(
        `SELECT school_id::int AS school, dimension, key, value::int AS value FROM thuiszitter_cell
         WHERE school_year = '2025-2026' AND dimension LIKE 'official-%' ORDER BY 1, 2, 3`,
      );
    const sum = (rows: { school: number; dimension: string; value: number }[], school: number, dimension: string) =>
      rows.filter((r) => r.school === school && r.dimension === dimension).reduce((n, r) => n + r.value, 0);
    const incremental = await official();
    // School A enrolled only Sam (S1), who moved on to school B (N1): A counts no pupil now.
    expect(sum(incremental, schoolA, 'official-pupils')).toBe(0);
    expect(sum(incremental, schoolA, 'official-b')).toBe(0);
    // School B: C1, C2, N1, N2 (and C3, C4 when that test ran first); N1's B are 3 at A + 2 here.
    const [n1b] = await t.db.query<{ b: number }>(
      `SELECT (SELECT COALESCE(sum(half_days), 0)::int FROM monitor_pupil_code c JOIN pupil p ON p.id = c.pupil_id
               WHERE c.code = 'B' AND c.school_year = '2025-2026' AND p.school_id = $1) AS b`,
      [schoolB],
    );
    expect(sum(incremental, schoolB, 'official-b')).toBe((n1b?.b ?? 0) + 3);
    await refreshMonitorFully(t.db);
    expect(await official()).toEqual(incremental);
  });

  it('the pupil page shows the carried-over counts and their source, never the number or its hash', async () => {
    const idOf = async (schoolId: number, externalId: string) =>
      (
        await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2', [
          schoolId,
          externalId,
        ])
      )[0]?.id as number;
    const imported = await pupilYear(t.db, SYSTEM_ACTOR, await idOf(schoolB, 'C1'), '2025-2026', TODAY);
    expect(imported.carriedOver).toEqual({ b: 3, bSource: 'import', z: 1, p: 2 });
    const found = await pupilYear(t.db, SYSTEM_ACTOR, await idOf(schoolB, 'N1'), '2025-2026', TODAY);
    expect(found.carriedOver).toEqual({ b: 3, bSource: 'other-school', z: null, p: null });
    expect((await pupilYear(t.db, SYSTEM_ACTOR, await idOf(schoolB, 'N2'), '2025-2026', TODAY)).carriedOver).toBeNull();
    const text = JSON.stringify(found);
    expect(text).not.toContain(INSZ_SAM);
    expect(text).not.toContain(pupilIdentityHash(INSZ_SAM));
  });

  it('B30_TWO_YEARS holds across schools: 30 B last year at school A, 30 B this year at school B', async () => {
    const mornings = (year: string, from: string, count: number) => {
      const preset = presetFor('basis', year);
      if (!preset) throw new Error(`no preset ${year}`);
      return expandPreset(preset)
        .filter((h) => h.schoolDay && h.half === 'AM' && h.date >= from)
        .slice(0, count)
        .map((h) => h.date);
    };
    const lastYear = parseSchoolYearId('2024-2025') ?? undefined;
    await importOf(
      schoolA,
      'pupils',
      [
        `${HEADER},insz`,
        `T1,Twee,Jaar,2015-03-15,lager,4,4A,,,${INSZ_TWO}`,
        `T2,Ander,Jaar,2015-03-15,lager,4,4A,,,${INSZ_THIRD}`,
      ],
      lastYear,
    );
    const last = mornings('2024-2025', '2024-09-02', 30);
    await importOf(schoolA, 'register', [
      'pupil_id,date,half,code',
      ...last.flatMap((d) => [`T1,${d},AM,B`, `T2,${d},AM,B`]),
    ]);
    // This year both are at school B; T2's number there is another child's (no identity in common).
    await importOf(schoolB, 'pupils', [
      `${HEADER},insz`,
      `U1,Twee,Jaar,2015-03-15,lager,5,5C,,,${INSZ_TWO}`,
      'U2,Ander,Jaar,2015-03-15,lager,5,5C,,,',
    ]);
    const now = mornings('2025-2026', '2025-09-01', 30);
    await importOf(schoolB, 'register', [
      'pupil_id,date,half,code',
      ...now.flatMap((d) => [`U1,${d},AM,B`, `U2,${d},AM,B`]),
    ]);
    expect(await rulesOf(schoolB, 'U1')).toContain('B30_TWO_YEARS');
    expect(await rulesOf(schoolB, 'U2')).toContain('B30');
    expect(await rulesOf(schoolB, 'U2')).not.toContain('B30_TWO_YEARS');
    // Last year's rows elsewhere are not this year's carried-over B.
    const [u1] = await t.db.query<{ id: number }>(
      `SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = 'U1'`,
      [schoolB],
    );
    expect((await pupilYear(t.db, SYSTEM_ACTOR, u1?.id as number, '2025-2026', TODAY)).carriedOver).toBeNull();
  });

  it('stores only the keyed hash: no table row anywhere holds the number, in any notation', async () => {
    const [hashed] = await t.db.query<{ hash: string }>(
      `SELECT identity_hash AS hash FROM pupil WHERE school_id = $1 AND external_id = 'N1'`,
      [schoolB],
    );
    expect(hashed?.hash).toBe(pupilIdentityHash(INSZ_SAM));
    const tables = await t.db.query<{ name: string }>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    let rows = 0;
    for (const { name } of tables) {
      for (const { text } of await t.db.query<{ text: string }>(`SELECT t::text AS text FROM ${name} t`)) {
        rows++;
        const digitsOnly = text.replace(/\D/g, '');
        expect(text).not.toContain(INSZ_SAM);
        expect(text).not.toContain('15.03.15-123.83');
        expect(text).not.toContain(INSZ_OTHER);
        // Not even split by separators (digits of a longer number would still be caught by the plain checks).
        expect(digitsOnly.includes(INSZ_SAM) && !text.includes(pupilIdentityHash(INSZ_SAM))).toBe(false);
      }
    }
    expect(rows).toBeGreaterThan(20);
  });

  it('rejects a wrong check digit and the same child twice, without repeating the number', async () => {
    const state = async () => ({
      pupils: await t.db.query('SELECT count(*)::int AS n FROM pupil WHERE school_id = $1', [schoolA]),
    });
    const problems = await rejectedProblems(
      () =>
        importOf(schoolA, 'pupils', [
          `${HEADER},insz,carried_over_b`,
          'X1,Een,Fout,2015-03-15,lager,5,5A,,,15031512384,',
          `X2,Twee,Keer,2015-03-15,lager,5,5A,,,${INSZ_OTHER},`,
          `X3,Twee,Keer,2015-03-15,lager,5,5A,,,${INSZ_OTHER},drie`,
        ]),
      state,
    );
    expect(problems).toEqual([
      { row: 2, column: 'insz', code: 'invalid-insz' },
      { row: 4, column: 'insz', code: 'duplicate-insz' },
      { row: 4, column: 'carried_over_b', code: 'invalid-count' },
    ]);
    const error = await importOf(schoolA, 'pupils', [
      `${HEADER},insz`,
      'X1,Een,Fout,2015-03-15,lager,5,5A,,,15031512384',
    ])
      .then(() => null)
      .catch((e: { problems?: { messages: object }[] }) => e);
    expect(JSON.stringify(error?.problems)).toContain('controlecijfers');
    expect(JSON.stringify(error?.problems)).not.toContain('15031512384');
  });
});
