// Accounts in a real browser: the app runs under the strict CSP without violations, a beheerder reaches the
// user and audit pages, and a class teacher sees only the pupils of its class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, screenshot, startHarness } from './harness.ts';

describe('accounts end to end', () => {
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

  it('loads the app under the strict CSP and shows the audit of the pupil pages read', async () => {
    const { page } = h;
    await login(page);
    await page.getByTestId('pupil-row').first().locator('a').first().click();
    await page.waitForURL(/\/pupils\/\d+/);
    await page.goto('/admin/audit');
    await page.getByTestId('audit-table').waitFor();
    // The action by its Dutch label (src/domain/labels.ts), not its id.
    expect(await page.getByTestId('audit-table').textContent()).toContain('Leerling bekeken');
    await screenshot(page, '20-audit-log');
    await page.goto('/admin/users');
    await page.getByTestId('admin-users').waitFor();
    await screenshot(page, '21-admin-users');
    expect(violations).toEqual([]);
  });

  it('shows a class teacher only the pupils of its class', async () => {
    const { page } = h;
    await page.getByTestId('logout').click();
    await login(page, 'leerkracht@aanwezig.demo');
    const classes = await page.getByTestId('pupil-row').evaluateAll((rows) => rows.length);
    const [expected] = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrolment e
       JOIN membership m ON m.organisation_id = e.school_id AND e.class_name = ANY(m.class_names)
       JOIN app_user u ON u.id = m.user_id
       WHERE u.email = $1 AND e.school_year = '2025-2026'`,
      ['leerkracht@aanwezig.demo'],
    );
    expect(classes).toBe(Math.min(expected?.n ?? -1, 50));
    expect(violations).toEqual([]);
  });
});
