// Concurrent requests share data-version reads (docs/decisions/0034-attention-list-per-request-cost.md), but a
// request never joins a read that may have taken its snapshot before the request arrived: a list read right after
// a write shows that write even while an older version read is still on its way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { addMembership, insertUser, membershipsOf } from '../../db/user.repository.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { canonicalCsv, pupilsCsv, registerLines } from '../../testing/register-files.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { type Actor, SYSTEM_ACTOR } from '../actor.ts';
import { importFile } from '../import/import.service.ts';
import { followUpSignal, listAttention } from './attention-list.service.ts';

const TODAY = '2026-03-02';

describe.each(testEngines())('attention list version reads on %s', (engine) => {
  let t: TestDatabase;
  let actor: Actor;
  let schoolId: number;
  const dir = tempDir();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, pupilsCsv(12), { schoolYear: '2025-2026' });
    const path = writeTemp(dir, 'register.csv', [...canonicalCsv(registerLines(1_200, 12))].join(''));
    await importFile(t.db, SYSTEM_ACTOR, { schoolId, kind: 'register', path, today: TODAY });
    const userId = await insertUser(t.db, { email: 'lbg@versie.test', displayName: 'lbg', passwordHash: 'x' });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
    actor = { kind: 'user', userId, label: 'lbg@versie.test', memberships: await membershipsOf(t.db, userId) };
  });
  afterAll(() => t.drop());

  it('answers a request that arrived after a write with that write, while an older version read was on its way', async () => {
    // Version reads through this handle can be held back after they ran (their snapshot is taken, the answer waits).
    let hold: Promise<void> | null = null;
    let heldRead: () => void = () => {};
    const reached = new Promise<void>((resolve) => {
      heldRead = resolve;
    });
    const db: Database = {
      ...t.db,
      query: async <T>(text: string, params?: readonly unknown[]) => {
        const rows = await t.db.query<T>(text, params);
        if (hold && text.includes('FROM data_change')) {
          heldRead();
          await hold;
        }
        return rows;
      },
    };
    const query = { schoolId, schoolYear: '2025-2026', limit: 500 };
    const first = await listAttention(db, actor, query, TODAY); // ranked and cached at this version
    const target = first.items.find((i) => i.status === 'new');
    if (!target) throw new Error('the register raised no signal');

    let open: () => void = () => {};
    hold = new Promise<void>((resolve) => {
      open = resolve;
    });
    const before = listAttention(db, actor, query, TODAY); // its version read ran before the write
    await reached;
    await followUpSignal(t.db, actor, target.id, { to: 'acknowledged', version: target.version });
    const after = listAttention(db, actor, query, TODAY); // arrived after the write committed
    hold = null;
    open();
    const [old, fresh] = await Promise.all([before, after]);
    expect(old.items.find((i) => i.id === target.id)?.status).toBe('new');
    expect(fresh.items.find((i) => i.id === target.id)?.status).toBe('acknowledged');
  });
});
