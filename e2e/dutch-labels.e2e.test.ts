// Dutch everywhere: the Dutch rendering of the attention list, a pupil page, the pupil file (timeline and the
// "handles this signal" menu), the thuiszitters tables, the dashboards and the audit log, read in Chromium as
// the roles that use them, shows no rule id of the catalog, no internal timeline or audit id and none of the
// English labels these screens used to show ("Register · absence", AM/PM, "handled" …).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo.ts';
import { AUDIT_ACTION_LABELS, EVENT_KIND_LABELS } from '../src/domain/labels.ts';
import { ENGLAND_CATALOG, VLAANDEREN_CATALOG } from '../src/domain/rules/index.ts';
import { type Harness, login, startHarness } from './harness.ts';

const RULE_IDS = [...VLAANDEREN_CATALOG.rules, ...ENGLAND_CATALOG.rules].map((rule) => rule.id);
/** Event-kind ids that cannot be mistaken for their own Dutch label (e.g. "pupil-conversation", not "time-out"). */
const EVENT_KIND_IDS = Object.entries(EVENT_KIND_LABELS)
  .filter(([id, label]) => !label.nl.toLowerCase().includes(id.toLowerCase()))
  .map(([id]) => id);
const AUDIT_ACTION_IDS = Object.keys(AUDIT_ACTION_LABELS);
/** English words and labels found on these screens before they were translated (case-sensitive, whole words). */
const ENGLISH = [
  'AM',
  'PM',
  'absence',
  'Register · absence',
  'Signal',
  'Measure',
  'acknowledged',
  'handled',
  'dropped',
  'done',
  'new',
  'Loading',
  'Pupil',
  'pupil',
  'School year',
  'Show table',
  'Download',
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text: string) => new RegExp(`(?<![\\w-])${escapeRegExp(text)}(?!\\w)`);

/** Everything a reader sees on the page: the body text plus the texts of every option in a menu. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads
      document.body.innerText,
      ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? ''),
      ...[...document.querySelectorAll('summary, caption')].map((o) => o.textContent ?? ''),
    ].join('\n'),
  );
}

async function settled(page: Page, testId?: string): Promise<void> {
  await page.locator('main#main').waitFor();
  if (testId) await page.getByTestId(testId).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('main p.status') === null);
}

/** The forbidden ids and English words on the page, each with the line it stands on. */
function findings(text: string, extraIds: readonly string[] = []): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  for (const needle of [...RULE_IDS, ...EVENT_KIND_IDS, ...extraIds, ...ENGLISH]) {
    const pattern = word(needle);
    const line = lines.find((l) => pattern.test(l));
    if (line !== undefined) found.push(`${needle} in "${line.trim().slice(0, 120)}"`);
  }
  return found;
}

describe('the Dutch interface shows no rule id and no English label', () => {
  let h: Harness;
  let secondary: number;
  let truantId: number;

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

  const check = async (path: string, testId: string | undefined, extraIds: readonly string[] = [], open?: string) => {
    await h.page.goto(path);
    await settled(h.page, testId);
    // A form shown on demand (the measure with its "handles this signal" menu) is opened first.
    if (open) await h.page.getByTestId(open).click();
    const text = await visibleText(h.page);
    expect(text.length, `${path} rendered nothing`).toBeGreaterThan(200);
    expect(/geen toegang/i.test(text), `${path} refused`).toBe(false);
    return findings(text, extraIds).map((f) => `${path}: ${f}`);
  };

  it('for the pupil counsellor: attention list, pupil page, pupil file, thuiszitters and the school dashboard', async () => {
    await login(h.page, 'lbg@aanwezig.demo');
    const found = [
      ...(await check(`/schools/${secondary}/attention`, 'attention-row')),
      ...(await check(`/pupils/${truantId}`, 'pupil-signals')),
      ...(await check(`/pupils/${truantId}/file`, 'timeline-item', [], 'file-open-entry')),
      ...(await check(`/schools/${secondary}/thuiszitters`, undefined)),
      ...(await check(`/schools/${secondary}/monitor`, 'chart-signals')),
    ];
    // The timeline holds register lines, signals and their Dutch labels, and the menu offers the open signals.
    await h.page.goto(`/pupils/${truantId}/file`);
    await settled(h.page, 'timeline-item');
    await expect
      .poll(() => h.page.locator('[data-testid="timeline-item"][data-source="register"]').count())
      .toBeGreaterThan(0);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads
    expect(await h.page.locator('[data-testid="timeline-item"][data-source="register"]').first().innerText()).toMatch(
      /Afwezig[\s\S]*\b(VM|NM)\b/,
    );
    // The "handles this signal" menu names the open signals by their Dutch title.
    await h.page.getByTestId('file-open-entry').click();
    const handles = await h.page.getByTestId('entry-handles').locator('option').allTextContents();
    expect(handles.length).toBeGreaterThan(1);
    expect(handles.slice(1).every((option) => /^[A-Z0-9][^_]* · \d{2}\/\d{2}\/\d{4}$/.test(option))).toBe(true);
    expect(found).toEqual([]);
  });

  it('for the CLB and the analist: the CLB and region dashboards and the thuiszitters of all schools', async () => {
    await h.context.clearCookies();
    await login(h.page, 'clb@aanwezig.demo');
    const found = [
      ...(await check(h.page.url().replace(h.baseUrl, ''), 'chart-signals')),
      ...(await check('/monitor/thuiszitters', undefined)),
    ];
    await h.context.clearCookies();
    await login(h.page, 'analist@aanwezig.demo');
    found.push(...(await check(h.page.url().replace(h.baseUrl, ''), 'chart-signals')));
    expect(found).toEqual([]);
  });

  it('for the beheerder: the audit log names its actions in Dutch', async () => {
    await h.context.clearCookies();
    await login(h.page, 'admin@aanwezig.demo');
    expect(await check('/admin/audit', 'audit-table', AUDIT_ACTION_IDS)).toEqual([]);
  });

  it('for the directie and the care team: letter templates, care meetings and the e-mail settings', async () => {
    await h.context.clearCookies();
    await login(h.page, 'lbg@aanwezig.demo');
    const found = [
      ...(await check(`/schools/${secondary}/care-meetings`, 'care-meetings', [], 'care-open-new')),
      ...(await check(`/pupils/${truantId}/file`, 'timeline-item', [], 'file-open-letter')),
      ...(await check('/settings/notifications', 'notification-settings')),
    ];
    await h.context.clearCookies();
    await login(h.page, 'directie@aanwezig.demo');
    const school = h.page.url().match(/\/schools\/(\d+)/)?.[1];
    found.push(...(await check(`/schools/${school}/letters`, 'letter-templates')));
    expect(found).toEqual([]);
  });
});
