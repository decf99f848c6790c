// Guided workflows of the pupil file in a real browser: a pupil counsellor opens the file of the school refuser
// persona, writes a gradual return plan that steps up on a Monday and sees the server's refusal next to that step
// (seed 002:1560-1564), moves the step to a Friday and finds the plan on the timeline; fills the §1.1 signals
// checklist; records the return after a hospital stay (seed 000:44-69) after seeing what was missing; the PDF
// export lists the workflows. Then the perspectives grid (§1.6), the §2.2 review naming the spilfiguur, and phase 3:
// letting go of school is refused until the CLB is involved, and the contact plan's next contact lands in the
// agreements.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

const LBG = 'lbg@aanwezig.demo';
const refuser = generateDemo().personas.schoolRefuser;

describe('guided workflows of the pupil file end to end', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    const schoolId = h.schoolIds[1] as number; // the school refuser is in the secondary school
    const [row] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [schoolId, refuser.pupilId],
    );
    pupilId = row?.id as number;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a return plan that steps up on a Monday, records it once fixed, and the hospital checklist', async () => {
    const { page } = h;
    expect(E2E_TODAY).toBe('2026-03-02');
    await login(page, LBG);
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('file-workflows').waitFor();
    await page.getByTestId('timeline-sources').selectOption('entry');

    // A gradual return plan: two days of one hour, then two hours from Monday 9 March.
    await page.getByTestId('wf-open-returnPlan').click();
    const form = page.getByTestId('wf-returnPlan-form');
    await form.waitFor();
    await page.getByTestId('wf-return-receivedBy').fill('De spilfiguur');
    await page.getByTestId('wf-return-where').fill('Aan de schoolpoort');
    await page.getByTestId('wf-step-0-from').fill('2026-03-03');
    await page.getByTestId('wf-step-0-load').fill('1');
    await page.getByTestId('wf-step-0-description').fill('Eén uur per dag, opvang aan de poort');
    await page.getByTestId('wf-step-0-leaveOut').fill('turnen, presentaties');
    await page.getByTestId('wf-step-add').click();
    await page.getByTestId('wf-step-1-from').fill('2026-03-05');
    await page.getByTestId('wf-step-add').click();
    await page.getByTestId('wf-step-2-from').fill('2026-03-09');
    await page.getByTestId('wf-step-2-load').fill('2');
    await page.getByTestId('wf-step-2-description').fill('Twee uur per dag');
    expect(await page.getByTestId('wf-step-2-weekday').textContent()).toContain('ma 09/03/2026');
    await page.getByTestId('wf-returnPlan-submit').click();

    const monday = page.locator('[data-testid="wf-problem-steps.2"][data-code="no-step-up-on-monday"]');
    await monday.waitFor();
    expect(await monday.textContent()).toContain('Ga nooit op maandag een stap verder');
    expect(await page.getByTestId('wf-problems').textContent()).toContain('Nog niet mogelijk');
    expect(await page.locator('[data-testid="wf-problem-steps.1"]').count()).toBe(0);
    expect(await h.db.query(`SELECT id FROM file_entry WHERE pupil_id = $1`, [pupilId])).toEqual([]);
    await screenshot(page, 'workflows-01-monday-refused');

    // Stepping up on Friday instead is accepted; the plan shows on the timeline with its steps.
    await page.getByTestId('wf-step-2-from').fill('2026-03-06');
    await page.getByTestId('wf-returnPlan-submit').click();
    await expect.poll(() => page.getByTestId('file-notice').textContent()).toContain('Geleidelijk terugkeerplan');
    await form.waitFor({ state: 'detached' });
    const plan = page.locator('[data-testid="timeline-item"][data-kind="return-plan"]');
    await plan.waitFor();
    const steps = plan.getByTestId('wf-details-steps');
    expect(await steps.textContent()).toContain('vr 06/03/2026');
    expect(await steps.textContent()).toContain('turnen, presentaties');
    await screenshot(page, 'workflows-02-plan-recorded');

    // The §1.1 signals checklist: every signal answered; a signal seen asks for the next step.
    await page.getByTestId('wf-open-signals').click();
    await page.getByTestId('wf-signals-form').waitFor();
    for (const row of await page.getByTestId('wf-signal-row').all()) {
      const signal = await row.getAttribute('data-signal');
      const answer = signal === 'returnAfterBreak' || signal === 'physicalComplaints' ? 'yes' : 'no';
      await page.getByTestId(`wf-signal-${signal}-${answer}`).check();
    }
    await page.getByTestId('wf-signal-returnAfterBreak-note').fill('Afwezig op maandagochtend en na vakanties');
    await page.getByTestId('wf-signals-submit').click();
    await page.locator('[data-testid="wf-problem-followUp"][data-code="follow-up"]').waitFor();
    await page.getByTestId('wf-signals-followUp').fill('Verbindend gesprek met de titularis deze week');
    await page.getByTestId('wf-signals-submit').click();
    const signals = page.locator('[data-testid="timeline-item"][data-kind="school-refusal-signals"]');
    await signals.waitFor();
    expect(await signals.getByTestId('wf-details-signals').textContent()).toBe(
      '2 opgemerkt · 0 onbekend · 8 niet opgemerkt',
    );

    // Return after a hospital stay: the discharge date and the nine questions of seed 000:60-69.
    await page.getByTestId('wf-open-hospital').click();
    await page.getByTestId('wf-hospital-form').waitFor();
    await page.getByTestId('wf-hospital-educationDuringStay').fill('Ziekenhuisschool, twee uur per dag');
    await page.getByTestId('wf-hospital-submit').click();
    await page.locator('[data-testid="wf-problem-dischargeOn"]').waitFor();
    expect(await page.getByTestId('wf-problems').locator('li').count()).toBe(9); // date + 8 open questions
    await screenshot(page, 'workflows-03-hospital-missing');
    await page.getByTestId('wf-hospital-discharge').fill('2026-02-27');
    const answers: Record<string, string> = {
      remediation: 'Wiskunde en Frans',
      fullOrPartial: 'Eerst halve dagen',
      support: 'TOAH aangevraagd',
      classCouncil: 'Het ontslag en de halve dagen',
      classPreparation: 'Klasgesprek door de spilfiguur',
      pupilWishes: 'Kort, zonder details',
      pupilRole: 'Wil zelf iets vertellen',
      supporter: 'Een vriendin uit de klas',
    };
    for (const [id, value] of Object.entries(answers)) await page.getByTestId(`wf-hospital-${id}`).fill(value);
    await page.getByTestId('wf-hospital-submit').click();
    await expect.poll(() => page.getByTestId('file-notice').textContent()).toContain('Terugkeer na ziekenhuis');
    const hospital = page.locator('[data-testid="timeline-item"][data-kind="hospital-return"]');
    await hospital.waitFor();
    expect(await hospital.textContent()).toContain('Ontslag op 2026-02-27');
    await screenshot(page, 'workflows-04-hospital-recorded');

    // The PDF export lists the workflows with their checklists.
    const response = await page.request.get(`/api/pupils/${pupilId}/file/export.pdf`);
    expect(response.status()).toBe(200);
    const pdfPath = join(h.tempDir, 'workflows.pdf');
    writeFileSync(pdfPath, await response.body());
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('02/03/2026 · Geleidelijk terugkeerplan');
    expect(text).toContain('Vanaf 2026-03-06: Twee uur per dag');
    expect(text).toContain('02/03/2026 · Signalen van schoolweigering');
    expect(text).toContain('Volgende stap: Verbindend gesprek met de titularis');
    expect(text).toContain('02/03/2026 · Terugkeer na ziekenhuis of K-dienst');
    expect(text).toContain('Wiskunde en Frans');
  });

  it('maps the perspectives, reviews what was done, lets go of school with the next contact as an agreement', async () => {
    const { page } = h;
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('file-workflows').waitFor();

    // The perspectives grid: the pupil's own view is required.
    await page.getByTestId('wf-open-perspectives').click();
    await page.getByTestId('wf-perspective-parent1-whatIsGoingOn').fill('Hij is bang om buiten de klas te vallen');
    await page.getByTestId('wf-perspective-school-1-whatIsGoingOn').fill('Stil in de klas');
    await page.getByTestId('wf-perspectives-submit').click();
    await page.locator('[data-testid="wf-problem-rows.school-1.name"]').waitFor();
    await page.locator('[data-testid="wf-problem-rows.pupil"][data-code="pupil-perspective"]').waitFor();
    await page.getByTestId('wf-perspective-school-1-name').fill('Titularis Vermeulen');
    await page.getByTestId('wf-perspective-pupil-whatIsGoingOn').fill('Op zondagavond krijg ik buikpijn');
    await page.getByTestId('wf-perspective-pupil-pupilExperience').fill('Niemand begrijpt het');
    await screenshot(page, 'workflows-05-perspectives');
    await page.getByTestId('wf-perspectives-submit').click();
    await page.locator('[data-testid="timeline-item"][data-kind="perspectives"]').waitFor();

    // §2.2: what was done, its effect and what is needed, with the roles; the spilfiguur is named in the file.
    await page.getByTestId('wf-open-review').click();
    await page.getByTestId('wf-review-submit').click();
    await page.locator('[data-testid="wf-problem-rows.0.done"]').waitFor();
    await page.locator('[data-testid="wf-problem-pivot"]').waitFor();
    await page.getByTestId('wf-review-stage').selectOption('phase-2');
    await page.getByTestId('wf-review-0-done').fill('Elke dag tot aan de schoolpoort');
    await page.getByTestId('wf-review-0-effect').fill('Lukt op dinsdag en donderdag');
    await page.getByTestId('wf-review-0-needed').fill('Een vaste opvang aan de poort');
    await page.getByTestId('wf-review-add').click();
    await page.getByTestId('wf-review-1-name').fill('Titularis Vermeulen');
    await page.getByTestId('wf-review-1-done').fill('Kaartje van de klas gestuurd');
    await page.getByTestId('wf-review-1-effect').fill('Pieter reageerde blij');
    await page.getByTestId('wf-review-1-needed').fill('Overleg met het CLB over de ochtenden');
    await page.getByTestId('wf-review-pivot').fill('Titularis Vermeulen');
    await page.getByTestId('wf-review-regie').fill('Leerlingbegeleider');
    await page.getByTestId('wf-review-channel-smartschool').check();
    await page.getByTestId('wf-review-submit').click();
    await page.locator('[data-testid="timeline-item"][data-kind="school-refusal-review"]').waitFor();
    await expect.poll(() => page.getByTestId('pivot-current').textContent()).toBe('Titularis Vermeulen');

    // Phase 3 without the CLB involved is refused; after a recorded consultation it is accepted.
    await page.getByTestId('wf-open-letGo').click();
    await page.getByTestId('wf-letGo-ground-severity').check();
    await page.getByTestId('wf-letGo-alternative-toah').check();
    await page.getByTestId('wf-letGo-discussedWith').fill('Pieter, zijn ouders en het CLB');
    await page.getByTestId('wf-letGo-who').fill('Titularis Vermeulen');
    await page.getByTestId('wf-letGo-frequency').fill('elke week');
    await page.getByTestId('wf-letGo-next').fill('2026-03-06');
    await page.getByTestId('wf-letGo-channel').selectOption('message');
    await page.getByTestId('wf-letGo-submit').click();
    await page.locator('[data-testid="wf-problem-clbInvolvement"][data-code="clb-first"]').waitFor();
    await screenshot(page, 'workflows-06-let-go-refused');
    await page.getByTestId('wf-open-letGo').click(); // close the form to record the consultation first

    await page.getByTestId('file-open-entry').click();
    await page.getByTestId('entry-kind').selectOption('clb-consultation');
    await page.getByTestId('entry-date').fill(E2E_TODAY);
    await page.getByTestId('entry-who').fill('Leerlingbegeleider');
    await page.getByTestId('entry-what').fill('Overleg met het CLB over tijdelijk onderwijs aan huis.');
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('timeline-sources').selectOption('entry');
    await page.locator('[data-testid="timeline-item"][data-kind="clb-consultation"]').waitFor();

    await page.getByTestId('wf-open-letGo').click();
    await page.getByTestId('wf-letGo-ground-severity').check();
    await page.getByTestId('wf-letGo-alternative-toah').check();
    await page.getByTestId('wf-letGo-discussedWith').fill('Pieter, zijn ouders en het CLB');
    await page.getByTestId('wf-letGo-who').fill('Titularis Vermeulen');
    await page.getByTestId('wf-letGo-frequency').fill('elke week');
    await page.getByTestId('wf-letGo-next').fill('2026-03-06');
    await page.getByTestId('wf-letGo-channel').selectOption('message');
    await page.getByTestId('wf-letGo-submit').click();
    const letGo = page.locator('[data-testid="timeline-item"][data-kind="let-go-of-school"]');
    await letGo.waitFor();
    expect(await letGo.getByTestId('wf-details-contact').textContent()).toBe(
      'Volgend contact op 06/03/2026: Titularis Vermeulen via bericht (Smartschool).',
    );
    const agreement = page.getByTestId('agreement-row').filter({ hasText: 'school loslaten, de jongere niet' });
    await agreement.waitFor();
    expect(await agreement.getByTestId('agreement-text').textContent()).toContain('Titularis Vermeulen · 06/03/2026');
    await screenshot(page, 'workflows-07-let-go-recorded');
  });
});
