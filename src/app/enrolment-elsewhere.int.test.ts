// Recording that an excluded pupil is enrolled in another school, over HTTP on a real database: EXCLUDED_NO_SCHOOL
// ends (or comes back) at once, concurrent edits and impossible dates are refused, only the right roles may do it,
// every change is audited and a pupils re-import leaves what was recorded alone.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganisation, linkSchool } from '../db/organisation.repository.ts';
import { addMembership, insertUser } from '../db/user.repository.ts';
import type { Role } from '../domain/roles.ts';
import { buildServer } from '../http/server.ts';
import { pupilIdsByNumber, tempDir, writeTemp } from '../testing/fixtures.ts';
import { type HttpSession, signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { hashPassword } from './auth.service.ts';
import { importFile } from './import/import.service.ts';
import { createSchool } from './school.service.ts';
import { listAttention } from './signals/attention-list.service.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'elders-wachtwoord-123';
const YEAR = '2025-2026';
// Excluded on Monday 17/11/2025: the 10th school day after it is Monday 1/12/2025.
const EXCLUDED_ON = '2025-11-17';
const TENTH_SCHOOL_DAY = '2025-12-01';
const pupilsCsv = (class1001: string) => `pupil_id,first_name,last_name,birth_date,level,grade,class,excluded_on
1001,Lotte,Peeters,2010-03-04,secundair,3,${class1001},${EXCLUDED_ON}
1002,Milan,Janssens,2010-11-20,secundair,3,3B,
`;

describe.each(testEngines())('enrolled in another school after an exclusion on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let schoolId: number;
  let excluded: number;
  let notExcluded: number;
  const sessions: Record<string, HttpSession> = {};
  const dir = tempDir();
  let files = 0;

  const importPupils = (csv: string) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'pupils',
      path: writeTemp(dir, `pupils${++files}.csv`, csv),
      today: TODAY,
    });
  const put = (who: string, pupilId: number, payload: object) =>
    app.inject({
      method: 'PUT',
      url: `/api/pupils/${pupilId}/enrolments/${YEAR}/elsewhere`,
      headers: sessions[who]?.headers,
      payload,
    });
  const enrolment = async (who = 'secretariaat') =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/pupils/${excluded}?schoolYear=${YEAR}`,
        headers: sessions[who]?.headers,
      })
    ).json();
  const openSignals = async () =>
    (await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: YEAR }, TODAY)).items.map(
      (i) => `${i.pupil.externalId}:${i.ruleId}`,
    );
  const excludedNoSchool = async () =>
    (
      await t.db.query<{ holds: boolean; evidence: Record<string, unknown> }>(
        `SELECT holds, evidence FROM signal WHERE pupil_id = $1 AND rule_id = 'EXCLUDED_NO_SCHOOL'`,
        [excluded],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolId = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'School Elders',
      institutionNumber: '444444',
      calendarLevel: 'secundair',
    });
    await importPupils(pupilsCsv('3A'));
    [excluded, notExcluded] = (await pupilIdsByNumber(t.db, schoolId)) as [number, number];
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Elders');
    await linkSchool(t.db, 'clb', clb, schoolId);
    const users: [Role, number, string[]][] = [
      ['secretariaat', schoolId, []],
      ['leerkracht', schoolId, ['3A']],
      ['clb-medewerker', clb, []],
      ['clb-arts', clb, []],
    ];
    app = await buildServer({ db: t.db, today: () => TODAY, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const passwordHash = await hashPassword(PASSWORD);
    for (const [role, organisationId, classNames] of users) {
      const id = await insertUser(t.db, { email: `${role}@elders.test`, displayName: `Demo ${role}`, passwordHash });
      await addMembership(t.db, { userId: id, organisationId, role, classNames });
      sessions[role] = await signIn(app, `${role}@elders.test`, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('an excluded pupil gets EXCLUDED_NO_SCHOOL on the 10th school day after the exclusion', async () => {
    const list = await listAttention(t.db, SYSTEM_ACTOR, { schoolId, schoolYear: YEAR }, TODAY);
    const signal = list.items.find((i) => i.ruleId === 'EXCLUDED_NO_SCHOOL');
    expect(signal).toMatchObject({ pupil: { externalId: '1001' }, triggeredOn: TENTH_SCHOOL_DAY });
    expect(await openSignals()).not.toContain('1002:EXCLUDED_NO_SCHOOL');
    const detail = await enrolment();
    expect(detail.enrolment).toMatchObject({
      excludedOn: EXCLUDED_ON,
      enrolledElsewhereFrom: null,
      enrolledElsewhereSchool: null,
      version: 1,
    });
    expect(detail.permissions).toEqual({ enrolmentElsewhere: true });
  });

  it('enrolled elsewhere on the 10th school day: the signal stops holding and leaves the attention list at once', async () => {
    const response = await put('secretariaat', excluded, {
      from: TENTH_SCHOOL_DAY,
      school: '  Sint-Jozefsinstituut Leuven ',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      schoolYear: YEAR,
      enrolledElsewhereFrom: TENTH_SCHOOL_DAY,
      enrolledElsewhereSchool: 'Sint-Jozefsinstituut Leuven',
      version: 2,
    });
    expect(await openSignals()).not.toContain('1001:EXCLUDED_NO_SCHOOL');
    expect((await excludedNoSchool())?.holds).toBe(false);
    expect((await enrolment()).enrolment).toMatchObject({ enrolledElsewhereFrom: TENTH_SCHOOL_DAY, version: 2 });
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const stale = await put('secretariaat', excluded, { from: null, school: null, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ type: 'urn:aanwezig:problem:conflict', current: { version: 2 } });
    expect(stale.json().messages.nl).toMatch(/intussen/);
    expect((await enrolment()).enrolment).toMatchObject({ enrolledElsewhereFrom: TENTH_SCHOOL_DAY, version: 2 });
  });

  it('enrolled elsewhere only after the 10th school day: the signal keeps holding, with that date as evidence', async () => {
    const response = await put('clb-medewerker', excluded, { from: '2025-12-02', school: null, version: 2 });
    expect(response.statusCode).toBe(200);
    expect(await openSignals()).toContain('1001:EXCLUDED_NO_SCHOOL');
    expect(await excludedNoSchool()).toMatchObject({
      holds: true,
      evidence: { excludedOn: EXCLUDED_ON, enrolledElsewhereFrom: '2025-12-02', schoolDaysWithoutSchool: 10 },
    });
  });

  it('clearing what was recorded brings the signal back', async () => {
    expect((await put('secretariaat', excluded, { from: '2025-11-28', version: 3 })).statusCode).toBe(200);
    expect(await openSignals()).not.toContain('1001:EXCLUDED_NO_SCHOOL');
    const cleared = await put('secretariaat', excluded, { from: null, school: null, version: 4 });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ enrolledElsewhereFrom: null, enrolledElsewhereSchool: null, version: 5 });
    expect(await openSignals()).toContain('1001:EXCLUDED_NO_SCHOOL');
    expect((await excludedNoSchool())?.holds).toBe(true);
  });

  it('refuses (422) a date before the exclusion, a pupil who was not excluded and a school without a date', async () => {
    const early = await put('secretariaat', excluded, { from: '2025-11-14', school: null, version: 5 });
    expect(early.statusCode).toBe(422);
    expect(early.json().messages.nl).toMatch(/niet vóór de uitsluiting/);
    const notExcludedPupil = await put('secretariaat', notExcluded, { from: '2025-12-01', version: 1 });
    expect(notExcludedPupil.statusCode).toBe(422);
    expect(notExcludedPupil.json().messages.nl).toMatch(/alleen .* voor een definitief uitgesloten leerling/);
    const schoolOnly = await put('secretariaat', excluded, { from: null, school: 'Atheneum', version: 5 });
    expect(schoolOnly.statusCode).toBe(422);
    const tooLong = await put('secretariaat', excluded, { from: '2025-12-01', school: 'x'.repeat(201), version: 5 });
    expect(tooLong.statusCode).toBe(400);
    expect((await enrolment()).enrolment).toMatchObject({ enrolledElsewhereFrom: null, version: 5 });
  });

  it('denies a class teacher of the pupil and the CLB doctor, who may read the pupil', async () => {
    for (const role of ['leerkracht', 'clb-arts']) {
      expect((await enrolment(role)).permissions, role).toEqual({ enrolmentElsewhere: false });
      const denied = await put(role, excluded, { from: TENTH_SCHOOL_DAY, version: 5 });
      expect(denied.statusCode, role).toBe(403);
    }
    expect((await enrolment()).enrolment).toMatchObject({ enrolledElsewhereFrom: null, version: 5 });
  });

  it('audits every change with who did it, the old and the new value', async () => {
    const rows = await t.db.query<{ actorLabel: string; pupilIds: number[]; detail: Record<string, unknown> }>(
      `SELECT actor_label AS "actorLabel", pupil_ids::int[] AS "pupilIds", detail FROM audit_event
       WHERE action = 'enrolment.elsewhere' AND organisation_id = $1 ORDER BY id`,
      [schoolId],
    );
    expect(rows.map((r) => [r.actorLabel, r.detail.from, r.detail.previousFrom])).toEqual([
      ['secretariaat@elders.test', TENTH_SCHOOL_DAY, null],
      ['clb-medewerker@elders.test', '2025-12-02', TENTH_SCHOOL_DAY],
      ['secretariaat@elders.test', '2025-11-28', '2025-12-02'],
      ['secretariaat@elders.test', null, '2025-11-28'],
    ]);
    expect(rows[0]).toMatchObject({
      pupilIds: [excluded],
      detail: { schoolYear: YEAR, school: 'Sint-Jozefsinstituut Leuven', signalsCleared: 1 },
    });
  });

  it('a pupils re-import that changes the enrolment keeps what was recorded in the app', async () => {
    expect(
      (await put('secretariaat', excluded, { from: '2025-11-24', school: 'Atheneum', version: 5 })).statusCode,
    ).toBe(200);
    const result = await importPupils(pupilsCsv('3C'));
    expect(result).toMatchObject({ status: 'applied' });
    expect((await enrolment()).enrolment).toMatchObject({
      className: '3C',
      enrolledElsewhereFrom: '2025-11-24',
      enrolledElsewhereSchool: 'Atheneum',
      version: 6,
    });
    expect(await openSignals()).not.toContain('1001:EXCLUDED_NO_SCHOOL');
  });
});
