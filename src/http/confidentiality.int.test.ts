// A clb-arts note or pupil-file entry never reaches a school role through any API response — lists, pupil pages,
// the pupil file, its JSON export, audit search — unless a valid consent names that role. The entry is shared by
// a consent recorded through the API with the leerlingbegeleider until 2026-06-30; the note (world data) with
// the zorgcoordinator.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../app/policy/roles.ts';
import { buildWorld, WORLD_PASSWORD, type World } from '../testing/access-world.ts';
import { type HttpSession, signIn } from '../testing/http-session.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

const NOTE_BODY = 'Medische context A'; // the world's clb-arts note on pupil A1, shared by consent with zorgcoordinator
const ENTRY_MARKER = 'Qqgeheim-arts';
const DOCUMENT_MARKER = 'Qqattest-arts';
const SCHOOL_ROLES = ROLES.filter((r) => !r.startsWith('clb') && r !== 'analist');

describe.each(testEngines())('clb-arts confidentiality across every GET route on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let world: World;
  let today = '2026-03-01';
  let entryId: number;
  let documentId: number;
  const sessions = new Map<string, HttpSession>();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    world = await buildWorld(t.db);
    const [entry] = await t.db.query<{ id: number }>(
      `INSERT INTO file_entry (pupil_id, school_id, kind, occurred_on, who, what, confidentiality, author_role)
       VALUES ($1, $2, 'conversation-pupil', '2026-02-02', 'CLB-arts', $3, 'clb-arts', 'clb-arts')
       RETURNING id::int AS id`,
      [world.pupilA1, world.schoolA, ENTRY_MARKER],
    );
    entryId = entry?.id as number;
    const [document] = await t.db.query<{ id: number }>(
      `INSERT INTO file_document (pupil_id, school_id, title, file_name, media_type, size_bytes, sha256, content,
                                  confidentiality, uploader_role)
       VALUES ($1, $2, $3, 'attest.txt', 'text/plain', 5,
               '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', decode('aGVsbG8=', 'base64'),
               'clb-arts', 'clb-arts')
       RETURNING id::int AS id`,
      [world.pupilA1, world.schoolA, DOCUMENT_MARKER],
    );
    documentId = document?.id as number;
    app = await buildServer({ db: t.db, today: () => today, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    for (const role of [...SCHOOL_ROLES, 'clb-arts'] as const)
      sessions.set(role, await signIn(app, world.users[role].email, WORLD_PASSWORD));
    const consent = await app.inject({
      method: 'POST',
      url: `/api/file/entries/${entryId}/consents`,
      headers: sessions.get('clb-arts')?.headers,
      payload: {
        givenBy: 'Moeder',
        purpose: 'Begeleiding op school',
        sharedWithRoles: ['leerlingbegeleider'],
        validUntil: '2026-06-30',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const documentConsent = await app.inject({
      method: 'POST',
      url: `/api/file/documents/${documentId}/consents`,
      headers: sessions.get('clb-arts')?.headers,
      payload: {
        givenBy: 'Vader',
        purpose: 'Attest voor de klassenraad',
        sharedWithRoles: ['zorgcoordinator'],
        validUntil: '2026-06-30',
      },
    });
    expect(documentConsent.statusCode, documentConsent.body).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** Every GET route whose parameters are a school or a pupil, filled with school A and its pupil A1. */
  const readRoutes = () =>
    app.routeTable
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.access !== 'public')
      .filter((r) => [...r.url.matchAll(/:(\w+)/g)].every(([, name]) => name === 'schoolId' || name === 'pupilId'))
      .map((r) => r.url.replace(':schoolId', String(world.schoolA)).replace(':pupilId', String(world.pupilA1)));

  async function bodiesFor(role: string): Promise<string> {
    const session = sessions.get(role) as HttpSession;
    let all = '';
    for (const url of readRoutes()) {
      const response = await app.inject({ method: 'GET', url, headers: session.headers });
      all += `\n${url} ${response.statusCode} ${response.body}`;
    }
    return all;
  }

  it('reads every route as every school role and finds the clb-arts texts only where a consent allows', async () => {
    expect(readRoutes().length).toBeGreaterThan(10);
    for (const role of SCHOOL_ROLES) {
      const bodies = await bodiesFor(role);
      expect(bodies.includes(ENTRY_MARKER), `${role} and the clb-arts file entry`).toBe(role === 'leerlingbegeleider');
      expect(bodies.includes(DOCUMENT_MARKER), `${role} and the clb-arts document`).toBe(role === 'zorgcoordinator');
      // The consent of the world shares the note with the zorgcoordinator until 2026-06-30.
      expect(bodies.includes(NOTE_BODY), `${role} and the note`).toBe(role === 'zorgcoordinator');
    }
  });

  it('the CLB doctor does read both (the routes really return these texts)', async () => {
    const bodies = await bodiesFor('clb-arts');
    expect(bodies.includes(ENTRY_MARKER)).toBe(true);
    expect(bodies.includes(NOTE_BODY)).toBe(true);
    expect(bodies.includes(DOCUMENT_MARKER)).toBe(true);
  });

  it('after the consent expires the note disappears again for the consented role too', async () => {
    today = '2026-07-01';
    const bodies = await bodiesFor('zorgcoordinator');
    expect(bodies.includes(NOTE_BODY)).toBe(false);
    expect(bodies.includes(ENTRY_MARKER)).toBe(false);
    expect(bodies.includes(DOCUMENT_MARKER)).toBe(false);
    expect((await bodiesFor('leerlingbegeleider')).includes(ENTRY_MARKER)).toBe(false);
    today = '2026-03-01';
  });

  it('a shared entry can be read, not edited, and disappears when the CLB doctor revokes the consent', async () => {
    const lbg = sessions.get('leerlingbegeleider') as HttpSession;
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/file/entries/${entryId}`,
      headers: lbg.headers,
      payload: { kind: 'other', occurredOn: '2026-02-02', who: 'x', what: 'overschreven', version: 1 },
    });
    expect(edit.statusCode).toBe(404);
    const refused = await app.inject({
      method: 'GET',
      url: `/api/file/entries/${entryId}/consents`,
      headers: lbg.headers,
    });
    expect(refused.statusCode).toBe(403);
    const doctor = sessions.get('clb-arts') as HttpSession;
    const list = await app.inject({
      method: 'GET',
      url: `/api/file/entries/${entryId}/consents`,
      headers: doctor.headers,
    });
    const [consent] = list.json().items;
    expect(consent).toMatchObject({ entryId, noteId: null, sharedWithRoles: ['leerlingbegeleider'] });
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/consents/${consent.id}/revoke`,
      headers: doctor.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await bodiesFor('leerlingbegeleider')).includes(ENTRY_MARKER)).toBe(false);
  });

  it('a shared document can be downloaded, not removed, by the role it is shared with; by no other school role', async () => {
    const download = (role: string) =>
      app.inject({
        method: 'GET',
        url: `/api/file/documents/${documentId}/content`,
        headers: sessions.get(role)?.headers,
      });
    const coordinator = await download('zorgcoordinator');
    expect(coordinator.statusCode).toBe(200);
    expect(coordinator.body).toBe('hello');
    expect((await download('leerlingbegeleider')).statusCode).toBe(404);
    const remove = await app.inject({
      method: 'POST',
      url: `/api/file/documents/${documentId}/remove`,
      headers: sessions.get('zorgcoordinator')?.headers,
      payload: { version: 1 },
    });
    expect(remove.statusCode).toBe(404);
  });
});
