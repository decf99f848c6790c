// Workflow: the decision whether and how to restart school after school refusal (seed 002 §2.1–2.3): a taxatie
// (assessment) as a structured form, and a keuzeschema (decision tree) that turns it into an outcome with its
// reasons. The HOGENT annexes' own question lists are NOT FOUND (shared/domain/sources.md §3.4), so the questions
// follow seed 002's own text, each with its lines; the team may decide otherwise, with a reason.
import { filled, type Problem, problem } from './problem.ts';

/** The taxatie's questions (seed 002 §2.1 points 1–9, l. 1206–1262; §2.2 l. 1263–1330; §2.5 l. 1400–1412). */
export const TAXATIE_QUESTIONS = [
  {
    id: 'absence',
    nl: 'Hoe lang is de jongere afwezig?',
    en: 'How long has the pupil been absent?',
    options: ['recent', 'long'],
    source: '002:1229-1236, 002:1249-1251 (hoe langer afwezig, hoe moeilijker terug)',
  },
  {
    id: 'perspectives',
    nl: 'Zijn de perspectieven van alle betrokkenen in beeld gebracht?',
    en: 'Are the perspectives of everyone involved mapped?',
    options: ['yes', 'no'],
    source: '002:1244-1246 (perspectieven, tabel fase 1), 002:1263-1275',
  },
  {
    id: 'pivot',
    nl: 'Is er een spilfiguur die voeling houdt en aanspreekpunt is?',
    en: 'Is there a spilfiguur who keeps in touch and is the point of contact?',
    options: ['yes', 'no'],
    source: '002:1252-1262, 002:1282-1288',
  },
  {
    id: 'connection',
    nl: 'Is er nog verbinding tussen de school en de jongere?',
    en: 'Is there still a connection between the school and the pupil?',
    options: ['yes', 'no'],
    source: '002:1247-1248, 002:1252-1262 (verbinding en betrokkenheid)',
  },
  {
    id: 'complaints',
    nl: 'Wordt er parallel gewerkt aan de klachten (spanning, angst, …)?',
    en: 'Are the complaints (tension, anxiety, …) being worked on in parallel?',
    options: ['yes', 'no', 'not-needed'],
    source: '002:1252-1257 (duaal traject)',
  },
  {
    id: 'readiness',
    nl: 'Hoe staat de jongere tegenover een terugkeer?',
    en: 'How does the pupil feel about returning?',
    options: ['ready', 'ambivalent', 'not-ready'],
    source: '002:1244-1246, 002:1340-1360',
  },
  {
    id: 'severity',
    nl: 'Maken de aard en ernst van de problematiek school nu onmogelijk?',
    en: 'Do the nature and severity of the problems make school impossible now?',
    options: ['yes', 'no'],
    source: '002:1766-1770 (fase 3)',
  },
  {
    id: 'externalHelp',
    nl: 'Is externe hulp aangewezen en al ingeschakeld?',
    en: 'Is external help indicated, and already involved?',
    options: ['not-needed', 'involved', 'needed'],
    source: '002:1400-1412 (2.5 externe hulpverlening)',
  },
] as const;

export type TaxatieAnswers = Partial<Record<(typeof TAXATIE_QUESTIONS)[number]['id'], string>>;

/** The keuzeschema's outcomes, most far-reaching first. */
export const RESTART_OUTCOMES = [
  {
    id: 'let-go',
    nl: 'Fase 3: school (tijdelijk) loslaten, de jongere niet',
    en: 'Phase 3: let go of school (for now), not of the pupil',
  },
  {
    id: 'prepare',
    nl: 'Eerst voorbereiden: perspectieven, spilfiguur en verbinding',
    en: 'Prepare first: perspectives, spilfiguur and connection',
  },
  {
    id: 'care-first',
    nl: 'Duaal traject starten: eerst hulp voor de klachten, parallel contact met school',
    en: 'Start a dual track: help for the complaints first, contact with school alongside',
  },
  {
    id: 'gradual-return',
    nl: 'Geleidelijke terugkeer: maak het terugkeerplan (eerst het hoe, dan het wanneer)',
    en: 'Gradual return: make the return plan (first how, then when)',
  },
] as const;
export type RestartOutcome = (typeof RESTART_OUTCOMES)[number]['id'];

export interface RestartDecision {
  outcome: RestartOutcome;
  reasons: { nl: string; en: string }[];
}

/** Every question answered with one of its options. */
export function checkTaxatie(answers: TaxatieAnswers): Problem[] {
  const problems: Problem[] = [];
  for (const q of TAXATIE_QUESTIONS) {
    const answer = answers[q.id];
    if (!filled(answer) || !(q.options as readonly string[]).includes(answer as string)) {
      problems.push(problem(`taxatie.${q.id}`, 'required', `Beantwoord: ${q.nl}`, `Answer: ${q.en}`));
    }
  }
  return problems;
}

/**
 * The keuzeschema: phase 3 when school is impossible now or the connection is gone while the pupil is not ready;
 * otherwise prepare first when perspectives or a spilfiguur are missing; otherwise a dual track first when the
 * pupil is not ready or help is needed and not yet there; otherwise a gradual return. Each step names its reason.
 */
export function decideRestart(a: TaxatieAnswers): RestartDecision {
  const reasons: { nl: string; en: string }[] = [];
  if (a.severity === 'yes' || (a.connection === 'no' && a.readiness === 'not-ready')) {
    if (a.severity === 'yes')
      reasons.push({
        nl: 'De aard en ernst van de problematiek maken school nu onmogelijk (002:1766-1770).',
        en: 'The nature and severity of the problems make school impossible now.',
      });
    else
      reasons.push({
        nl: 'De verbinding met school is weg en de jongere is niet klaar voor een terugkeer (002:1841-1845).',
        en: 'The connection with school is gone and the pupil is not ready to return.',
      });
    return { outcome: 'let-go', reasons };
  }
  if (a.perspectives === 'no')
    reasons.push({
      nl: 'De perspectieven van de betrokkenen zijn nog niet in beeld (002:1244-1246).',
      en: 'The perspectives of those involved are not mapped yet.',
    });
  if (a.pivot === 'no')
    reasons.push({
      nl: 'Er is nog geen spilfiguur die de verbinding regisseert (002:1252-1262).',
      en: 'There is no spilfiguur yet to keep the connection.',
    });
  if (a.connection === 'no')
    reasons.push({
      nl: 'De verbinding tussen school en jongere moet eerst hersteld worden (002:1247-1248).',
      en: 'The connection between school and pupil must be restored first.',
    });
  if (reasons.length > 0) return { outcome: 'prepare', reasons };
  if (a.readiness === 'not-ready')
    reasons.push({
      nl: 'De jongere is nog niet klaar voor een terugkeer.',
      en: 'The pupil is not ready to return yet.',
    });
  if (a.externalHelp === 'needed')
    reasons.push({
      nl: 'Externe hulp is aangewezen maar nog niet ingeschakeld (002:1400-1412).',
      en: 'External help is indicated but not involved yet.',
    });
  if (a.complaints === 'no')
    reasons.push({
      nl: 'Er wordt nog niet parallel aan de klachten gewerkt (duaal traject, 002:1252-1257).',
      en: 'The complaints are not being worked on in parallel yet (dual track).',
    });
  if (reasons.length > 0) return { outcome: 'care-first', reasons };
  reasons.push({
    nl: 'Perspectieven, spilfiguur, verbinding en zorg voor de klachten zijn er: een snelle, geleidelijke terugkeer (002:1249-1251).',
    en: 'Perspectives, spilfiguur, connection and care are in place: a quick, gradual return.',
  });
  if (a.absence === 'long')
    reasons.push({
      nl: 'Na een lange afwezigheid: kleine stappen, elke dag tot aan de schoolpoort (002:1420-1428).',
      en: 'After a long absence: small steps, every day up to the school gate.',
    });
  return { outcome: 'gradual-return', reasons };
}
