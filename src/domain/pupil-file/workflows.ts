// Pure preconditions and checklists of the pupil file's guided workflows, each traced to its seed lines.
import { CONTACT_CHANNELS } from './intervention-kinds.ts';

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

// ---------------------------------------------------------------------------------------------------------------
// School refusal (seed 002, the HOGENT tool): signals (§1.1), perspectives (§1.6), what was done (§1.7 and §2.2)
// and phase 3, letting go of school but not of the pupil (§3.1 and FAQ 5).
// ---------------------------------------------------------------------------------------------------------------

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE_ONLY.test(value) && !Number.isNaN(Date.parse(value));

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
export type SchoolRefusalSignal = (typeof SCHOOL_REFUSAL_SIGNALS)[number]['id'];

export const SIGNAL_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type SignalAnswer = (typeof SIGNAL_ANSWERS)[number];

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

/** The rows of the tables of §1.6, §1.7 and §2.2 (seed 002:947-968, 002:1068-1089, 002:1325-1346). */
export const STAKEHOLDERS = [
  { id: 'pupil', nl: 'Volgens de jongere', en: 'According to the pupil', named: false },
  { id: 'parent1', nl: 'Volgens ouder 1', en: 'According to parent 1', named: false },
  { id: 'parent2', nl: 'Volgens ouder 2', en: 'According to parent 2', named: false },
  { id: 'plus-parent', nl: 'Plusouder', en: 'Plus-parent', named: false },
  { id: 'school-1', nl: 'Schoolse betrokkene 1', en: 'School staff member 1', named: true },
  { id: 'school-2', nl: 'Schoolse betrokkene 2', en: 'School staff member 2', named: true },
  { id: 'school-3', nl: 'Schoolse betrokkene 3', en: 'School staff member 3', named: true },
  {
    id: 'helper-1',
    nl: 'Hulpverlener 1 (CLB, arts, psycholoog, …)',
    en: 'Helper 1 (CLB, doctor, psychologist, …)',
    named: true,
  },
  {
    id: 'helper-2',
    nl: 'Hulpverlener 2 (CLB, arts, psycholoog, …)',
    en: 'Helper 2 (CLB, doctor, psychologist, …)',
    named: true,
  },
  {
    id: 'others',
    nl: 'Andere betrokkenen (broer, zus, klasgenoot, …)',
    en: 'Others involved (brother, sister, classmate, …)',
    named: true,
  },
] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number]['id'];
const STAKEHOLDER_BY_ID = new Map<string, (typeof STAKEHOLDERS)[number]>(STAKEHOLDERS.map((s) => [s.id, s]));
const PARENT_STAKEHOLDERS = ['parent1', 'parent2', 'plus-parent'];

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

/** A named row (school staff, helper, others: "namelijk …") needs the name. */
function stakeholderProblems(row: { stakeholder: string; name?: string }, field: string): Problem[] {
  const stakeholder = STAKEHOLDER_BY_ID.get(row.stakeholder);
  if (!stakeholder) return [problem(field, 'stakeholder', 'Onbekende betrokkene.', 'Unknown person involved.')];
  if (stakeholder.named && !filled(row.name))
    return [
      problem(
        `${field}.name`,
        'name-required',
        `Vul in wie: ${stakeholder.nl.toLowerCase()}, namelijk …`,
        `Fill in who: ${stakeholder.en.toLowerCase()}, namely …`,
      ),
    ];
  return [];
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

export interface ReviewRow {
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

/** Phase 3, why school is (temporarily) let go (seed 002:1764-1845 and FAQ 5, 002:1614-1660). */
export const LET_GO_GROUNDS = [
  {
    id: 'severity',
    from: 'pupil',
    nl: 'De jongere kan niet naar school door de aard en ernst van de problematiek (psychiatrisch, extreme fysieke klachten, …)',
    en: 'The pupil cannot go to school because of the nature and severity of the problems (psychiatric, extreme physical complaints, …)',
    source: '002:1766-1770, 002:1628-1631',
  },
  {
    id: 'backlog',
    from: 'pupil',
    nl: 'De schoolse achterstand is te groot',
    en: 'The school backlog is too large',
    source: '002:1772-1774, 002:1617-1626',
  },
  {
    id: 'age',
    from: 'pupil',
    nl: '18 jaar is dichtbij of er is een mogelijkheid voor een alternatief leertraject',
    en: '18 is near or an alternative learning track is possible',
    source: '002:1776-1778',
  },
  {
    id: 'notCooperating',
    from: 'pupil',
    nl: 'De jongere werkt niet (meer) mee (geen wil, andere alternatieven, communicatieprobleem, motivatie of zelfwaarde weg)',
    en: 'The pupil no longer cooperates (no will, other alternatives, a communication problem, motivation or self-worth gone)',
    source: '002:1780-1797',
  },
  {
    id: 'schoolTired',
    from: 'pupil',
    nl: 'Schoolmoe: samen aangevoeld dat school geen realistisch, haalbaar doel meer is',
    en: 'Tired of school: jointly felt that school is no longer a realistic, feasible goal',
    source: '002:1648-1653, 002:1640-1646',
  },
  {
    id: 'familyPriorities',
    from: 'family',
    nl: 'Andere prioritaire noden in het gezin (financieel, psychiatrie of verslaving, ziekte, …)',
    en: 'Other priority needs in the family (financial, psychiatric or addiction, illness, …)',
    source: '002:1818-1821',
  },
  {
    id: 'parentsPowerless',
    from: 'family',
    nl: 'De ouders geven de moed op, voelen zich machteloos en hebben de draagkracht niet (meer)',
    en: 'The parents lose heart, feel powerless and no longer have the strength',
    source: '002:1823-1826',
  },
  {
    id: 'noFamilyCooperation',
    from: 'family',
    nl: 'Gebrek aan medewerking van het gezin; het gezin is niet bereid tot communicatie',
    en: 'Lack of cooperation from the family; the family is not willing to communicate',
    source: '002:1828-1830',
  },
  {
    id: 'schoolContactStopped',
    from: 'school',
    nl: 'De jongere is niet meer welkom of de communicatie tussen school en jongere of context is volledig gestopt',
    en: 'The pupil is no longer welcome or communication between school and pupil or family has stopped',
    source: '002:1841-1845',
  },
] as const;

/** Phase 3, the possibilities the seed lists (seed 002:1799-1812, 002:1832-1838, 002:1847-1851, 002:1656-1657). */
export const LET_GO_ALTERNATIVES = [
  {
    id: 'toah',
    for: 'pupil',
    nl: 'TOAH (tijdelijk onderwijs aan huis)',
    en: 'TOAH (temporary home tuition)',
    source: '002:1800',
  },
  { id: 'school-and-illness', for: 'pupil', nl: 'School & ziekzijn', en: 'School and illness', source: '002:1802' },
  { id: 'care-farm', for: 'pupil', nl: 'Zorgboerderij', en: 'Care farm', source: '002:1802, 002:1657' },
  { id: 'volunteering', for: 'pupil', nl: 'Vrijwilligerswerk', en: 'Volunteering', source: '002:1802-1803, 002:1657' },
  { id: 'exam-board', for: 'pupil', nl: 'Examencommissie', en: 'Examination board', source: '002:1803, 002:1636' },
  { id: 'stay-elsewhere', for: 'pupil', nl: 'Ergens anders verblijven', en: 'Staying elsewhere', source: '002:1804' },
  { id: 'home-guidance', for: 'pupil', nl: 'Thuisbegeleiding', en: 'Home guidance', source: '002:1804-1805' },
  { id: 'coach', for: 'pupil', nl: 'Werken met een coach', en: 'Working with a coach', source: '002:1805' },
  {
    id: 'treatment',
    for: 'pupil',
    nl: 'Behandeling (ambulant, mobiel, semi-residentieel, residentieel)',
    en: 'Treatment (outpatient, mobile, semi-residential, residential)',
    source: '002:1806-1807',
  },
  {
    id: 'alternative-learning',
    for: 'pupil',
    nl: 'Alternatief leertraject (duaal leren)',
    en: 'Alternative learning track (dual learning)',
    source: '002:1808-1809, 002:1637',
  },
  { id: 'adult-education', for: 'pupil', nl: 'Volwassenenonderwijs', en: 'Adult education', source: '002:1809' },
  { id: 'job', for: 'pupil', nl: 'Job', en: 'Job', source: '002:1657' },
  {
    id: 'm-document',
    for: 'pupil',
    nl: 'M-doc indienen (parallel aan de alternatieven)',
    en: 'M-document (alongside the alternatives)',
    source: '002:1811-1812',
  },
  {
    id: 'intensive-home-guidance',
    for: 'family',
    nl: 'Intensieve thuisbegeleiding',
    en: 'Intensive home guidance',
    source: '002:1833-1834',
  },
  {
    id: 'pedagogical-support',
    for: 'family',
    nl: 'Pedagogische ondersteuning',
    en: 'Parenting support',
    source: '002:1835',
  },
  {
    id: 'psychiatric-home-care',
    for: 'family',
    nl: 'Psychiatrische thuiszorg',
    en: 'Psychiatric home care',
    source: '002:1836',
  },
  { id: 'caw-ocmw', for: 'family', nl: 'CAW – OCMW', en: 'CAW – OCMW (social services)', source: '002:1836-1837' },
  {
    id: 'mediator',
    for: 'school',
    nl: 'Een bemiddelaar om de communicatie terug op gang te brengen',
    en: 'A mediator to restart communication',
    source: '002:1848-1851',
  },
  { id: 'other', for: 'pupil', nl: 'Ander alternatief', en: 'Other alternative', source: '002:1809' },
] as const;

/** Who keeps contact while the pupil does not come to school (seed 002:1858-1864): who, how often, next, how. */
export interface ContactPlan {
  who?: string;
  frequency?: string;
  nextContactOn?: string;
  channel?: string;
}

export interface LetGoInput {
  grounds: readonly string[];
  alternatives: readonly string[];
  otherAlternative?: string;
  /** Chosen in dialogue with everyone involved (002:1659-1660). */
  discussedWith?: string;
  contactPlan?: ContactPlan;
}

/** The contact plan is complete: who keeps contact, how often, the next contact (today or later) and the channel. */
export function checkContactPlan(plan: ContactPlan | undefined, today: string): Problem[] {
  const problems: Problem[] = [];
  const p = plan ?? {};
  if (!filled(p.who))
    problems.push(
      problem(
        'contactPlan.who',
        'required',
        'Vul in wie het contact met de jongere onderhoudt (spilfiguur, leerkrachten, klasgenoten).',
        'Fill in who keeps contact with the pupil (spilfiguur, teachers, peers).',
      ),
    );
  if (!filled(p.frequency))
    problems.push(
      problem(
        'contactPlan.frequency',
        'required',
        'Vul in hoe vaak er contact is.',
        'Fill in how often there is contact.',
      ),
    );
  if (!validDate(p.nextContactOn))
    problems.push(
      problem(
        'contactPlan.nextContactOn',
        'required',
        'Vul de datum van het volgende contact in (JJJJ-MM-DD).',
        'Fill in the date of the next contact (YYYY-MM-DD).',
      ),
    );
  else if (p.nextContactOn < today)
    problems.push(
      problem(
        'contactPlan.nextContactOn',
        'not-in-the-past',
        'Het volgende contact ligt vandaag of later.',
        'The next contact is today or later.',
      ),
    );
  if (!(CONTACT_CHANNELS as readonly (string | undefined)[]).includes(p.channel))
    problems.push(
      problem('contactPlan.channel', 'required', 'Kies hoe het contact verloopt.', 'Choose how the contact happens.'),
    );
  return problems;
}

/**
 * Phase 3, "let go of school, not of the pupil" (seed 002:1648-1660, 002:1742-1885): a well-considered choice
 * (002:1753-1754) with its grounds and the chosen alternatives; an M-doc only alongside an alternative
 * (002:1811-1812); in dialogue with everyone involved (002:1659-1660); a third party — the CLB — involved
 * (002:1748-1750); and the school stays involved: how contact is kept, agreed beforehand on paper (002:1858-1864).
 */
export function checkLetGoOfSchool(input: LetGoInput, facts: { clbInvolved: boolean; today: string }): Problem[] {
  const problems: Problem[] = [];
  if (!facts.clbInvolved)
    problems.push(
      problem(
        'clbInvolvement',
        'clb-first',
        'Betrek eerst het CLB: noteer een overleg, signalering of aanmelding, of voeg een CLB-medewerker toe als betrokkene.',
        'Involve the CLB first: record a consultation, signal or referral, or add a CLB worker to the people involved.',
      ),
    );
  if (input.grounds.length === 0 || input.grounds.some((g) => !LET_GO_GROUNDS.some((k) => k.id === g)))
    problems.push(
      problem(
        'grounds',
        'grounds',
        'Een weloverwogen keuze: duid aan waarom schoollopen (tijdelijk) wordt losgelaten.',
        'A well-considered choice: mark why school is (temporarily) let go.',
      ),
    );
  const known = input.alternatives.filter((a) => LET_GO_ALTERNATIVES.some((k) => k.id === a));
  if (known.length === 0 || known.length !== input.alternatives.length)
    problems.push(
      problem(
        'alternatives',
        'alternatives',
        'Kies minstens één alternatief voor het schoollopen.',
        'Choose at least one alternative to going to school.',
      ),
    );
  else if (known.every((a) => a === 'm-document'))
    problems.push(
      problem(
        'alternatives',
        'm-document-alongside',
        'Een M-doc komt naast een alternatief, niet in de plaats ervan.',
        'An M-document comes alongside an alternative, not instead of one.',
      ),
    );
  if (known.includes('other') && !filled(input.otherAlternative))
    problems.push(
      problem('otherAlternative', 'required', 'Beschrijf het andere alternatief.', 'Describe the other alternative.'),
    );
  if (!filled(input.discussedWith))
    problems.push(
      problem(
        'discussedWith',
        'dialogue',
        'Noteer met wie dit besproken werd: dit gebeurt in dialoog met alle betrokkenen.',
        'Record with whom this was discussed: it happens in dialogue with everyone involved.',
      ),
    );
  problems.push(...checkContactPlan(input.contactPlan, facts.today));
  return problems;
}

/** The checklist definitions the file page needs for the school-refusal workflows. */
export const SCHOOL_REFUSAL_DEFINITIONS = {
  signals: SCHOOL_REFUSAL_SIGNALS,
  stakeholders: STAKEHOLDERS,
  perspectiveColumns: PERSPECTIVE_COLUMNS,
  reviewColumns: REVIEW_COLUMNS,
  reviewStages: REVIEW_STAGES,
  reviewChannels: REVIEW_CHANNELS,
  letGoGrounds: LET_GO_GROUNDS,
  letGoAlternatives: LET_GO_ALTERNATIVES,
} as const;
