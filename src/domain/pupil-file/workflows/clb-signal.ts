// Workflow: signalling 5+ B half-days to the CLB (seed 001).
import { filled, type Problem, problem } from './problem.ts';

/** What the school passes on when it signals 5+ B half-days to the CLB (seed 001:494 and 001:498). */
export const CLB_SIGNAL_FIELDS = [
  { id: 'absenceCount', nl: 'Aantal afwezigheden', en: 'Number of absences' },
  { id: 'absenceReasons', nl: 'Redenen van de afwezigheden', en: 'Reasons for the absences' },
  { id: 'actionsTaken', nl: 'Wat werd al ondernomen', en: 'What has been done' },
  { id: 'whatWorks', nl: 'Wat werkt', en: 'What works' },
  { id: 'whatDoesNotWork', nl: 'Wat werkt minder', en: 'What does not work' },
  {
    id: 'underlyingProblems',
    nl: 'Eerste verkenning van de achterliggende problematiek',
    en: 'First view of underlying problems',
  },
  { id: 'truancyProfile', nl: 'Spijbelprofiel', en: 'Truancy profile' },
] as const;

/**
 * Seed 001:480 and 001:482: the school signals only after it has talked with the pupil about the absences;
 * a pupil who no longer comes (seed 003:280) can be signalled with a reason instead of that conversation.
 */
export function checkClbSignal(
  checklist: Partial<Record<string, string>>,
  facts: { pupilConversations: number; noConversationReason?: string },
): Problem[] {
  const problems: Problem[] = [];
  for (const field of CLB_SIGNAL_FIELDS)
    if (!filled(checklist[field.id]))
      problems.push(
        problem(field.id, 'required', `Vul in: ${field.nl.toLowerCase()}.`, `Fill in: ${field.en.toLowerCase()}.`),
      );
  if (facts.pupilConversations === 0 && !filled(facts.noConversationReason))
    problems.push(
      problem(
        'pupilConversation',
        'conversation-first',
        'Voer en noteer eerst een gesprek met de leerling over de afwezigheden, of leg uit waarom dat niet kan.',
        'First hold and record a conversation with the pupil about the absences, or explain why that is impossible.',
      ),
    );
  return problems;
}
