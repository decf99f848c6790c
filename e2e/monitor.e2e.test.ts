// The monitor in a real browser on the demo data: the school dashboard, thuiszitters, CLB and region dashboards
// render under the strict CSP, each passes an axe-core accessibility check, and the region's CSV export shows
// no count between 1 and 4. Screenshots in e2e/screenshots/3x-monitor-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressionLeaks } from '../src/testing/monitor-leaks.ts';
import { axeViolations } from './axe.ts';
import { DEMO_PASSWORD, type Harness, screenshot, startHarness } from './harness.ts';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-monitor').waitFor();
}

describe('monitor end to end', () => {
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

  it('shows the school dashboard with charts, tables and the previous year, accessibly', async () => {
    const { page } = h;
    await signIn(page, 'admin@aanwezig.demo');
    await page.getByTestId('nav-monitor').click();
    await page.getByTestId('monitor-hub').waitFor();
    await page.goto(`/schools/${h.schoolIds[1]}/monitor`);
    await page.getByTestId('monitor-school').waitFor();
    await page.getByTestId('chart-week').waitFor();
    for (const id of ['chart-month', 'chart-weekday', 'chart-class', 'chart-grade', 'chart-thresholds', 'table-week'])
      await page.getByTestId(id).waitFor();
    // Charts are ECharts SVG images with real content, and the week table has rows of demo data.
    const chart = await page.getByTestId('chart-week').getAttribute('src');
    expect(chart).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent(chart ?? '')).toContain('<path');
    expect(await page.getByTestId('table-week').locator('tbody tr').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('monitor-overdue').textContent()).toMatch(
      /^\d+ over tijd van \d+ lopende afspraken$/,
    );
    await screenshot(page, '30-monitor-school');
    expect(await axeViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('lists the thuiszitters of a school with days at home and "onbekend" for what the pupil file will tell', async () => {
    const { page } = h;
    await page.goto(`/schools/${h.schoolIds[1]}/thuiszitters`);
    await page.getByTestId('monitor-thuiszitters').waitFor();
    const table = page.getByTestId('table-thuiszitters');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.textContent()).toContain('onbekend');
    await screenshot(page, '31-monitor-thuiszitters');
    expect(await axeViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('shows the CLB dashboard across its schools with small cells suppressed', async () => {
    const { page } = h;
    await page.getByTestId('logout').click();
    await signIn(page, 'clb@aanwezig.demo');
    await page.goto('/monitor');
    await page
      .getByTestId('monitor-hub')
      .getByRole('link', { name: /CLB-dashboard/ })
      .click();
    await page.getByTestId('monitor-clb').waitFor();
    await page.getByTestId('monitor-suppressed').waitFor();
    await page.getByTestId('chart-week').waitFor();
    await screenshot(page, '32-monitor-clb');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/monitor/thuiszitters');
    await page.getByTestId('monitor-thuiszitters').waitFor();
    await screenshot(page, '33-monitor-clb-thuiszitters');
    expect(await axeViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('shows the region dashboard to an analyst: aggregates only, and the CSV export has no count from 1 to 4', async () => {
    const { page } = h;
    await page.getByTestId('logout').click();
    await signIn(page, 'analist@aanwezig.demo');
    await page.goto('/monitor');
    await page
      .getByTestId('monitor-hub')
      .getByRole('link', { name: /Regiodashboard/ })
      .click();
    await page.getByTestId('monitor-region').waitFor();
    await page.getByTestId('chart-thresholds').waitFor();
    await screenshot(page, '34-monitor-region');
    expect(await axeViolations(page)).toEqual([]);
    const exportUrl = await page.getByTestId('monitor-export').getAttribute('href');
    const json = await page.request.get(exportUrl?.replace('/export.csv', '') ?? '');
    const csv = await page.request.get(exportUrl ?? '');
    expect(csv.status()).toBe(200);
    expect(suppressionLeaks((await json.json()).dashboard, (await csv.text()).replace(/^\uFEFF/, ''))).toEqual([]);
    // An analyst reaches no pupil: the thuiszitters list is refused.
    expect((await page.request.get('/api/monitor/thuiszitters')).status()).toBe(403);
    expect(violations).toEqual([]);
  });
});
