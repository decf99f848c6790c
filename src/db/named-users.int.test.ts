// The users a signal or a signal event names are checked by triggers instead of foreign keys (migration 0035,
// docs/decisions/0043): what the keys guaranteed still holds, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { followUp } from './attention.repository.ts';
import { insertNewSignals } from './new-signals.repository.ts';
import { insertUser } from './user.repository.ts';

const code = (error: unknown) => (error as { code?: string }).code;

/** A user that holds no role anywhere (the password hash is never checked here). */
const newUser = (t: TestDatabase, email: string) =>
  insertUser(t.db, { email, displayName: email, passwordHash: 'not-a-hash' });

describe.each(testEngines())('user references of signals on %s', (engine) => {
  let t: TestDatabase;
  let signalId: number;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.db.transaction((tx) =>
      insertNewSignals(tx, 1, [
        {
          schoolId: 910_001,
          pupilId: 7_000_001,
          schoolYear: '2025-2026',
          ruleId: 'B5_CLB',
          triggeredOn: '2025-10-01',
          evidence: '[]',
          evidenceKey: 'k',
          explanationNl: 'zin',
          explanationEn: 'sentence',
          status: 'new',
          event: 'detected',
        },
      ]),
    );
    const [row] = await t.db.query<{ id: number }>('SELECT id::int AS id FROM signal WHERE school_id = 910001');
    signalId = (row as { id: number }).id;
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('writes new signals and their events without a foreign-key check per row', async () => {
    const keys = await t.db.query(
      `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('signal'::regclass, 'signal_event'::regclass)`,
    );
    expect(keys).toEqual([]);
  });

  it('accepts a follow-up by an existing user and refuses one by a user that does not exist', async () => {
    const user = await newUser(t, 'named@example.org');
    const missing = user + 1_000;
    await expect(
      t.db.transaction((tx) => followUp(tx, signalId, { to: 'acknowledged', version: 1, userId: missing })),
    ).rejects.toSatisfy((e) => code(e) === '23503');
    const acknowledged = await t.db.transaction((tx) =>
      followUp(tx, signalId, { to: 'acknowledged', version: 1, userId: user }),
    );
    expect(acknowledged).toMatchObject({ status: 'acknowledged', version: 2 });
    await expect(t.db.query('UPDATE signal SET handled_by = $2 WHERE id = $1', [signalId, missing])).rejects.toSatisfy(
      (e) => code(e) === '23503',
    );
    await expect(
      t.db.query(`INSERT INTO signal_event (signal_id, event, actor_id) VALUES ($1, 'handled', $2)`, [
        signalId,
        missing,
      ]),
    ).rejects.toSatisfy((e) => code(e) === '23503');
    // A row that names no user is not checked.
    await t.db.query(`INSERT INTO signal_event (signal_id, event) VALUES ($1, 'detected')`, [signalId]);
  });

  it('refuses to delete or renumber a user that a signal or an event names, and deletes one nothing names', async () => {
    const named = await newUser(t, 'acknowledger@example.org');
    const actor = await newUser(t, 'actor@example.org');
    const unnamed = await newUser(t, 'nobody@example.org');
    await t.db.query('UPDATE signal SET acknowledged_by = $2 WHERE id = $1', [signalId, named]);
    await t.db.query(`INSERT INTO signal_event (signal_id, event, actor_id) VALUES ($1, 'handled', $2)`, [
      signalId,
      actor,
    ]);
    for (const id of [named, actor]) {
      await expect(t.db.query('DELETE FROM app_user WHERE id = $1', [id])).rejects.toSatisfy(
        (e) => code(e) === '23503',
      );
      await expect(t.db.query('UPDATE app_user SET id = id + 100000 WHERE id = $1', [id])).rejects.toSatisfy(
        (e) => code(e) === '23503',
      );
    }
    // Other updates of a named user go through and keep the change.
    await t.db.query(`UPDATE app_user SET display_name = 'Renamed' WHERE id = $1`, [named]);
    const [renamed] = await t.db.query<{ display_name: string }>('SELECT display_name FROM app_user WHERE id = $1', [
      named,
    ]);
    expect(renamed?.display_name).toBe('Renamed');
    await t.db.query('DELETE FROM app_user WHERE id = $1', [unnamed]);
    expect(await t.db.query('SELECT 1 FROM app_user WHERE id = $1', [unnamed])).toHaveLength(0);
  });
});
