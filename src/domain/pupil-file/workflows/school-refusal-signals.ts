// School refusal (seed 002, the HOGENT tool), §1.1: the signals that can point to it.
import { filled, type Problem, problem } from './problem.ts';

/** §1.1: the (combination of) signals that can point to school refusal (seed 002:636-665, asked at 002:713-719). */
export const SCHOOL_REFUSAL_SIGNALS = [
  {
    id: 'returnAfterBreak',
    nl: 'Na een vakantie, weekend of ziekteperiode het herhaaldelijk moeilijk hebben om terug naar school te komen',
    en: 'Repeatedly finding it hard to come back to school after a holiday, weekend or illness',
    source: '002:636-639',
  },
  {
    id: 'fallingMarks',
    nl: 'Tegenvallende of dalende cijfers',
    en: 'Disappointing or falling marks',
    source: '002:641',
  },
  { id: 'growingAbsences', nl: 'Groeiend aantal afwezigheden', en: 'Growing number of absences', source: '002:643' },
  {
    id: 'schoolChange',
    nl: 'Schoolverandering(en) en/of zittenblijven',
    en: 'Change(s) of school and/or repeating a year',
    source: '002:645',
  },
  {
    id: 'shortAbsences',
    nl: '(Korte) periodes van afwezigheid, misschien op vaste dagen of uren, ook al is de afwezigheid gewettigd',
    en: '(Short) periods of absence, maybe on fixed days or hours, even when justified',
    source: '002:647-649',
  },
  {
    id: 'behaviourChange',
    nl: 'Verandering in het gedrag (opvallend stiller dan gewoonlijk, of net niet)',
    en: 'A change in behaviour (notably quieter than usual, or the opposite)',
    source: '002:651-653',
  },
  {
    id: 'physicalComplaints',
    nl: 'Fysieke klachten op school, soms met de vraag om contact op te nemen met thuis',
    en: 'Physical complaints at school, sometimes asking to contact home',
    source: '002:655-657',
  },
  {
    id: 'hesitation',
    nl: 'Aarzeling, twijfels, blokkades bij bepaalde vakken, leerkrachten of situaties (LO, presentaties)',
    en: 'Hesitation, doubts, blocks with some subjects, teachers or situations (PE, presentations)',
    source: '002:659-661',
  },
  { id: 'oftenLate', nl: 'Vaak te laat komen', en: 'Often late', source: '002:663' },
  {
    id: 'socialWithdrawal',
    nl: 'Afhaken op sociaal vlak (de klasgroep)',
    en: 'Dropping out socially (the class group)',
    source: '002:665',
  },
] as const;

const SIGNAL_ANSWERS = ['yes', 'no', 'unknown'] as const;

export interface SchoolRefusalSignalsInput {
  answers: Partial<Record<string, { answer?: string; note?: string }>>;
  /** What happens next when signals are seen: a connecting talk with the pupil (002:722-726), sharing the concern. */
  followUp?: string;
  /** Reflection: recent drastic events in the pupil's life (002:767-770). */
  recentEvents?: string;
  /** Reflection: which information is still needed to understand the pupil's experience (002:772-775). */
  informationNeeded?: string;
}

/**
 * §1.1 (seed 002:713-779): every signal answered yes / no / unknown; signals seen ask for a next step (a connecting
 * talk with the pupil, 002:722-726, or sharing the concern with a colleague or the class council, 002:777-779);
 * a signal one cannot judge asks which information is still needed (002:772-775).
 */
export function checkSchoolRefusalSignals(input: SchoolRefusalSignalsInput): Problem[] {
  const problems: Problem[] = [];
  const answers = SCHOOL_REFUSAL_SIGNALS.map((s) => input.answers[s.id]?.answer);
  SCHOOL_REFUSAL_SIGNALS.forEach((signal, index) => {
    if (!(SIGNAL_ANSWERS as readonly (string | undefined)[]).includes(answers[index]))
      problems.push(
        problem(
          `signals.${signal.id}`,
          'required',
          `Antwoord ja, nee of onbekend: ${signal.nl.toLowerCase()}.`,
          `Answer yes, no or unknown: ${signal.en.toLowerCase()}.`,
        ),
      );
  });
  if (answers.includes('yes') && !filled(input.followUp))
    problems.push(
      problem(
        'followUp',
        'follow-up',
        'Er zijn signalen opgemerkt: noteer de volgende stap (een verbindend gesprek met de jongere, de bezorgdheid delen met een collega of de klassenraad).',
        'Signals were seen: record the next step (a connecting talk with the pupil, sharing the concern with a colleague or the class council).',
      ),
    );
  if (answers.includes('unknown') && !filled(input.informationNeeded))
    problems.push(
      problem(
        'informationNeeded',
        'information-needed',
        'Niet alles is gekend: noteer welke informatie je nog nodig hebt.',
        'Not everything is known: record which information you still need.',
      ),
    );
  return problems;
}
