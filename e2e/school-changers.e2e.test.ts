// School changers in a real browser (docs/decisions/0035): the pupil page shows the half-days carried over from
// the previous school and where they come from. The import itself is tested in
// src/app/school-changers/school-changers.int.test.ts; here the counts are set as the import stores them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { type Harness, login, startHarness } from './harness.ts';

const { excluded } = generateDemo().personas;

describe('school changers end to end', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    const rows = await h.db.query<{ pupilId: number }>(
      `SELECT p.id::int AS "pupilId" FROM pupil p JOIN organisation o ON o.id = p.school_id
       WHERE o.institution_number = $1 AND p.external_id = $2`,
      [excluded.institutionNumber, excluded.pupilId],
    );
    pupilId = rows[0]?.pupilId ?? -1;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the carried-over B, Z and P with their source', async () => {
    const { page } = h;
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
