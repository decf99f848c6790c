// The foundation in a real browser: sign-in, the school overview of both demo schools, a pupil's heat-map,
// and the import page rejecting a faulty register file, applying a correct one and recognising a repeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPupil, type DemoSchool, generateDemo } from '../src/demo/generate-demo.ts';
import { DEMO_EMAIL, type Harness, login, screenshot, startHarness } from './harness.ts';

const YEAR = '2025-2026';
const inYear = (date: string) => date >= '2025-09-01' && date <= '2026-08-31';

const demo = generateDemo(); // the same seed seedDemo uses, so names, ids and counts match the database
const [primary, secondary] = demo.schools as [DemoSchool, DemoSchool];
const { truant, nearB5 } = demo.personas;

function pupilOf(school: DemoSchool, pupilId: string): DemoPupil {
  const pupil = school.pupils.find((candidate) => candidate.pupilId === pupilId);
  if (!pupil) throw new Error(`demo pupil ${pupilId} not found in ${school.name}`);
  return pupil;
}

const enrolledThisYear = (school: DemoSchool) =>
  school.pupils.filter((pupil) => pupil.enrolments.some((enrolment) => enrolment.schoolYear === YEAR));

const bCount = (school: DemoSchool, pupilId: string) =>
  school.register.filter((row) => row.pupilId === pupilId && row.code === 'B' && inYear(row.date)).length;

describe('foundation end to end', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('rejects a wrong password with a visible Dutch message', async () => {
    const { page } = h;
    await page.goto('/');
    await page.waitForURL(/\/login$/); // not signed in: the app sends us to the login page
    await page.getByTestId('login-email').fill(DEMO_EMAIL);
    await page.getByTestId('login-password').fill('helemaal-fout');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toBe('Onbekend e-mailadres of verkeerd wachtwoord.');
    expect(page.url()).toMatch(/\/login$/);
    expect(await page.getByTestId('login-password').inputValue()).toBe(''); // the password is cleared
    await screenshot(page, '01-login-wrong-password');
  });

  it('signs in and shows the pupils of both demo schools', async () => {
    const { page } = h;
    await login(page);

    const select = page.getByTestId('school-select');
    const options = await select.locator('option').allTextContents();
    expect(options.sort()).toEqual([primary.name, secondary.name].sort());
    expect(await page.getByTestId('school-year-select').inputValue()).toBe(YEAR);

    for (const school of [primary, secondary]) {
      await select.selectOption({ label: school.name });
      const expected = enrolledThisYear(school);
      const total = page.getByTestId('pupil-total');
      await expect
        .poll(() => total.textContent())
        .toContain(`${new Intl.NumberFormat('nl-BE').format(expected.length)} leerlingen`);
      expect(await page.locator('h1').textContent()).toContain(school.name);

      // The first page is full and every row names a pupil of this school, with their pupil number.
      const rows = page.getByTestId('pupil-row');
      expect(await rows.count()).toBe(Math.min(50, expected.length));
      const names = new Set(expected.map((pupil) => `${pupil.lastName}, ${pupil.firstName}${pupil.pupilId}`));
      const shown = await rows.locator('th').allTextContents();
      for (const text of shown) expect(names.has(text)).toBe(true);
      await screenshot(page, `02-overview-${school.institutionNumber}`);
    }
  });

  it('finds the truant pupil with the search box and shows B cells in the heat-map', async () => {
    const { page } = h;
    const pupil = pupilOf(secondary, truant.pupilId);
    const expectedB = bCount(secondary, truant.pupilId);
    expect(expectedB).toBeGreaterThan(5); // the persona is a real truant, else this test proves little

    await page.getByTestId('school-select').selectOption({ label: secondary.name });
    await page.getByTestId('filter-search').fill(truant.pupilId);
    const rows = page.getByTestId('pupil-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('th').textContent()).toBe(`${pupil.lastName}, ${pupil.firstName}${pupil.pupilId}`);
    expect(await rows.locator('td[data-code="B"]').textContent()).toBe(String(expectedB));
    await screenshot(page, '03-overview-search-truant');

    await rows.getByRole('link').click();
    await page.waitForURL(/\/pupils\/\d+$/);
    await page.getByTestId('heat-map').waitFor();
    expect(await page.getByTestId('pupil-name').textContent()).toBe(`${pupil.lastName}, ${pupil.firstName}`);
    const bCells = page.locator('[data-testid="heat-map"] .heat-cell[data-code="B"]');
    expect(await bCells.count()).toBe(expectedB);
    expect(await bCells.first().textContent()).toBe('B');
    expect(
      await page.locator('[data-testid="pupil-counts"] li[data-code="B"] .code-counts__number').textContent(),
    ).toBe(String(expectedB));
    await screenshot(page, '04-pupil-truant-heat-map');
  });

  it('refuses a register file with errors, lists exactly the faulty rows and reads in nothing', async () => {
    const { page } = h;
    const free = nearB5.freeHalfDay;
    const file = h.writeUpload(
      'register-met-fouten.csv',
      [
        'pupil_id,date,half,code,note',
        `${nearB5.pupilId},${free.date},${free.half},B,`, // row 2: fine
        `${nearB5.pupilId},2026-02-25,PM,B,woensdagnamiddag`, // row 3: Wednesday afternoon, no school
        `${nearB5.pupilId},2025-09-26,PM,B,`, // row 4: fine (already in the register)
        `${nearB5.pupilId},2025-10-17,PM,XYZ,`, // row 5: unknown code
        '',
      ].join('\n'),
    );

    await page.getByTestId('school-select').selectOption({ label: secondary.name });
    await page.getByTestId('nav-import').click();
    await page.waitForURL(/\/schools\/\d+\/import$/);
    const historyBefore = await historyRows(h);

    await page.getByTestId('import-kind-register').check();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();

    const count = page.getByTestId('problem-count');
    await count.waitFor();
    expect(await count.textContent()).toBe('2 problemen, niets ingelezen');
    const problems = page.getByTestId('problem-row');
    expect(await problems.count()).toBe(2);
    const cells = async (index: number) => problems.nth(index).locator('td').allTextContents();
    expect(await cells(0)).toEqual(['3', 'date', '25/02/2026 NM is geen schoolhalve dag volgens de kalender.']);
    expect(await problems.nth(0).getAttribute('data-code')).toBe('not-a-school-half-day');
    expect(await cells(1)).toEqual(['5', 'code', '"XYZ" is geen gekende afwezigheidscode.']);
    expect(await problems.nth(1).getAttribute('data-code')).toBe('unknown-code');
    expect(await page.getByTestId('import-applied').count()).toBe(0);
    expect(await historyRows(h)).toBe(historyBefore); // a refused file leaves no import behind
    await screenshot(page, '05-import-problems');
  });

  it('applies a correct register file, then recognises the same file as unchanged', async () => {
    const { page } = h;
    const free = nearB5.freeHalfDay;
    const file = h.writeUpload(
      'register-b5.csv',
      ['pupil_id,date,half,code,note', `${nearB5.pupilId},${free.date},${free.half},B,spijbelen`, ''].join('\n'),
    );
    const historyBefore = await historyRows(h);

    await page.getByTestId('import-kind-register').check();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const applied = page.getByTestId('import-applied');
    await applied.waitFor();
    const appliedText = await applied.textContent();
    expect(appliedText).toContain('Het bestand werd ingelezen.');
    expect(appliedText).toContain('register-b5.csv');
    // One new row proves the earlier, refused file (which held the same row) really read in nothing.
    expect(appliedText).toContain('1 rijen gelezen: 1 nieuw, 0 gewijzigd.');
    await expect.poll(() => historyRows(h)).toBe(historyBefore + 1);
    await screenshot(page, '06-import-applied');

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const unchanged = page.getByTestId('import-unchanged');
    await unchanged.waitFor();
    expect(await unchanged.textContent()).toContain('Dit bestand werd al ingelezen, er is niets gewijzigd.');
    expect(await page.getByTestId('import-applied').count()).toBe(0);
    await screenshot(page, '07-import-unchanged');

    // The pupil page now shows the fifth B on the free half-day.
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('filter-search').fill(nearB5.pupilId);
    const rows = page.getByTestId('pupil-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.getByRole('link').click();
    await page.getByTestId('heat-map').waitFor();
    const cell = page.locator(
      `[data-testid="heat-map"] .heat-cell[data-date="${free.date}"][data-half="${free.half}"]`,
    );
    expect(await cell.getAttribute('data-code')).toBe('B');
    expect(await page.locator('[data-testid="heat-map"] .heat-cell[data-code="B"]').count()).toBe(
      bCount(secondary, nearB5.pupilId) + 1,
    );
    await screenshot(page, '08-pupil-near-b5-after-import');
  });
});

/** Rows in the import history table (0 while it is empty). */
async function historyRows(h: Harness): Promise<number> {
  const { page } = h;
  await page.locator('[data-testid="import-history"], .import-page .section p.muted').first().waitFor();
  return page.getByTestId('import-history-row').count();
}
