// Writing signals: the COPY path (a whole school's recompute) and the array path (a day's import) store the same
// rows and record the same lifecycle events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolWithPupils } from '../testing/fixtures.ts';
import { pupilsCsv } from '../testing/register-files.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { type ComputedSignalRow, writeSignals } from './signal.repository.ts';

describe.each(testEngines())('writeSignals on %s', (engine) => {
  let t: TestDatabase;
  let schoolId: number;
  let pupilIds: number[];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, pupilsCsv(100));
    pupilIds = (
      await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY id', [schoolId])
    ).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const rowsFor = (rules: number, version: string, event: ComputedSignalRow['event']): ComputedSignalRow[] =>
    pupilIds.flatMap((pupilId) =>
      Array.from({ length: rules }, (_, r) => ({
        schoolId,
        pupilId,
        schoolYear: '2025-2026',
        ruleId: `R${r}`,
        triggeredOn: '2025-10-01',
        // Tabs, newlines, backslashes and quotes must survive COPY's text format.
        evidence: JSON.stringify([{ date: '2025-09-15', half: 'AM', code: 'B', note: `a\tb\nc\\d "${version}"` }]),
        evidenceKey: `${version}-${pupilId}-${r}`,
        explanationNl: `Uitleg\t${version}`,
        explanationEn: `Explanation\\${version}`,
        status: 'new' as const,
        event,
      })),
    );
  const events = async () =>
    (
      await t.db.query<{ event: string; n: number }>(
        'SELECT event, count(*)::int AS n FROM signal_event GROUP BY event ORDER BY event',
      )
    ).map((r) => `${r.event}:${r.n}`);

  it('writes 2,500 signals through COPY and 10 through arrays, with their events, in one transaction', async () => {
    await t.db.transaction(async (tx) => {
      await writeSignals(tx, rowsFor(25, 'v1', 'detected')); // 2,500 rows: COPY
      const extra = rowsFor(26, 'v1', 'detected').filter((r) => r.ruleId === 'R25');
      await writeSignals(tx, extra.slice(0, 10)); // 10 rows: arrays
    });
    const [count] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signal');
    expect(count?.n).toBe(2_510);
    expect(await events()).toEqual(['detected:2510']);
    const [stored] = await t.db.query<{ evidence: { note: string }[]; nl: string; en: string }>(
      `SELECT evidence, explanation_nl AS nl, explanation_en AS en FROM signal WHERE rule_id = 'R0' LIMIT 1`,
    );
    expect(stored?.evidence[0]?.note).toBe('a\tb\nc\\d "v1"');
    expect([stored?.nl, stored?.en]).toEqual(['Uitleg\tv1', 'Explanation\\v1']);
  });

  it('rewriting updates in place (version + 1) and records only events that are not null', async () => {
    await t.db.transaction(async (tx) => {
      await writeSignals(tx, rowsFor(25, 'v2', 'evidence-changed'));
      await writeSignals(tx, rowsFor(1, 'v3', null).slice(0, 5));
    });
    const [count] = await t.db.query<{ n: number; v2: number; v3: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE version = 2)::int AS v2,
              count(*) FILTER (WHERE version = 3)::int AS v3 FROM signal`,
    );
    expect(count).toEqual({ n: 2_510, v2: 2_495, v3: 5 });
    expect(await events()).toEqual(['detected:2510', 'evidence-changed:2500']);
  });
});
