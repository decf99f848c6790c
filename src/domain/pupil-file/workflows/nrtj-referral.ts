// Workflow: non-directly accessible youth care (NRTJ) through the toegangspoort with an A-document (seed 000:127-132).
import { clbInvolvementFirst, filled, type Problem, problem, validDate } from './problem.ts';

/** What NRTJ is mostly about (seed 000:129-132). */
export const NRTJ_SECTORS = [
  { id: 'opgroeien', nl: 'Voorziening binnen de jeugdhulp (Opgroeien)', en: 'Youth-care facility (Opgroeien)' },
  { id: 'vaph-mfc', nl: 'Multifunctioneel centrum (VAPH)', en: 'Multifunctional centre (VAPH)' },
  { id: 'other', nl: 'Andere niet rechtstreeks toegankelijke jeugdhulp', en: 'Other non-directly accessible care' },
] as const;

export interface NrtjInput {
  sector?: string;
  submittedOn?: string;
  /** Why directly accessible help is not enough (subsidiarity, seed 000:92-93). */
  motivation?: string;
  /** How pupil and parents were involved in the request. */
  familyInvolvement?: string;
}

const SECTOR_IDS: readonly string[] = NRTJ_SECTORS.map((s) => s.id);

/** The A-document goes through the toegangspoort after the CLB weighed the lighter routes (seed 000:91-132). */
export function checkNrtjReferral(input: NrtjInput, facts: { clbInvolved: boolean; today: string }): Problem[] {
  const problems: Problem[] = [];
  if (!facts.clbInvolved)
    problems.push(
      clbInvolvementFirst({
        nl: 'Een A-document via de toegangspoort',
        en: 'An A-document through the toegangspoort',
      }),
    );
  if (!SECTOR_IDS.includes(input.sector ?? ''))
    problems.push(problem('sector', 'required', 'Kies de gevraagde jeugdhulp.', 'Choose the care requested.'));
  if (!validDate(input.submittedOn) || input.submittedOn > facts.today)
    problems.push(
      problem(
        'submittedOn',
        'required',
        'Vul de datum in waarop het A-document werd ingediend (vandaag of vroeger).',
        'Fill in the date the A-document was submitted (today or earlier).',
      ),
    );
  if (!filled(input.motivation))
    problems.push(
      problem(
        'motivation',
        'required',
        'Motiveer waarom rechtstreeks toegankelijke hulp niet volstaat.',
        'Explain why directly accessible help is not enough.',
      ),
    );
  if (!filled(input.familyInvolvement))
    problems.push(
      problem(
        'familyInvolvement',
        'required',
        'Beschrijf hoe de jongere en de ouders bij de aanvraag betrokken zijn.',
        'Describe how the young person and the parents are involved in the request.',
      ),
    );
  return problems;
}
