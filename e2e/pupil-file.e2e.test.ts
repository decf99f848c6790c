// The pupil file in a real browser: a pupil counsellor opens the file of the truant persona (open B5_CLB) from
// the attention list, records a conversation, signals the CLB through the checklist, names a spilfiguur and an
// agreement due next week; the signal is handled and linked; a stale agreement edit shows the conflict; the
// exported PDF's text (pdftotext) lists those measures and dates.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

const LBG = 'lbg@aanwezig.demo';
const NEXT_WEEK = '2026-03-09'; // E2E_TODAY (Monday 2 March 2026) + 7 days
const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const truant = generateDemo().personas.truant;

describe('pupil file end to end', () => {
  let h: Harness;
  let schoolId: number;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    schoolId = h.schoolIds[1] as number; // the truant persona is in the secondary school
    const [row] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [schoolId, truant.pupilId],
    );
    pupilId = row?.id as number;
  });
  afterAll(async () => {
    await h?.close();
  });

  const signalOfTruant = () =>
    h.db.query<{ status: string; link: string | null }>(
      `SELECT status, handled_link AS link FROM signal WHERE pupil_id = $1 AND rule_id = 'B5_CLB'`,
      [pupilId],
    );

  it('a pupil counsellor follows up the truant pupil in the file, and exports it as PDF', async () => {
    const { page } = h;
    expect(await signalOfTruant()).toEqual([{ status: 'new', link: null }]);
    await login(page, LBG);

    // From the attention list to the file of the pupil with the open B5_CLB.
    await page.goto(`/schools/${schoolId}/attention?rule=B5_CLB`);
    const row = page.locator(`[data-testid="attention-row"][data-pupil-id="${pupilId}"]`);
    await row.waitFor();
    // The pupil's card (one per pupil) links to the file once, above its signals.
    await page
      .locator(`[data-testid="attention-card"][data-pupil-id="${pupilId}"]`)
      .getByTestId('attention-file')
      .click();
    await page.waitForURL(new RegExp(`/pupils/${pupilId}/file$`));
    await page.getByTestId('file-pupil-name').waitFor();
    await page.getByTestId('clb-signal').waitFor(); // offered because B5_CLB is open

    // Records a conversation with the pupil.
    await page.getByTestId('file-open-entry').click();
    await page.getByTestId('entry-kind').selectOption('pupil-conversation');
    await page.getByTestId('entry-date').fill(E2E_TODAY);
    await page.getByTestId('entry-who').fill('Leerlingbegeleider');
    // Only spaces pass the browser's "required" but not the server: its problem stands under the field it names.
    await page.getByTestId('entry-what').fill('   ');
    await page.getByTestId('entry-submit').click();
    const whatField = page.locator('.field', { has: page.getByTestId('entry-what') });
    await whatField.getByTestId('field-error').waitFor();
    expect(await page.getByTestId('entry-form').getByTestId('form-error').count()).toBe(0);
    await page.getByTestId('entry-what').fill('Gesprek over de ongewettigde afwezigheden en de ochtenden thuis.');
    await page.getByTestId('entry-effect').fill('Leerling wil opnieuw op tijd komen.');
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('timeline-sources').selectOption('entry');
    await page.locator('[data-testid="timeline-item"][data-kind="pupil-conversation"]').waitFor();

    // Signals the CLB through the checklist (the number of absences comes prefilled from the register).
    await page.getByTestId('clb-signal-open').click();
    // Pre-filled: "<n> halve dagen B dit schooljaar (<dates>). Per code: …".
    const count = await page.getByTestId('clb-field-absenceCount').inputValue();
    expect(Number(count.match(/^(\d+) halve dagen B/)?.[1])).toBeGreaterThanOrEqual(5);
    const answers: Record<string, string> = {
      absenceReasons: 'Verslapen, geen zin in de lessen',
      actionsTaken: 'Gesprek met de leerling, telefoon naar de ouders',
      whatWorks: 'Persoonlijk contact met de titularis',
      whatDoesNotWork: 'Strafstudie',
      underlyingProblems: 'Mogelijk spanningen thuis',
      truancyProfile: 'Toenemend spijbelgedrag, vooral namiddagen',
    };
    for (const [field, value] of Object.entries(answers)) await page.getByTestId(`clb-field-${field}`).fill(value);
    await page.getByTestId('clb-signal-submit').click();
    await expect.poll(() => page.getByTestId('file-notice').textContent()).toContain('Gesignaleerd aan het CLB');
    await page.getByTestId('clb-signal').waitFor({ state: 'detached' });

    // Names the spilfiguur.
    await page.getByTestId('file-open-pivot').click();
    await page.getByTestId('pivot-name').fill('An Peeters');
    await page.getByTestId('pivot-role').fill('leerlingbegeleider');
    await page.getByTestId('pivot-save').click();
    await expect.poll(() => page.getByTestId('pivot-current').textContent()).toBe('An Peeters (leerlingbegeleider)');

    // An agreement due next week, with a reminder from today.
    await page.getByTestId('file-open-agreement').click();
    await page.getByTestId('agreement-what').fill('Elke ochtend aanmelden bij de leerlingbegeleider');
    await page.getByTestId('agreement-who').fill('Leerling en An Peeters');
    await page.getByTestId('agreement-due').fill(NEXT_WEEK);
    await page.getByTestId('agreement-remind').fill(E2E_TODAY);
    await page.getByTestId('agreement-check').fill('Evaluatie in het zorgoverleg');
    await page.getByTestId('agreement-save').click();
    const agreement = page.getByTestId('agreement-row');
    await agreement.waitFor();
    expect(await agreement.getByTestId('agreement-text').textContent()).toContain('09/03/2026');
    await screenshot(page, 'file-01-followed-up');

    // The signal is handled and links to the CLB-signal entry of the file.
    const [signal] = await signalOfTruant();
    expect(signal?.status).toBe('handled');
    const [entry] = await h.db.query<{ id: number }>(
      `SELECT id::int AS id FROM file_entry WHERE pupil_id = $1 AND kind = 'clb-signal'`,
      [pupilId],
    );
    expect(signal?.link).toBe(`entry:${entry?.id}`);
    await page.goto(`/schools/${schoolId}/attention?rule=B5_CLB&status=handled`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('handled');
    // The attention page recalls the agreement from its reminder date on.
    const reminder = page.getByTestId('reminder-row').filter({ hasText: 'Elke ochtend aanmelden' });
    await reminder.waitFor();
    expect(await reminder.getAttribute('data-state')).toBe('upcoming');
    expect(await reminder.textContent()).toContain('09/03/2026');
    await screenshot(page, 'file-02-signal-handled');

    // Someone else edits the agreement meanwhile: saving the stale version shows the conflict, the text stays.
    await page.goto(`/pupils/${pupilId}/file`);
    await agreement.getByTestId('agreement-edit').click();
    await h.db.query(
      `UPDATE file_agreement SET who = 'Leerling, An Peeters en CLB', version = version + 1 WHERE pupil_id = $1`,
      [pupilId],
    );
    await page.getByTestId('agreement-edit-check').fill('Evaluatie met het CLB');
    await page.getByTestId('agreement-edit-save').click();
    const conflict = page.getByTestId('agreement-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Leerling, An Peeters en CLB');
    expect(await page.getByTestId('agreement-edit-check').inputValue()).toBe('Evaluatie met het CLB');
    await screenshot(page, 'file-03-agreement-conflict');

    // The PDF export lists the measures and their dates (checked with pdftotext).
    const response = await page.request.get(`/api/pupils/${pupilId}/file/export.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdfPath = join(h.tempDir, 'dossier.pdf');
    writeFileSync(pdfPath, await response.body());
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Leerlingendossier');
    expect(text).toContain(`${belgian(E2E_TODAY)} · Gesprek met de leerling`);
    expect(text).toContain('Gesprek over de ongewettigde afwezigheden');
    expect(text).toContain(`${belgian(E2E_TODAY)} · Signalering aan het CLB`);
    expect(text).toContain('Spijbelprofiel: Toenemend spijbelgedrag');
    expect(text).toContain('An Peeters (leerlingbegeleider)');
    expect(text).toContain(
      `Elke ochtend aanmelden bij de leerlingbegeleider · Leerling, An Peeters en CLB · tegen ${belgian(NEXT_WEEK)}`,
    );
    expect(text).toMatch(/afgehandeld — Gesignaleerd aan het CLB via het dossier/);
  });
});
