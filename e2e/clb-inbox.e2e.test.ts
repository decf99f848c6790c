// The CLB loop in a real browser: a pupil counsellor signals a pupil with 5+ B half-days to the CLB (the form is
// pre-filled from the register and the file); the CLB worker finds it in the CLB inbox (menu item for CLB roles),
// starts a plan van aanpak and closes it with an outcome; the school sees the status in the pupil file; a new B
// half-day imported after the closing prompts the school to signal again, with the CLB-signal form offered anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/app/actor.ts';
import { importFile } from '../src/app/import/import.service.ts';
import { tempDir, writeTemp } from '../src/testing/fixtures.ts';
import { axeViolations } from './axe.ts';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

const LBG = 'lbg@aanwezig.demo';
const CLB = 'clb@aanwezig.demo';

describe('the CLB inbox end to end', () => {
  let h: Harness;
  let schoolId: number;
  let pupil: { id: number; externalId: string };

  beforeAll(async () => {
    h = await startHarness();
    schoolId = h.schoolIds[1] as number; // the pupil counsellor's secondary school
    // A pupil with an open B5_CLB signal and no B half-day on 27/02/2026 (the one the import will add).
    const [row] = await h.db.query<{ id: number; externalId: string }>(
      `SELECT p.id::int AS id, p.external_id AS "externalId" FROM signal s JOIN pupil p ON p.id = s.pupil_id
       WHERE s.school_id = $1 AND s.rule_id = 'B5_CLB' AND s.holds AND s.status <> 'handled'
         AND NOT EXISTS (SELECT 1 FROM register_entry r WHERE r.pupil_id = p.id AND r.date = '2026-02-27' AND r.half = 'AM')
       ORDER BY p.external_id LIMIT 1`,
      [schoolId],
    );
    if (!row) throw new Error('the demo has no pupil with an open B5_CLB signal');
    pupil = row;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the school signals the pupil to the CLB with the pre-filled form', async () => {
    const { page } = h;
    expect(E2E_TODAY).toBe('2026-03-02');
    await login(page, LBG);
    await page.goto(`/pupils/${pupil.id}/file`);
    await page.getByTestId('clb-signal-open').click();
    await page.getByTestId('clb-signal-form').waitFor();
    // Pre-filled from what the app knows: the B half-days with their dates and the counts per code.
    const count = await page.getByTestId('clb-field-absenceCount').inputValue();
    expect(count).toMatch(/^\d+ halve dagen B dit schooljaar \(\d\d\/\d\d\/2025/);
    expect(count).toContain('Per code:');
    const fill = async (id: string, text: string) => {
      const field = page.getByTestId(`clb-field-${id}`);
      if (!(await field.inputValue()).trim()) await field.fill(text);
    };
    await fill('absenceReasons', 'Onduidelijk; ouders spreken van hoofdpijn');
    await fill('actionsTaken', 'Gesprek met de leerling en de ouders');
    await fill('whatWorks', 'Vaste contactpersoon op school');
    await fill('whatDoesNotWork', 'Brieven naar huis');
    await fill('underlyingProblems', 'Mogelijk pesten');
    await fill('truancyProfile', 'Occasionele spijbelaar');
    await page.getByTestId('clb-no-conversation').fill('Gesprek gepland, leerling was afwezig');
    await page.getByTestId('clb-signal-submit').click();
    await page.getByTestId('clb-signal-form').waitFor({ state: 'detached' });
    const status = page.getByTestId('clb-case-status').first();
    await expect.poll(() => status.textContent()).toBe('Ontvangen');
    await screenshot(page, 'clb-inbox-01-signalled');
  });

  it('the CLB worker sees it in the inbox, starts a plan van aanpak and closes it', async () => {
    const { page } = h;
    await h.context.clearCookies();
    await login(page, CLB);
    await page.getByRole('link', { name: 'CLB-inbox' }).click();
    await page.waitForURL(/\/clb-inbox$/);
    const item = page.getByTestId(`inbox-item-${pupil.externalId}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Gesprek met de leerling en de ouders');
    expect(await item.textContent()).toContain('02/03/2026');
    expect(await item.getByTestId('inbox-item-status').textContent()).toBe('Ontvangen');
    // The demo's own signals are there too (one already in behandeling).
    expect(await page.locator('li.inbox-item').count()).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);

    await item.getByTestId('inbox-plan').fill('Huisbezoek door de CLB-medewerker en overleg met de school');
    await item.getByTestId('inbox-start').click();
    await expect.poll(() => item.getByTestId('inbox-item-status').textContent()).toBe('In behandeling');
    await item.getByTestId('inbox-outcome').selectOption('no-further-request');
    await item.getByTestId('inbox-close').click();
    await expect.poll(() => item.getByTestId('inbox-item-status').textContent()).toBe('Afgesloten');
    await screenshot(page, 'clb-inbox-02-closed');
  });

  it('a new B half-day imported after the closing prompts the school to signal again', async () => {
    const { page } = h;
    await h.context.clearCookies();
    await login(page, LBG);
    await page.goto(`/pupils/${pupil.id}/file`);
    await expect.poll(() => page.getByTestId('clb-case-status').first().textContent()).toBe('Afgesloten');
    expect(await page.getByTestId('clb-resignal').count()).toBe(0);
    expect(await page.getByTestId('clb-signal-open').count()).toBe(0);

    await importFile(h.db, SYSTEM_ACTOR, {
      schoolId,
      kind: 'register',
      path: writeTemp(tempDir(), 'nieuw.csv', `pupil_id,date,half,code\n${pupil.externalId},2026-02-27,AM,B\n`),
      today: E2E_TODAY,
    });
    await page.reload();
    const prompt = page.getByTestId('clb-resignal');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('Opnieuw signaleren aan het CLB');
    expect(await prompt.textContent()).toContain('1 nieuwe halve dag(en) B');
    await page.getByTestId('clb-signal-open').waitFor();
    await screenshot(page, 'clb-inbox-03-signal-again');
  });
});
