// The audit rows of concurrent calls are written together (docs/decisions/0034-attention-list-per-request-cost.md):
// every call still gets exactly its own row, in the order of the calls, each call returns only after its row is
// stored, and a row that cannot be stored fails its own call and no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../testing/counted-statements.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';

const actor = (label: string): Actor => ({ kind: 'user', userId: null, label, memberships: [], origin: 'test' });

const rowsOf = (t: TestDatabase, action: string) =>
  t.db.query<{ label: string; pupils: number[]; detail: Record<string, unknown> }>(
    `SELECT actor_label AS label, pupil_ids::int[] AS pupils, detail FROM audit_event WHERE action = $1 ORDER BY id`,
    [action],
  );

describe.each(testEngines())('audit rows of concurrent calls on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  it('stores one row per call, in call order, before each call returns', async () => {
    const stored: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit(t.db, actor(`user-${i}`), {
          action: 'test.concurrent',
          organisationId: null,
          pupilIds: [i, i + 1000],
          detail: { i },
        }).then(async () => {
          // The call's own row is there when it returns.
          const rows = await rowsOf(t, 'test.concurrent');
          expect(rows.map((r) => r.label)).toContain(`user-${i}`);
          stored.push(i);
        }),
      ),
    );
    const rows = await rowsOf(t, 'test.concurrent');
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => r.label)).toEqual(Array.from({ length: 40 }, (_, i) => `user-${i}`));
    expect(rows[7]).toEqual({ label: 'user-7', pupils: [7, 1007], detail: { i: 7 } });
    expect(stored).toHaveLength(40);
  });

  it('writes the rows of calls that arrive while an INSERT is on its way in one statement', async () => {
    const { db: counted, statements } = countStatements(t.db);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        recordAudit(counted, actor(`b-${i}`), { action: 'test.batched', organisationId: null }),
      ),
    );
    // The first call is written at once; the 29 that arrived meanwhile go together in the next statement.
    expect(statements()).toBe(2);
    expect(await rowsOf(t, 'test.batched')).toHaveLength(30);
  });

  it('fails only the call whose row cannot be stored', async () => {
    const calls = [0, 1, 2, 3].map((i) =>
      recordAudit(t.db, actor(i === 2 ? (null as unknown as string) : `ok-${i}`), {
        action: 'test.one-bad',
        organisationId: null,
      }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await rowsOf(t, 'test.one-bad')).map((r) => r.label)).toEqual(['ok-0', 'ok-1', 'ok-3']);
  });

  it('writes in the caller transaction, and a rolled-back transaction leaves no row', async () => {
    await t.db
      .transaction(async (tx) => {
        await Promise.all(
          [0, 1].map((i) => recordAudit(tx, actor(`tx-${i}`), { action: 'test.tx', organisationId: null })),
        );
        expect(await tx.query(`SELECT 1 FROM audit_event WHERE action = 'test.tx'`)).toHaveLength(2);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await rowsOf(t, 'test.tx')).toHaveLength(0);
  });
});
