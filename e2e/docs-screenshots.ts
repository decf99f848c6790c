// `npm run docs:screenshots`: regenerates the screenshots in docs/screenshots/ of the attention list, a pupil page
// and a pupil file. A real server over a fresh PGlite folder (a temporary directory, removed afterwards) with the
// reference demo, and Chromium through playwright-core; the same fixed "today" as the e2e tests, so the pictures
// only change when the screens do.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo-seed.ts';
import { openPglite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { DEMO_REFERENCE_DAY, generateDemo } from '../src/demo/generate-demo.ts';
import { buildServer } from '../src/http/server.ts';
import { E2E_TODAY } from './harness.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function settle(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('main p.status') === null);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'aanwezig-screenshots-'));
  const db = await openPglite(dataDir);
  try {
    await migrate(db);
    const { schoolIds } = await seedDemo(db, 2025, DEMO_REFERENCE_DAY);
    const secondary = schoolIds[1] as number;
    const [truant] = await db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [secondary, generateDemo().personas.truant.pupilId],
    );
    const app = await buildServer({ db, today: () => E2E_TODAY });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}`,
        locale: 'nl-BE',
        timezoneId: 'Europe/Brussels',
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByTestId('login-email').fill('lbg@aanwezig.demo');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/schools\/\d+$/);
      // The attention list is long: its first screen is what a user sees; the pupil's pages in full.
      const shots: [string, string, string, boolean][] = [
        ['attention-list', `/schools/${secondary}/attention`, 'attention-row', false],
        ['pupil-page', `/pupils/${truant?.id}`, 'pupil-signals', true],
        ['pupil-file', `/pupils/${truant?.id}/file`, 'timeline-item', true],
      ];
      for (const [name, path, testId, fullPage] of shots) {
        await page.goto(path);
        await settle(page, testId);
        const file = join(OUT, `${name}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(`wrote ${file}`);
      }
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
