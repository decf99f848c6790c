// Class teachers in phase 1 (seed 002 §1.1, §1.6): a leerkracht uses the signals list and the perspectives for
// pupils of its own classes and follows up the signals addressed to the class teacher (ABSENT_10), nothing more.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { buildServer } from '../../http/server.ts';
import { schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { hashPassword } from '../auth.service.ts';
import { importFile } from '../import/import.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'klas-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
8001,Mila,Goossens,2011-02-02,secundair,2,2A
8002,Noah,Jacobs,2011-03-03,secundair,3,3B
`;
const PERSPECTIVES = {
  rows: [
    { stakeholder: 'parent1', whatIsGoingOn: 'Ze slaapt slecht' },
    { stakeholder: 'pupil', whatIsGoingOn: 'Ik zie op tegen de les wiskunde' },
  ],
};

describe.each(testEngines())('a class teacher in phase 1 on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let own: number;
  let other: number;
  let teacher: HttpSession;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: teacher.headers, ...(payload ? { payload } : {}) });
  const signalOf = async (pupilId: number, ruleId: string) => {
    const [row] = await t.db.query<{ id: number; version: number }>(
      'SELECT id::int AS id, version FROM signal WHERE pupil_id = $1 AND rule_id = $2',
      [pupilId, ruleId],
    );
    if (!row) throw new Error(`no ${ruleId}`);
    return row;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '818181' });
    const days = ['2025-11-17', '2025-11-18', '2025-11-20', '2025-11-21', '2025-11-24'];
    const rows = ['8001', '8002'].flatMap((p) =>
      days.flatMap((d, i) => [`${p},${d},AM,${i < 5 ? 'B' : 'R'}`, `${p},${d},PM,R`]),
    );
    await importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(tempDir(), 'r.csv', `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: TODAY,
    });
    const ids = await t.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY external_id',
      [schoolId],
    );
    [own, other] = ids.map((r) => r.id) as [number, number];
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const id = await insertUser(t.db, {
      email: 'klas@phase1.test',
      displayName: 'Klasleraar 2A',
      passwordHash: await hashPassword(PASSWORD),
    });
    await addMembership(t.db, { userId: id, organisationId: schoolId, role: 'leerkracht', classNames: ['2A'] });
    teacher = await signIn(app, 'klas@phase1.test', PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('records the §1.6 perspectives for a pupil of its own class, not for another class', async () => {
    expect((await call('POST', `/api/pupils/${own}/file/workflows/perspectives`, PERSPECTIVES)).statusCode).toBe(201);
    expect((await call('POST', `/api/pupils/${other}/file/workflows/perspectives`, PERSPECTIVES)).statusCode).toBe(403);
    const file = (await call('GET', `/api/pupils/${own}/file`)).json();
    expect(file.permissions).toMatchObject({ phase1: true, manage: false, write: true });
  });

  it('handles ABSENT_10 (addressed to the class teacher) of its own class, and nothing else', async () => {
    const absent = await signalOf(own, 'ABSENT_10');
    const handled = await call('POST', `/api/signals/${absent.id}/handle`, {
      version: absent.version,
      note: 'Gepolst bij Mila: ze slaapt slecht',
    });
    expect(handled.statusCode).toBe(200);
    const first = await signalOf(own, 'B_FIRST');
    const refused = await call('POST', `/api/signals/${first.id}/acknowledge`, { version: first.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messages.nl).toContain('enkel de signalen op die aan de klasleraar gericht zijn');
    const otherClass = await signalOf(other, 'ABSENT_10');
    expect(
      (await call('POST', `/api/signals/${otherClass.id}/handle`, { version: otherClass.version, note: 'x' }))
        .statusCode,
    ).toBe(403);
    // Beyond phase 1: no phase-2 workflow, no CLB signal.
    expect((await call('POST', `/api/pupils/${own}/file/workflows/school-refusal-review`, {})).statusCode).toBe(403);
    expect((await call('POST', `/api/pupils/${own}/file/workflows/clb-signal`, {})).statusCode).toBe(403);
  });
});
