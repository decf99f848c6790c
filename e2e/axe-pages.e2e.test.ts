// Accessibility of the pages that are not menu items (the menu pages are checked for every role in
// roles.e2e.test.ts): the pupil page, the pupil file with a form opened, and a self-scan goal. axe-core reports
// WCAG 2.1 A/AA violations; the CSP stays as the server sends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { axeViolations } from './axe.ts';
import { type Harness, login, startHarness } from './harness.ts';

describe('pages reached from the menu pages have no accessibility violation', () => {
  let h: Harness;
  let truantId: number;
  let secondary: number;

  beforeAll(async () => {
    h = await startHarness();
    secondary = h.schoolIds[1] as number;
    const [row] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [secondary, generateDemo().personas.truant.pupilId],
    );
    truantId = row?.id as number;
  });
  afterAll(async () => {
    await h?.close();
  });

  const settle = async (testId: string) => {
    await h.page.getByTestId(testId).first().waitFor();
    await h.page.waitForLoadState('networkidle');
  };

  it('the pupil page, the pupil file with the measure form open, and a self-scan goal', async () => {
    await login(h.page, 'lbg@aanwezig.demo'); // the secondary school's pupil counsellor
    const findings: string[] = [];
    await h.page.goto(`/pupils/${truantId}`);
    await settle('pupil-signals');
    findings.push(...(await axeViolations(h.page)).map((v) => `pupil page: ${v}`));
    await h.page.goto(`/pupils/${truantId}/file`);
    await settle('timeline-item');
    await h.page.getByTestId('file-open-entry').click();
    await settle('entry-handles');
    findings.push(...(await axeViolations(h.page)).map((v) => `pupil file: ${v}`));
    await h.context.clearCookies();
    await login(h.page, 'zorgcoordinator@aanwezig.demo');
    await h.page.getByTestId('nav-selfscan').click();
    await h.page.getByTestId('selfscan-start').click();
    await h.page.getByTestId('selfscan-row-f0-registratie').locator('a').click();
    await settle('selfscan-score');
    findings.push(...(await axeViolations(h.page)).map((v) => `self-scan goal: ${v}`));
    expect(findings).toEqual([]);
  });
});
