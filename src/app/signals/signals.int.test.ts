import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { AppError } from '../errors.ts';
import { importFile } from '../import/import.service.ts';
import { followUpSignal, listAttention } from './attention-list.service.ts';
import { recomputeSignals } from './recompute-signals.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
1002,Milan,Janssens,2011-11-20,secundair,2,2B
`;
const TODAY = '2026-03-02';

describe.each(testEngines())('signals after imports on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  const dir = tempDir();
  let n = 0;
  const register = (rows: string[]) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, `r${++n}.csv`, `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
  const open = async () =>
    (await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: '2025-2026' }, TODAY)).items.map(
      (i) => `${i.pupil.externalId}:${i.ruleId}`,
    );

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS);
  });
  afterAll(async () => t?.drop());

  it('the 5th B half-day raises B5_CLB with its evidence, only for that pupil', async () => {
    await register(['1001,2025-09-15,AM,B', '1001,2025-10-02,PM,B', '1001,2025-11-18,AM,B', '1001,2025-11-18,PM,B']);
    expect(await open()).not.toContain('1001:B5_CLB');
    await register(['1001,2025-12-01,AM,B']);
    const list = await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: '2025-2026' }, TODAY);
    const b5 = list.items.find((i) => i.ruleId === 'B5_CLB');
    expect(b5).toMatchObject({ pupil: { externalId: '1001' }, triggeredOn: '2025-12-01', obligation: 'legal' });
    if (!b5) throw new Error('no B5_CLB signal');
    expect((b5.evidence as { date: string }[]).map((e) => e.date)).toEqual([
      '2025-09-15',
      '2025-10-02',
      '2025-11-18',
      '2025-11-18',
      '2025-12-01',
    ]);
    expect(b5?.explanation.nl).toContain('01/12/2025');
    expect(b5?.daysOpen).toBe(91);
    // Legal obligations come first.
    expect(list.items[0]?.priority.legal).toBe(true);
    expect((await open()).filter((k) => k.startsWith('1002:'))).toEqual([]);
  });

  it('B5_CLB cannot be handled with a free note: its route is the CLB signal of the pupil file', async () => {
    const b5 = (await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: '2025-2026' }, TODAY)).items.find(
      (i) => i.ruleId === 'B5_CLB',
    );
    if (!b5) throw new Error('no B5_CLB');
    const refused = await followUpSignal(t.db, SYSTEM_ACTOR, b5.id, {
      to: 'handled',
      version: b5.version,
      note: 'CLB gesignaleerd',
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).messages.nl).toContain('sluit je niet af met een vrije notitie');
    expect((refused as AppError).messages.nl).toContain('Signalering aan het CLB');
    expect(await open()).toContain('1001:B5_CLB');
  });

  it('acknowledge and handle with optimistic locking; handled leaves the open list and stays away', async () => {
    const first = (await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: '2025-2026' }, TODAY)).items.find(
      (i) => i.ruleId === 'B_FIRST' && i.pupil.externalId === '1001',
    );
    if (!first) throw new Error('no B_FIRST');
    const acknowledged = await followUpSignal(t.db, SYSTEM_ACTOR, first.id, {
      to: 'acknowledged',
      version: first.version,
    });
    const stale = await followUpSignal(t.db, SYSTEM_ACTOR, first.id, {
      to: 'handled',
      version: first.version,
      note: 'Gesprek met ouders',
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).status).toBe(409);
    await followUpSignal(t.db, SYSTEM_ACTOR, first.id, {
      to: 'handled',
      version: acknowledged?.version ?? 0,
      note: 'Gesprek met ouders op 2/12',
    });
    expect(await open()).not.toContain('1001:B_FIRST');
    // A 6th B does not change the evidence of B_FIRST (the first B), so the handled signal stays handled.
    await register(['1001,2025-12-02,AM,B']);
    expect(await open()).not.toContain('1001:B_FIRST');
  });

  it('a handled signal comes back when its evidence changes', async () => {
    // Correcting the first B to Z makes the second B the first: new evidence.
    await register(['1001,2025-09-15,AM,Z']);
    expect(await open()).toContain('1001:B_FIRST');
  });

  it('a corrected register clears a signal that no longer holds', async () => {
    await register(['1002,2025-09-16,AM,B']);
    expect(await open()).toContain('1002:B_FIRST');
    await register(['1002,2025-09-16,AM,Z']);
    expect(await open()).not.toContain('1002:B_FIRST');
  });
});

describe.each(testEngines())('fact-based signals over time on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  let pupilId: number;
  const stored = async () => {
    const [row] = await t.db.query<{ id: number; status: string; version: number; evidence: unknown }>(
      `SELECT id::int AS id, status, version, evidence FROM signal WHERE pupil_id = $1 AND rule_id = 'EXCLUDED_NO_SCHOOL'`,
      [pupilId],
    );
    if (!row) throw new Error('no EXCLUDED_NO_SCHOOL signal stored');
    return row;
  };
  const events = async () =>
    (
      await t.db.query<{ event: string }>(
        `SELECT event FROM signal_event e JOIN signal s ON s.id = e.signal_id
         WHERE s.pupil_id = $1 AND s.rule_id = 'EXCLUDED_NO_SCHOOL' ORDER BY e.id`,
        [pupilId],
      )
    ).map((e) => e.event);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    // Excluded on Monday 17/11/2025; the 10th school day after it is 1/12/2025.
    schoolId = await schoolWithPupils(
      t.db,
      'pupil_id,first_name,last_name,birth_date,level,grade,class,excluded_on\n3001,Ella,Maes,2010-05-05,secundair,3,3A,2025-11-17\n',
      { institutionNumber: '000777' },
    );
    const [pupil] = await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1', [
      schoolId,
    ]);
    pupilId = pupil?.id ?? 0;
  });
  afterAll(async () => t?.drop());

  it('a handled EXCLUDED_NO_SCHOOL stays handled as school days pass; its facts are refreshed without an event', async () => {
    await recomputeSignals(t.db, schoolId, [pupilId], '2025-12-05');
    const first = await stored();
    expect(first).toMatchObject({ status: 'new', evidence: { excludedOn: '2025-11-17' } });
    const days = (first.evidence as { schoolDaysWithoutSchool: number }).schoolDaysWithoutSchool;
    const acknowledged = await followUpSignal(t.db, SYSTEM_ACTOR, first.id, {
      to: 'acknowledged',
      version: first.version,
    });
    await followUpSignal(t.db, SYSTEM_ACTOR, first.id, {
      to: 'handled',
      version: acknowledged?.version ?? 0,
      note: 'Opvang geregeld, LOP verwittigd',
    });
    // A week later: more school days without a school, but no new evidence.
    await recomputeSignals(t.db, schoolId, [pupilId], '2025-12-12');
    const later = await stored();
    expect(later.status).toBe('handled');
    expect((later.evidence as { schoolDaysWithoutSchool: number }).schoolDaysWithoutSchool).toBeGreaterThan(days);
    expect(await events()).toEqual(['detected', 'acknowledged', 'handled']);
  });
});
