// One card per pupil (issue 18) in Chromium: a demo pupil with several open signals appears once on the attention
// list, with those signals folded into the card; the per-signal view (a filter) shows one row per signal again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, startHarness } from './harness.ts';

describe('attention list: one card per pupil', () => {
  let h: Harness;
  let pupil: { schoolId: number; pupilId: number; className: string; signals: number; ruleIds: string[] };

  beforeAll(async () => {
    h = await startHarness();
    // A pupil of the demo with several open signals this school year (the data decides which one).
    const rows = await h.db.query<typeof pupil>(
      `SELECT s.school_id::int AS "schoolId", s.pupil_id::int AS "pupilId", e.class_name AS "className",
              count(*)::int AS signals, array_agg(s.rule_id ORDER BY s.rule_id) AS "ruleIds"
       FROM signal s JOIN enrolment e ON e.pupil_id = s.pupil_id AND e.school_year = s.school_year
       WHERE s.holds AND s.status <> 'handled' AND s.school_year = '2025-2026' AND e.class_name IS NOT NULL
       GROUP BY 1, 2, 3 HAVING count(*) >= 2 ORDER BY count(*) DESC, 2 LIMIT 1`,
    );
    if (!rows[0]) throw new Error('the demo has no pupil with two open signals');
    pupil = rows[0];
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a pupil with several signals once, with each signal in the card, and per signal on request', async () => {
    const { page } = h;
    await login(page);
    const base = `/schools/${pupil.schoolId}/attention?schoolYear=2025-2026&class=${encodeURIComponent(pupil.className)}`;
    await page.goto(base);
    const card = page.locator(`[data-testid="attention-card"][data-pupil-id="${pupil.pupilId}"]`);
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.locator('[data-testid="attention-row"]').count()).toBe(pupil.signals);
    // The priority is explained once per card, not per signal.
    expect(await card.getByTestId('attention-why').count()).toBe(1);
    // Dutch labels: no rule id is shown as text.
    const text = (await card.textContent()) ?? '';
    for (const id of pupil.ruleIds) expect(text).not.toContain(id);
    expect(await page.getByTestId('attention-total').textContent()).toMatch(/leerling/);

    await page.getByTestId('filter-view').selectOption('signal');
    const rows = page.locator(
      `[data-testid="attention-list"] > [data-testid="attention-row"][data-pupil-id="${pupil.pupilId}"]`,
    );
    await rows.first().waitFor();
    // One row per signal (a page holds 50 signals, so a long list may continue on the next page).
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.count()).toBeLessThanOrEqual(pupil.signals);
    expect(await page.locator('[data-testid="attention-card"]').count()).toBe(0);
    expect(page.url()).toContain('view=signal');
  });
});
