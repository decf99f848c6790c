// The care meeting in a real browser (issue 13): the pupil counsellor plans a meeting from the attention list
// (legal items first) with three pupils, records the decisions for the first pupil as an agreement with a reminder,
// the agreement appears in the pupil file, and the minutes PDF (pdftotext) lists it. The new pages (care meetings,
// letter templates, e-mail settings) have no accessibility violation.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

describe('care meeting end to end', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('plans a meeting of three pupils, records an agreement with a reminder and prints the minutes', async () => {
    const { page } = h;
    const findings: string[] = [];
    await login(page, 'lbg@aanwezig.demo');
    await page.getByTestId('nav-care').click();
    await page.getByTestId('care-meetings').waitFor();
    await page.getByTestId('care-open-new').click();
    await page.getByTestId('care-agenda-pupil').first().waitFor();
    findings.push(...(await axeViolations(page)).map((v) => `care meetings: ${v}`));
    // Keep the first three pupils of the proposal on the agenda.
    const boxes = page.getByTestId('care-agenda-pupil').locator('input[type="checkbox"]');
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 3; i < count; i++) await boxes.nth(i).uncheck();
    expect(await page.getByTestId('care-agenda-pupil').first().textContent()).toContain('wettelijke verplichting');
    await page.getByTestId('care-date').fill(E2E_TODAY);
    await page
      .getByTestId('care-attendees')
      .fill('Leerlingbegeleider; leerlingbegeleider; school\nCLB-medewerker; CLB; clb');
    await page.getByTestId('care-create').click();
    await page.getByTestId('care-meeting').waitFor();
    expect(await page.getByTestId('care-agenda-item').count()).toBe(3);
    findings.push(...(await axeViolations(page)).map((v) => `care meeting: ${v}`));

    const first = page.getByTestId('care-agenda-item').first();
    const pupilId = await first.getAttribute('data-pupil-id');
    await first.getByTestId('care-note').fill('Besproken: CLB wordt betrokken, gesprek met de ouders.');
    await first.getByTestId('care-what').fill('Gesprek met de ouders plannen');
    await first.getByTestId('care-who').fill('Leerlingbegeleider');
    await first.getByTestId('care-due').fill('2026-03-09');
    await first.getByTestId('care-record').click();
    await page.getByTestId('care-notice').filter({ hasText: 'De besluiten staan in het leerlingendossier' }).waitFor();
    await screenshot(page, 'care-meeting-01-decisions');

    const meetingUrl = page.url();
    const meetingId = meetingUrl.split('/').pop();
    const response = await page.request.get(`/api/care-meetings/${meetingId}/minutes.pdf`);
    expect(response.status()).toBe(200);
    const pdfPath = join(h.tempDir, 'verslag.pdf');
    writeFileSync(pdfPath, await response.body());
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Verslag: Zorgoverleg');
    expect(text).toContain('- Gesprek met de ouders plannen · Leerlingbegeleider · tegen 09/03/2026');

    // The agreement is in the pupil file, and it is a reminder from three days before its due date.
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('file-pupil-name').waitFor();
    await page.getByText('Gesprek met de ouders plannen').first().waitFor();
    const [agreement] = await h.db.query<{ remindFrom: string }>(
      `SELECT (due_on - 3)::text AS "remindFrom" FROM file_agreement WHERE pupil_id = $1 AND what = $2`,
      [Number(pupilId), 'Gesprek met de ouders plannen'],
    );
    expect(agreement?.remindFrom).toBe('2026-03-06');

    // The directie edits the letter templates (menu) and everyone sets the e-mail digest (header).
    await h.context.clearCookies();
    await login(page, 'directie@aanwezig.demo');
    await page.getByTestId('nav-letters').click();
    await page.getByTestId('template-body-late-often').waitFor();
    findings.push(...(await axeViolations(page)).map((v) => `letter templates: ${v}`));
    await page.getByTestId('nav-notifications').click();
    await page.getByTestId('notification-settings').waitFor();
    await page.getByTestId('notify-weekly').check();
    await page.getByTestId('notify-save').click();
    await page.getByText('Uw keuze is bewaard.').waitFor();
    findings.push(...(await axeViolations(page)).map((v) => `notification settings: ${v}`));
    expect(findings).toEqual([]);
  });
});
