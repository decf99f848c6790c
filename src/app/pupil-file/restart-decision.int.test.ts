// The restart decision over HTTP on a real database (seed 002 §2.1–2.3): a complete taxatie is required, the
// keuzeschema's outcome and reasons are recorded, deciding otherwise needs a reason, a relapse is recorded with its
// evaluation, and phase 3 gets a term and a review date that becomes a reminder (also in the let-go workflow).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import { buildServer } from '../../http/server.ts';
import { schoolWithPupils } from '../../testing/fixtures.ts';
import { type HttpSession, signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { hashPassword } from '../auth.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'opstart-wachtwoord-123';
const TAXATIE = {
  absence: 'long',
  perspectives: 'yes',
  pivot: 'yes',
  connection: 'yes',
  complaints: 'yes',
  readiness: 'ready',
  severity: 'no',
  externalHelp: 'involved',
};

describe.each(testEngines())('restart decision on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let pupilId: number;
  let session: HttpSession;
  const post = (name: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: `/api/pupils/${pupilId}/file/workflows/${name}`,
      headers: session.headers,
      payload,
    });
  const fields = (r: { json: () => { preconditions?: { field: string }[] } }) =>
    (r.json().preconditions ?? []).map((p) => p.field);
  const openAgreements = () =>
    t.db.query<{ what: string; due_on: string }>(
      "SELECT what, due_on FROM file_agreement WHERE pupil_id = $1 AND status = 'open' ORDER BY id",
      [pupilId],
    );

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const schoolId = await schoolWithPupils(
      t.db,
      'pupil_id,first_name,last_name,birth_date,level,grade,class\n5001,Lien,Maes,2011-02-02,secundair,2,2A\n',
    );
    const [row] = await t.db.query<{ id: number }>('SELECT id::int AS id FROM pupil WHERE school_id = $1', [schoolId]);
    pupilId = row?.id as number;
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const id = await insertUser(t.db, {
      email: 'lbg@opstart.test',
      displayName: 'Demo lbg',
      passwordHash: await hashPassword(PASSWORD),
    });
    await addMembership(t.db, { userId: id, organisationId: schoolId, role: 'leerlingbegeleider', classNames: [] });
    session = await signIn(app, 'lbg@opstart.test', PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('refuses an incomplete taxatie and a decision against the keuzeschema without a reason', async () => {
    const incomplete = await post('restart-decision', { taxatie: { absence: 'long' }, decision: 'gradual-return' });
    expect(incomplete.statusCode).toBe(422);
    expect(fields(incomplete)).toContain('taxatie.severity');
    const otherwise = await post('restart-decision', {
      taxatie: { ...TAXATIE, pivot: 'no' },
      decision: 'gradual-return',
    });
    expect(otherwise.statusCode).toBe(422);
    expect(fields(otherwise)).toEqual(['otherwiseBecause']);
  });

  it('records the outcome with its reasons, and a relapse with its evaluation', async () => {
    const response = await post('restart-decision', {
      taxatie: TAXATIE,
      decision: 'gradual-return',
      relapse: {
        on: '2026-02-16',
        what: 'Na de krokusvakantie niet meer gekomen.',
        evaluation: 'Stap te groot; kleiner herbeginnen.',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().advised).toBe('gradual-return');
    const [entry] = await t.db.query<{ what: string; details: Record<string, unknown> }>(
      "SELECT what, details FROM file_entry WHERE pupil_id = $1 AND kind = 'restart-decision'",
      [pupilId],
    );
    expect(entry?.what).toContain('Keuzeschema: Geleidelijke terugkeer');
    expect(entry?.what).toContain('Terugval op 2026-02-16');
    expect(entry?.details).toMatchObject({ advised: 'gradual-return', decision: 'gradual-return' });
    expect(entry?.details.reasons).toHaveLength(2);
  });

  it('phase 3 needs a term and a review date, which becomes a reminder', async () => {
    const taxatie = { ...TAXATIE, severity: 'yes' };
    const noReview = await post('restart-decision', { taxatie, decision: 'let-go' });
    expect(fields(noReview)).toEqual(['reviewOn']);
    const ok = await post('restart-decision', {
      taxatie,
      decision: 'let-go',
      term: 'drie maanden',
      reviewOn: '2026-06-01',
    });
    expect(ok.statusCode).toBe(201);
    expect(await openAgreements()).toEqual([
      { what: expect.stringContaining('Fase 3 herbekijken (termijn: drie maanden)'), due_on: '2026-06-01' },
    ]);
  });

  it('the let-go workflow keeps a review date as a reminder and refuses one in the past', async () => {
    await app.inject({
      method: 'POST',
      url: `/api/pupils/${pupilId}/file/people`,
      headers: session.headers,
      payload: { relation: 'clb', name: 'CLB-medewerker', version: 1 },
    });
    const choice = {
      grounds: ['severity'],
      alternatives: ['toah'],
      discussedWith: 'Lien, haar ouders en het CLB',
      contactPlan: { who: 'An Peeters', frequency: 'wekelijks', nextContactOn: '2026-03-06', channel: 'phone' },
      term: 'tot de paasvakantie',
    };
    const past = await post('let-go-of-school', { ...choice, reviewOn: '2026-02-01' });
    expect(fields(past)).toEqual(['reviewOn']);
    expect((await post('let-go-of-school', { ...choice, reviewOn: '2026-04-03' })).statusCode).toBe(201);
    expect((await openAgreements()).map((a) => a.due_on)).toEqual(['2026-06-01', '2026-04-03', '2026-03-06']);
  });
});
