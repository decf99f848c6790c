// Workflow: returning after a hospital or K-dienst stay (seed 000).
import { filled, type Problem, problem } from './problem.ts';

/** Questions before a pupil returns after a hospital or K-dienst stay (seed 000:60-69). */
export const HOSPITAL_RETURN_QUESTIONS = [
  {
    id: 'educationDuringStay',
    nl: 'In welke mate kreeg de leerling tijdens de opname onderwijs?',
    en: 'How much education did the pupil get during the stay?',
  },
  {
    id: 'remediation',
    nl: 'Voor welke vakken is er nog remediëring nodig?',
    en: 'Which subjects still need remediation?',
  },
  {
    id: 'fullOrPartial',
    nl: 'Komt de leerling voltijds terug of gedeeltelijk?',
    en: 'Does the pupil return full-time or partly?',
  },
  {
    id: 'support',
    nl: 'Wordt er ondersteuning aangevraagd via TOAH of School en ziek zijn?',
    en: 'Is support requested through TOAH or School en ziek zijn?',
  },
  {
    id: 'classCouncil',
    nl: 'Welke informatie wordt besproken met de klassenraad?',
    en: 'What is discussed with the class council?',
  },
  {
    id: 'classPreparation',
    nl: 'Hoe wordt de klas voorbereid op de terugkeer?',
    en: 'How is the class prepared for the return?',
  },
  {
    id: 'pupilWishes',
    nl: 'In welke mate wenst de leerling dat de klas voorbereid wordt?',
    en: 'How far does the pupil want the class prepared?',
  },
  {
    id: 'pupilRole',
    nl: 'Welke rol wenst de leerling hierin op te nemen?',
    en: 'What role does the pupil want to take?',
  },
  { id: 'supporter', nl: 'Wie kan de leerling hierbij ondersteunen?', en: 'Who can support the pupil in this?' },
] as const;

export function checkHospitalReturn(
  answers: Partial<Record<string, string>>,
  dischargeOn: string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  // Seed 000:44-47: the school cannot welcome the pupil without knowing the discharge date.
  if (!filled(dischargeOn))
    problems.push(problem('dischargeOn', 'required', 'Vul de datum van ontslag in.', 'Fill in the discharge date.'));
  for (const q of HOSPITAL_RETURN_QUESTIONS)
    if (!filled(answers[q.id])) problems.push(problem(q.id, 'required', `Beantwoord: ${q.nl}`, `Answer: ${q.en}`));
  return problems;
}
