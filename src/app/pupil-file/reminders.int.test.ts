// Reminders of pupil-file agreements over HTTP on a real database: what is due soon or overdue shows up for the
// people who may read the file (a class teacher only for their classes, a CLB across its schools), nothing else.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { buildServer } from '../../http/server.ts';
import { pupilIdsByNumber, schoolWithPupils } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { hashPassword } from '../auth.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'herinnering-wachtwoord-123';
const PUPILS = `pupil_id,first_name,last_name,birth_date,level,grade,class
3001,Lina,Maes,2012-02-02,secundair,1,1A
3002,Tom,Peeters,2012-03-03,secundair,1,1B
`;

describe.each(testEngines())('agreement reminders on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let lina: number;
  let tom: number;
  const sessions: Record<string, HttpSession> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload } : {}) });
  const agree = async (who: string, pupilId: number, body: object) => {
    const response = await call(who, 'POST', `/api/pupils/${pupilId}/file/agreements`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const whats = (response: { json: () => { items: { what: string }[] } }) => response.json().items.map((i) => i.what);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await schoolWithPupils(t.db, PUPILS, { institutionNumber: '444444' });
    [lina, tom] = (await pupilIdsByNumber(t.db, schoolId)) as [number, number];
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Herinnering');
    await linkSchool(t.db, 'clb', clb, schoolId);
    const passwordHash = await hashPassword(PASSWORD);
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const users: [string, number, 'leerlingbegeleider' | 'leerkracht' | 'clb-medewerker' | 'secretariaat', string[]][] =
      [
        ['lbg', schoolId, 'leerlingbegeleider', []],
        ['teacher', schoolId, 'leerkracht', ['1A']],
        ['clb', clb, 'clb-medewerker', []],
        ['secretariaat', schoolId, 'secretariaat', []],
      ];
    for (const [name, organisationId, role, classNames] of users) {
      const id = await insertUser(t.db, { email: `${name}@herinner.test`, displayName: `Demo ${name}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[name] = await signIn(app, `${name}@herinner.test`, PASSWORD);
    }
    await agree('lbg', lina, { what: 'Later', who: 'Demo lbg', dueOn: '2026-03-12' });
    await agree('lbg', lina, { what: 'Binnen drie dagen', who: 'Demo lbg', dueOn: '2026-03-05' });
    await agree('lbg', lina, { what: 'Te laat', who: 'Mevr. Janssens', dueOn: '2026-02-27' });
    await agree('clb', tom, {
      what: 'Eigen herinnering',
      who: 'Demo lbg',
      dueOn: '2026-03-20',
      remindOn: '2026-03-01',
    });
    await agree('lbg', tom, { what: 'Al gedaan', who: 'Demo lbg', dueOn: '2026-02-20', status: 'done' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists open agreements from their reminder date on, overdue first', async () => {
    const response = await call('lbg', 'GET', `/api/schools/${schoolId}/reminders`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(whats(response)).toEqual(['Te laat', 'Binnen drie dagen', 'Eigen herinnering']);
    expect(body).toMatchObject({ total: 3, overdue: 1, leadDays: 3 });
    expect(body.items[0]).toMatchObject({
      state: 'overdue',
      daysOverdue: 3,
      firstName: 'Lina',
      className: '1A',
      lastClassName: '1A',
    });
    expect(body.items[1]).toMatchObject({ state: 'upcoming', daysOverdue: 0 });
  });

  it('"mine" keeps what the user created or is named in as "wie"', async () => {
    expect(whats(await call('lbg', 'GET', `/api/schools/${schoolId}/reminders?mine=1`))).toEqual([
      'Te laat',
      'Binnen drie dagen',
      'Eigen herinnering',
    ]);
    expect(whats(await call('teacher', 'GET', `/api/schools/${schoolId}/reminders?mine=1`))).toEqual([]);
    expect(whats(await call('clb', 'GET', '/api/reminders?mine=1'))).toEqual(['Eigen herinnering']);
  });

  it('a class teacher sees only their classes, a CLB its schools, the secretariat nothing', async () => {
    expect(whats(await call('teacher', 'GET', `/api/schools/${schoolId}/reminders`))).toEqual([
      'Te laat',
      'Binnen drie dagen',
    ]);
    expect((await call('clb', 'GET', '/api/reminders')).json().total).toBe(3);
    expect((await call('secretariaat', 'GET', `/api/schools/${schoolId}/reminders`)).statusCode).toBe(403);
    expect((await call('secretariaat', 'GET', '/api/reminders')).statusCode).toBe(403);
  });

  it('marking an agreement done removes its reminder; a reminder after the due date is refused', async () => {
    const late = (await call('lbg', 'GET', `/api/schools/${schoolId}/reminders`)).json().items[0];
    const done = await call('lbg', 'PUT', `/api/file/agreements/${late.id}`, {
      what: late.what,
      who: late.who,
      dueOn: late.dueOn,
      status: 'done',
      version: late.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(whats(await call('lbg', 'GET', `/api/schools/${schoolId}/reminders`))).not.toContain('Te laat');
    const refused = await call('lbg', 'POST', `/api/pupils/${lina}/file/agreements`, {
      what: 'x',
      who: 'y',
      dueOn: '2026-03-10',
      remindOn: '2026-03-11',
    });
    expect(refused.statusCode).toBe(400);
  });

  it('writes one audit row naming the listed pupils', async () => {
    await call('lbg', 'GET', `/api/schools/${schoolId}/reminders`);
    const rows = await t.db.query<{ pupilIds: string[] }>(
      `SELECT pupil_ids::text[] AS "pupilIds" FROM audit_event WHERE action = 'file.reminders' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]?.pupilIds.map(Number).sort()).toEqual([lina, tom].sort());
  });
});
