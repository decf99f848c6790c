// The LOP's view of exclusions in a real browser (issue 15, docs/decisions/0037): the demo LOP's staff member signs
// in, lands on the LOP's exclusions view (its only menu entry) and reads the secondary school's figures — counts
// only, a school's count shown from 5 on, no pupil's name anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { DEMO_PASSWORD, E2E_TODAY, type Harness, screenshot, startHarness } from './harness.ts';

describe("the LOP's view of exclusions end to end", () => {
  let h: Harness;
  let secondary: number;
  let excludedNames: string[];

  beforeAll(async () => {
    h = await startHarness();
    secondary = h.schoolIds[1] as number;
    // Five more definitive exclusions at the secondary school (the demo has one): six, so the school's count shows.
    const rows = await h.db.query<{ id: number; name: string }>(
      `SELECT p.id::int AS id, p.last_name AS name FROM pupil p JOIN enrolment e ON e.pupil_id = p.id
       WHERE p.school_id = $1 AND e.school_year = '2025-2026' AND e.excluded_on IS NULL
       ORDER BY p.external_id LIMIT 5`,
      [secondary],
    );
    await h.db.query(
      `UPDATE enrolment SET excluded_on = '2026-01-12', exclusion_search_help = true
       WHERE school_year = '2025-2026' AND pupil_id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
    excludedNames = rows.map((r) => r.name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lands the LOP's staff on the exclusions view with the school's figures", async () => {
    const { page } = h;
    await page.goto('/login');
    await page.getByTestId('login-email').fill('lop@aanwezig.demo');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/monitor\/lops\/\d+$/);
    expect(await page.locator('header nav a[data-testid^="nav-"]').count()).toBe(1);
    expect(await page.getByTestId('nav-lop').textContent()).toBe('Uitsluitingen');
    await page.getByTestId('report-as-of').fill(E2E_TODAY);
    const perSchool = page.getByTestId('report-per-school');
    await perSchool.waitFor();
    expect(await page.locator('h1').textContent()).toBe('Uitsluitingen in het LOP: LOP Secundair Demostad');
    const cell = (id: string) => page.locator(`[data-figure="${id}"] td`).textContent();
    await page.locator(`[data-figure="school.${secondary}.exclusions"]`).waitFor();
    expect(await cell(`school.${secondary}.exclusions`)).toBe('6');
    expect(await cell('exclusion.total')).toBe('6');
    expect(await cell(`school.${secondary}.search-help`)).toBe('5');
    // One pupil with a new school or none: every count from 1 to 4 is shown as <5.
    expect(await cell(`school.${secondary}.taken-in`)).toBe('0');
    // The primary demo school is not the LOP's, and a LOP secundair has no primary figures.
    expect(await page.locator(`[data-figure="school.${h.schoolIds[0]}.exclusions"]`).count()).toBe(0);
    expect(await page.locator('[data-figure="exclusion.lager"]').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const name of excludedNames) expect(text).not.toContain(name);
    await screenshot(page, '70-lop-exclusions');
    expect(await axeViolations(page)).toEqual([]);
  });
});
