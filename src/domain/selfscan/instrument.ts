// The shape of the self-scan instrument (seed 001) and the document-level texts around its phases and goals.
import { PHASES } from './instrument-content.ts';

/** Every text of the instrument in Dutch (verbatim from the seed) and English (our translation). */
export interface Text {
  nl: string;
  en: string;
}

export type Language = keyof Text;
export type TrackKind = 'general' | 'B' | 'ZD' | 'SW';
export type PhaseNumber = 0 | 1 | 2 | 3;

export interface Paragraph {
  seedLine: number;
  text: Text;
  /** An item of a bulleted list inside the explanation (seed lines 428–431). */
  listItem?: true;
}

export interface Question {
  /** `<goal id>.<n>`: stable, so stored answers survive a re-ordering of the content. */
  id: string;
  seedLine: number;
  text: Text;
}

/**
 * The unit that gets a score out of 10: a goal of the seed, or one theme of a goal where the seed scores its
 * themes separately (phase 0: "Verbindend schoolklimaat" and "Kleuterparticipatie" under the school-climate goal,
 * "Terugkerende leerlingen" and "Monitoring data" under the follow-up goal).
 */
export interface Goal {
  id: string;
  seedLine: number;
  title: Text;
  /** The goal as the seed's closing table words it (seed lines 1064–1323). */
  overviewTitle: Text;
  theme?: Text;
  explanation: readonly Paragraph[];
  questions: readonly Question[];
}

export interface Track {
  kind: TrackKind;
  seedLine?: number;
  title?: Text;
  overviewTitle?: Text;
  goals: readonly Goal[];
}

export interface Phase {
  number: number;
  seedLine: number;
  title: Text;
  overviewTitle: Text;
  /** Phase 1 opens with the three kinds of problematic absence (seed lines 469–474). */
  intro?: readonly Paragraph[];
  tracks: readonly Track[];
}

/** Texts of the document around the goals (seed lines 1–10 (introduction: 3–10 in order), 56, 99–102, 1040–1051, 1337–1349). */
export const DOCUMENT = {
  title: { nl: 'Preventieplan afwezigheden:', en: 'Absence prevention plan:' },
  subtitle: { nl: 'Inzetten op aanwezigheidsbeleid', en: 'Investing in an attendance policy' },
  introduction: [
    {
      nl: 'Dit preventieplan is een aanvulling op het bestaande spijbelactieplan. Het richt zich specifiek op het eerste luik van de samenwerking tussen school en CLB. De kracht van dit plan ligt in het versterken van de schoolwerking door samen na te denken over een gedragen werkwijze met betrekking tot afwezigheden. We merken dat in deze samenwerking nog heel wat kansen liggen om meer preventief aan de slag te gaan om problematische afwezigheden zoveel mogelijk te voorkomen.',
      en: 'This prevention plan complements the existing truancy action plan. It focuses on the first part of the cooperation between school and CLB. Its strength lies in strengthening how the school works by thinking together about a shared way of handling absences. We see many opportunities in this cooperation to work more preventively and avoid problematic absences as much as possible.',
    },
    {
      nl: 'Waarom inzetten op een aanwezigheidsbeleid?',
      en: 'Why invest in an attendance policy?',
    },
    {
      nl: 'Aanwezigheid op school is een essentiële voorwaarde voor leren, ontwikkelen en participeren. Onderzoek toont aan dat afwezigheden één van de sterkste voorspellers zijn van schooluitval en ongekwalificeerde uitstroom. Ze beïnvloeden niet alleen de schoolse prestaties, maar ook de sociale verbondenheid met de school, de motivatie en het gevoel van eigenwaarde van de leerling. Hoe meer de band tussen leerling en school verzwakt, hoe groter de kans op spijbelen en vroegtijdig schoolverlaten.',
      en: "Attending school is an essential condition for learning, developing and taking part. Research shows that absences are among the strongest predictors of early school leaving and leaving without a qualification. They affect not only school results but also the social connectedness with the school, the pupil's motivation and self-esteem. The more the bond between pupil and school weakens, the greater the chance of truancy and early school leaving.",
    },
    {
      nl: 'We kiezen voor een geïntegreerde en brede kijk op afwezigheden. Vaak wordt problematische afwezigheid geassocieerd met B-codes (ongewettigde afwezigheden) en spijbelaars. Ook in het verdere Spijbelactieplan is de aanpak gericht op deze doelgroep. Wij onderschrijven echter het belang om ook langdurig gewettigd afwezige leerlingen op te nemen in een preventieve aanpak. Ook bij hen bestaat het risico op schoolachterstand, schoolonthechting en het geleidelijk wegvallen van motivatie en perspectief.',
      en: 'We choose an integrated and broad view of absences. Problematic absence is often associated with B-codes (unauthorised absences) and truants, and the rest of the truancy action plan also targets this group. We, however, endorse the importance of including pupils with long authorised absence in a preventive approach too. They too risk falling behind, becoming detached from school and gradually losing motivation and perspective.',
    },
    {
      nl: 'We verruimen daarom de omschrijving van problematische afwezigheden naar “afwezigheden die door hun frequentie of aard de schoolloopbaan van de leerling in het gedrang brengen, ongeacht de wettiging”. We noemen deze problematische afwezigheden vanaf hier schoolverzuim. Op die manier kunnen we een brede en diverse groep leerlingen ondersteunen en komen we tot een inclusiever en effectiever aanwezigheidsbeleid.',
      en: "We therefore widen the description of problematic absence to “absences that by their frequency or nature endanger the pupil's school career, whether or not they are justified”. From here on we call such problematic absences school absenteeism (schoolverzuim). This lets us support a broad and diverse group of pupils and arrive at a more inclusive and effective attendance policy.",
    },
    {
      nl: 'Dit preventieplan is gebaseerd op het Actieplan afwezig op school van West-Vlaanderen en werd aangevuld met inzichten uit leidraden en tools van collega’s van de organisatie Samen tegen Schooluitval in andere provincies. Alle informatie is gebundeld in de Toolbox Schooluitval.be.',
      en: 'This prevention plan is based on the Actieplan afwezig op school of West Flanders and was supplemented with insights from guides and tools of colleagues of Samen tegen Schooluitval in other provinces. All information is collected in the Toolbox Schooluitval.be.',
    },
    {
      nl: 'Het plan volgt de opbouw van het zorgcontinuüm. In elke fase worden doelstellingen geformuleerd die bijdragen aan een duurzaam aanwezigheidsbeleid. Bij elke doelstelling horen reflectievragen. Die helpen de school — eventueel samen met het CLB — om na te gaan in welke mate aan de voorwaarden wordt voldaan.',
      en: 'The plan follows the structure of the care continuum. Each phase states goals that contribute to a lasting attendance policy. Each goal comes with reflection questions, which help the school — possibly together with the CLB — to check to what extent the conditions are met.',
    },
    {
      nl: 'Zo vormt dit preventieplan een concreet en bruikbaar instrument om signalen vroegtijdig op te vangen, gepaste ondersteuning te bieden en schooluitval te voorkomen.',
      en: 'This makes the prevention plan a concrete, usable instrument to pick up signals early, offer fitting support and prevent early school leaving.',
    },
  ],
  questionsPrompt: {
    nl: 'Volgende vragen kunnen helpen om over deze doelstelling in gesprek te gaan. Licht toe hoe de school dit doet en sta stil bij groeikansen:',
    en: 'The following questions can help to start a conversation about this goal. Explain how the school does this and consider opportunities for growth:',
  },
  scorePrompt: { nl: 'Schaal je school in voor deze doelstelling:', en: 'Rate your school for this goal:' },
  focusPrompt: {
    nl: 'Waar wil je op inzetten om je score te verhogen?',
    en: 'What do you want to work on to raise your score?',
  },
  overviewTitle: { nl: 'Overzicht doelstellingen per fase', en: 'Overview of goals per phase' },
  columns: {
    score: { nl: 'Schaal', en: 'Score' },
    what: { nl: 'Wat', en: 'What' },
    whatHint: { nl: 'geplande actie', en: 'planned action' },
    who: { nl: 'Wie', en: 'Who' },
    whoHint: { nl: 'actoren', en: 'actors' },
    when: { nl: 'Wanneer', en: 'When' },
    whenHint: { nl: 'timing', en: 'timing' },
    check: { nl: 'Check', en: 'Check' },
    checkHint: { nl: 'borgen/bijsturen', en: 'secure/adjust' },
  },
  sourcesTitle: { nl: 'Bronnenoverzicht', en: 'Sources' },
  /** Seed lines 1338–1349, as in the seed (titles of publications are not translated). */
  sources: [
    'Aanwezig in de klas, dialoogfiche (Vrij CLB Limburg, CLB Limburg+, PCLB-Limburg; 2025)  https://schooluitval.be/media/22pfqgsi/dialoogfiche-lkr_plgsts_2025.pdf',
    'Aanwezig in de klas, ondersteunde fiche dialoog leerkracht (Vrij CLB Limburg, CLB Limburg+, PCLB-Limburg; 2025), https://schooluitval.be/media/1bsf0zgp/ondersteunende-fiches-dialoog-lkr_plgsts_2025.pdf',
    'Aanwezig op school, dialoogfiche school (Vrij CLB Limburg, CLB Limburg+, PCLB-Limburg; 2025), https://schooluitval.be/media/l1jpddan/dialoogfiche-school_plgsts_2025.pdf',
    'Aanwezig in de klas, ondersteunde fiche dialoog schoolbeleid (Vrij CLB Limburg, CLB Limburg+, PCLB-Limburg; 2025), ondersteunende-fiches-dialoog-schoolbeleid_plgsts_2025.pdf',
    'Afwezig op school (Samen tegen Schooluitval West-Vlaanderen, 2022), actieplan_afwezig-op-school.pdf',
    'Angst voor de schoolpoort (HOGENT, 2019), https://www.hogent.be/projecten/angst-voor-de-schoolpoort/',
    'Dialoogdocument aanwezigheidsbeleid op school (Samen tegen Schooluitval Brussel en Vlaams-Brabant), dialoogdocument.pdf',
    'Leidraad bij dialoogdocument aanwezigheidsbeleid op school (Samen tegen Schooluitval Brussel en Vlaams-Brabant), leidraad-bij-dialoogdocument-aanwezigheidsbeleid-op-school.pdf',
    'Samen tegen Schooluitval Antwerpen, website https://sites.google.com/view/samen-tegen-schooluitval-antw/home?authuser=0',
    'Schooluitval.be, SamenTegenUitval',
    'Stappenplan voor spijbelopvolging provincie Antwerpen, stappenplan-voor-spijbelopvolging-voor-leerlingen-die-naar-school-gaan-in-de-provincie-antwerpen-brochure.pdf',
    'Zelfscan & algemene tips om aan de slag te gaan met problematische afwezigheden binnen je school, Ducktape versterkt (Groep Intro), Ducktape versterkt',
  ],
} as const;

export { PHASES };

export interface GoalInContext extends Goal {
  phase: number;
  track: TrackKind;
}

/** The 26 scored goals in document order, each with its phase and track. */
export const GOALS: readonly GoalInContext[] = PHASES.flatMap((phase) =>
  phase.tracks.flatMap((track) => track.goals.map((goal) => ({ ...goal, phase: phase.number, track: track.kind }))),
);

const goalsById = new Map(GOALS.map((goal) => [goal.id, goal]));
export const findGoal = (id: string): GoalInContext | undefined => goalsById.get(id);

/** Every question id (of the goals and of the optional reflection module) with the goal it belongs to. */
export const isScoreOutOfTen = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 10;
