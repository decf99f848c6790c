// The LOP's view of exclusions on a real database, through the HTTP API: a LOP's staff read only the exclusions of
// the LOP's schools of its level, small cells (1–4) come back suppressed, a child excluded at one school and
// enrolled at another counts as having a new school and as taken in there, and every other role is refused.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLop } from '../../db/lop.repository.ts';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { RegionReport } from '../../domain/monitor/region-report.ts';
import type { Role } from '../../domain/roles.ts';
import { buildServer } from '../../http/server.ts';
import { pupilIdsByNumber, schoolWithPupils } from '../../testing/fixtures.ts';
import { signIn } from '../../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { hashPassword } from '../auth.service.ts';

const AS_OF = '2026-01-15';
const PASSWORD = 'lop-wachtwoord-123';

function pupils(count: number, level: 'secundair' | 'lager', first = 1): string {
  const grade = level === 'secundair' ? 2 : 4;
  const lines = ['pupil_id,first_name,last_name,birth_date,level,grade,class'];
  for (let p = first; p < first + count; p++)
    lines.push(`${p},Voornaam${p},Naam${p},2011-04-0${(p % 9) + 1},${level},${grade},2A`);
  return `${lines.join('\n')}\n`;
}

const identity = (n: number) => n.toString(16).padStart(64, '0');

describe.each(testEngines())("the LOP's view of exclusions on %s", (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let lop: number;
  let otherLop: number;
  const schools = { big: 0, small: 0, outside: 0, primary: 0 };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schools.big = await schoolWithPupils(t.db, pupils(8, 'secundair'), { institutionNumber: '910001' });
    schools.small = await schoolWithPupils(t.db, pupils(4, 'secundair'), { institutionNumber: '910002' });
    schools.outside = await schoolWithPupils(t.db, pupils(6, 'secundair'), { institutionNumber: '910003' });
    schools.primary = await schoolWithPupils(t.db, pupils(6, 'lager'), { institutionNumber: '910004', level: 'basis' });
    lop = await insertLop(t.db, 'LOP Secundair Test', 'secundair');
    otherLop = await insertLop(t.db, 'LOP Ander', 'secundair');
    for (const school of [schools.big, schools.small, schools.primary]) await linkSchool(t.db, 'lop', lop, school);
    await linkSchool(t.db, 'lop', otherLop, schools.outside);
    const exclude = async (school: number, numbers: number[], on: string) => {
      const ids = await pupilIdsByNumber(t.db, school);
      for (const n of numbers)
        await t.db.query('UPDATE enrolment SET excluded_on = $2 WHERE pupil_id = $1', [ids[n - 1], on]);
      return ids;
    };
    // Big school: 6 exclusions (shown); pupil 1 has a new school recorded, pupil 2 is enrolled at the small school.
    const big = await exclude(schools.big, [1, 2, 3, 4, 5, 6], '2025-10-06');
    await t.db.query(
      "UPDATE enrolment SET enrolled_elsewhere_from = '2025-10-20', exclusion_search_help = true WHERE pupil_id = $1",
      [big[0]],
    );
    await t.db.query('UPDATE enrolment SET exclusion_search_help = true WHERE pupil_id = ANY($1::bigint[])', [
      big.slice(1, 6),
    ]);
    const small = await pupilIdsByNumber(t.db, schools.small);
    await t.db.query('UPDATE pupil SET identity_hash = $2 WHERE id = $1', [big[1], identity(1)]);
    await t.db.query('UPDATE pupil SET identity_hash = $2 WHERE id = $1', [small[0], identity(1)]);
    await t.db.query("UPDATE enrolment SET enrolled_from = '2025-11-03' WHERE pupil_id = $1", [small[0]]);
    // Small school: 2 exclusions (suppressed); the outside school 3 (not the LOP's); the primary school 5 (other level).
    await exclude(schools.small, [3, 4], '2025-12-01');
    await exclude(schools.outside, [1, 2, 3], '2025-10-06');
    await exclude(schools.primary, [1, 2, 3, 4, 5], '2025-10-06');
    // An exclusion after the reference date does not count yet.
    await exclude(schools.big, [7], '2026-02-02');
    const passwordHash = await hashPassword(PASSWORD);
    const user = async (email: string, organisationId: number, role: Role) => {
      const id = await insertUser(t.db, { email, displayName: email, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role });
    };
    const region = await insertOrganisation(t.db, 'region', 'Regio');
    const clb = await insertOrganisation(t.db, 'clb', 'CLB');
    for (const school of Object.values(schools)) {
      await linkSchool(t.db, 'region', region, school);
      await linkSchool(t.db, 'clb', clb, school);
    }
    await user('lop@test.be', lop, 'lop-medewerker');
    await user('ander-lop@test.be', otherLop, 'lop-medewerker');
    await user('beheerder-lop@test.be', lop, 'beheerder');
    await user('analist@test.be', region, 'analist');
    await user('clb@test.be', clb, 'clb-medewerker');
    await user('directie@test.be', schools.big, 'directie');
    app = await buildServer({ db: t.db, today: () => AS_OF, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const get = async (email: string, url: string) =>
    app.inject({ method: 'GET', url, headers: (await signIn(app, email, PASSWORD)).headers });
  const value = (report: RegionReport, id: string) =>
    report.sections.flatMap((s) => s.figures).find((f) => f.id === id) ?? { value: 'absent', suppressed: false };

  it("shows the LOP's staff the exclusions of its schools of its level only, small cells suppressed", async () => {
    const response = await get('lop@test.be', `/api/monitor/lops/${lop}/report?asOf=${AS_OF}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as RegionReport;
    expect(report.scope).toEqual({
      kind: 'lop',
      id: lop,
      name: 'LOP Secundair Test',
      schoolCount: 3,
      level: 'secundair',
    });
    expect(report.sections.map((s) => s.id)).toEqual(['exclusions', 'without-school', 'per-school']);
    // 6 of the big school + 2 of the small one; not the outside school's 3, not the primary school's 5.
    expect(value(report, 'exclusion.total')).toMatchObject({ value: 8, suppressed: false });
    expect(value(report, 'exclusion.secundair')).toMatchObject({ value: 8 });
    expect(value(report, 'exclusion.lager')).toEqual({ value: 'absent', suppressed: false });
    // Pupil 1 (recorded) and pupil 2 (enrolled at the small school) have a new school: 6 still without.
    expect(value(report, 'without-school.pupils')).toMatchObject({ value: 6, suppressed: false });
    expect(value(report, 'exclusion.secondary.search-help')).toMatchObject({ value: 6 });
    expect(value(report, `school.${schools.big}.exclusions`)).toMatchObject({ value: 6, suppressed: false });
    expect(value(report, `school.${schools.big}.without-school`)).toMatchObject({ value: null, suppressed: true });
    expect(value(report, `school.${schools.small}.exclusions`)).toEqual(
      expect.objectContaining({ value: null, suppressed: true }),
    );
    expect(value(report, `school.${schools.small}.taken-in`)).toEqual(
      expect.objectContaining({ value: null, suppressed: true }),
    );
    expect(value(report, `school.${schools.big}.taken-in`)).toMatchObject({ value: 0, suppressed: false });
    expect(value(report, `school.${schools.outside}.exclusions`)).toEqual({ value: 'absent', suppressed: false });
    // Aggregates only: no pupil's name anywhere in the answer.
    expect(response.body).not.toMatch(/Voornaam|Naam\d/);
  });

  it('records the read in the audit log under the LOP', async () => {
    await get('lop@test.be', `/api/monitor/lops/${lop}/report.csv?asOf=${AS_OF}`);
    const rows = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'monitor.lop-report' AND organisation_id = $1",
      [lop],
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses every other role, and the staff of another LOP', async () => {
    for (const email of [
      'ander-lop@test.be',
      'beheerder-lop@test.be',
      'analist@test.be',
      'clb@test.be',
      'directie@test.be',
    ]) {
      const response = await get(email, `/api/monitor/lops/${lop}/report?asOf=${AS_OF}`);
      expect(response.statusCode, email).toBe(403);
    }
  });

  it("lets the LOP's beheerder invite a lop-medewerker, and no role of another kind", async () => {
    const session = await signIn(app, 'beheerder-lop@test.be', PASSWORD);
    const invite = (role: string, email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: session.headers,
        payload: { email, displayName: 'Nieuw', organisationId: lop, role },
      });
    expect((await invite('lop-medewerker', 'nieuw-lop@test.be')).statusCode).toBe(201);
    expect((await invite('analist', 'geen-analist@test.be')).statusCode).toBe(400);
    expect((await invite('directie', 'geen-directie@test.be')).statusCode).toBe(400);
    const organisations = await app.inject({
      method: 'GET',
      url: '/api/admin/organisations',
      headers: session.headers,
    });
    expect(organisations.json()).toEqual([{ id: lop, name: 'LOP Secundair Test', kind: 'lop' }]);
  });

  it("gives a LOP's staff no pupil-level route of the LOP's schools", async () => {
    for (const url of [`/api/schools/${schools.big}/pupils`, `/api/schools/${schools.big}/attention`]) {
      const response = await get('lop@test.be', url);
      expect(response.statusCode, url).toBe(403);
    }
  });
});
