// Every demo role on today's date, in Chromium: the live demo seeded for today, each role lands on its own start
// page with data of the current school year, every menu item opens without a refusal, and axe-core finds no
// WCAG 2.1 A/AA violation on any page reached. The school-year choice survives a reload and travels in links.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousSchoolYear, schoolYearOf } from '../src/domain/school-year.ts';
import { axeViolations } from './axe.ts';
import { DEMO_PASSWORD, type Harness, screenshot, startHarness } from './harness.ts';

const TODAY = new Date().toISOString().slice(0, 10);
const CURRENT = schoolYearOf(TODAY);
const PREVIOUS = previousSchoolYear(CURRENT).id;

type Landing = 'overview' | 'clb' | 'region';
const ROLES: { email: string; landing: Landing }[] = [
  { email: 'admin@aanwezig.demo', landing: 'overview' },
  { email: 'secretariaat@aanwezig.demo', landing: 'overview' },
  { email: 'leerlingbegeleider@aanwezig.demo', landing: 'overview' },
  { email: 'zorgcoordinator@aanwezig.demo', landing: 'overview' },
  { email: 'directie@aanwezig.demo', landing: 'overview' },
  { email: 'lbg@aanwezig.demo', landing: 'overview' },
  { email: 'leerkracht@aanwezig.demo', landing: 'overview' },
  { email: 'clb@aanwezig.demo', landing: 'clb' },
  { email: 'clb-arts@aanwezig.demo', landing: 'clb' },
  { email: 'analist@aanwezig.demo', landing: 'region' },
];
const LANDING_URL: Record<Landing, RegExp> = {
  overview: /\/schools\/\d+$/,
  clb: /\/monitor\/clbs\/\d+$/,
  region: /\/monitor\/regions\/\d+$/,
};

/** Waits until the page has its main content: no request in flight and no "loading" status left. */
async function settled(page: Page): Promise<void> {
  await page.locator('main#main').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('main p.status') === null);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** The refusal or error shown on the page, if any. */
async function refusal(page: Page): Promise<string | null> {
  const alert = page.locator('main [role="alert"], main .alert--error');
  if ((await alert.count()) > 0) return (await alert.first().textContent()) ?? 'error';
  const text = (await page.locator('main').textContent()) ?? '';
  return /geen toegang/i.test(text) ? text.slice(0, 200) : null;
}

/** Whether a dashboard's tables hold at least one non-zero figure. */
const dashboardHasFigures = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main table tbody tr')].some((row) =>
      [...row.querySelectorAll('td')].some((cell) => /^[1-9]/.test(cell.textContent?.trim() ?? '')),
    ),
  );

describe(`every demo role on today's date (${TODAY}, school year ${CURRENT.id})`, () => {
  let h: Harness;
  const axeFindings: string[] = [];
  let pagesChecked = 0;
  const cspViolations: string[] = [];
  const newContext = async (): Promise<BrowserContext> => {
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(20_000);
    return context;
  };

  beforeAll(async () => {
    // Eleven sign-ins from one address within a minute: above the production limit of 10 per address and minute
    // (tested in src/http/security.int.test.ts), so this run allows more.
    h = await startHarness({ today: TODAY, serverOptions: { loginRateLimit: { max: 100, timeWindow: 60_000 } } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(ROLES)(
    '$email lands on its start page with this year, and every menu item opens',
    async ({ email, landing }) => {
      const context = await newContext();
      try {
        const page = await context.newPage();
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${email}: ${message.text()}`);
        });
        await signIn(page, email);
        await page.waitForURL(LANDING_URL[landing]);
        await settled(page);
        expect(await refusal(page)).toBeNull();
        expect(await page.getByTestId('school-year-select').inputValue()).toBe(CURRENT.id);
        if (landing === 'overview') {
          expect(await page.getByTestId('pupil-row').count()).toBeGreaterThan(0);
        } else {
          await page.getByTestId(`monitor-${landing}`).waitFor();
          expect(await page.locator('main .monitor-meta').textContent()).toContain(`Schooljaar ${CURRENT.id}`);
          expect(await dashboardHasFigures(page)).toBe(true);
        }
        const role = email.split('@')[0] as string;
        await screenshot(page, `50-start-${role}`);
        for (const finding of await axeViolations(page)) axeFindings.push(`${email} ${page.url()}: ${finding}`);
        pagesChecked++;

        const menu = page.locator('nav.app-nav a');
        const items = await menu.evaluateAll((links) =>
          links.map((link) => ({ testId: link.getAttribute('data-testid') ?? '', href: link.getAttribute('href') })),
        );
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
          await page.getByTestId(item.testId).click();
          await page.waitForURL((url) => url.pathname === item.href);
          await settled(page);
          expect(await refusal(page), `${email} ${item.href}`).toBeNull();
          expect(await page.getByTestId('school-year-select').inputValue()).toBe(CURRENT.id);
          for (const finding of await axeViolations(page)) axeFindings.push(`${email} ${item.href}: ${finding}`);
          pagesChecked++;
        }
      } finally {
        await context.close();
      }
    },
  );

  it('keeps the chosen school year over a reload, on the CLB pages, and in links', async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await signIn(page, 'clb@aanwezig.demo');
      await page.waitForURL(LANDING_URL.clb);
      await settled(page);
      const dashboardPath = new URL(page.url()).pathname;
      const meta = page.locator('main .monitor-meta');

      await page.getByTestId('school-year-select').selectOption(PREVIOUS);
      await page.waitForURL((url) => url.searchParams.get('year') === PREVIOUS);
      await expect.poll(() => meta.textContent()).toContain(`Schooljaar ${PREVIOUS}`);

      await page.reload();
      await settled(page);
      expect(await page.getByTestId('school-year-select').inputValue()).toBe(PREVIOUS);
      expect(await meta.textContent()).toContain(`Schooljaar ${PREVIOUS}`);

      // "Thuiszitters van al mijn scholen" opened without a year in its address agrees with the header.
      await page.goto('/monitor/thuiszitters');
      await page.getByTestId('monitor-thuiszitters').waitFor();
      await settled(page);
      expect(await page.getByTestId('school-year-select').inputValue()).toBe(PREVIOUS);
      expect(await page.locator('main').textContent()).toContain(PREVIOUS);
      expect(await page.locator('main').textContent()).not.toContain(CURRENT.id);

      // A link that names the year opens that year, and the header follows it.
      await page.goto(`${dashboardPath}?year=${CURRENT.id}`);
      await settled(page);
      expect(await meta.textContent()).toContain(`Schooljaar ${CURRENT.id}`);
      expect(await page.getByTestId('school-year-select').inputValue()).toBe(CURRENT.id);

      // A new session opens on the current school year again.
      await page.getByTestId('school-year-select').selectOption(PREVIOUS);
      await page.getByTestId('logout').click();
      await signIn(page, 'clb@aanwezig.demo');
      await page.waitForURL(LANDING_URL.clb);
      await settled(page);
      expect(await page.getByTestId('school-year-select').inputValue()).toBe(CURRENT.id);
    } finally {
      await context.close();
    }
  });

  it('found no accessibility violation and no CSP violation on any page reached', () => {
    expect(pagesChecked).toBeGreaterThanOrEqual(ROLES.length * 3); // the role tests above ran to the end
    expect(cspViolations).toEqual([]);
    expect(axeFindings).toEqual([]);
  });
});
