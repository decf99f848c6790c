// The staff e-mail digest as text: a list of items (a pupil's name, what kind of item, a date and a link into the
// app), grouped by kind. Names and links only: no explanation, no codes, no agreement text, nothing of a pupil's
// health reaches an e-mail (issue 19; docs/notifications.md).

/** The kinds of items a digest lists, in the order of its sections. */
export const DIGEST_KINDS = ['legal-signal', 'agreement-overdue', 'agreement-due', 'clb-inbox'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export interface DigestItem {
  kind: DigestKind;
  /** Dedupe key within a kind (e.g. the signal or agreement id). */
  key: string;
  schoolName: string;
  /** The pupil the item is about (for the audit of the digest; never printed). */
  pupilId: number;
  pupilName: string;
  className: string | null;
  /** The date that matters: triggered on, due on, received on. */
  date: string;
  /** A path in the app (`/pupils/12/file`), made absolute with the public URL. */
  path: string;
}

const SECTION: Record<DigestKind, { title: string; dateLabel: string }> = {
  'legal-signal': { title: 'Nieuwe wettelijke signalen', dateLabel: 'sinds' },
  'agreement-overdue': { title: 'Afspraken over de vervaldatum', dateLabel: 'verviel op' },
  'agreement-due': { title: 'Afspraken die binnenkort vervallen', dateLabel: 'vervalt op' },
  'clb-inbox': { title: 'Nieuw in de CLB-inbox', dateLabel: 'ontvangen op' },
};

const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The digest of one user; `baseUrl` is the app's public address without a trailing slash. */
export function renderDigest(
  displayName: string,
  items: readonly DigestItem[],
  baseUrl: string,
  frequency: 'daily' | 'weekly',
): RenderedDigest {
  const period = frequency === 'weekly' ? 'wekelijks' : 'dagelijks';
  const subject = `Aanwezig: ${items.length} ${items.length === 1 ? 'punt' : 'punten'} om op te volgen`;
  const text: string[] = [`Beste ${displayName},`, '', `Uw ${period} overzicht uit Aanwezig.`];
  const html: string[] = [`<p>Beste ${escapeHtml(displayName)},</p>`, `<p>Uw ${period} overzicht uit Aanwezig.</p>`];
  for (const kind of DIGEST_KINDS) {
    const section = items.filter((i) => i.kind === kind);
    if (section.length === 0) continue;
    const { title, dateLabel } = SECTION[kind];
    text.push('', `${title} (${section.length})`);
    html.push(`<h2>${escapeHtml(title)} (${section.length})</h2>`, '<ul>');
    for (const item of section) {
      const who = `${item.pupilName}${item.className ? ` (${item.className})` : ''} · ${item.schoolName}`;
      const url = `${baseUrl}${item.path}`;
      text.push(`- ${who}, ${dateLabel} ${belgian(item.date)}: ${url}`);
      html.push(
        `<li><a href="${escapeHtml(url)}">${escapeHtml(who)}</a>, ${dateLabel} ${escapeHtml(belgian(item.date))}</li>`,
      );
    }
    html.push('</ul>');
  }
  const footer =
    'U krijgt deze e-mail omdat u in Aanwezig leerlingen opvolgt. De details staan enkel in de toepassing. ' +
    `Hoe vaak u dit overzicht krijgt, stelt u in op ${baseUrl}/settings/notifications.`;
  text.push('', footer);
  html.push(`<p>${escapeHtml(footer)}</p>`);
  return { subject, text: text.join('\n'), html: html.join('\n') };
}

/** Whether a digest of this frequency goes out on this civil date (weekly: Mondays). */
export function digestDue(frequency: 'daily' | 'weekly' | 'off', weekdayOfToday: number): boolean {
  if (frequency === 'off') return false;
  return frequency === 'daily' || weekdayOfToday === WEEKLY_DIGEST_WEEKDAY;
}

/** Weekly digests go out on Mondays (ISO weekday 1, as `weekday` of civil-date.ts counts). */
export const WEEKLY_DIGEST_WEEKDAY = 1;
