// Property: a user of school A (any role reaching A) can never read or change anything of school B through any
// route, whatever ids are put in the URL and body. The routes come from the real Fastify app.

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLop } from '../db/lop.repository.ts';
import { linkSchool } from '../db/organisation.repository.ts';
import { ROLES } from '../domain/roles.ts';
import { B_MARKER, buildWorld, WORLD_PASSWORD, type World } from '../testing/access-world.ts';
import { insertSentTransfer } from '../testing/file-transfer-fixture.ts';
import { type HttpSession, signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

/** Everything of school B that a route could change, as one comparable snapshot. */
async function snapshotOfB(t: TestDatabase, world: World) {
  return t.db.query(
    `SELECT
       (SELECT count(*)::int FROM register_entry WHERE school_id = $1) AS register,
       (SELECT count(*)::int FROM import_batch WHERE school_id = $1) AS imports,
       (SELECT count(*)::int FROM pupil_note WHERE school_id = $1) AS notes,
       (SELECT count(*)::int FROM file_transfer_decision WHERE school_id = $1) AS "transferDecisions",
       (SELECT count(*)::int FROM file_transfer WHERE from_school_id = $1) AS transfers,
       (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM file_document WHERE school_id = $1) AS documents,
       (SELECT string_agg(id || ':' || coalesce(revoked_at::text, '-'), ',' ORDER BY id) FROM consent WHERE pupil_id = $2) AS consents,
       (SELECT string_agg(school_year || ':' || version || ':' || coalesce(enrolled_elsewhere_from::text, '-'), ',' ORDER BY school_year)
          FROM enrolment WHERE school_id = $1) AS enrolments,
       (SELECT string_agg(user_id || ':' || role, ',' ORDER BY user_id, role) FROM membership WHERE organisation_id = $1) AS memberships,
       (SELECT string_agg(id || ':' || active || ':' || md5(coalesce(password_hash, '')), ',' ORDER BY id)
          FROM app_user WHERE id IN (SELECT user_id FROM membership WHERE organisation_id = $1)) AS accounts`,
    [world.schoolB, world.pupilB],
  );
}

/**
 * A file transfer of school B (issue 15): B's pupil sent by a CLB of B to another pupil row of B, with one document
 * item holding B's marker; no user of A may read it.
 */
async function fileTransferOfB(t: TestDatabase, world: World) {
  const [clb] = await t.db.query<{ id: number }>(
    `INSERT INTO organisation (kind, name) VALUES ('clb', 'CLB ${B_MARKER}') RETURNING id::int AS id`,
  );
  const [other] = await t.db.query<{ id: number }>(
    `INSERT INTO pupil (school_id, external_id, first_name, last_name, birth_date)
     VALUES ($1, '1002', '${B_MARKER}', '${B_MARKER}', '2012-05-06') RETURNING id::int AS id`,
    [world.schoolB],
  );
  return insertSentTransfer(t.db, {
    schoolId: world.schoolB,
    fromPupilId: world.pupilB,
    toPupilId: other?.id as number,
    clbId: clb?.id as number,
    title: `${B_MARKER} verslag`,
    content: B_MARKER,
  });
}

describe.each(testEngines())('tenant isolation on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let world: World;
  const sessions: HttpSession[] = [];
  let idsOfB: Record<string, number[]>;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    world = await buildWorld(t.db);
    // Excluded, so recording an enrolment elsewhere for B's pupil would succeed if a route forgot its access check.
    await t.db.query(`UPDATE enrolment SET excluded_on = '2025-11-17' WHERE pupil_id = $1`, [world.pupilB]);
    const transferB = await fileTransferOfB(t, world);
    // A LOP of school B (named with B's marker): no user of A may read its exclusions report.
    const lopB = await insertLop(t.db, `LOP ${B_MARKER}`, 'secundair');
    await linkSchool(t.db, 'lop', lopB, world.schoolB);
    app = await buildServer({ db: t.db, today: () => '2026-03-01', loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    for (const role of ROLES) sessions.push(await signIn(app, world.users[role].email, WORLD_PASSWORD));
    idsOfB = {
      schoolId: [world.schoolB],
      pupilId: [world.pupilB],
      noteId: [world.noteB, world.consentB],
      consentId: [world.consentB],
      userId: [world.victimB, world.userB.id, world.beheerderB.id],
      organisationId: [world.schoolB],
      documentId: [world.fileItems.B.documentId],
      transferId: [transferB.transferId],
      itemId: [transferB.itemId],
      lopId: [lopB],
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('never answers a user of A with data of B, nor lets one change B', async () => {
    const before = await snapshotOfB(t, world);
    const routes = app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.access !== 'public',
    );
    const idOf = (name: string) =>
      fc.oneof(
        fc.constantFrom(...(idsOfB[name] ?? [world.schoolB])),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -5, max: 2 ** 40 }),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.nat({ max: sessions.length - 1 }),
        fc.record({
          schoolId: idOf('schoolId'),
          pupilId: idOf('pupilId'),
          noteId: idOf('noteId'),
          consentId: idOf('consentId'),
          userId: idOf('userId'),
          organisationId: idOf('organisationId'),
          documentId: idOf('documentId'),
          transferId: idOf('transferId'),
          itemId: idOf('itemId'),
          lopId: idOf('lopId'),
          // Any other id in a path (meetingId, caseId, certificateId, stayId, …): valid ids, A's, B's or none's,
          // so the request reaches the access check (a malformed id is a 400 that says nothing about B).
          otherId: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 2 ** 31 - 1 })),
          schoolYear: fc.constant('2025-2026'),
          kind: fc.constantFrom('register', 'pupils', 'calendar', 'x'),
        }),
        async (route, sessionIndex, ids) => {
          const url = route.url.replace(/:(\w+)/g, (_, name: string) =>
            String(ids[name as keyof typeof ids] ?? ids.otherId),
          );
          const body = {
            organisationId: ids.organisationId,
            role: 'secretariaat',
            email: `p${Math.abs(ids.userId)}@x.test`,
            displayName: 'P',
            confidentiality: 'school',
            body: 'notitie',
            givenBy: 'ouders',
            purpose: 'test',
            sharedWithRoles: ['zorgcoordinator'],
            validUntil: '2026-06-30',
            from: '2026-01-05',
            school: 'Andere school',
            version: 1,
          };
          const response = await app.inject({
            method: route.method as 'GET',
            url: `${url}?organisationId=${ids.organisationId}&schoolYear=2025-2026`,
            headers: (sessions[sessionIndex] as HttpSession).headers,
            ...(route.method === 'GET' ? {} : { payload: body }),
          });
          expect(response.statusCode, `${route.method} ${url}`).toBeLessThan(500);
          expect(response.body, `${route.method} ${url}`).not.toContain(B_MARKER);
          const namesB = Object.entries(idsOfB).some(([name, values]) =>
            route.url.includes(`:${name}`) ? values.includes(ids[name as keyof typeof ids] as number) : false,
          );
          // 401 too: an earlier random reset or deactivation of an A account may have ended that session.
          if (namesB) expect([401, 403, 404], `${route.method} ${url}`).toContain(response.statusCode);
          else expect(response.statusCode === 401 || response.statusCode < 500).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(await snapshotOfB(t, world)).toEqual(before);
  });
});
