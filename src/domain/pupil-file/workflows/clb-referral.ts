// Workflow: the referral (aanmelding) of a pupil to the CLB for a CLB trajectory, with its grounds (seed 003 §2.1).
import { filled, type Problem, problem } from './problem.ts';

/** "Wanneer meld je zeker aan bij het CLB?" (seed 003:266-282): at least one ground. */
export const CLB_REFERRAL_GROUNDS = [
  {
    id: 'trajectory-not-working',
    nl: 'Het traject van de school rendeert niet en/of de afwezigheden blijven toenemen ondanks het begeleidend traject van de school',
    en: 'The school’s trajectory does not work and/or absences keep rising despite the school’s support',
    source: '003:268-273',
  },
  {
    id: 'underlying-problem',
    nl: 'Er is een onderliggende problematiek die best opgevolgd wordt in de uitbreiding van zorg (expertise van het CLB of doorverwijzing)',
    en: 'There is an underlying problem best followed up in extended care (CLB expertise or referral)',
    source: '003:274-279',
  },
  {
    id: 'no-longer-comes',
    nl: 'De leerling komt niet meer naar school',
    en: 'The pupil no longer comes to school',
    source: '003:280',
  },
] as const;

/** What the referral passes on (seed 003:160-165, 003:284-291). */
export const CLB_REFERRAL_FIELDS = [
  {
    id: 'causeClarification',
    nl: 'Wat de school uitklaarde over de oorzaak (vraagverheldering)',
    en: 'What the school clarified about the cause',
  },
  { id: 'actionsTaken', nl: 'Wat de school al ondernam', en: 'What the school has already done' },
  {
    id: 'parentsInformed',
    nl: 'Hoe en wanneer de ouders hoorden dat de school de situatie met het CLB bespreekt',
    en: 'How and when the parents were told the school discusses the situation with the CLB',
  },
  { id: 'helpQuestion', nl: 'De hulpvraag (samen met de ouders verwoord)', en: 'The request for help' },
] as const;

export interface ClbReferralInput {
  grounds: readonly string[];
  answers: Partial<Record<string, string>>;
}

/** Every unmet precondition: at least one ground, and every field (the parents are told first, seed 003:284). */
export function checkClbReferral(input: ClbReferralInput): Problem[] {
  const problems: Problem[] = [];
  const known = new Set<string>(CLB_REFERRAL_GROUNDS.map((g) => g.id));
  if (!input.grounds.some((g) => known.has(g)))
    problems.push(
      problem(
        'grounds',
        'ground-required',
        'Kies minstens één reden om aan te melden bij het CLB.',
        'Choose at least one ground for the referral to the CLB.',
      ),
    );
  for (const field of CLB_REFERRAL_FIELDS)
    if (!filled(input.answers[field.id]))
      problems.push(
        problem(
          `answers.${field.id}`,
          'required',
          `Vul in: ${field.nl.toLowerCase()}.`,
          `Fill in: ${field.en.toLowerCase()}.`,
        ),
      );
  return problems;
}
