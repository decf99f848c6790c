// Phase-2 routes with legal weight in a real browser (seed 000:134-156): a class teacher's M-document attempt is
// refused (no section on the page, 403 from the server); the zorgcoördinator's attempt without the preconditions
// shows what is missing next to each field; once the CLB is involved and the form is complete the M-document is
// recorded and appears in the JSON and PDF exports. The move into phase 2 asks the §2.2 update next to its field;
// the police report and the fiche onbereikbaarheid are in the page, their problems next to their fields.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { axeViolations } from './axe.ts';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

describe('phase-2 routes: the M-document end to end', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    // A pupil of the class teacher's own class this school year (the primary demo school).
    const [row] = await h.db.query<{ id: number }>(
      `SELECT e.pupil_id::int AS id FROM enrolment e
       JOIN membership m ON m.organisation_id = e.school_id AND e.class_name = ANY(m.class_names)
       JOIN app_user u ON u.id = m.user_id AND u.email = 'leerkracht@aanwezig.demo'
       WHERE e.school_year = '2025-2026' ORDER BY e.pupil_id LIMIT 1`,
    );
    pupilId = row?.id as number;
    expect(pupilId).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await h?.close();
  });

  const logout = async () => {
    await h.page.getByTestId('logout').click();
    await h.page.getByTestId('login-form').waitFor();
  };
  /** A POST from the signed-in browser, as the web app sends it (session cookie and CSRF token). */
  const post = (url: string, body: object) =>
    h.page.evaluate(
      async ({ url, body }) => {
        const csrf = document.cookie.match(/(?:^|;\s*)aanwezig_csrf=([^;]+)/)?.[1] ?? '';
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body: JSON.stringify(body),
        });
        return response.status;
      },
      { url, body },
    );

  it('refuses the class teacher, shows the zorgcoördinator what is missing, records and exports the M-document', async () => {
    const { page } = h;
    await login(page, 'leerkracht@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('file-pupil-name').waitFor();
    expect(await page.getByTestId('file-phase2').count()).toBe(0);
    const teacher = await post(`/api/pupils/${pupilId}/file/workflows/m-document`, {
      destination: 'ocj',
      grounds: ['parental-unwillingness'],
    });
    expect(teacher).toBe(403);
    await logout();

    await login(page, 'zorgcoordinator@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('file-phase2').waitFor();
    await page.getByTestId('p2-open-mDocument').click();
    const form = page.getByTestId('p2-mDocument-form');
    await form.waitFor();
    await page.getByTestId('wf-mDocument-submit').click();
    // Every missing precondition stands next to its own field.
    await form.getByTestId('wf-problems').waitFor();
    const nextTo = (field: string) =>
      form.locator(`[data-testid="p2-mDocument-${field}"], .field:has([data-testid="p2-mDocument-${field}"])`);
    for (const [field, code] of [
      ['clbInvolvement', 'clb-involvement'],
      ['destination', 'required'],
      ['grounds', 'required'],
      ['questionClarification', 'required'],
      ['consultOn', 'consult-first'],
      ['consultOutcome', 'required'],
    ] as const) {
      const problem = nextTo(field).locator(`[data-testid="wf-problem-${field}"][data-code="${code}"]`);
      expect(await problem.count(), field).toBe(1);
    }
    expect(await nextTo('clbInvolvement').textContent()).toContain('noteer eerst een overleg');
    await screenshot(page, 'phase2-01-m-document-missing');
    // The open form with its problems passes axe (WCAG 2.1 AA).
    expect(await axeViolations(page)).toEqual([]);

    // The CLB gets involved: a consultation recorded on the timeline.
    await page.getByTestId('file-open-entry').click();
    await page.getByTestId('entry-kind').selectOption('clb-consultation');
    await page.getByTestId('entry-date').fill('2026-02-16');
    await page.getByTestId('entry-who').fill('Zorgcoördinator en CLB');
    await page.getByTestId('entry-what').fill('Overleg met het CLB over de afwezigheden');
    await page.getByTestId('entry-submit').click();
    await expect.poll(() => page.getByTestId('p2-facts').textContent()).toContain('CLB betrokken: ja');

    if ((await page.getByTestId('p2-mDocument-form').count()) === 0)
      await page.getByTestId('p2-open-mDocument').click();
    await form.waitFor();
    await page.getByTestId('p2-mDocument-destination-ocj').check();
    await page.getByTestId('p2-mDocument-grounds-parental-unwillingness').check();
    await page.getByTestId('p2-mDocument-groundsExplanation').fill('Ouders weigeren elk gesprek over de afwezigheden.');
    await page
      .getByTestId('p2-mDocument-questionClarification')
      .fill('Vraagverheldering: geen hulpvraag van het gezin.');
    await page.getByTestId('p2-mDocument-consultOn').fill('2026-02-20');
    await page.getByTestId('p2-mDocument-consultOutcome').fill('Consult OCJ: aanmelding aangewezen.');
    await page.getByTestId('wf-mDocument-submit').click();
    await expect.poll(() => page.getByTestId('file-notice').textContent()).toContain('M-document (OCJ / VK)');
    await page.getByTestId('timeline-sources').selectOption('entry');
    const recorded = page.locator('[data-testid="timeline-item"][data-kind="m-document-ocj"]');
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('Consultfunctie op 20/02/2026');
    await screenshot(page, 'phase2-02-m-document-recorded');

    // The JSON export holds the record with its checklist; the PDF lists it (pdftotext).
    const json = await (await page.request.get(`/api/pupils/${pupilId}/file/export.json`)).json();
    const exported = json.measures.find((m: { kind: string }) => m.kind === 'm-document-ocj');
    expect(exported).toMatchObject({
      date: E2E_TODAY,
      kindLabel: 'M-document OCJ / VK',
      confidentiality: 'school+clb',
      details: { destination: 'ocj', grounds: ['parental-unwillingness'], consultOn: '2026-02-20' },
    });
    const pdf = await page.request.get(`/api/pupils/${pupilId}/file/export.pdf`);
    expect(pdf.status()).toBe(200);
    const pdfPath = join(h.tempDir, 'phase2.pdf');
    writeFileSync(pdfPath, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('02/03/2026 · M-document OCJ / VK');
    expect(text).toContain('Consultfunctie op 20/02/2026: Consult OCJ: aanmelding aangewezen.');
  });

  it('asks the §2.2 update next to its field when the zorgcoördinator moves a track into phase 2', async () => {
    const { page } = h;
    await page.getByTestId('track-phase-ongeoorloofd').selectOption('2');
    await page.getByTestId('track-phase2-ongeoorloofd').waitFor();
    await page.getByTestId('track-reason-ongeoorloofd').fill('Afwezigheden nemen toe');
    await page.getByTestId('track-save-ongeoorloofd').click();
    const done = page.locator('.field:has([data-testid="track-done-ongeoorloofd"])');
    await expect.poll(() => done.getByTestId('field-error').count()).toBe(1);
    expect(await done.textContent()).toContain('Werk bij wat er tot nu toe ondernomen werd');
    await page.getByTestId('track-done-ongeoorloofd').fill('Gesprekken met ouders, overleg met het CLB, M-document.');
    await page.getByTestId('track-save-ongeoorloofd').click();
    await expect
      .poll(() => page.locator('[data-testid="file-track"][data-track="ongeoorloofd"]').getAttribute('data-phase'))
      .toBe('2');
    await page.locator('[data-testid="timeline-item"][data-kind="phase-2-update"]').waitFor();
  });
  it('shows the demo pupil on a phase-2 route to the leerlingbegeleider, who may not take the legal routes but reports to the police', async () => {
    const { page } = h;
    const [row] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [h.schoolIds[1], generateDemo().personas.truant3.pupilId],
    );
    await logout();
    await login(page, 'lbg@aanwezig.demo');
    await page.goto(`/pupils/${row?.id}/file`);
    await page.getByTestId('file-phase2').waitFor();
    await expect.poll(() => page.getByTestId('p2-facts').textContent()).toContain('aanmeldingen spijbelactieplan: 1');
    expect(await page.getByTestId('p2-absence-rising').count()).toBe(1);
    expect(await page.getByTestId('p2-open-mDocument').count()).toBe(0);
    expect(await page.getByTestId('p2-open-police').count()).toBe(1);
    expect(await page.locator('[data-testid="file-track"][data-track="ongeoorloofd"]').getAttribute('data-phase')).toBe(
      '2',
    );
    await screenshot(page, 'phase2-03-demo-pupil');

    // The police report and the fiche onbereikbaarheid, formerly API-only, in the page (seed 003:412-473).
    await page.getByTestId('p2-open-police').click();
    const police = page.getByTestId('p2-police-form');
    await page.getByTestId('p2-police-ground-total-unreachability').check();
    await page.getByTestId('wf-police-submit').click();
    for (const field of ['lastKnownAddress', 'lastSeenOn', 'attemptsSummary', 'contactAttempts'])
      await police.locator(`[data-testid="wf-problem-${field}"]`).waitFor();
    expect(
      await police
        .locator('.field:has([data-testid="p2-police-lastKnownAddress"]) [data-testid="wf-problem-lastKnownAddress"]')
        .count(),
    ).toBe(1);
    await page.getByTestId('p2-police-ground-manifest-unwillingness').check();
    await page
      .getByTestId('p2-police-unwillingnessFacts')
      .fill('Vader weigert elk gesprek en houdt de leerling thuis.');
    await page.getByTestId('wf-police-submit').click();
    await police.locator('[data-testid="wf-problem-notPowerlessness"][data-code="not-powerlessness"]').waitFor();
    await page.getByTestId('p2-police-notPowerlessness').check();
    await page.getByTestId('wf-police-submit').click();
    await expect.poll(() => page.getByTestId('file-notice').textContent()).toContain('Melding bij de politie');
    await page.getByTestId('timeline-sources').selectOption('entry');
    await page.locator('[data-testid="timeline-item"][data-kind="police-report"]').waitFor();
  });
});
