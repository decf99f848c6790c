// Partial schooling at the school's request on a real database: recording and reviewing an arrangement (with its
// refusals and the version check), its signals against the imported register, and the region report's counts of
// schools and pupils with small cells suppressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../db/organisation.repository.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { importFile } from './import/import.service.ts';
import { monitorReportFile, regionReport } from './monitor/region-report.service.ts';
import { changeArrangement, pupilPartialSchooling, recordArrangement } from './partial-schooling.service.ts';

const TODAY = '2026-02-02';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1,An,Aerts,2013-05-01,secundair,1,1A
2,Bo,Bauwens,2013-06-01,secundair,1,1A
3,Cas,Claes,2013-07-01,secundair,1,1A
4,Dina,Dewit,2013-08-01,secundair,1,1A
5,Ed,Eeckhout,2013-09-01,secundair,1,1A
6,Fien,Fransen,2013-10-01,secundair,1,1A
`;
const TERMS = {
  requestedBy: 'directie',
  reason: 'gedrag in de klas',
  homeHalfDays: ['3-PM', '5-AM', '5-PM'],
  since: '2026-01-12',
  reviewOn: '2026-02-09',
  parentsAgreed: true,
  clbInvolved: false,
  clbDoctorInvolved: false,
};

describe.each(testEngines())('partial schooling on %s', (engine) => {
  let t: TestDatabase;
  const schools: number[] = [];
  let region: number;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    region = await insertOrganisation(t.db, 'region', 'Regio Deeltijds');
    for (let i = 0; i < 6; i++) {
      const school = await schoolWithPupils(t.db, PUPILS, { institutionNumber: `80000${i}` });
      await linkSchool(t.db, 'region', region, school);
      schools.push(school);
    }
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('records an arrangement, refuses one without a reason or with a review before the start, and checks versions', async () => {
    const [pupil] = await pupilIdsByNumber(t.db, schools[0] as number);
    if (pupil === undefined) throw new Error('no pupil');
    await expect(recordArrangement(t.db, SYSTEM_ACTOR, pupil, { ...TERMS, reason: ' ' }, TODAY)).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      recordArrangement(t.db, SYSTEM_ACTOR, pupil, { ...TERMS, reviewOn: '2026-01-01' }, TODAY),
    ).rejects.toMatchObject({ status: 422 });
    const created = await recordArrangement(t.db, SYSTEM_ACTOR, pupil, TERMS, TODAY);
    expect(created).toMatchObject({ inForce: true, version: 1, signals: [], homeHalfDays: ['3-PM', '5-AM', '5-PM'] });
    // Passing the review date: the signal appears the day after.
    const later = await pupilPartialSchooling(t.db, SYSTEM_ACTOR, pupil, '2026-02-10');
    expect(later.arrangements[0]?.signals.map((s) => s.ruleId)).toEqual(['PARTIAL_REVIEW_DUE']);
    // A review moves the date; a stale version is refused.
    const reviewed = await changeArrangement(
      t.db,
      SYSTEM_ACTOR,
      pupil,
      created.id,
      { ...TERMS, reviewOn: '2026-03-09', version: 1 },
      '2026-02-10',
    );
    expect(reviewed).toMatchObject({ version: 2, signals: [] });
    await expect(
      changeArrangement(t.db, SYSTEM_ACTOR, pupil, created.id, { ...TERMS, version: 1 }, '2026-02-10'),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('signals more time away than agreed from the register', async () => {
    const school = schools[1] as number;
    const [pupil] = await pupilIdsByNumber(t.db, school);
    if (pupil === undefined) throw new Error('no pupil');
    // Absent on the agreed Friday morning and on Monday 19 and Tuesday 20 January mornings (not agreed).
    const register = 'pupil_id,date,half,code\n1,2026-01-16,AM,P\n1,2026-01-19,AM,Z\n1,2026-01-20,AM,B\n';
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId: school,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', register),
      today: TODAY,
    });
    await recordArrangement(t.db, SYSTEM_ACTOR, pupil, TERMS, TODAY);
    const read = await pupilPartialSchooling(t.db, SYSTEM_ACTOR, pupil, TODAY);
    const signal = read.arrangements[0]?.signals.find((s) => s.ruleId === 'PARTIAL_MORE_THAN_AGREED');
    expect(signal?.halfDays).toEqual([
      { date: '2026-01-19', half: 'AM' },
      { date: '2026-01-20', half: 'AM' },
    ]);
    expect(read.proposed).toBe(false);
  });

  it('proposes recording an arrangement while FIXED_SLOT holds and none is in force', async () => {
    const school = schools[5] as number;
    const [pupil] = await pupilIdsByNumber(t.db, school);
    if (pupil === undefined) throw new Error('no pupil');
    expect((await pupilPartialSchooling(t.db, SYSTEM_ACTOR, pupil, TODAY)).proposed).toBe(false);
    await t.db.query(
      `INSERT INTO signal (school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key,
                           explanation_nl, explanation_en)
       VALUES ($1, $2, '2025-2026', 'FIXED_SLOT', '2026-01-30', '[]', 'test', '', '')`,
      [school, pupil],
    );
    expect((await pupilPartialSchooling(t.db, SYSTEM_ACTOR, pupil, TODAY)).proposed).toBe(true);
    const ended = await recordArrangement(t.db, SYSTEM_ACTOR, pupil, { ...TERMS, endedOn: '2026-01-20' }, TODAY);
    expect(ended.inForce).toBe(false);
    expect((await pupilPartialSchooling(t.db, SYSTEM_ACTOR, pupil, TODAY)).proposed).toBe(true); // ended: still proposed
    await changeArrangement(t.db, SYSTEM_ACTOR, pupil, ended.id, { ...TERMS, endedOn: null, version: 1 }, TODAY);
    expect((await pupilPartialSchooling(t.db, SYSTEM_ACTOR, pupil, TODAY)).proposed).toBe(false);
    // Leaves the sixth school without arrangements for the counts below.
    await t.db.query('DELETE FROM partial_schooling WHERE pupil_id = $1', [pupil]);
  });

  it('counts schools and pupils in the region report, suppressing 1 to 4', async () => {
    // Two schools use it (2 pupils): every count is suppressed, and the schools are listed with "<5".
    const small = await regionReport(t.db, SYSTEM_ACTOR, { regionId: region, asOf: TODAY });
    const partial = small.sections.find((s) => s.id === 'partial-schooling');
    const value = (id: string) => partial?.figures.find((f) => f.id === id);
    expect(value('partial.schools-using')).toMatchObject({ value: null, suppressed: true });
    expect(value('partial.share-of-schools')).toMatchObject({ value: null, suppressed: true });
    expect(value(`partial.school.${schools[0]}`)).toMatchObject({ value: null, suppressed: true });
    expect(value('partial.without-clb')).toMatchObject({ value: null, suppressed: true });
    // Five schools, and five pupils in the first: shown.
    const pupils = await pupilIdsByNumber(t.db, schools[0] as number);
    for (const pupil of pupils.slice(1, 5)) await recordArrangement(t.db, SYSTEM_ACTOR, pupil, TERMS, TODAY);
    for (const school of schools.slice(2, 5)) {
      const [pupil] = await pupilIdsByNumber(t.db, school);
      await recordArrangement(t.db, SYSTEM_ACTOR, pupil as number, TERMS, TODAY);
    }
    const shown = await regionReport(t.db, SYSTEM_ACTOR, { regionId: region, asOf: TODAY });
    const figures = shown.sections.find((s) => s.id === 'partial-schooling')?.figures ?? [];
    const get = (id: string) => figures.find((f) => f.id === id)?.value;
    expect(get('partial.schools-using')).toBe(5);
    expect(get('partial.share-of-schools')).toBeCloseTo(5 / 6, 4);
    expect(get('partial.pupils')).toBe(9);
    expect(get(`partial.school.${schools[0]}`)).toBe(5);
    expect(get(`partial.school.${schools[2]}`)).toBeNull();
    // The same counts for a CLB that serves the six schools.
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Deeltijds');
    for (const school of schools) await linkSchool(t.db, 'clb', clb, school);
    const ofClb = await regionReport(t.db, SYSTEM_ACTOR, { regionId: null, clbId: clb, asOf: TODAY });
    expect(ofClb.scope).toMatchObject({ kind: 'clb', id: clb, schoolCount: 6 });
    expect(ofClb.sections[0]?.figures.find((f) => f.id === 'partial.schools-using')?.value).toBe(5);
    // An arrangement that ended before the school year does not count; the CSV shows "<5" for the small ones.
    const csv = String((await monitorReportFile(t.db, SYSTEM_ACTOR, { regionId: region, asOf: TODAY }, 'csv')).content);
    expect(csv).toContain('Scholen die deeltijds thuis vragen,5,schools');
    expect(csv).toMatch(/Leerlingen in School 800002,<5,pupils/);
    const pdf = (await monitorReportFile(t.db, SYSTEM_ACTOR, { regionId: region, asOf: TODAY }, 'pdf')).content;
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
