// A CLB doctor's entry in the pupil file reaches the school only by consent, in a real browser: the CLB doctor
// records a clb-arts entry for the chronically ill persona and shares it with the pupil counsellor; the
// counsellor sees it marked "gedeeld met toestemming", the care coordinator does not; after revoking, nobody does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { E2E_TODAY, type Harness, login, screenshot, startHarness } from './harness.ts';

const MARKER = 'Medische context: afspraken met de behandelende arts';
const ill = generateDemo().personas.chronicallyIll;

describe('sharing a CLB doctor entry by consent', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    const [row] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [h.schoolIds[0], ill.pupilId],
    );
    pupilId = row?.id as number;
  });
  afterAll(async () => {
    await h?.close();
  });

  const logout = async () => {
    await h.page.getByTestId('logout').click();
    await h.page.getByTestId('login-form').waitFor();
  };
  const entryVisible = async (email: string) => {
    await login(h.page, email);
    await h.page.goto(`/pupils/${pupilId}/file`);
    await h.page.getByTestId('file-timeline').getByTestId('timeline-item').first().waitFor();
    const text = (await h.page.getByTestId('file-timeline').textContent()) ?? '';
    return text.includes(MARKER);
  };

  it('the CLB doctor shares, the counsellor reads, the coordinator does not, revoking hides it again', async () => {
    const { page } = h;
    await login(page, 'clb-arts@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}/file`);
    await page.getByTestId('file-open-entry').click();
    await page.getByTestId('entry-form').waitFor();
    await page.getByTestId('entry-kind').selectOption('school-and-illness');
    await page.getByTestId('entry-date').fill(E2E_TODAY);
    await page.getByTestId('entry-who').fill('CLB-arts');
    await page.getByTestId('entry-what').fill(MARKER);
    await page.getByTestId('entry-level').selectOption('clb-arts');
    await page.getByTestId('entry-submit').click();
    const item = page.getByTestId('timeline-item').filter({ hasText: MARKER });
    await item.waitFor();
    await item.getByTestId('entry-consents-open').click();
    await item.getByLabel('Toestemming van (leerling, ouder …)').fill('Moeder');
    await item.getByLabel('Waarvoor').fill('Aanpassingen in de klas');
    await item.getByTestId('entry-consent-role-leerlingbegeleider').check();
    await item.getByLabel('Geldig tot en met').fill('2026-06-30');
    await item.getByTestId('entry-consent-save').click();
    await expect.poll(() => item.getByTestId('entry-consent').textContent()).toContain('geldig');
    await screenshot(page, 'consent-01-shared');
    await logout();

    expect(await entryVisible('leerlingbegeleider@aanwezig.demo')).toBe(true);
    const shared = page.getByTestId('timeline-item').filter({ hasText: MARKER });
    expect(await shared.getByTestId('entry-shared').textContent()).toBe('gedeeld met toestemming');
    await screenshot(page, 'consent-02-counsellor-reads');
    await logout();
    expect(await entryVisible('zorgcoordinator@aanwezig.demo')).toBe(false);
    await logout();

    await login(page, 'clb-arts@aanwezig.demo');
    await page.goto(`/pupils/${pupilId}/file`);
    const again = page.getByTestId('timeline-item').filter({ hasText: MARKER });
    await again.getByTestId('entry-consents-open').click();
    await again.getByTestId('entry-consent-revoke').click();
    await expect.poll(() => again.getByTestId('entry-consent').textContent()).toContain('ingetrokken');
    await logout();
    expect(await entryVisible('leerlingbegeleider@aanwezig.demo')).toBe(false);
  });
});
