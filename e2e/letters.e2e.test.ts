// A letter to the parents in a real browser (issue 19): a pupil counsellor opens the file of a pupil who often came
// late, makes the lateness letter as PDF, the downloaded PDF's text (pdftotext) names the pupil and counts the L
// half-days of the register, and the letter appears in the timeline as a contact with the parents.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

const LBG = 'lbg@aanwezig.demo';

describe('letters to parents end to end', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a pupil counsellor makes a lateness letter as PDF and finds it in the timeline', async () => {
    const { page } = h;
    const schoolId = h.schoolIds[1] as number;
    // The pupil of the school with the most late arrivals this school year (from the register, as the letter counts).
    const [late] = await h.db.query<{ id: number; firstName: string; lastName: string; n: number }>(
      `SELECT p.id::int AS id, p.first_name AS "firstName", p.last_name AS "lastName", count(*)::int AS n
       FROM register_entry r JOIN pupil p ON p.id = r.pupil_id
       WHERE p.school_id = $1 AND r.code = 'L' AND r.date BETWEEN '2025-09-01' AND $2
       GROUP BY p.id ORDER BY n DESC, p.id LIMIT 1`,
      [schoolId, E2E_TODAY],
    );
    if (!late) throw new Error('the demo school has no late arrivals');
    expect(late.n).toBeGreaterThan(0);

    await login(page, LBG);
    await page.goto(`/pupils/${late.id}/file`);
    await page.getByTestId('file-pupil-name').waitFor();
    await page.getByTestId('file-open-letter').click();
    await page.getByTestId('letter-kind').selectOption('late-often');
    await page.getByTestId('letter-format').selectOption('pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/^brief-late-often-.+\.pdf$/);
    const pdfPath = join(h.tempDir, 'brief.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`${late.firstName} kwam herhaaldelijk te laat`);
    expect(text).toContain(`${late.firstName} ${late.lastName}`);
    expect(text).toContain(`${late.n} keer te laat op school`);
    expect(text).toContain('01/09/2025');

    await page.getByTestId('file-notice').filter({ hasText: 'De brief is gemaakt' }).waitFor();
    await page.getByTestId('timeline-sources').selectOption('entry');
    const item = page.locator('[data-testid="timeline-item"][data-kind="parents-letter"]');
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('Brief aan de ouders: Herhaald te laat komen (PDF).');
    await screenshot(page, 'letter-01-timeline');
  });
});
