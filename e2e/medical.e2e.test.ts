// The medical track end to end (issue 14), in Chromium on the demo: the zorgcoordinator records a doubtful
// certificate and tells the CLB; the CLB doctor sees the request, records consent, contact and a note, then the
// outcome; school roles see the outcome but never the doctor's note.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, screenshot, startHarness } from './harness.ts';

const NOTE = 'Behandelend arts bevestigt de ziekte; vertrouwelijk detail QX7';

async function signInAs(h: Harness, email: string): Promise<Page> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nl-BE' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/(schools|monitor\/clbs|monitor\/regions)\/\d+$/);
  return page;
}

describe('medical certificates end to end', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    // A pupil of a school the demo CLB doctor's CLB serves.
    const rows = await h.db.query<{ pupilId: number }>(
      `SELECT p.id::int AS "pupilId" FROM pupil p
       JOIN clb_school cs ON cs.school_id = p.school_id
       JOIN membership m ON m.organisation_id = cs.clb_id
       JOIN app_user u ON u.id = m.user_id AND u.email = 'clb-arts@aanwezig.demo'
       ORDER BY p.id LIMIT 1`,
    );
    pupilId = rows[0]?.pupilId ?? -1;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a doubtful certificate goes to the CLB doctor, whose note no school role sees; the outcome is recorded', async () => {
    const school = await signInAs(h, 'zorgcoordinator@aanwezig.demo');
    await school.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
    const section = school.getByTestId('pupil-certificates');
    await section.getByText('Nog geen medische attesten geregistreerd.').waitFor();
    await section.locator('summary', { hasText: 'Attest registreren' }).click();
    await school.getByTestId('certificate-from').fill('2026-02-09');
    await school.getByTestId('certificate-to').fill('2026-02-11');
    await school.getByTestId('certificate-doubt').check();
    await school.getByTestId('certificate-doubt-reason').fill('Attest gedateerd na de afwezigheid');
    await school.getByTestId('certificate-save').click();
    await school.getByText('Het attest is geregistreerd.').waitFor();
    await school.getByText('Nog niet gemeld aan het CLB').waitFor();
    await school.getByTestId('certificate-tell-clb').click();
    await school
      .getByTestId('certificate-route')
      .getByText(/Gemeld aan het CLB op/)
      .waitFor();
    await screenshot(school, 'medical-01-doubt-told');

    const doctor = await signInAs(h, 'clb-arts@aanwezig.demo');
    await doctor.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
    const form = doctor.getByTestId('certificate-advice-form');
    await form.waitFor();
    await doctor.getByTestId('advice-consent').fill('2026-02-16');
    await doctor.getByTestId('advice-contacted').fill('2026-02-17');
    await doctor.getByTestId('advice-note').fill(NOTE);
    await doctor.getByTestId('advice-save').click();
    await doctor.getByText('De stap van de CLB-arts is opgeslagen.').waitFor();
    await doctor.getByTestId('certificate-doctor-note').getByText(/QX7/).waitFor();
    await doctor.getByTestId('advice-outcome').selectOption('geldig');
    await doctor.getByTestId('advice-outcome-on').fill('2026-02-18');
    await doctor.getByTestId('advice-save').click();
    await doctor.getByTestId('certificate-outcome').getByText('Attest geldig (18/02/2026)').waitFor();
    await screenshot(doctor, 'medical-02-doctor-outcome');

    for (const email of ['zorgcoordinator@aanwezig.demo', 'directie@aanwezig.demo', 'secretariaat@aanwezig.demo']) {
      const page = await signInAs(h, email);
      await page.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
      await page.getByTestId('certificate-outcome').getByText('Attest geldig (18/02/2026)').waitFor();
      expect(await page.getByTestId('certificate-doctor-note').count(), email).toBe(0);
      expect(await page.locator('main').textContent(), email).not.toContain('QX7');
      await page.goto(`/pupils/${pupilId}/file`);
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main').textContent(), email).not.toContain('QX7');
      await page.context().close();
    }
  });

  it('the taxatie leads to a recorded decision with its reasons, and then to a return plan', async () => {
    const page = await signInAs(h, 'zorgcoordinator@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('wf-open-restart').click();
    await page.getByTestId('wf-restart-form').waitFor();
    const answers: Record<string, string> = {
      absence: 'long',
      perspectives: 'yes',
      pivot: 'yes',
      connection: 'yes',
      complaints: 'yes',
      readiness: 'ready',
      severity: 'no',
      externalHelp: 'involved',
    };
    // With the spilfiguur still missing, the keuzeschema says: prepare first.
    for (const [id, answer] of Object.entries({ ...answers, pivot: 'no' })) {
      await page.getByTestId(`wf-taxatie-${id}`).selectOption(answer);
    }
    await page
      .getByTestId('wf-restart-advice')
      .getByText(/Eerst voorbereiden/)
      .waitFor();
    // Deciding otherwise without a reason is refused by the server.
    await page.getByTestId('wf-restart-decision').selectOption('gradual-return');
    await page.getByTestId('wf-restart-submit').click();
    await page.locator('[data-testid="wf-problem-otherwiseBecause"]').waitFor();
    // With a spilfiguur the advice becomes a gradual return, which the team follows.
    await page.getByTestId('wf-taxatie-pivot').selectOption('yes');
    const advice = page.getByTestId('wf-restart-advice');
    await advice.getByText(/Geleidelijke terugkeer/).waitFor();
    expect(await advice.textContent()).toContain('Na een lange afwezigheid');
    await page.getByTestId('wf-restart-submit').click();
    const decision = page.locator('[data-testid="timeline-item"][data-kind="restart-decision"]');
    await decision.waitFor();
    expect(await decision.textContent()).toContain('Beslissing: Geleidelijke terugkeer');
    await screenshot(page, 'medical-03-restart-decision');

    // The return plan follows: how (steps, what is left out) first, then when.
    await page.getByTestId('wf-open-returnPlan').click();
    await page.getByTestId('wf-returnPlan-form').waitFor();
    await page.getByTestId('wf-return-receivedBy').fill('De spilfiguur');
    await page.getByTestId('wf-return-where').fill('Aan de schoolpoort');
    await page.getByTestId('wf-step-0-from').fill('2026-03-03');
    await page.getByTestId('wf-step-0-load').fill('1');
    await page.getByTestId('wf-step-0-description').fill('Eén uur per dag, de spilfiguur vangt op aan de poort');
    await page.getByTestId('wf-step-0-leaveOut').fill('turnen, presentaties');
    await page.getByTestId('wf-returnPlan-submit').click();
    await page.locator('[data-testid="timeline-item"][data-kind="return-plan"]').waitFor();
    const kinds = await h.db.query<{ kind: string }>(
      `SELECT kind FROM file_entry WHERE pupil_id = $1 AND kind IN ('restart-decision', 'return-plan') ORDER BY id`,
      [pupilId],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['restart-decision', 'return-plan']);
  });

  it('a type-5 stay is recorded on the pupil page with its contact plan; the entitlement is shown', async () => {
    const page = await signInAs(h, 'zorgcoordinator@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
    const section = page.getByTestId('pupil-sick');
    await section.getByTestId('sick-toah').waitFor();
    await section.locator('summary', { hasText: 'Verblijf registreren' }).click();
    await page.getByTestId('stay-name').fill('Ziekenhuisschool UZ Gent');
    await page.getByTestId('stay-from').fill('2026-02-23');
    await page.getByTestId('stay-plan').fill('Wekelijks contact met de leerkracht van de ziekenhuisschool');
    await page.getByTestId('stay-informant').fill('De ouders');
    await page.getByTestId('stay-save').click();
    await section
      .getByTestId('sick-stays')
      .getByText(/Type-5-school Ziekenhuisschool UZ Gent/)
      .waitFor();
    await screenshot(page, 'medical-04-stay');
    const reminders = await h.db.query<{ what: string }>(
      `SELECT what FROM file_agreement WHERE pupil_id = $1 AND what LIKE 'Contact met Ziekenhuisschool%'`,
      [pupilId],
    );
    expect(reminders).toHaveLength(1);
  });

  it('the stay is discharged and a provision is granted, started and ended from the pupil page', async () => {
    const page = await signInAs(h, 'zorgcoordinator@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
    const section = page.getByTestId('pupil-sick');
    await section.getByTestId('sick-toah').waitFor();
    await section.locator('summary', { hasText: 'Ontslag registreren: Ziekenhuisschool UZ Gent' }).click();
    await section.locator('form[data-testid^="discharge-form-"]').getByLabel('Ontslagdatum').fill('2026-02-27');
    await section.getByRole('button', { name: 'Ontslag opslaan' }).click();
    await section
      .getByTestId('sick-stays')
      .getByText(/23\/02\/2026 – 27\/02\/2026/)
      .waitFor();
    // A discharged stay offers no discharge form any more.
    expect(await section.locator('summary', { hasText: 'Ontslag registreren' }).count()).toBe(0);

    await section.locator('summary', { hasText: 'Voorziening toevoegen' }).click();
    const add = page.getByTestId('provision-form');
    await add.getByLabel('Voorwaarden nagegaan op').fill('2026-02-24');
    await add.getByLabel('Aanvraag verstuurd op').fill('2026-02-25');
    await add.getByRole('button', { name: 'Voorziening toevoegen' }).click();
    await section.getByTestId('sick-provisions').getByText('TOAH: aangevraagd op 25/02/2026').waitFor();

    await section.locator('summary', { hasText: 'Voorziening bijwerken' }).click();
    const change = section.locator('form[data-testid^="provision-change-"]');
    // Out of order: a start without an answer is refused in Dutch, nothing is saved.
    await change.getByLabel('Start op').fill('2026-03-02');
    await change.getByRole('button', { name: 'Voorziening bijwerken' }).click();
    await section.getByRole('alert').getByText('Een voorziening start pas na een toekenning.').waitFor();
    await change.getByLabel('Antwoord', { exact: true }).selectOption('toegekend');
    await change.getByLabel('Antwoord op').fill('2026-02-27');
    await change.getByLabel('Einde op').fill('2026-03-27');
    await change.getByLabel('Uren per week').fill('4');
    await change.getByRole('button', { name: 'Voorziening bijwerken' }).click();
    await section
      .getByTestId('sick-provisions')
      .getByText('TOAH: loopt sinds 02/03/2026, 4 uur per week · einde op 27/03/2026')
      .waitFor();
    const audit = await h.db.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE action IN ('sick-pupil.discharge', 'sick-pupil.provision') ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'sick-pupil.discharge',
      'sick-pupil.provision',
      'sick-pupil.provision',
    ]);
  });
});
