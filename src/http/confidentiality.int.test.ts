// One confidentiality test for every API route that can return pupil content. For every role, content is written
// through the API at every confidentiality level (school, school+clb, clb, clb-arts, and clb-arts shared by a
// consent) as a file entry (edited once, so the edit history holds two versions), a document (title and bytes)
// and a note; two entries also handle a signal. Then every route in ENDPOINTS is read as every role and the test
// asserts, per route and role, exactly which markers the response (JSON, CSV, PDF text, DOCX text) contains:
//   seen  ⇔  the route shows that kind of content  ∧  the role reads the route  ∧  the role reads the level.
// The expectations are written out here (READERS, ENDPOINTS) rather than derived from the policy, so a change of
// policy shows up as a failing test. A GET route that the server registers but ENDPOINTS does not name fails
// the coverage check: a new route joins by adding one row.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { createSchool } from '../app/school.service.ts';
import { linkSchool } from '../db/organisation.repository.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { buildWorld, WORLD_PASSWORD, type World } from '../testing/access-world.ts';
import { type HttpSession, signIn } from '../testing/http-session.ts';
import { multipart } from '../testing/multipart.ts';
import { responseText } from '../testing/response-text.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

type Level = 'school' | 'school+clb' | 'clb' | 'clb-arts' | 'clb-arts+consent';
/** What a marker is: an entry's current text, the text of an entry's earlier version, a document, a note. */
type Kind = 'entry' | 'entry-past' | 'document' | 'note' | 'meeting';

const SCHOOL_CARE: Role[] = ['leerlingbegeleider', 'zorgcoordinator', 'directie'];
const CLB: Role[] = ['clb-medewerker', 'clb-arts'];
/** The roles a consent names in this test, per kind: each is a role that does not read clb-arts otherwise. */
const CONSENT_FOR: Record<'entry' | 'document' | 'note', Role> = {
  entry: 'leerlingbegeleider',
  document: 'zorgcoordinator',
  note: 'clb-medewerker',
};

/** Who reads content of each level on pupil A1 (class 1A, taught by the world's leerkracht) — the specification. */
const READERS = (level: Level, kind: keyof typeof CONSENT_FOR): Role[] => {
  const readers: Record<Level, Role[]> = {
    school: ['leerkracht', ...SCHOOL_CARE],
    'school+clb': ['leerkracht', ...SCHOOL_CARE, ...CLB],
    clb: CLB,
    'clb-arts': ['clb-arts'],
    'clb-arts+consent': ['clb-arts', CONSENT_FOR[kind]],
  };
  return readers[level];
};

/** The role that writes content of each level (a role writes only levels it reads). */
const AUTHOR: Record<Level, Role> = {
  school: 'leerlingbegeleider',
  'school+clb': 'leerlingbegeleider',
  clb: 'clb-medewerker',
  'clb-arts': 'clb-arts',
  'clb-arts+consent': 'clb-arts',
};
const LEVELS = Object.keys(AUTHOR) as Level[];

/** Who reads a route at all on pupil A1 (its policy action; the access matrix tests the refusals). */
const FILE_READ: Role[] = ['leerkracht', ...SCHOOL_CARE, ...CLB];
const FILE_MANAGE: Role[] = [...SCHOOL_CARE, ...CLB];

interface Endpoint {
  /** The route as registered (`GET /api/...` with its :params). */
  route: string;
  /** The content this route returns; [] = none, and then no marker may appear for any role. */
  shows: Kind[];
  /** The roles that read the route on pupil A1 (only relevant when `shows` is not empty). */
  readers?: Role[];
  /** Query string added to the URL. */
  query?: string;
}

/**
 * Every GET route of the API that needs a session. Route parameters are filled with school A, pupil A1, the CLB
 * and region of A, the school year 2025-2026, and — for :entryId and :documentId — every entry or document made
 * here (each read separately).
 */
const ENDPOINTS: Endpoint[] = [
  // The pupil file
  { route: 'GET /api/pupils/:pupilId/file', shows: [] },
  { route: 'GET /api/pupils/:pupilId/file/timeline', shows: ['entry', 'meeting'], readers: FILE_READ },
  { route: 'GET /api/pupils/:pupilId/file/agreements', shows: [] },
  { route: 'GET /api/pupils/:pupilId/file/people', shows: [] },
  {
    route: 'GET /api/pupils/:pupilId/file/history',
    shows: ['entry', 'entry-past', 'document', 'meeting'],
    readers: FILE_MANAGE,
  },
  { route: 'GET /api/pupils/:pupilId/file/export.json', shows: ['entry', 'document', 'meeting'], readers: FILE_MANAGE },
  { route: 'GET /api/pupils/:pupilId/file/export.pdf', shows: ['entry', 'document', 'meeting'], readers: FILE_MANAGE },
  { route: 'GET /api/pupils/:pupilId/file/documents', shows: ['document'], readers: FILE_READ },
  { route: 'GET /api/file/documents/:documentId/content', shows: ['document'], readers: FILE_READ },
  { route: 'GET /api/file/documents/:documentId/consents', shows: [] },
  { route: 'GET /api/file/entries/:entryId/consents', shows: [] },
  // Notes and the pupil
  { route: 'GET /api/pupils/:pupilId/notes', shows: ['note'], readers: FILE_READ },
  { route: 'GET /api/pupils/:pupilId', shows: [] },
  { route: 'GET /api/schools/:schoolId/pupils', shows: [] },
  // Signals (two of them are handled by a confidential entry) and reminders
  { route: 'GET /api/pupils/:pupilId/signals', shows: [] },
  { route: 'GET /api/schools/:schoolId/attention', shows: [] },
  { route: 'GET /api/attention', shows: [] },
  { route: 'GET /api/schools/:schoolId/attention', shows: [], query: 'group=pupil&status=all' },
  { route: 'GET /api/attention', shows: [], query: 'group=pupil&status=all' },
  { route: 'GET /api/schools/:schoolId/reminders', shows: [] },
  { route: 'GET /api/reminders', shows: [] },
  // Audit views (a beheerder reads them; they name entries, never their text)
  { route: 'GET /api/audit', shows: [] },
  { route: 'GET /api/audit', shows: [], query: 'pupilId=:pupilId' },
  { route: 'GET /api/admin/users', shows: [] },
  { route: 'GET /api/admin/grants', shows: [] },
  { route: 'GET /api/admin/organisations', shows: [] },
  // Registers, imports and exports of the school
  { route: 'GET /api/schools/:schoolId/imports', shows: [] },
  { route: 'GET /api/schools/:schoolId/imports/:kind/template.csv', shows: [] },
  { route: 'GET /api/schools/:schoolId/register.csv', shows: [] },
  { route: 'GET /api/schools/:schoolId/register.xlsx', shows: [] },
  // Monitor and self-scan (aggregates, exports in CSV, PDF and DOCX)
  { route: 'GET /api/schools/:schoolId/monitor', shows: [] },
  { route: 'GET /api/schools/:schoolId/monitor/export.csv', shows: [] },
  { route: 'GET /api/schools/:schoolId/monitor/thuiszitters', shows: [] },
  { route: 'GET /api/monitor/thuiszitters', shows: [] },
  { route: 'GET /api/monitor/clbs/:clbId', shows: [] },
  { route: 'GET /api/monitor/clbs/:clbId/export.csv', shows: [] },
  { route: 'GET /api/monitor/regions/:regionId', shows: [] },
  { route: 'GET /api/monitor/regions/:regionId/export.csv', shows: [] },
  { route: 'GET /api/monitor/scopes', shows: [] },
  { route: 'GET /api/schools/:schoolId/selfscans', shows: [] },
  { route: 'GET /api/schools/:schoolId/selfscans/:schoolYear', shows: [] },
  { route: 'GET /api/schools/:schoolId/selfscans/:schoolYear/export.pdf', shows: [] },
  { route: 'GET /api/schools/:schoolId/selfscans/:schoolYear/export.docx', shows: [] },
  // The session and reference data
  { route: 'GET /api/me', shows: [] },
  { route: 'GET /api/schools', shows: [] },
  { route: 'GET /api/absence-codes', shows: [] },
  // Phase-2 routes: facts (counts, dates) and ABSENCE_RISING, never an entry's text
  { route: 'GET /api/pupils/:pupilId/file/phase2', shows: [] },
  // E-mail digest preference and letter templates (issue 19): no pupil content
  { route: 'GET /api/me/notifications', shows: [] },
  { route: 'GET /api/schools/:schoolId/letter-templates', shows: [] },
  // The care meeting (issue 13) on pupil A1: its shared note and its CLB-confidential note ('meeting' markers)
  { route: 'GET /api/schools/:schoolId/care-meetings/proposal', shows: [] },
  { route: 'GET /api/schools/:schoolId/care-meetings', shows: [] },
  { route: 'GET /api/care-meetings/:meetingId', shows: ['meeting'], readers: FILE_MANAGE },
  { route: 'GET /api/care-meetings/:meetingId/minutes.pdf', shows: ['meeting'], readers: FILE_MANAGE },
  // Partial schooling at the school's request and the region report (issue 15)
  { route: 'GET /api/pupils/:pupilId/partial-schooling', shows: [] },
  { route: 'GET /api/monitor/regions/:regionId/report', shows: [] },
  { route: 'GET /api/monitor/regions/:regionId/report.csv', shows: [] },
  { route: 'GET /api/monitor/regions/:regionId/report.pdf', shows: [] },
  { route: 'GET /api/pupils/:pupilId/enrolments/:schoolYear/exclusion-support', shows: [] },
  { route: 'GET /api/monitor/clbs/:clbId/report', shows: [] },
  { route: 'GET /api/monitor/clbs/:clbId/report.csv', shows: [] },
  { route: 'GET /api/monitor/clbs/:clbId/report.pdf', shows: [] },
  // The CLB inbox (CLB signals and referrals; the school sees the status in the pupil file)
  { route: 'GET /api/clbs/:clbId/inbox', shows: [] },
  { route: 'GET /api/pupils/:pupilId/clb-cases', shows: [] },
  // The medical track (issue 14): the CLB doctor's note of a certificate is a clb-arts entry, read through the
  // visibility rule; the world has no certificates, so no marker may show (certificates.int.test.ts tests the note)
  { route: 'GET /api/pupils/:pupilId/certificates', shows: [] },
  { route: 'GET /api/schools/:schoolId/exam-periods', shows: [] },
  { route: 'GET /api/pupils/:pupilId/sick-pupil', shows: [] },
  // The file transfer to the new school's CLB (issue 15): pupil A1 moved to school C, also served by CLB A; the
  // CLB doctor sent every item the CLB part of the file holds. The panel names documents by title; the snapshot
  // holds the current text of entries and documents, the CLB doctor's only for the CLB doctor.
  { route: 'GET /api/pupils/:pupilId/file-transfer', shows: ['document'], readers: CLB },
  { route: 'GET /api/file-transfers/:transferId', shows: ['entry', 'document', 'meeting'], readers: CLB },
  { route: 'GET /api/file-transfers/:transferId/items/:itemId/content', shows: ['document'], readers: CLB },
  { route: 'GET /api/clbs/:clbId/file-transfers/pending', shows: [] },
  // The LOP's view of exclusions (aggregates only, docs/decisions/0037): no note, entry or document text, ever
  { route: 'GET /api/monitor/lops/:lopId/report', shows: [] },
  { route: 'GET /api/monitor/lops/:lopId/report.csv', shows: [] },
  { route: 'GET /api/monitor/lops/:lopId/report.pdf', shows: [] },
];

/** The world's clb-arts note on pupil A1, shared by consent with the zorgcoordinator until 2026-06-30. */
const WORLD_NOTE = 'Medische context A';

interface Marker {
  text: string;
  kind: Kind;
  readers: Role[];
}

describe.each(testEngines())('confidentiality of every route that returns pupil content, on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let world: World;
  let today = '2026-03-01';
  const sessions = new Map<Role, HttpSession>();
  const markers: Marker[] = [{ text: WORLD_NOTE, kind: 'note', readers: ['clb-arts', 'zorgcoordinator'] }];
  const ids = { entry: [] as number[], document: [] as number[], item: [] as number[] };
  let transferId = 0;
  const made = {} as Record<'entry' | 'document' | 'note', Record<Level, number>>;
  let meetingId = 0;

  const call = async (role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: sessions.get(role)?.headers, payload });
    if (method !== 'GET') expect(response.statusCode, `${role} ${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };
  const consent = (role: Role) => ({
    givenBy: 'Moeder',
    purpose: 'Begeleiding op school',
    sharedWithRoles: [role],
    validUntil: '2026-06-30',
  });
  const signalVersion = async (id: number) =>
    (await t.db.query<{ version: number }>('SELECT version FROM signal WHERE id = $1', [id]))[0]?.version as number;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    world = await buildWorld(t.db);
    // A second open signal of pupil A1, so that two entries of different levels can each handle one.
    const [extra] = await t.db.query<{ id: number }>(
      `INSERT INTO signal (school_id, pupil_id, school_year, rule_id, triggered_on, evidence, evidence_key,
                           explanation_nl, explanation_en)
       SELECT school_id, pupil_id, school_year, 'ABSENT_10', triggered_on, evidence, evidence_key || '-a10',
              explanation_nl, explanation_en
       FROM signal WHERE id = $1 RETURNING id::int AS id`,
      [world.signalA1],
    );
    app = await buildServer({ db: t.db, today: () => today, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    for (const role of ROLES) sessions.set(role, await signIn(app, world.users[role].email, WORLD_PASSWORD));
    const pupil = `/api/pupils/${world.pupilA1}`;
    const handles: Partial<Record<Level, number>> = { school: extra?.id as number, 'clb-arts': world.signalA1 };

    for (const level of LEVELS) {
      const author = AUTHOR[level];
      const confidentiality = level === 'clb-arts+consent' ? 'clb-arts' : level;
      // The tag ends in Zz so that no marker is a prefix of another (clb, clb-arts, clb-arts+consent).
      const tag = `${level.replace(/\W/g, '')}Zz`;
      // An entry, written and edited once (both versions carry the marker: the history shows both).
      const entryText = `Qqentry${tag}`;
      const entry = { kind: 'home-visit', occurredOn: '2026-02-02', who: 'Team', confidentiality };
      const signalId = handles[level];
      const handlesSignal = signalId ? { id: signalId, version: await signalVersion(signalId) } : undefined;
      const created = (
        await call(author, 'POST', `${pupil}/file/entries`, { ...entry, what: entryText, handlesSignal })
      ).json();
      await call(author, 'PUT', `/api/file/entries/${created.id}`, {
        ...entry,
        what: `${entryText} bijgewerkt`,
        version: 1,
      });
      // A document: the marker is its title and its content.
      const documentText = `Qqdocument${tag}`;
      const upload = multipart(
        { title: documentText, confidentiality },
        { name: 'verslag.txt', type: 'text/plain', content: Buffer.from(`${documentText} inhoud`) },
      );
      const document = await app.inject({
        method: 'POST',
        url: `${pupil}/file/documents`,
        headers: { ...sessions.get(author)?.headers, 'content-type': upload.contentType },
        payload: upload.payload,
      });
      expect(document.statusCode, document.body).toBe(201);
      // A note.
      const noteText = `Qqnote${tag}`;
      const note = (await call(author, 'POST', `${pupil}/notes`, { confidentiality, body: noteText })).json();
      for (const [kind, id] of [
        ['entry', created.id],
        ['document', document.json().id],
        ['note', note.id],
      ] as const) {
        made[kind] = { ...made[kind], [level]: id };
        if (level === 'clb-arts+consent') {
          const url = {
            entry: `/api/file/entries/${id}`,
            document: `/api/file/documents/${id}`,
            note: `/api/notes/${id}`,
          };
          await call('clb-arts', 'POST', `${url[kind]}/consents`, consent(CONSENT_FOR[kind]));
        }
      }
      ids.entry.push(created.id);
      ids.document.push(document.json().id);
      markers.push(
        { text: entryText, kind: 'entry', readers: READERS(level, 'entry') },
        { text: documentText, kind: 'document', readers: READERS(level, 'document') },
        { text: noteText, kind: 'note', readers: READERS(level, 'note') },
      );
    }

    // The CLB doctor moves an entry from clb-arts to clb: its first version stays the doctor's alone.
    const moved = { kind: 'home-visit', occurredOn: '2026-02-03', who: 'CLB-arts' };
    const first = (
      await call('clb-arts', 'POST', `${pupil}/file/entries`, {
        ...moved,
        what: 'Qqmovedarts',
        confidentiality: 'clb-arts',
      })
    ).json();
    await call('clb-arts', 'PUT', `/api/file/entries/${first.id}`, {
      ...moved,
      what: 'Qqmovedclb',
      confidentiality: 'clb',
      version: 1,
    });
    ids.entry.push(first.id);
    markers.push(
      { text: 'Qqmovedarts', kind: 'entry-past', readers: ['clb-arts'] },
      { text: 'Qqmovedclb', kind: 'entry', readers: CLB },
    );
    // A care meeting on pupil A1 (issue 13): the CLB records a shared note and a CLB-confidential one.
    const meeting = await call('zorgcoordinator', 'POST', `/api/schools/${world.schoolA}/care-meetings`, {
      heldOn: '2026-02-20',
      attendees: [{ name: 'Team', role: 'zorgteam', side: 'school' }],
      pupilIds: [world.pupilA1],
    });
    meetingId = meeting.json().id;
    await call('clb-medewerker', 'POST', `/api/care-meetings/${meetingId}/pupils/${world.pupilA1}/decisions`, {
      note: 'QqmeetingsharedZz',
      clbNote: 'QqmeetingclbZz',
      agreements: [],
    });
    markers.push(
      { text: 'QqmeetingsharedZz', kind: 'meeting', readers: READERS('school+clb', 'entry') },
      { text: 'QqmeetingclbZz', kind: 'meeting', readers: READERS('clb', 'entry') },
    );
    // Pupil A1 moves to school C (same keyed identity, a later enrolment), served by the same CLB; the CLB doctor
    // records the parents' decision (no objection) and sends every item it may choose.
    const schoolC = await createSchool(t.db, SYSTEM_ACTOR, {
      name: 'School C',
      institutionNumber: '333333',
      calendarLevel: 'secundair',
    });
    await linkSchool(t.db, 'clb', world.clb, schoolC);
    const [movedPupil] = await t.db.query<{ id: number }>(
      `INSERT INTO pupil (school_id, external_id, first_name, last_name, birth_date, identity_hash)
       SELECT $1, 'C1', first_name, last_name, birth_date, repeat('c', 64) FROM pupil WHERE id = $2
       RETURNING id::int AS id`,
      [schoolC, world.pupilA1],
    );
    await t.db.query(`UPDATE pupil SET identity_hash = repeat('c', 64) WHERE id = $1`, [world.pupilA1]);
    await t.db.query(
      `INSERT INTO enrolment (pupil_id, school_id, school_year, level, grade, class_name, enrolled_from)
       VALUES ($1, $2, '2025-2026', 'secundair', 1, '1C', '2026-02-23')`,
      [movedPupil?.id, schoolC],
    );
    const decision = (
      await call('clb-arts', 'POST', `${pupil}/file-transfer/decisions`, {
        decidedBy: 'parents',
        informedOn: '2026-02-24',
        decidedOn: '2026-02-25',
        refused: [],
        replaces: null,
      })
    ).json();
    const panel = (await call('clb-arts', 'GET', `${pupil}/file-transfer`)).json();
    const sent = (
      await call('clb-arts', 'POST', `${pupil}/file-transfer/transfers`, {
        toPupilId: movedPupil?.id,
        decisionId: decision.id,
        entryIds: panel.choosable.entries.map((e: { id: number }) => e.id),
        documents: panel.choosable.documents.map((d: { id: number }) => ({ id: d.id })),
      })
    ).json();
    transferId = sent.id;
    expect(sent.counts.map((c: { category: string }) => c.category)).toEqual(['clb-medical', 'guidance']);
    ids.item = (
      await t.db.query<{ id: number }>(
        `SELECT id::int AS id FROM file_transfer_item WHERE transfer_id = $1 AND source = 'document'`,
        [transferId],
      )
    ).map((r) => r.id);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** The URLs of a route: its parameters filled in; one URL per entry or document for :entryId and :documentId. */
  function urlsOf(endpoint: Endpoint): string[] {
    const path = endpoint.route.slice('GET '.length);
    const values: Record<string, string> = {
      schoolId: String(world.schoolA),
      pupilId: String(world.pupilA1),
      meetingId: String(meetingId),
      clbId: String(world.clb),
      regionId: String(world.region),
      lopId: String(world.lop),
      schoolYear: '2025-2026',
      transferId: String(transferId),
    };
    const fill = (url: string) => url.replace(/:(\w+)/g, (whole, name: string) => values[name] ?? whole);
    const url = fill(endpoint.query ? `${path}?${endpoint.query}` : path);
    if (url.includes(':entryId')) return ids.entry.map((id) => url.replace(':entryId', String(id)));
    if (url.includes(':documentId')) return ids.document.map((id) => url.replace(':documentId', String(id)));
    if (url.includes(':itemId')) return ids.item.map((id) => url.replace(':itemId', String(id)));
    return [url];
  }

  async function read(role: Role, url: string): Promise<{ response: LightMyRequestResponse; text: string }> {
    const response = await app.inject({ method: 'GET', url, headers: sessions.get(role)?.headers });
    return { response, text: await responseText(response) };
  }

  const expected = (endpoint: Endpoint, role: Role, marker: Marker) =>
    endpoint.shows.includes(marker.kind) && (endpoint.readers ?? []).includes(role) && marker.readers.includes(role);

  it('names every GET route of the API that needs a session (a new route joins by adding one row)', () => {
    const registered = app.routeTable
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.access !== 'public')
      .map((r) => `${r.method} ${r.url}`);
    const named = new Set(ENDPOINTS.map((e) => e.route));
    expect(registered.filter((route) => !named.has(route))).toEqual([]);
    expect([...named].filter((route) => !registered.includes(route))).toEqual([]);
    // Every content kind is shown by some route, so no marker is checked only for its absence.
    expect(new Set(ENDPOINTS.flatMap((e) => e.shows))).toEqual(
      new Set(['entry', 'entry-past', 'document', 'note', 'meeting']),
    );
  });

  it.each(ENDPOINTS.map((e) => [`${e.route}${e.query ? `?${e.query}` : ''}`, e] as const))(
    '%s: each role reads exactly the content its roles and the levels allow',
    async (_name, endpoint) => {
      const problems: string[] = [];
      for (const role of ROLES) {
        for (const url of urlsOf(endpoint)) {
          const { response, text } = await read(role, url);
          expect(response.statusCode, `${role} ${url}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
          for (const marker of markers) {
            const seen = text.includes(marker.text);
            // Per-item routes (a document's bytes) show only their own item: absence elsewhere is expected.
            if (seen !== expected(endpoint, role, marker) && (seen || !/:(entry|document|item)Id/.test(endpoint.route)))
              problems.push(`${role} ${seen ? 'reads' : 'does not read'} ${marker.text} at ${url}`);
          }
        }
      }
      if (/:(entry|document|item)Id/.test(endpoint.route) && endpoint.shows.length > 0)
        for (const role of ROLES)
          for (const marker of markers.filter((m) => endpoint.shows.includes(m.kind) && expected(endpoint, role, m))) {
            const texts = await Promise.all(urlsOf(endpoint).map(async (url) => (await read(role, url)).text));
            if (!texts.some((text) => text.includes(marker.text)))
              problems.push(`${role} does not read ${marker.text} at any ${endpoint.route}`);
          }
      expect(problems).toEqual([]);
    },
  );

  it('a signal handled by a confidential entry keeps a note without the entry text', async () => {
    const signals = (await read('secretariaat', `/api/pupils/${world.pupilA1}/signals`)).text;
    expect(signals).toContain('vertrouwelijk, zie het dossier');
    expect(signals).not.toContain('Qqentry');
  });

  it('the history of one clb-arts entry is empty for a school role and complete for the CLB doctor', async () => {
    const url = `/api/pupils/${world.pupilA1}/file/history?item=entry&itemId=${made.entry['clb-arts']}`;
    const coordinator = (await read('zorgcoordinator', url)).response.json();
    expect(coordinator).toMatchObject({ items: [], total: 0 });
    const doctor = (await read('clb-arts', url)).response.json();
    expect(doctor.total).toBe(2);
  });

  it('after the consents expire the consented roles no longer read clb-arts content', async () => {
    today = '2026-07-01';
    try {
      for (const [role, url] of [
        ['leerlingbegeleider', `/api/pupils/${world.pupilA1}/file/timeline`],
        ['leerlingbegeleider', `/api/pupils/${world.pupilA1}/file/history`],
        ['zorgcoordinator', `/api/pupils/${world.pupilA1}/file/documents`],
        ['zorgcoordinator', `/api/pupils/${world.pupilA1}/file/export.json`],
        ['zorgcoordinator', `/api/pupils/${world.pupilA1}/notes`],
        ['clb-medewerker', `/api/pupils/${world.pupilA1}/notes`],
      ] as const) {
        const { text } = await read(role, url);
        for (const marker of [
          'QqentryclbartsconsentZz',
          'QqdocumentclbartsconsentZz',
          'QqnoteclbartsconsentZz',
          WORLD_NOTE,
        ])
          expect(text.includes(marker), `${role} ${url} ${marker}`).toBe(false);
      }
    } finally {
      today = '2026-03-01';
    }
  });

  it('a shared entry can be read, not edited, and disappears when the CLB doctor revokes the consent', async () => {
    const entryId = made.entry['clb-arts+consent'];
    const lbg = sessions.get('leerlingbegeleider') as HttpSession;
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/file/entries/${entryId}`,
      headers: lbg.headers,
      payload: { kind: 'other', occurredOn: '2026-02-02', who: 'x', what: 'overschreven', version: 2 },
    });
    expect(edit.statusCode).toBe(404);
    const refused = await app.inject({
      method: 'GET',
      url: `/api/file/entries/${entryId}/consents`,
      headers: lbg.headers,
    });
    expect(refused.statusCode).toBe(403);
    const list = await call('clb-arts', 'GET', `/api/file/entries/${entryId}/consents`);
    const [given] = list.json().items;
    expect(given).toMatchObject({ entryId, noteId: null, sharedWithRoles: ['leerlingbegeleider'] });
    await call('clb-arts', 'POST', `/api/consents/${given.id}/revoke`);
    for (const route of ['timeline', 'history', 'export.json'])
      expect((await read('leerlingbegeleider', `/api/pupils/${world.pupilA1}/file/${route}`)).text).not.toContain(
        'QqentryclbartsconsentZz',
      );
  });

  it('a shared document can be downloaded, not removed, by the role it is shared with; by no other school role', async () => {
    const documentId = made.document['clb-arts+consent'];
    const download = (role: Role) => read(role, `/api/file/documents/${documentId}/content`);
    const coordinator = await download('zorgcoordinator');
    expect(coordinator.response.statusCode).toBe(200);
    expect(coordinator.text).toBe('QqdocumentclbartsconsentZz inhoud');
    expect((await download('leerlingbegeleider')).response.statusCode).toBe(404);
    const remove = await app.inject({
      method: 'POST',
      url: `/api/file/documents/${documentId}/remove`,
      headers: sessions.get('zorgcoordinator')?.headers,
      payload: { version: 1 },
    });
    expect(remove.statusCode).toBe(404);
  });
});
