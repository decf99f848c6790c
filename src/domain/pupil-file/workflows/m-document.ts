// Workflow: a referral to the mandated youth care — the M-document to the OCJ, or to the VK when the integrity of
// the young person is at risk (seed 000:134-156, seed 002:1662-1700, seed 003:488-490).
import { clbInvolvementFirst, filled, type Problem, problem, validDate } from './problem.ts';

/** The three grounds of seed 000:137-147 for a referral to the mandated youth care. */
export const M_DOCUMENT_GROUNDS = [
  {
    id: 'worrying-upbringing',
    nl: 'Ongewettigde afwezigheden binnen een verontrustende opvoedingssituatie',
    en: 'Unjustified absences within a worrying upbringing situation',
    source: '000:137-138',
  },
  {
    id: 'no-cooperation',
    nl: 'Jongere of ouders werken niet (langer) mee aan de pistes van het CLB, terwijl hulpverlening aangewezen is',
    en: 'The young person or the parents no longer cooperate with the CLB’s routes while help is needed',
    source: '000:140-143',
  },
  {
    id: 'parental-unwillingness',
    nl: 'School en CLB besluiten dat de ouders hun kind niet willen laten voldoen aan de leerplicht (onwil)',
    en: 'School and CLB conclude the parents are unwilling to let their child meet compulsory education',
    source: '000:145-146',
  },
] as const;

/** OCJ (Ondersteuningscentrum Jeugdzorg) or VK (Vertrouwenscentrum Kindermishandeling), seed 002:1692-1700. */
export const M_DOCUMENT_DESTINATIONS = [
  { id: 'ocj', nl: 'OCJ (Ondersteuningscentrum Jeugdzorg)', en: 'OCJ (youth-care support centre)' },
  { id: 'vk', nl: 'VK (Vertrouwenscentrum Kindermishandeling)', en: 'VK (child-abuse confidential centre)' },
] as const;

export interface MDocumentInput {
  destination?: string;
  grounds?: readonly string[];
  groundsExplanation?: string;
  /** The integrity of the young person or a parent is at risk (parentificatie, oudermisbruik, schoolonthouding). */
  integrityAtRisk?: boolean;
  integrityFacts?: string;
  /** Elements of the vraagverheldering that support the referral (seed 000:148). */
  questionClarification?: string;
  /** The consult function of the mandated centre, asked first (seed 000:149-152). */
  consultOn?: string;
  consultOutcome?: string;
  /** A copy of the spijbelactieplan when the local police took part in phase 1 (seed 000:153-155). */
  truancyPlanAttached?: boolean;
}

export interface MDocumentFacts {
  /** A CLB consultation, signal or referral (or a CLB person) in the file: the CLB makes the M-document. */
  clbInvolved: boolean;
  /** The file holds a spijbelactieplan registration with the police. */
  truancyPlans: number;
  today: string;
}

const M_DOCUMENT_GROUND_IDS: readonly string[] = M_DOCUMENT_GROUNDS.map((g) => g.id);

/** Every unmet precondition of an M-document, one per field. */
export function checkMDocument(input: MDocumentInput, facts: MDocumentFacts): Problem[] {
  const problems: Problem[] = [];
  if (!facts.clbInvolved) problems.push(clbInvolvementFirst({ nl: 'Een M-document', en: 'An M-document' }));
  if (input.destination !== 'ocj' && input.destination !== 'vk')
    problems.push(problem('destination', 'required', 'Kies OCJ of VK.', 'Choose OCJ or VK.'));
  if (input.destination === 'vk' && input.integrityAtRisk !== true)
    problems.push(
      problem(
        'integrityAtRisk',
        'vk-needs-integrity',
        'Een melding bij het VK enkel wanneer de integriteit van de jongere of een ouder in gevaar is; kies anders het OCJ.',
        'A VK referral only when the integrity of the young person or a parent is at risk; otherwise choose the OCJ.',
      ),
    );
  if (input.integrityAtRisk === true && !filled(input.integrityFacts))
    problems.push(
      problem(
        'integrityFacts',
        'required',
        'Beschrijf wat de integriteit in gevaar brengt (bv. parentificatie, oudermisbruik, schoolonthouding).',
        'Describe what puts integrity at risk (e.g. parentification, abuse of a parent, withholding from school).',
      ),
    );
  const grounds = (input.grounds ?? []).filter((g) => M_DOCUMENT_GROUND_IDS.includes(g));
  if (grounds.length === 0)
    problems.push(
      problem(
        'grounds',
        'required',
        'Kies minstens één van de drie gronden voor een aanmelding bij een gemandateerde voorziening.',
        'Choose at least one of the three grounds for a referral to mandated youth care.',
      ),
    );
  if (!filled(input.groundsExplanation))
    problems.push(
      problem(
        'groundsExplanation',
        'required',
        'Licht de gekozen gronden toe met feiten.',
        'Explain the chosen grounds with facts.',
      ),
    );
  if (!filled(input.questionClarification))
    problems.push(
      problem(
        'questionClarification',
        'required',
        'Stoffeer de aanmelding met elementen uit de vraagverheldering.',
        'Support the referral with elements of the question clarification.',
      ),
    );
  if (!validDate(input.consultOn))
    problems.push(
      problem(
        'consultOn',
        'consult-first',
        'Doe eerst beroep op de consultfunctie van de gemandateerde voorziening en vul de datum in.',
        'First use the consult function of the mandated centre and fill in its date.',
      ),
    );
  else if (input.consultOn > facts.today)
    problems.push(
      problem(
        'consultOn',
        'consult-first',
        'Het consult gaat aan de aanmelding vooraf: een datum vandaag of vroeger.',
        'The consultation precedes the referral: a date today or earlier.',
      ),
    );
  if (!filled(input.consultOutcome))
    problems.push(
      problem(
        'consultOutcome',
        'required',
        'Noteer wat de consultfunctie opleverde (welke pistes nog open liggen).',
        'Record what the consultation yielded (which routes remain open).',
      ),
    );
  if (facts.truancyPlans > 0 && input.truancyPlanAttached !== true)
    problems.push(
      problem(
        'truancyPlanAttached',
        'attach-truancy-plan',
        'Het dossier bevat een spijbelactieplan met de politie: voeg er een kopie van toe aan het M-document.',
        'The file holds a truancy action plan with the police: attach a copy of it to the M-document.',
      ),
    );
  return problems;
}
