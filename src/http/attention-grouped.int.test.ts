// Issue 18, one card per pupil: the grouped mode of the attention-list API (`?group=pupil`) through the real HTTP
// API on each engine: one entry per pupil with all of that pupil's signals, legal items first, paging by pupil.
// Also: the per-process cache of the ranking follows every write (issue 16), seen through the same API.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { hashPassword } from '../app/auth.service.ts';
import { importFile } from '../app/import/import.service.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../testing/fixtures.ts';
import { type HttpSession, signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
1001,Lotte,Peeters,2012-03-04,secundair,1,1A
1002,Milan,Janssens,2011-11-20,secundair,2,2B
1003,Noor,Claes,2013-05-05,secundair,1,1A
`;
const TODAY = '2026-03-02';
const PASSWORD = 'groepeer-wachtwoord-123';

interface Item {
  id: number;
  ruleId: string;
  pupil: { id: number; externalId: string };
  priority: { legal: boolean };
}
interface List {
  total: number;
  items: Item[];
  groups?: { pupil: { id: number; externalId: string }; legal: boolean; priority: unknown; signals: Item[] }[];
}

/** `count` school days (Mon–Fri, outside holidays) from a date, as register lines with the code for their halves. */
function days(pupil: string, from: string, count: number, code: string): string[] {
  const lines: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let added = 0; added < count; ) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      added += 1;
      const date = d.toISOString().slice(0, 10);
      lines.push(`${pupil},${date},AM,${code}`);
      // No lessons on Wednesday afternoon.
      if (weekday !== 3) lines.push(`${pupil},${date},PM,${code}`);
    }
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return lines;
}

describe.each(testEngines())('attention list grouped per pupil on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let session: HttpSession;
  let schoolId: number;
  const dir = tempDir();

  const get = async (query: string): Promise<List> => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/attention?schoolYear=2025-2026${query}`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as List;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS);
    // 1001: many unjustified (B) and sick (Z) half-days: several signals, a legal one among them; 1002: sick only.
    const rows = [
      ...days('1001', '2025-09-15', 6, 'B'),
      ...days('1001', '2025-11-17', 12, 'Z'),
      ...days('1002', '2025-10-06', 12, 'Z'),
      ...days('1003', '2026-01-12', 3, 'B'),
    ];
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, 'register.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
    const email = 'lbg@groepeer.test';
    const userId = await insertUser(t.db, { email, displayName: email, passwordHash: await hashPassword(PASSWORD) });
    await addMembership(t.db, { userId, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
    app = await buildServer({ db: t.db, today: () => TODAY });
    session = await signIn(app, email, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('gives one entry per pupil with all of its signals, pupils with a legal item first, legal items first', async () => {
    const perSignal = await get('&limit=500');
    const grouped = await get('&group=pupil&limit=500');
    const pupils = [...new Set(perSignal.items.map((i) => i.pupil.id))];
    expect(pupils.length).toBeGreaterThanOrEqual(2);
    expect(grouped.items).toEqual([]);
    const groups = grouped.groups ?? [];
    expect(grouped.total).toBe(pupils.length);
    expect(groups.map((g) => g.pupil.id).sort()).toEqual([...pupils].sort());
    // The pupil with several signals appears once, carrying all of them.
    const many = groups.find((g) => g.pupil.externalId === '1001');
    expect(many?.signals.length).toBeGreaterThanOrEqual(2);
    expect(many?.legal).toBe(true);
    for (const g of groups) {
      expect(g.signals.every((s) => s.pupil.id === g.pupil.id)).toBe(true);
      expect(g.signals.map((s) => s.id)).toEqual(
        perSignal.items.filter((i) => i.pupil.id === g.pupil.id).map((i) => i.id),
      );
      // Legal items first within the card; the card's legal flag and explained priority are its first item's.
      const legal = g.signals.map((s) => s.priority.legal);
      expect(legal).toEqual([...legal].sort((a, b) => Number(b) - Number(a)));
      expect(g.legal).toBe(legal[0]);
      expect(g.priority).toEqual(g.signals[0]?.priority);
    }
    // Cards with a legal item come before the others, and cards follow the order of their pupils' first signals.
    const flags = groups.map((g) => g.legal);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(groups.map((g) => g.pupil.id)).toEqual(pupils);
  });

  it('pages by pupil: limit and offset count cards, not signals', async () => {
    const all = (await get('&group=pupil&limit=500')).groups ?? [];
    const first = await get('&group=pupil&limit=1');
    const second = await get('&group=pupil&limit=1&offset=1');
    expect(first.total).toBe(all.length);
    expect(first.groups?.map((g) => g.pupil.id)).toEqual([all[0]?.pupil.id]);
    expect(second.groups?.map((g) => g.pupil.id)).toEqual([all[1]?.pupil.id]);
    expect(first.groups?.[0]?.signals.length).toBe(all[0]?.signals.length);
    const past = await get(`&group=pupil&limit=10&offset=${all.length}`);
    expect(past.groups).toEqual([]);
    expect(past.total).toBe(all.length);
  });

  it('follows a write at once (the cached ranking is keyed by the data version) and audits every read', async () => {
    const before = await get('&limit=500');
    const target = before.items[0];
    if (!target) throw new Error('no signal');
    const acknowledged = await app.inject({
      method: 'POST',
      url: `/api/signals/${target.id}/acknowledge`,
      headers: session.headers,
      payload: { version: (target as Item & { version: number }).version },
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    const after = await get('&limit=500');
    expect(after.items.find((i) => i.id === target.id)).toMatchObject({ status: 'acknowledged' });
    const audited = async () =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'signal.list'`))[0]
        ?.n ?? 0;
    const reads = await audited();
    await get('&limit=500');
    await get('&limit=500');
    expect(await audited()).toBe(reads + 2);
  });

  it('refuses an unknown grouping with a 400', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/attention?group=class`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(400);
  });
});
