// The file transfer to the new school's CLB in a real browser (issue 15): a demo pupil turns up at another school
// (same keyed identity, a later enrolment) served by another CLB. The demo CLB worker records that the parents were
// informed and did not object, chooses the file's items (the sanctioning measure cannot be chosen) and sends; the
// new CLB's worker finds the transfer in its CLB inbox as "aandachtspunt: opvolging vereist" and reads the
// read-only snapshot with its provenance, without the sanction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { hashPassword } from '../src/app/auth.service.ts';
import { createSchool } from '../src/app/school.service.ts';
import { insertOrganisation, linkSchool } from '../src/db/organisation.repository.ts';
import { insertEntry } from '../src/db/pupil-file.repository.ts';
import { addMembership, insertUser } from '../src/db/user.repository.ts';
import { axeViolations } from './axe.ts';
import { DEMO_PASSWORD, type Harness, login, screenshot, startHarness } from './harness.ts';

const OLD_CLB = 'clb@aanwezig.demo';
const NEW_CLB = 'clb-nieuw@aanwezig.demo';

describe('the file transfer to the new school’s CLB end to end', () => {
  let h: Harness;
  let oldPupil: number;
  let guidanceEntry: number;
  let sanctionEntry: number;

  beforeAll(async () => {
    h = await startHarness();
    const [row] = await h.db.query<{ id: number }>(
      `SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY external_id LIMIT 1`,
      [h.schoolIds[1]],
    );
    oldPupil = row?.id as number;
    // The pupil enrols at a new school on 23/02/2026 (same identity), served by another CLB with its own worker.
    const newSchool = await createSchool(h.db, SYSTEM_ACTOR, {
      name: 'Atheneum Nieuwe Start',
      institutionNumber: '919191',
      calendarLevel: 'secundair',
    });
    const newClb = await insertOrganisation(h.db, 'clb', 'CLB Nieuwe Start');
    await linkSchool(h.db, 'clb', newClb, newSchool);
    const userId = await insertUser(h.db, {
      email: NEW_CLB,
      displayName: 'Nele (CLB Nieuwe Start)',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await addMembership(h.db, { userId, organisationId: newClb, role: 'clb-medewerker', classNames: [] });
    await h.db.query(`UPDATE pupil SET identity_hash = repeat('e', 64) WHERE id = $1`, [oldPupil]);
    const [moved] = await h.db.query<{ id: number }>(
      `INSERT INTO pupil (school_id, external_id, first_name, last_name, birth_date, identity_hash)
       SELECT $1, 'NS-001', first_name, last_name, birth_date, identity_hash FROM pupil WHERE id = $2
       RETURNING id::int AS id`,
      [newSchool, oldPupil],
    );
    await h.db.query(
      `INSERT INTO enrolment (pupil_id, school_id, school_year, level, grade, class_name, enrolled_from)
       VALUES ($1, $2, '2025-2026', 'secundair', 2, '2NS', '2026-02-23')`,
      [moved?.id, newSchool],
    );
    const entry = (kind: string, confidentiality: 'school+clb' | 'clb', what: string) =>
      insertEntry(h.db, {
        pupilId: oldPupil,
        schoolId: h.schoolIds[1] as number,
        kind,
        occurredOn: '2026-02-10',
        who: 'CLB-medewerker',
        what,
        effect: null,
        confidentiality,
        authorId: null,
        authorRole: 'clb-medewerker',
      });
    guidanceEntry = await entry('home-visit', 'clb', 'Huisbezoek: moeder vraagt steun bij de ochtendroutine');
    sanctionEntry = await entry('sanctioning-measure', 'school+clb', 'Strafstudie na spijbelen');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the old CLB records the parents’ decision and transfers the file; the sanction cannot be chosen', async () => {
    const { page } = h;
    await login(page, OLD_CLB);
    await page.goto(`/pupils/${oldPupil}/file`);
    const panel = page.getByTestId('file-transfer');
    await panel.waitFor();
    expect(await panel.getByTestId('transfer-new-schools').textContent()).toContain('Atheneum Nieuwe Start');
    await panel.getByTestId('transfer-informed-on').fill('2026-02-24');
    await panel.getByTestId('transfer-decided-on').fill('2026-02-26');
    await panel.getByTestId('transfer-record-decision').click();
    const current = panel.getByTestId('transfer-decision-current');
    await expect.poll(() => current.textContent()).toContain('geen bezwaar');
    expect(await panel.getByTestId(`transfer-entry-${sanctionEntry}`).isDisabled()).toBe(true);
    await panel.getByTestId(`transfer-entry-${guidanceEntry}`).check();
    await panel.getByTestId('transfer-handover-note').fill('Graag snel contact met moeder; ochtenden zijn moeilijk.');
    await panel.getByTestId('transfer-send').click();
    const sent = panel.getByTestId('transfer-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toContain('CLB Nieuwe Start');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'file-transfer-01-sent');
  });

  it('the new CLB finds it in its inbox as an attention point and reads the snapshot', async () => {
    const { page } = h;
    await h.context.clearCookies();
    await login(page, NEW_CLB);
    await page.goto('/clb-inbox');
    const item = page.getByTestId('inbox-item-NS-001');
    await item.waitFor();
    expect(await item.textContent()).toContain('aandachtspunt: opvolging vereist');
    expect(await item.getByTestId('inbox-item-status').textContent()).toBe('Ontvangen');
    await item.getByTestId('inbox-open-transfer').click();
    await page.waitForURL(/\/file-transfers\/\d+$/);
    const snapshot = page.getByTestId('file-transfer-page');
    await snapshot.getByTestId('transfer-items').waitFor();
    const text = (await snapshot.textContent()) ?? '';
    expect(text).toContain('Aandachtspunt: opvolging vereist');
    expect(text).toContain('Huisbezoek: moeder vraagt steun bij de ochtendroutine');
    expect(text).toContain('Graag snel contact met moeder');
    expect(text).not.toContain('Strafstudie');
    expect(await snapshot.getByTestId('transfer-page-decision').textContent()).toContain('De ouders');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'file-transfer-02-received');
  });
});
