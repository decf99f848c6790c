// School refusal (seed 002, the HOGENT tool), phase 3, letting go of school but not of the pupil (§3.1 and FAQ 5).
import { CONTACT_CHANNELS } from '../intervention-kinds.ts';
import { filled, type Problem, problem, validDate } from './problem.ts';

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
interface ContactPlan {
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
  /**
   * How long the alternative runs and when it is reviewed (seed 002 l. 1866–1874: an alternative must not become
   * avoidance of a possible return); the review becomes a reminder. Optional; when a review date is given it lies
   * today or later.
   */
  term?: string;
  reviewOn?: string;
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
  if (filled(input.reviewOn) && (!validDate(input.reviewOn) || (input.reviewOn as string) < facts.today))
    problems.push(
      problem(
        'reviewOn',
        'not-in-the-past',
        'De datum om het alternatief te herbekijken ligt vandaag of later (JJJJ-MM-DD).',
        'The date to review the alternative is today or later (YYYY-MM-DD).',
      ),
    );
  if (filled(input.reviewOn) && !filled(input.term))
    problems.push(
      problem('term', 'required', 'Geef ook de termijn van het alternatief.', 'Also give the term of the alternative.'),
    );
  return problems;
}
