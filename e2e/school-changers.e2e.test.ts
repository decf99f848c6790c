// School changers in a real browser (docs/decisions/0035): the pupil page shows the half-days carried over from
// the previous school and where they come from. The import itself is tested in
// src/app/school-changers/school-changers.int.test.ts; here the counts are set as the import stores them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { type Harness, login, personaPupilId, startHarness } from './harness.ts';

const { excluded } = generateDemo().personas;

describe('school changers end to end', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('shows the carried-over B, Z and P with their source', async () => {
    const { page } = h;
    const pupilId = await personaPupilId(h, excluded);
    await login(page);
    await page.goto(`/pupils/${pupilId}?schoolYear=2025-2026`);
    await page.getByTestId('pupil-facts').waitFor();
    expect(await page.getByTestId('carried-over').count()).toBe(0);
    await h.db.query(
      `UPDATE enrolment SET carried_over_b = 3, carried_over_z = 1, carried_over_p = 0
       WHERE pupil_id = $1 AND school_year = '2025-2026'`,
      [pupilId],
    );
    await page.reload();
    const fact = page.getByTestId('carried-over');
    await fact.waitFor();
    expect(await fact.textContent()).toBe('3 halve dagen B, 1 Z, 0 P (uit de leerlingenimport)');
  });
});
