// School refusal (seed 002, the HOGENT tool), §1.6: how each one involved sees the situation.
import { filled, type Problem, problem } from './problem.ts';
import { PARENT_STAKEHOLDERS, STAKEHOLDER_BY_ID, stakeholderProblems } from './stakeholders.ts';

/** §1.6: how each one involved sees the situation (seed 002:945). */
export const PERSPECTIVE_COLUMNS = [
  { id: 'whatIsGoingOn', nl: 'Wat is er aan de hand?', en: 'What is going on?', source: '002:945' },
  {
    id: 'pupilExperience',
    nl: 'Hoe denk je dat de jongere zijn situatie beleeft?',
    en: 'How do you think the pupil experiences the situation?',
    source: '002:945',
  },
] as const;

export interface PerspectiveRow {
  stakeholder: string;
  /** "namelijk …": who the school staff member, helper or other person is (002:955-968). */
  name?: string;
  whatIsGoingOn?: string;
  pupilExperience?: string;
}

/**
 * §1.6 (seed 002:929-978): every perspective mapped before an approach is worked out (002:934-941, 002:1248-1250).
 * The pupil's own view comes first (002:947, 002:1193-1195) and the parents' view is asked too (002:867-871).
 */
export function checkPerspectives(rows: readonly PerspectiveRow[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const heard = new Set<string>();
  rows.forEach((row, index) => {
    const field = STAKEHOLDER_BY_ID.has(row.stakeholder) ? `rows.${row.stakeholder}` : `rows.${index}`;
    if (seen.has(row.stakeholder))
      problems.push(problem(field, 'duplicate', 'Eén rij per betrokkene.', 'One row per person involved.'));
    seen.add(row.stakeholder);
    problems.push(...stakeholderProblems(row, field));
    if (!PERSPECTIVE_COLUMNS.some((c) => filled(row[c.id])))
      problems.push(
        problem(field, 'empty', 'Vul het perspectief van deze betrokkene in.', 'Fill in the view of this person.'),
      );
    else heard.add(row.stakeholder);
  });
  if (!heard.has('pupil'))
    problems.push(
      problem(
        'rows.pupil',
        'pupil-perspective',
        'Breng het perspectief van de jongere zelf in kaart: vraag het de jongere.',
        "Map the pupil's own view: ask the pupil.",
      ),
    );
  if (!PARENT_STAKEHOLDERS.some((p) => heard.has(p)))
    problems.push(
      problem(
        'rows.parent1',
        'parents-perspective',
        'Breng ook het perspectief van de ouders in kaart.',
        "Map the parents' view too.",
      ),
    );
  return problems;
}
