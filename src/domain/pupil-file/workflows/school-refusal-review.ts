// School refusal (seed 002, the HOGENT tool), §1.7 and §2.2: what was and is being done.
import { filled, type Problem, problem } from './problem.ts';
import { stakeholderProblems } from './stakeholders.ts';

/** §1.7 and §2.2: the columns of "what was and is being done" (seed 002:1062-1066, 002:1319-1323). */
export const REVIEW_COLUMNS = [
  { id: 'done', nl: 'Wat heb ik ondernomen?', en: 'What did I do?', source: '002:1062, 002:1319' },
  { id: 'effect', nl: 'Wat was het effect?', en: 'What was the effect?', source: '002:1062-1063, 002:1320' },
  {
    id: 'needed',
    nl: 'Wat is er nodig en hoe kan ik (of wie nog) hiertoe bijdragen?',
    en: 'What is needed and how can I (or who else) contribute?',
    source: '002:1065-1066, 002:1322-1323',
  },
] as const;

/** §1.7 in phase 1 (seed 002:1016-1089) or its update at the start of phase 2, §2.2 (002:1268-1346). */
export const REVIEW_STAGES = [
  {
    id: 'phase-1',
    nl: 'Fase 1: wat werd en wordt er ondernomen?',
    en: 'Phase 1: what was and is being done?',
    source: '002:1016-1089',
  },
  { id: 'phase-2', nl: 'Fase 2: update', en: 'Phase 2: update', source: '002:1268-1346' },
] as const;

/** How communication runs quickly and effectively (seed 002:1055-1058, 002:1314-1317). */
export const REVIEW_CHANNELS = [
  { id: 'conversation', nl: 'gesprek', en: 'conversation' },
  { id: 'email', nl: 'mail', en: 'email' },
  { id: 'smartschool', nl: 'Smartschool', en: 'Smartschool' },
  { id: 'phone', nl: 'telefoon', en: 'phone' },
  { id: 'social-media', nl: 'sociale media', en: 'social media' },
] as const;

interface ReviewRow {
  stakeholder: string;
  name?: string;
  done?: string;
  effect?: string;
  needed?: string;
}

export interface SchoolRefusalReviewInput {
  stage?: string;
  rows: readonly ReviewRow[];
  /** The spilfiguur: keeps feeling with the situation at every moment, everyone's point of contact (002:1031-1040). */
  pivot?: string;
  /** Who directs: brings people together, makes agreements, guards the possibilities (002:1042-1045, 002:1299-1302). */
  regie?: string;
  /** The CLB's part, preferably involved to connect with the helpers (002:1047-1053); optional. */
  clbRole?: string;
  channels?: readonly string[];
  communication?: string;
}

/**
 * §1.7 / §2.2 (seed 002:1016-1089, 002:1268-1346): rows of what was done, its effect and what is needed, with the
 * pupil's own row (002:1068, 002:1325); the roles — spilfiguur and regie — named (002:1029-1045, 002:1284-1302);
 * how communication runs made concrete (002:1055-1058, 002:1314-1317).
 */
export function checkSchoolRefusalReview(input: SchoolRefusalReviewInput): Problem[] {
  const problems: Problem[] = [];
  if (!REVIEW_STAGES.some((s) => s.id === input.stage))
    problems.push(
      problem(
        'stage',
        'stage',
        'Kies fase 1 (1.7) of de update in fase 2 (2.2).',
        'Choose phase 1 (1.7) or the phase 2 update (2.2).',
      ),
    );
  if (input.rows.length === 0)
    problems.push(problem('rows', 'required', 'Voeg minstens één rij toe.', 'Add at least one row.'));
  input.rows.forEach((row, index) => {
    const field = `rows.${index}`;
    problems.push(...stakeholderProblems(row, field));
    for (const column of REVIEW_COLUMNS)
      if (!filled(row[column.id]))
        problems.push(
          problem(
            `${field}.${column.id}`,
            'required',
            `Vul in: ${column.nl.toLowerCase()}`,
            `Fill in: ${column.en.toLowerCase()}`,
          ),
        );
  });
  if (input.rows.length > 0 && !input.rows.some((r) => r.stakeholder === 'pupil'))
    problems.push(
      problem(
        'rows.pupil',
        'pupil-view',
        'Neem ook op wat volgens de jongere nodig is.',
        'Include what the pupil thinks is needed as well.',
      ),
    );
  if (!filled(input.pivot))
    problems.push(
      problem(
        'pivot',
        'required',
        'Duid de spilfiguur aan: wie houdt voeling met de situatie en is het aanspreekpunt voor iedereen?',
        'Name the spilfiguur: who keeps in touch with the situation and is everyone’s point of contact?',
      ),
    );
  if (!filled(input.regie))
    problems.push(
      problem(
        'regie',
        'required',
        'Duid aan wie de regie neemt: mensen samenbrengen, afspraken maken, mogelijkheden bewaken.',
        'Name who directs: brings people together, makes agreements, guards the possibilities.',
      ),
    );
  const channels = input.channels ?? [];
  if (channels.length === 0 || channels.some((c) => !REVIEW_CHANNELS.some((k) => k.id === c)))
    problems.push(
      problem(
        'channels',
        'communication',
        'Maak concreet hoe de communicatie snel en doeltreffend verloopt: kies minstens één kanaal.',
        'Make concrete how communication runs quickly and effectively: choose at least one channel.',
      ),
    );
  return problems;
}
