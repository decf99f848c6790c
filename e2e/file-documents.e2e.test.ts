// Documents in the pupil file in a real browser: a pupil counsellor uploads a small PDF to a pupil's file, sees it
// listed and downloads it byte for byte; a program (.exe) and a web page (.html) are refused with the reason shown,
// and nothing of them is stored.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { type Harness, login, screenshot, startHarness } from './harness.ts';

const LBG = 'lbg@aanwezig.demo';
const truant = generateDemo().personas.truant;

/** A minimal valid one-page PDF, written out by hand. */
function minimalPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj ${object} endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  return `${body}trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

describe('documents in the pupil file end to end', () => {
  let h: Harness;
  let pupilId: number;

  beforeAll(async () => {
    h = await startHarness();
    const schoolId = h.schoolIds[1] as number; // the truant persona is in the secondary school, like the LBG
    const [row] = await h.db.query<{ id: number }>(
      'SELECT id::int AS id FROM pupil WHERE school_id = $1 AND external_id = $2',
      [schoolId, truant.pupilId],
    );
    pupilId = row?.id as number;
  });
  afterAll(async () => {
    await h?.close();
  });

  const storedDocuments = async () =>
    (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_document WHERE pupil_id = $1', [pupilId]))[0]
      ?.n;

  it('uploads a PDF and lists it; refuses a program and a web page with the reason', async () => {
    const { page } = h;
    await login(page, LBG);
    await page.goto(`/pupils/${pupilId}/file`);
    const section = page.getByTestId('file-documents');
    await section.waitFor();
    expect(await storedDocuments()).toBe(0);

    // A small PDF: uploaded, listed with its name and type.
    const pdf = minimalPdf();
    await section.getByTestId('document-title-input').fill('Verslag oudergesprek');
    await section.getByTestId('document-level').selectOption('school+clb');
    await section.getByTestId('document-file').setInputFiles(h.writeUpload('verslag-oudergesprek.pdf', pdf));
    await section.getByTestId('document-submit').click();
    const row = section.locator('[data-testid="document-row"]', { hasText: 'Verslag oudergesprek' });
    await row.waitFor();
    expect(await row.getByTestId('document-meta').textContent()).toMatch(/verslag-oudergesprek\.pdf · PDF · /);
    expect(await section.getByTestId('document-notice').textContent()).toContain('staat in het dossier');
    expect(await storedDocuments()).toBe(1);

    // The download is the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('document-download').click()]);
    expect(download.suggestedFilename()).toBe('verslag-oudergesprek.pdf');
    expect(readFileSync(await download.path(), 'latin1')).toBe(pdf);

    // A program, even one that calls itself a PDF, and a web page: refused with the reason, nothing stored.
    const refused: [string, string][] = [
      ['setup.exe', `MZ${'\0'.repeat(62)}This program cannot be run in DOS mode.`],
      ['verslag.pdf', `MZ${'\0'.repeat(62)}This program cannot be run in DOS mode.`],
      ['pagina.html', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
    ];
    for (const [name, content] of refused) {
      await section.getByTestId('document-title-input').fill(`Poging ${name}`);
      await section.getByTestId('document-file').setInputFiles(h.writeUpload(name, content));
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith(`/api/pupils/${pupilId}/file/documents`) && r.request().method() === 'POST',
        ),
        section.getByTestId('document-submit').click(),
      ]);
      expect(response.status(), name).toBe(422);
      const problem = section.locator('[data-testid="document-problems"] li[data-code="forbidden-type"]');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('niet aanvaard');
      expect(await section.getByTestId('document-notice').textContent()).toContain('niet bewaard');
      await section.getByTestId('document-title-input').fill('');
    }
    await screenshot(page, 'file-documents');
    expect(await storedDocuments()).toBe(1);
    expect(await section.getByTestId('document-row').count()).toBe(1);
  });
});
