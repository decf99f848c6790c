// Partial schooling at the school's request in a real browser (issue 15): a pupil counsellor records an
// arrangement on the pupil page; once its review date has passed the signal appears; the region's analyst sees
// the school among those using partial schooling in the thuiszitters report, with the count suppressed (<5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { DEMO_PASSWORD, E2E_TODAY, type Harness, screenshot, startHarness } from './harness.ts';

describe('partial schooling end to end', () => {
  let h: Harness;
  let today = E2E_TODAY;
  let pupilId: number;
  let schoolId: number;

  beforeAll(async () => {
    h = await startHarness({ serverOptions: { today: () => today } });
    schoolId = h.schoolIds[0] as number;
    const [pupil] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY external_id LIMIT 1',
      [schoolId],
    );
    pupilId = pupil?.id as number;
  });
  afterAll(async () => {
    await h?.close();
  });

  const signIn = async (email: string) => {
    const { page } = h;
    await page.goto('/login');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  };

  it('records an arrangement; after its review date the signal appears', async () => {
    const { page } = h;
    await signIn('leerlingbegeleider@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}`);
    const panel = page.getByTestId('partial-schooling');
    await panel.waitFor();
    if (!(await page.getByTestId('partial-record-form').isVisible()))
      await page.getByTestId('partial-record-open').click();
    await page.getByTestId('partial-requested-by').fill('directie');
    await page.getByTestId('partial-reason').fill('Agressief gedrag in de klas; tijdelijk twee namiddagen thuis');
    await page.getByTestId('partial-half-2-PM').check();
    await page.getByTestId('partial-half-4-PM').check();
    await page.getByTestId('partial-since').fill('2026-02-23');
    await page.getByTestId('partial-review').fill('2026-03-09');
    await page.getByTestId('partial-parentsAgreed').check();
    await page.getByTestId('partial-save').click();
    await page.getByTestId('partial-arrangement').waitFor();
    expect(await page.getByTestId('partial-review-on').textContent()).toBe('09/03/2026');
    expect(await page.getByTestId('partial-signal-PARTIAL_REVIEW_DUE').count()).toBe(0);

    today = '2026-03-10';
    await page.reload();
    const signal = page.getByTestId('partial-signal-PARTIAL_REVIEW_DUE');
    await signal.waitFor();
    expect(await signal.textContent()).toContain('Evaluatie gepland op 09/03/2026 en nog niet gebeurd.');
    await screenshot(page, '60-partial-schooling-signal');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the school among those using partial schooling in the region's report, suppressed below 5", async () => {
    const { page } = h;
    await page.getByTestId('logout').click();
    await signIn('analist@aanwezig.demo');
    const [region] = await h.db.query<{ id: number }>("SELECT id::int AS id FROM organisation WHERE kind = 'region'");
    await page.goto(`/monitor/regions/${region?.id}/report`);
    await page.getByTestId('report-as-of').fill(today);
    const table = page.getByTestId('report-partial-schooling');
    await table.waitFor();
    const row = table.locator(`[data-figure="partial.school.${schoolId}"]`);
    await row.waitFor();
    expect(await row.locator('td').textContent()).toBe('<5');
    expect(await table.locator('[data-figure="partial.schools-using"] td').textContent()).toBe('<5');
    await screenshot(page, '61-region-report');
    expect(await axeViolations(page)).toEqual([]);
    // The JSON contract says the same: suppressed, never the number.
    const json = await (await page.request.get(`/api/monitor/regions/${region?.id}/report?asOf=${today}`)).json();
    const figure = json.sections[0].figures.find((f: { id: string }) => f.id === `partial.school.${schoolId}`);
    expect(figure).toMatchObject({ value: null, suppressed: true });
  });

  it('records what the school did after a definitive exclusion, as the level requires', async () => {
    const { page } = h;
    const [excluded] = await h.db.query<{ id: number }>(
      `SELECT e.pupil_id::int AS id FROM enrolment e WHERE e.excluded_on IS NOT NULL AND e.school_year = '2025-2026'
       ORDER BY e.pupil_id LIMIT 1`,
    );
    await page.getByTestId('logout').click();
    await signIn('admin@aanwezig.demo');
    await page.goto(`/pupils/${excluded?.id}?schoolYear=2025-2026`);
    const form = page.getByTestId('exclusion-support-form');
    await form.waitFor();
    await page.getByTestId('exclusion-support-yes').check();
    await form.getByRole('button').click();
    await page.reload();
    await page.getByTestId('exclusion-support-form').waitFor();
    expect(await page.getByTestId('exclusion-support-yes').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
