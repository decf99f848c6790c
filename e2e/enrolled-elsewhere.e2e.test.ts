// Enrolled in another school, end to end: on the page of the demo's definitively excluded pupil, the school records
// the new school, a concurrent change answers with the Dutch "reload" message, and clearing the record works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { type Harness, login, screenshot, startHarness } from './harness.ts';

const { excluded } = generateDemo().personas;

describe('enrolled in another school end to end', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    const rows = await h.db.query<{ pupilId: number }>(
      `SELECT p.id::int AS "pupilId" FROM pupil p JOIN organisation o ON o.id = p.school_id
       WHERE o.institution_number = $1 AND p.external_id = $2`,
      [excluded.institutionNumber, excluded.pupilId],
    );
    pupilId = rows[0]?.pupilId ?? -1;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records the other school, refuses a stale edit with a reload message, and clears it', async () => {
    const { page } = h;
    await login(page);
    await page.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
    const fact = page.getByTestId('enrolled-elsewhere');
    await fact.waitFor();
    expect(await fact.textContent()).toBe('nog niet geregistreerd');

    await page.getByTestId('elsewhere-from').fill('2026-02-23');
    await page.getByTestId('elsewhere-school').fill('Technisch Atheneum Zuid');
    await page.getByTestId('elsewhere-save').click();
    await page.getByText('De inschrijving in een andere school is geregistreerd').waitFor();
    await page.getByText('vanaf 23/02/2026 · Technisch Atheneum Zuid').waitFor();
    await screenshot(page, 'enrolled-elsewhere-01-recorded');

    // Someone else changes the enrolment meanwhile: the page still holds the old version.
    await h.db.query(`UPDATE enrolment SET version = version + 1 WHERE pupil_id = $1 AND school_year = '2025-2026'`, [
      pupilId,
    ]);
    await page.locator('[data-testid="elsewhere-form"] summary').click();
    await page.getByTestId('elsewhere-clear').click();
    const notice = page.getByTestId('elsewhere-notice');
    await notice.getByText('Iemand anders wijzigde dit intussen; herlaad de pagina').waitFor();
    await notice.getByRole('button', { name: 'Herladen' }).click();

    await page.locator('[data-testid="elsewhere-form"] summary').click();
    await page.getByTestId('elsewhere-clear').click();
    await page.getByText('De registratie werd gewist').waitFor();
    await expect.poll(() => fact.textContent()).toBe('nog niet geregistreerd');
  });
});
