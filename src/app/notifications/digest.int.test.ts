// The staff e-mail digest end to end: the daily schedule, with the clock at a due date, sends one digest per user
// to a real SMTP server started in the test (smtp-server), with the items that user may see (names and links only,
// nothing confidential), respecting daily / weekly / off; a failing SMTP server is retried and logged, and the job
// never crashes. New CLB-inbox cases reach the CLB's workers.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClbCase } from '../../db/clb-case.repository.ts';
import { writePreference } from '../../db/notification.repository.ts';
import { insertOrganisation, linkSchool } from '../../db/organisation.repository.ts';
import { addMembership, insertUser } from '../../db/user.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { pupilIdsByNumber, schoolWithPupils, tempDir, writeTemp } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../testing/test-database.ts';
import { type Actor, SYSTEM_ACTOR } from '../actor.ts';
import { membershipsOfUser } from '../auth.service.ts';
import { runDailyJob } from '../daily-job.ts';
import { createDailySchedule } from '../daily-schedule.ts';
import { importFile } from '../import/import.service.ts';
import { addAgreement, addEntry } from '../pupil-file/pupil-file.service.ts';
import { clbInboxDigestSource } from './digest.service.ts';
import { createMailer, type Mailer } from './mailer.ts';

const MONDAY = '2026-03-02';
const TUESDAY = '2026-03-03';
const PUBLIC_URL = 'https://aanwezig.test';
const PUPILS_A = `pupil_id,first_name,last_name,birth_date,level,grade,class
2001,Lina,Maes,2012-02-02,secundair,1,1A
2002,Tom,Peeters,2012-03-03,secundair,1,1B
`;
const PUPILS_B = `pupil_id,first_name,last_name,birth_date,level,grade,class
3001,Eva,Wouters,2012-04-04,secundair,1,2A
`;
/** Texts that must never reach an e-mail: agreement text, a CLB-confidential entry, the signal's explanation. */
const SECRETS = ['insuline', 'Diagnose angststoornis', 'paniekaanvallen', 'B-halve dagen', 'ongewettigd'];

interface Received {
  to: string;
  text: string;
}

/** Decodes the quoted-printable text part of a raw message (nodemailer sends text as quoted-printable). */
function textPart(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

/** A local SMTP server; `failFirst` refuses that many messages (451, temporary) before accepting. */
async function smtpPeer(failFirst = 0) {
  const received: Received[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals < failFirst) {
          refusals++;
          const error = Object.assign(new Error('Probeer later opnieuw'), { responseCode: 451 });
          callback(error);
          return;
        }
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        received.push({ to, text: textPart(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    port,
    refusals: () => refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mailerFor = (port: number, retries = 2): Mailer =>
  createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Aanwezig <aanwezig@school.test>',
    publicUrl: PUBLIC_URL,
    retries,
    retryDelayMs: 1,
  });

describe.each(testEngines())('staff e-mail digests on %s', (engine) => {
  let t: TestDatabase;
  let schoolA: number;
  let schoolB: number;
  let lina: number;
  let tom: number;
  const userIds: Record<string, number> = {};
  const errors: string[] = [];
  const log = { info: () => {}, error: (_: Record<string, unknown>, message: string) => void errors.push(message) };
  const dir = tempDir();
  let n = 0;

  const register = (schoolId: number, rows: string[]) =>
    importFile(t.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(dir, `r${++n}.csv`, `pupil_id,date,half,code\n${rows.join('\n')}\n`),
      today: MONDAY,
    });
  const actorOf = async (name: string): Promise<Actor> => ({
    kind: 'user',
    userId: userIds[name] as number,
    label: name,
    memberships: await membershipsOfUser(t.db, userIds[name] as number),
  });
  /** The daily schedule with its clock at 07:00 in Brussels on `day`, mailing through `mailer`. */
  const scheduleOn = (day: string, mailer: Mailer) =>
    createDailySchedule({
      db: t.db,
      time: '02:30',
      timeZone: 'Europe/Brussels',
      now: () => new Date(`${day}T06:00:00Z`),
      log,
      mail: { mailer, publicUrl: PUBLIC_URL },
    });
  const byRecipient = (received: Received[]) => new Map(received.map((m) => [m.to, m.text]));

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    schoolA = await schoolWithPupils(t.db, PUPILS_A, { institutionNumber: '555555' });
    schoolB = await schoolWithPupils(t.db, PUPILS_B, { institutionNumber: '666666' });
    [lina, tom] = (await pupilIdsByNumber(t.db, schoolA)) as [number, number];
    const clb = await insertOrganisation(t.db, 'clb', 'CLB Digest');
    await linkSchool(t.db, 'clb', clb, schoolA);
    const users: [string, number, Role, string[]][] = [
      ['lbg', schoolA, 'leerlingbegeleider', []],
      ['teacher', schoolA, 'leerkracht', ['1A']],
      ['clb', clb, 'clb-medewerker', []],
      ['secretariaat', schoolA, 'secretariaat', []],
      ['other', schoolB, 'zorgcoordinator', []],
    ];
    for (const [name, organisationId, role, classNames] of users) {
      userIds[name] = await insertUser(t.db, {
        email: `${name}@digest.test`,
        displayName: `Demo ${name}`,
        passwordHash: 'not-a-hash',
      });
      await addMembership(t.db, { userId: userIds[name] as number, organisationId, role, classNames });
    }
    // Five B half-days: the legal signal B5_CLB for Lina (school A) and Eva (school B); none for Tom.
    const fiveB = (pupil: string) =>
      ['2025-09-15,AM', '2025-10-02,PM', '2025-11-18,AM', '2025-11-18,PM', '2025-12-01,AM'].map(
        (d) => `${pupil},${d},B`,
      );
    await register(schoolA, fiveB('2001'));
    await register(schoolB, fiveB('3001'));
    const lbg = await actorOf('lbg');
    // Lina: an agreement falling due within the lead days; Tom: an overdue one. Their texts are health information.
    const agreements: [number, string, string][] = [
      [lina, 'Afspraak met de schoolarts over insuline', '2026-03-04'],
      [tom, 'Opvolgen paniekaanvallen', '2026-02-20'],
      [tom, 'Later', '2026-04-20'],
    ];
    for (const [pupilId, what, dueOn] of agreements)
      await addAgreement(t.db, lbg, pupilId, { what, who: 'Demo lbg', dueOn }, MONDAY);
    await addEntry(
      t.db,
      await actorOf('clb'),
      lina,
      {
        kind: 'clb-consultation',
        occurredOn: MONDAY,
        who: 'CLB',
        what: 'Diagnose angststoornis',
        confidentiality: 'clb',
      },
      MONDAY,
    );
    // Preferences: the CLB worker weekly (Monday is the day), the secretariat off, the others the default (daily).
    await writePreference(t.db, userIds.clb as number, 'weekly', 0);
    await writePreference(t.db, userIds.secretariaat as number, 'off', 0);
  });
  afterAll(async () => t?.drop());

  it('sends one digest per user at the due date, with the items each may see and nothing confidential', async () => {
    const peer = await smtpPeer();
    const mailer = mailerFor(peer.port);
    const schedule = scheduleOn(MONDAY, mailer);
    expect(await schedule.tick()).toBe('ran');
    // The day is claimed: a second process (or tick) sends nothing more.
    expect(await schedule.tick()).toBe('claimed');
    mailer.close();
    await peer.close();

    const mails = byRecipient(peer.received);
    expect(peer.received).toHaveLength(4);
    expect([...mails.keys()].sort()).toEqual(
      ['clb@digest.test', 'lbg@digest.test', 'other@digest.test', 'teacher@digest.test'].sort(),
    );
    const lbgMail = mails.get('lbg@digest.test') ?? '';
    expect(lbgMail).toContain('Nieuwe wettelijke signalen (1)');
    expect(lbgMail).toContain(`Lina Maes (1A) · School 555555, sinds 01/12/2025: ${PUBLIC_URL}/pupils/${lina}`);
    expect(lbgMail).toContain('Afspraken over de vervaldatum (1)');
    expect(lbgMail).toContain(
      `Tom Peeters (1B) · School 555555, verviel op 20/02/2026: ${PUBLIC_URL}/pupils/${tom}/file`,
    );
    expect(lbgMail).toContain(
      `Lina Maes (1A) · School 555555, vervalt op 04/03/2026: ${PUBLIC_URL}/pupils/${lina}/file`,
    );
    expect(lbgMail).not.toContain('20/04/2026');
    // The class teacher of 1A: Lina only.
    const teacherMail = mails.get('teacher@digest.test') ?? '';
    expect(teacherMail).toContain('Lina Maes');
    expect(teacherMail).not.toContain('Tom Peeters');
    // The other school's zorgcoördinator: Eva only.
    const otherMail = mails.get('other@digest.test') ?? '';
    expect(otherMail).toContain('Eva Wouters');
    expect(otherMail).not.toMatch(/Lina|Tom/);
    for (const text of mails.values()) for (const secret of SECRETS) expect(text).not.toContain(secret);

    const log_ = await t.db.query<{ recipient: string; itemCount: number; outcome: string; attempts: number }>(
      `SELECT recipient, item_count AS "itemCount", outcome, attempts FROM notification_log ORDER BY recipient`,
    );
    expect(log_).toEqual([
      { recipient: 'clb@digest.test', itemCount: 3, outcome: 'sent', attempts: 1 },
      { recipient: 'lbg@digest.test', itemCount: 3, outcome: 'sent', attempts: 1 },
      { recipient: 'other@digest.test', itemCount: 1, outcome: 'sent', attempts: 1 },
      { recipient: 'teacher@digest.test', itemCount: 2, outcome: 'sent', attempts: 1 },
    ]);
    const audited = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'notification.digest'`,
    );
    expect(audited[0]?.n).toBe(4);
    // Running the job again the same day (e.g. by hand) sends nothing twice.
    const again = await smtpPeer();
    const result = await runDailyJob(t.db, MONDAY, {
      digests: { mailer: mailerFor(again.port), publicUrl: PUBLIC_URL },
    });
    await again.close();
    expect(again.received).toHaveLength(0);
    expect(result.digests).toMatchObject({ sent: 0, skippedAlreadySent: 4 });
  });

  it('the next day: weekly users wait for Monday, signals already mailed are not new, and the CLB inbox’s new cases reach the CLB worker’s mail', async () => {
    expect(clbInboxDigestSource.name).toBe('clb-inbox');
    // The CLB inbox (issue 13): school A signalled Lina to its CLB on Tuesday; the summary never reaches the mail.
    const [entry] = await t.db.query<{ id: number }>(
      `SELECT id::int AS id FROM file_entry WHERE pupil_id = $1 ORDER BY id LIMIT 1`,
      [lina],
    );
    const [clb] = await t.db.query<{ id: number }>(`SELECT id::int AS id FROM organisation WHERE name = 'CLB Digest'`);
    await insertClbCase(t.db, {
      kind: 'signal',
      clbId: clb?.id as number,
      schoolId: schoolA,
      pupilId: lina,
      entryId: entry?.id as number,
      receivedOn: TUESDAY,
      summary: { measures: 'Diagnose angststoornis' },
      by: null,
    });
    await writePreference(t.db, userIds.clb as number, 'daily', 1);
    await writePreference(t.db, userIds.teacher as number, 'weekly', 0);
    const peer = await smtpPeer();
    const result = await runDailyJob(t.db, TUESDAY, {
      digests: {
        mailer: mailerFor(peer.port),
        publicUrl: PUBLIC_URL,
      },
    });
    await peer.close();
    const mails = byRecipient(peer.received);
    expect(mails.get('clb@digest.test')).toContain(
      `Nieuw in de CLB-inbox (1)\n- Lina Maes (1A) · School 555555, ontvangen op 03/03/2026: ${PUBLIC_URL}/clb-inbox`,
    );
    expect(mails.get('lbg@digest.test')).not.toContain('Nieuwe wettelijke signalen');
    expect(mails.get('lbg@digest.test')).toContain('Tom Peeters');
    expect(mails.has('secretariaat@digest.test')).toBe(false);
    expect(mails.has('teacher@digest.test')).toBe(false); // weekly: not on a Tuesday
    // Eva's school has no agreements and her signal was mailed yesterday: nothing to say, so no e-mail.
    expect(mails.has('other@digest.test')).toBe(false);
    expect(result.digests).toMatchObject({ due: 3, sent: 2, empty: 1, failed: 0 });
  });

  it('retries a failing SMTP server, logs what it gave up on, and never crashes the job', async () => {
    // A server that refuses twice, then accepts: delivered on the third attempt.
    const flaky = await smtpPeer(2);
    const WEDNESDAY = '2026-03-04';
    await t.db.query(`UPDATE notification_preference SET frequency = 'off' WHERE user_id = $1`, [userIds.clb]);
    await t.db.query(`DELETE FROM membership WHERE user_id = $1`, [userIds.teacher]);
    const first = await runDailyJob(t.db, WEDNESDAY, {
      digests: { mailer: mailerFor(flaky.port, 3), publicUrl: PUBLIC_URL, log },
    });
    await flaky.close();
    expect(first.digests).toMatchObject({ sent: 1, failed: 0 });
    expect(flaky.refusals()).toBe(2);
    const attempts = await t.db.query<{ attempts: number }>(
      `SELECT attempts FROM notification_log WHERE day = $1 AND outcome = 'sent'`,
      [WEDNESDAY],
    );
    expect(attempts).toEqual([{ attempts: 3 }]);

    // A server that is down: every attempt fails, the job finishes, the failure is logged without content.
    const down = await smtpPeer();
    await down.close();
    const THURSDAY = '2026-03-05';
    const schedule = scheduleOn(THURSDAY, mailerFor(down.port, 2));
    expect(await schedule.tick()).toBe('ran');
    const failed = await t.db.query<{ recipient: string; outcome: string; attempts: number; error: string }>(
      `SELECT recipient, outcome, attempts, error FROM notification_log WHERE day = $1`,
      [THURSDAY],
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ recipient: 'lbg@digest.test', outcome: 'failed', attempts: 3 });
    expect(failed[0]?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(errors).toContain('e-mail digest not delivered');
    const run = await t.db.query<{ outcome: string; summary: { digestsFailed: number } }>(
      `SELECT outcome, summary FROM scheduled_run WHERE day = $1`,
      [THURSDAY],
    );
    expect(run[0]).toMatchObject({ outcome: 'done', summary: { digestsFailed: 1 } });
  });
});
