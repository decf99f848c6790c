// The end-to-end harness: the real Fastify server on a free local port over a fresh, demo-seeded PGlite
// database, a headless Chromium through playwright-core, and helpers to sign in, take screenshots and write
// upload files.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo-seed.ts';
import type { Database } from '../src/db/database.ts';
import { DEMO_REFERENCE_DAY } from '../src/demo/generate-demo.ts';
import { buildServer, type ServerOptions } from '../src/http/server.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.ts';

/** The fixed "today" of every end-to-end run: school year 2025-2026, a Monday. */
export const E2E_TODAY = '2026-03-02';
export const DEMO_EMAIL = 'admin@aanwezig.demo';
export { DEMO_PASSWORD };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WEB_INDEX = fileURLToPath(new URL('../dist/web/index.html', import.meta.url));

export interface Harness {
  /** e.g. http://127.0.0.1:43567 — no trailing slash. */
  baseUrl: string;
  db: Database;
  schoolIds: number[];
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** A private temporary directory for upload files; removed by close(). */
  tempDir: string;
  /** Writes a file into tempDir and returns its path. */
  writeUpload(name: string, content: string): string;
  close(): Promise<void>;
}

/**
 * `serverOptions` adds to the server's options (e.g. single sign-on settings for the OIDC test). Without `today`
 * the demo is the reference demo (2024-2025 and 2025-2026 complete) and the server's today is E2E_TODAY; with
 * `today` both the demo and the server are made for that day (the live demo).
 */
export async function startHarness(
  options: { serverOptions?: Partial<ServerOptions>; today?: string } = {},
): Promise<Harness> {
  if (!existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `npm run build:web` before the e2e tests');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const tempDir = mkdtempSync(join(tmpdir(), 'aanwezig-e2e-'));
  const cleanups: Array<() => Promise<unknown> | unknown> = [() => rmSync(tempDir, { recursive: true, force: true })];
  const close = async () => {
    // Last opened, first closed; keep going when one step fails so nothing is left running.
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('e2e cleanup failed:', error);
      }
    }
    cleanups.length = 0;
  };

  try {
    const database: TestDatabase = await createTestDatabase('pglite');
    cleanups.push(() => database.drop());
    const { schoolIds } = await seedDemo(database.db, 2025, options.today ?? DEMO_REFERENCE_DAY);

    const serverToday = options.today ?? E2E_TODAY;
    const app: FastifyInstance = await buildServer({
      db: database.db,
      today: () => serverToday,
      ...options.serverOptions,
    });
    cleanups.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15_000);
    cleanups.push(() => context.close());
    const page = await context.newPage();

    return {
      baseUrl,
      db: database.db,
      schoolIds,
      browser,
      context,
      page,
      tempDir,
      writeUpload(name, content) {
        const path = join(tempDir, name);
        writeFileSync(path, content);
        return path;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Signs in through the login form and waits for the role's start page: the school overview with its pupils, or a
 * CLB worker's CLB dashboard, or an analist's region dashboard.
 */
export async function login(page: Page, email = DEMO_EMAIL, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/(schools|monitor\/clbs|monitor\/regions)\/\d+$/);
  if (/\/schools\/\d+$/.test(page.url())) await page.getByTestId('pupil-row').first().waitFor();
}

/** Saves a full-page PNG as e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The database id of a demo persona's pupil (institution number + pupil number); -1 when absent. */
export async function personaPupilId(
  h: Harness,
  persona: { institutionNumber: string; pupilId: string },
): Promise<number> {
  const rows = await h.db.query<{ id: number }>(
    `SELECT p.id::int AS id FROM pupil p JOIN organisation o ON o.id = p.school_id
     WHERE o.institution_number = $1 AND p.external_id = $2`,
    [persona.institutionNumber, persona.pupilId],
  );
  return rows[0]?.id ?? -1;
}
