// The self-scan as a document, independent of the output format: the same order and headings as seed 001
// (phases, tracks, goals with explanation, questions, score and focus; then the overview table per phase).
import { DOCUMENT, type Language, PHASES } from '../../domain/selfscan/instrument.ts';
import { REFLECTION_MODULE } from '../../domain/selfscan/reflection-module.ts';
import type { Selfscan } from './selfscan.service.ts';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'phase'; text: string }
  | { kind: 'track'; text: string }
  | { kind: 'goal'; text: string }
  | { kind: 'theme'; text: string }
  | { kind: 'paragraph'; text: string; bullet?: boolean; italic?: boolean }
  | { kind: 'question'; text: string; answer: string }
  | { kind: 'score'; label: string; score: string }
  | { kind: 'focus'; label: string; text: string }
  | { kind: 'table'; title: string; header: string[]; rows: TableRow[] }
  | { kind: 'page-break' };

/** A row of the overview table: a section heading (track) spans the row; a goal row has six cells. */
export type TableRow = { heading: string } | { cells: [string, string, string, string, string, string] };

const STATUS: Record<string, { nl: string; en: string }> = {
  planned: { nl: 'gepland', en: 'planned' },
  'in-progress': { nl: 'bezig', en: 'in progress' },
  done: { nl: 'klaar', en: 'done' },
  dropped: { nl: 'geschrapt', en: 'dropped' },
};

export function layoutSelfscan(scan: Selfscan, lang: Language): Block[] {
  const blocks: Block[] = [
    { kind: 'title', text: DOCUMENT.title[lang] },
    { kind: 'subtitle', text: DOCUMENT.subtitle[lang] },
    {
      kind: 'paragraph',
      text: `${scan.schoolName} · ${lang === 'nl' ? 'schooljaar' : 'school year'} ${scan.schoolYear}`,
      italic: true,
    },
  ];
  if (scan.participants.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: `${lang === 'nl' ? 'Deelnemers' : 'Participants'}: ${scan.participants.map((p) => `${p.name} (${p.organisation})`).join(', ')}`,
      italic: true,
    });
  for (const paragraph of DOCUMENT.introduction) blocks.push({ kind: 'paragraph', text: paragraph[lang] });
  blocks.push({ kind: 'paragraph', text: DOCUMENT.questionsPrompt[lang], italic: true });
  for (const phase of PHASES) {
    blocks.push({ kind: 'page-break' }, { kind: 'phase', text: phase.title[lang] });
    for (const paragraph of phase.intro ?? []) blocks.push({ kind: 'paragraph', text: paragraph.text[lang] });
    for (const track of phase.tracks) {
      if (track.title) blocks.push({ kind: 'track', text: track.title[lang] });
      let previousTitle = '';
      for (const goal of track.goals) {
        if (goal.title[lang] !== previousTitle || !goal.theme) blocks.push({ kind: 'goal', text: goal.title[lang] });
        previousTitle = goal.title[lang];
        if (goal.theme) blocks.push({ kind: 'theme', text: goal.theme[lang] });
        for (const p of goal.explanation) blocks.push({ kind: 'paragraph', text: p.text[lang], bullet: p.listItem });
        for (const q of goal.questions)
          blocks.push({ kind: 'question', text: q.text[lang], answer: scan.answers[q.id]?.answer ?? '' });
        const state = scan.goals[goal.id];
        blocks.push({
          kind: 'score',
          label: DOCUMENT.scorePrompt[lang],
          score: `${state?.score ?? '__'}/10`,
        });
        blocks.push({ kind: 'focus', label: DOCUMENT.focusPrompt[lang], text: state?.focus ?? '' });
      }
    }
  }
  const reflection = REFLECTION_MODULE.sections.flatMap((section) =>
    section.themes.flatMap((theme) =>
      theme.prompts.flatMap((prompt) => {
        const answer = scan.answers[prompt.id]?.answer ?? '';
        return answer ? [{ section, theme, prompt, answer }] : [];
      }),
    ),
  );
  if (reflection.length > 0) {
    blocks.push({ kind: 'page-break' }, { kind: 'phase', text: REFLECTION_MODULE.title[lang] });
    for (const item of reflection) blocks.push({ kind: 'question', text: item.prompt.text[lang], answer: item.answer });
  }
  blocks.push({ kind: 'page-break' });
  blocks.push(...overviewTables(scan, lang));
  blocks.push({ kind: 'track', text: DOCUMENT.sourcesTitle[lang] });
  for (const source of DOCUMENT.sources) blocks.push({ kind: 'paragraph', text: source, bullet: true });
  return blocks;
}

/** The closing table of seed 001 (lines 1040–1323), one per phase, filled with scores and actions. */
export function overviewTables(scan: Selfscan, lang: Language): Block[] {
  const c = DOCUMENT.columns;
  const header = [
    lang === 'nl' ? 'Doelstelling' : 'Goal',
    c.score[lang],
    `${c.what[lang]} (${c.whatHint[lang]})`,
    `${c.who[lang]} (${c.whoHint[lang]})`,
    `${c.when[lang]} (${c.whenHint[lang]})`,
    `${c.check[lang]} (${c.checkHint[lang]})`,
  ];
  const blocks: Block[] = [{ kind: 'phase', text: DOCUMENT.overviewTitle[lang] }];
  for (const phase of PHASES) {
    const rows: TableRow[] = [];
    for (const track of phase.tracks) {
      if (track.overviewTitle) rows.push({ heading: track.overviewTitle[lang] });
      for (const goal of track.goals) {
        const actions = scan.actions.filter((a) => a.goalId === goal.id);
        const lines = (pick: (a: (typeof actions)[number]) => string) => actions.map(pick).join('\n');
        const score = scan.goals[goal.id]?.score;
        rows.push({
          cells: [
            goal.theme ? `${goal.overviewTitle[lang]}\n– ${goal.theme[lang]}` : goal.overviewTitle[lang],
            score === null || score === undefined ? '' : `${score}/10`,
            lines((a) => `${a.what} (${STATUS[a.status]?.[lang] ?? a.status})`),
            lines((a) => a.who),
            lines((a) => a.due),
            lines((a) => a.check),
          ],
        });
      }
    }
    blocks.push({ kind: 'table', title: phase.overviewTitle[lang], header, rows });
  }
  return blocks;
}
