// The self-scan in a real browser: a care coordinator starts this year's scan, scores two goals and plans an
// action for each, exports the PDF (its text holds them), and the comparison chart shows last year's demo scan.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, screenshot, startHarness } from './harness.ts';

const GOALS = [
  {
    id: 'f0-registratie',
    score: '8',
    focus: 'Attesten binnen drie schooldagen opvolgen.',
    action: 'Registratieprotocol herschrijven met het secretariaat',
    who: 'zorgcoördinator',
    due: 'november 2025',
  },
  {
    id: 'f1-b-zorgoverleg',
    score: '6',
    focus: 'Sneller melden aan het CLB.',
    action: 'Tweewekelijks zorgoverleg met het CLB inplannen',
    who: 'CLB-medewerker',
    due: 'december 2025',
  },
];

describe('self-scan end to end', () => {
  let h: Harness;
  const violations: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    h.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('fills in two goals with scores and actions, and the exported PDF contains them', async () => {
    const { page } = h;
    await login(page, 'zorgcoordinator@aanwezig.demo');
    await page.getByTestId('nav-selfscan').click();
    await page.getByTestId('selfscan-start').click();
    await page.getByTestId('selfscan-overview-0').waitFor();

    for (const goal of GOALS) {
      await page.getByTestId(`selfscan-row-${goal.id}`).locator('a').click();
      await page.getByTestId('selfscan-score').selectOption(goal.score);
      await page.getByTestId('selfscan-focus').fill(goal.focus);
      await page.getByTestId('selfscan-save-goal').click();
      await page.getByTestId('selfscan-notice').waitFor();
      await page.getByTestId('selfscan-action-what').fill(goal.action);
      await page.getByTestId('selfscan-action-who').fill(goal.who);
      await page.getByTestId('selfscan-action-due').fill(goal.due);
      await page.getByTestId('selfscan-action-check').fill('evaluatie in juni');
      await page.getByTestId('selfscan-action-add').click();
      await page.getByRole('form', { name: goal.action }).waitFor();
      await page.getByRole('link', { name: /Terug naar de zelfscan/ }).click();
      await page.getByTestId(`selfscan-score-${goal.id}`).getByText(`${goal.score}/10`).waitFor();
    }
    await screenshot(page, '30-selfscan-overview');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('selfscan-export-pdf').click(),
    ]);
    const pdf = await download.path();
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Schaal je school in voor deze doelstelling: 8/10');
    expect(text).toContain('Schaal je school in voor deze doelstelling: 6/10');
    for (const goal of GOALS) {
      expect(text).toContain(goal.focus);
      expect(text).toContain(goal.action);
      expect(text).toContain(goal.due);
    }
    expect(text).toContain('Overzicht doelstellingen per fase');
    expect(violations).toEqual([]);
  });

  it("compares this year's scores with the earlier year's scan from the demo data", async () => {
    const { page } = h;
    const chart = page.getByTestId('selfscan-chart-goals');
    await chart.waitFor();
    expect(await chart.getAttribute('data-series')).toBe('2024-2025,2025-2026');
    const table = page.getByTestId('selfscan-chart-goals-table');
    const header = await table.locator('thead').textContent();
    expect(header).toContain('2024-2025');
    expect(header).toContain('2025-2026');
    // Registration (0.4): 5 last year (demo), 8 now.
    const registration = await table.locator('tbody tr').nth(3).locator('td').allTextContents();
    expect(registration).toEqual(['5', '8']);
    // The canvas was drawn: ECharts put pixels on it.
    const drawn = await chart
      .locator('canvas')
      .first()
      .evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL().length);
    expect(drawn).toBeGreaterThan(5000);
    await chart.locator('summary').click();
    await screenshot(page, '31-selfscan-comparison');
    expect(violations).toEqual([]);
  });

  it('saves an answer while typing, shows "bewaard", and asks before leaving with an unsaved answer', async () => {
    const { page } = h;
    const goal = GOALS[0] as (typeof GOALS)[number];
    await page.goto('/');
    await page.getByTestId('nav-selfscan').click();
    await page.getByTestId(`selfscan-row-${goal.id}`).locator('a').click();
    const field = page.locator('textarea[data-testid^="selfscan-answer-"]').first();
    const questionId = ((await field.getAttribute('data-testid')) ?? '').replace('selfscan-answer-', '');
    const state = page.getByTestId(`selfscan-answer-state-${questionId}`);

    // Typing saves by itself after a pause: no button, and the state reads "Bewaard".
    await field.fill('We bespreken elk trimester de cijfers in de cel leerlingenbegeleiding.');
    await expect.poll(() => state.getAttribute('data-state')).toBe('saved');
    expect(await state.textContent()).toBe('Bewaard');
    await page.reload();
    await expect
      .poll(() => page.getByTestId(`selfscan-answer-${questionId}`).inputValue())
      .toBe('We bespreken elk trimester de cijfers in de cel leerlingenbegeleiding.');

    // While an answer is not saved yet, leaving asks first: the browser's beforeunload and the in-app link.
    // The save is held back until the checks are done, so the answer is certainly not saved yet.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/answers/**', async (route) => {
      await held;
      await route.continue();
    });
    const typed = page.getByTestId(`selfscan-answer-${questionId}`);
    await typed.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' En met de ouderraad.', { delay: 0 });
    expect(['unsaved', 'saving']).toContain(await state.getAttribute('data-state'));
    const prevented = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(prevented).toBe(true);
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate(() => {
      const link = [...document.querySelectorAll('main a')].find((a) =>
        /Terug naar de zelfscan/.test(a.textContent ?? ''),
      );
      (link as HTMLAnchorElement).click();
    });
    expect(dialogs).toEqual(['Een antwoord is nog niet bewaard. Wil je de pagina toch verlaten?']);
    expect(page.url()).toContain(`/goals/${goal.id}`);
    // Once saved, leaving no longer asks.
    release();
    await expect.poll(() => state.getAttribute('data-state')).toBe('saved');
    await page.getByRole('link', { name: /Terug naar de zelfscan/ }).click();
    await page.getByTestId(`selfscan-row-${goal.id}`).waitFor();
    await page.getByTestId(`selfscan-row-${goal.id}`).locator('a').click();
    await expect
      .poll(() => page.getByTestId(`selfscan-answer-${questionId}`).inputValue())
      .toBe('We bespreken elk trimester de cijfers in de cel leerlingenbegeleiding. En met de ouderraad.');
  });
});
