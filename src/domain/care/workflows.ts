// Pure preconditions and checklists of the pupil file's guided workflows, each traced to its seed lines.
import type { CONTACT_CHANNELS } from './intervention-kinds.ts';

export interface Problem {
  field: string;
  code: string;
  nl: string;
  en: string;
}

const problem = (field: string, code: string, nl: string, en: string): Problem => ({ field, code, nl, en });
const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

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
export type ClbSignalField = (typeof CLB_SIGNAL_FIELDS)[number]['id'];
export type ClbSignalChecklist = Record<ClbSignalField, string>;

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

export const POLICE_GROUNDS = ['manifest-unwillingness', 'total-unreachability'] as const;
export type PoliceGround = (typeof POLICE_GROUNDS)[number];

export interface ContactAttemptFact {
  relation: string;
  attemptedOn: string;
  reached: boolean;
  channel: (typeof CONTACT_CHANNELS)[number] | string;
}

export interface PoliceReportInput {
  ground: string;
  /** Manifest unwillingness: the facts that show it, told apart from powerlessness (seed 003:420, 003:442). */
  unwillingnessFacts?: string;
  notPowerlessness?: boolean;
  /** Total unreachability: the "fiche onbereikbaarheid" (seed 003:466-473). */
  unreachability?: { lastKnownAddress?: string; lastSeenOn?: string; attemptsSummary?: string };
}

const PARENTS = new Set(['parent1', 'parent2', 'plus-parent']);

/**
 * Seed 003:418-422 (and 003:443): a police report only after consulting the CLB, and only for manifest
 * unwillingness of the parents or total unreachability of the family; unreachability starts with the
 * "fiche onbereikbaarheid" (003:468-470) and needs certainty that the contact details were tried (003:214-216).
 */
export function checkPoliceReport(
  input: PoliceReportInput,
  facts: { clbConsultations: number; contactAttempts: readonly ContactAttemptFact[] },
): Problem[] {
  const problems: Problem[] = [];
  if (facts.clbConsultations === 0)
    problems.push(
      problem(
        'clbConsultation',
        'clb-consultation-first',
        'Een melding bij de politie kan pas na een genoteerd overleg met het CLB.',
        'A police report is possible only after a recorded consultation with the CLB.',
      ),
    );
  if (!(POLICE_GROUNDS as readonly string[]).includes(input.ground)) {
    problems.push(
      problem(
        'ground',
        'ground',
        'Enkel bij manifeste onwil van de ouders of totale onbereikbaarheid van het gezin.',
        'Only for manifest unwillingness of the parents or total unreachability of the family.',
      ),
    );
    return problems;
  }
  if (input.ground === 'manifest-unwillingness') {
    if (!filled(input.unwillingnessFacts))
      problems.push(
        problem(
          'unwillingnessFacts',
          'required',
          'Beschrijf de feiten die de onwil tonen.',
          'Describe the facts that show unwillingness.',
        ),
      );
    if (input.notPowerlessness !== true)
      problems.push(
        problem(
          'notPowerlessness',
          'not-powerlessness',
          'Bevestig dat het om onwil gaat en niet om machteloosheid van de ouders.',
          'Confirm this is unwillingness and not powerlessness of the parents.',
        ),
      );
  } else {
    const form = input.unreachability ?? {};
    if (!filled(form.lastKnownAddress))
      problems.push(
        problem('lastKnownAddress', 'required', 'Vul het laatst gekende adres in.', 'Fill in the last known address.'),
      );
    if (!filled(form.lastSeenOn))
      problems.push(
        problem(
          'lastSeenOn',
          'required',
          'Vul in wanneer de leerling laatst gezien werd.',
          'Fill in when the pupil was last seen.',
        ),
      );
    if (!filled(form.attemptsSummary))
      problems.push(
        problem('attemptsSummary', 'required', 'Vat de contactpogingen samen.', 'Summarise the contact attempts.'),
      );
    const parents = [...facts.contactAttempts]
      .filter((a) => PARENTS.has(a.relation))
      .sort((a, b) => a.attemptedOn.localeCompare(b.attemptedOn));
    const last = parents.at(-1);
    if (!last || last.reached)
      problems.push(
        problem(
          'contactAttempts',
          'unreachable-not-shown',
          'Noteer eerst de mislukte contactpogingen bij de ouders: het laatste contact moet onbereikbaar zijn.',
          'First record the failed contact attempts with the parents: the latest must be unreachable.',
        ),
      );
  }
  return problems;
}

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

/** One step of a gradual return after school refusal: from which day, how much school (e.g. hours a day). */
export interface ReturnStep {
  from: string;
  load: number;
  description: string;
  /** Moments left out because they burden the pupil (questions, presentations, PE, …). */
  leaveOut: readonly string[];
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * The FAQ rules of seed 002:1558-1592: never step up on a Monday (002:1560-1564); repeat what works before
 * the next step (002:1567-1570); leave out the burdening moments (002:1577-1581).
 */
export function checkReturnPlan(steps: readonly ReturnStep[]): Problem[] {
  const problems: Problem[] = [];
  if (steps.length === 0)
    return [problem('steps', 'required', 'Voeg minstens één stap toe.', 'Add at least one step.')];
  steps.forEach((step, index) => {
    const field = `steps.${index}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(step.from))
      problems.push(problem(field, 'date', 'Datum als JJJJ-MM-DD.', 'Date as YYYY-MM-DD.'));
    const previous = steps[index - 1];
    if (previous && step.from <= previous.from)
      problems.push(
        problem(field, 'order', 'Stappen volgen elkaar op in de tijd.', 'Steps follow each other in time.'),
      );
    if (previous && step.load > previous.load) {
      if (weekday(step.from) === 1)
        problems.push(
          problem(
            field,
            'no-step-up-on-monday',
            'Ga nooit op maandag een stap verder, eerder aan het einde van de week.',
            'Never step up on a Monday; rather towards the end of the week.',
          ),
        );
      const sameLoad = steps.slice(0, index).filter((s) => s.load === previous.load).length;
      if (sameLoad < 2)
        problems.push(
          problem(
            field,
            'repeat-before-next',
            'Herhaal een stap die lukt voor je een volgende zet.',
            'Repeat a step that works before taking the next.',
          ),
        );
    }
    if (step.leaveOut.length === 0)
      problems.push(
        problem(
          field,
          'leave-out-burdening-moments',
          'Haal de momenten eruit die de dag extra belasten (vragen, presentaties, turnen, …).',
          'Leave out the moments that burden the day (questions, presentations, PE, …).',
        ),
      );
  });
  return problems;
}
