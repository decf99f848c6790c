// Signals end to end: importing the 5th B half-day of a demo pupil puts B5_CLB on the attention list with its
// evidence; it offers no free note but leads to its route in the pupil file (the CLB signal), while a guidance
// signal is handled with a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { formatBelgianDate } from '../src/domain/half-day.ts';
import { type Harness, login, screenshot, startHarness } from './harness.ts';

const { nearB5 } = generateDemo().personas;

describe('signals end to end', () => {
  let h: Harness;
  let schoolId: number;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    const rows = await h.db.query<{ schoolId: number; pupilId: number }>(
      `SELECT o.id::int AS "schoolId", p.id::int AS "pupilId" FROM pupil p JOIN organisation o ON o.id = p.school_id
       WHERE o.institution_number = $1 AND p.external_id = $2`,
      [nearB5.institutionNumber, nearB5.pupilId],
    );
    schoolId = rows[0]?.schoolId ?? -1;
    pupilId = rows[0]?.pupilId ?? -1;
  });
  afterAll(async () => {
    await h?.close();
  });

  const b5Row = () =>
    h.page.locator(`[data-testid="attention-row"][data-rule-id="B5_CLB"][data-pupil-id="${pupilId}"]`);

  it('shows B5_CLB with its evidence after the import that brings the 5th B', async () => {
    const { page } = h;
    await login(page);
    await page.goto(`/schools/${schoolId}/attention?rule=B5_CLB`);
    await page.getByTestId('attention-total').waitFor();
    expect(await b5Row().count()).toBe(0); // four B half-days: no legal signal yet

    const free = nearB5.freeHalfDay;
    const file = h.writeUpload(
      'vijfde-b.csv',
      ['pupil_id,date,half,code', `${nearB5.pupilId},${free.date},${free.half},B`, ''].join('\n'),
    );
    await page.goto(`/schools/${schoolId}/import`);
    await page.getByTestId('import-kind-register').check();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-applied').waitFor();

    await page.goto(`/schools/${schoolId}/attention?rule=B5_CLB`);
    await b5Row().waitFor();
    const explanation = await b5Row().getByTestId('attention-explanation').textContent();
    // "5e halve dag B op 13/01/2026: …" — the explanation names the 5th half-day and the evidence before it.
    expect(explanation).toContain(formatBelgianDate(free.date));
    expect(explanation).toMatch(/5e/);
    expect(await b5Row().getAttribute('data-status')).toBe('new');
    expect(await b5Row().getByTestId('days-open').textContent()).toMatch(/\d+/);
    await screenshot(page, 'signals-01-b5-on-attention-list');

    // The pupil page outlines the five evidence half-days on the heat-map.
    // The pupil's card (one per pupil) names the pupil once, above its signals.
    await h.page
      .locator(`[data-testid="attention-card"][data-pupil-id="${pupilId}"]`)
      .getByTestId('attention-pupil')
      .click();
    await page.locator('[data-testid="pupil-signal"][data-rule-id="B5_CLB"]').waitFor();
    await screenshot(page, 'signals-02-pupil-evidence');
  });

  it('B5_CLB leads to its route in the pupil file instead of a free note; a guidance signal is handled with one', async () => {
    const { page } = h;
    await page.goto(`/schools/${schoolId}/attention?rule=B5_CLB`);
    await b5Row().waitFor();
    await b5Row().getByTestId('acknowledge').click();
    await expect.poll(() => b5Row().getAttribute('data-status')).toBe('acknowledged');
    // No free-note form on a legal signal with a closing route: the row leads to the route in the pupil file
    // (the server refuses a free note too: signals.int.test.ts, clb-signal-figures.int.test.ts).
    expect(await b5Row().getByTestId('handle').count()).toBe(0);
    await b5Row().getByTestId('handle-route').click();
    await page.waitForURL(`**/pupils/${pupilId}/file*`);
    await page.locator('#file-workflows-section').waitFor();
    await screenshot(page, 'signals-03-closing-route-in-file');

    // B_FIRST (a duty, no closing route) is handled with a note and leaves the open list.
    const firstRow = page.locator(`[data-testid="attention-row"][data-rule-id="B_FIRST"][data-pupil-id="${pupilId}"]`);
    await page.goto(`/schools/${schoolId}/attention?rule=B_FIRST`);
    await firstRow.waitFor();
    await firstRow.getByTestId('handle').click();
    await firstRow.getByTestId('handle-note').fill('Gesprek met leerling en ouders gevoerd.');
    await firstRow.getByTestId('handle-submit').click();
    await expect.poll(() => firstRow.count()).toBe(0);
    const stored = await h.db.query<{ ruleId: string; status: string }>(
      `SELECT rule_id AS "ruleId", status FROM signal WHERE pupil_id = $1 AND rule_id IN ('B5_CLB', 'B_FIRST') AND school_year = '2025-2026' ORDER BY rule_id`,
      [pupilId],
    );
    expect(stored).toEqual([
      { ruleId: 'B5_CLB', status: 'acknowledged' },
      { ruleId: 'B_FIRST', status: 'handled' },
    ]);
  });
});
