// The column-mapping step of the import page in Chromium: a register export with headers the server does not know
// is refused with a mapping form listing the file's columns; choosing them imports the file, the school remembers
// the mapping (the next file with those headers needs no form); the upload shows a progress bar; templates download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSchool, generateDemo } from '../src/demo/generate-demo.ts';
import { formatBelgianDate } from '../src/domain/half-day.ts';
import { type Harness, login, screenshot, startHarness } from './harness.ts';

const demo = generateDemo();
const secondary = demo.schools[1] as DemoSchool;
const { nearB5 } = demo.personas;

describe('import column mapping end to end', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks which column is which, imports with that mapping and remembers it for the school', async () => {
    const { page } = h;
    const free = nearB5.freeHalfDay;
    const header = 'Leerling;Wanneer;Moment;Reden';
    const row = `${nearB5.pupilId};${formatBelgianDate(free.date)};${free.half === 'AM' ? 'VM' : 'NM'};B`;
    const file = h.writeUpload('eigen-export.csv', `${header}\r\n${row}\r\n`);

    await login(page);
    await page.getByTestId('school-select').selectOption({ label: secondary.name });
    await page.getByTestId('nav-import').click();
    await page.waitForURL(/\/schools\/\d+\/import$/);
    await page.getByTestId('import-kind-register').check();

    // The template of the chosen kind downloads with the canonical headers.
    const href = (await page.getByTestId('import-template').getAttribute('href')) ?? '';
    expect(href).toMatch(/\/imports\/register\/template\.csv$/);
    const template = await page.request.get(href);
    expect(template.status()).toBe(200);
    expect((await template.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('pupil_id,date,half,code,note');

    // Hold the upload's answer so the progress bar can be seen while the import runs.
    let progressShown = false;
    await page.route('**/imports/register', async (route) => {
      await page.getByTestId('import-progress').waitFor();
      progressShown = true;
      await route.continue();
    });
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();

    const form = page.getByTestId('column-mapping');
    await form.waitFor();
    expect(progressShown).toBe(true);
    await page.unroute('**/imports/register');
    expect(await page.getByTestId('mapping-pupil_id').locator('option').allTextContents()).toEqual([
      '— niet in het bestand —',
      'Leerling',
      'Wanneer',
      'Moment',
      'Reden',
    ]);
    const missing = await page.locator('[data-testid="problem-row"][data-code="missing-column"]').count();
    expect(missing).toBe(4);
    expect(await page.getByTestId('import-applied').count()).toBe(0);
    await screenshot(page, '30-import-column-mapping');

    await page.getByTestId('mapping-pupil_id').selectOption('Leerling');
    await page.getByTestId('mapping-date').selectOption('Wanneer');
    await page.getByTestId('mapping-half').selectOption('Moment');
    await page.getByTestId('mapping-code').selectOption('Reden');
    await page.getByTestId('mapping-submit').click();
    const applied = page.getByTestId('import-applied');
    await applied.waitFor();
    expect(await applied.textContent()).toContain('1 rijen gelezen: 1 nieuw, 0 gewijzigd.');
    expect(await form.count()).toBe(0);
    const remembered = await h.db.query<{ mapping: Record<string, string> }>(
      `SELECT mapping FROM import_column_mapping WHERE kind = 'register'`,
    );
    expect(remembered.map((r) => r.mapping)).toEqual([
      { pupil_id: 'Leerling', date: 'Wanneer', half: 'Moment', code: 'Reden' },
    ]);

    // The same headers again: no form, the remembered mapping reads the file (which changes nothing now).
    await page.getByTestId('import-file').setInputFiles(h.writeUpload('eigen-export-2.csv', `${header}\r\n${row}\r\n`));
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-unchanged').waitFor();
    expect(await form.count()).toBe(0);
    await screenshot(page, '31-import-mapping-remembered');
  });
});
