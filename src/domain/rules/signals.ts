// Signals as the API and the `signals` CLI show them: evidence half-days and a Dutch and English sentence.
import { dayNumber } from '../civil-date.ts';
import type { Half, IsoDate } from '../half-day.ts';
import type { LocalizedText, RuleCatalog, RuleDefinition } from './catalog-types.ts';
import { belgianFromDayNumber, isoFromDayNumber, shortFromDayNumber } from './civil-day.ts';
import type { CompiledCatalog } from './compiled-catalog.ts';
import { assertCurrent, type EvaluateOptions, type EvidenceFacts, evaluateTable, type SignalTable } from './engine.ts';
import type { CompiledCalendar } from './engine-calendar.ts';
import type { EngineInput } from './engine-input.ts';

export type { EvidenceFacts } from './engine.ts';

export interface EvidenceHalfDay {
  date: IsoDate;
  half: Half;
  /** The code as registered. */
  code: string;
}

/** One rule that holds for one pupil on asOf (formats.md, `signals`). */
export interface Signal {
  pupilId: string;
  ruleId: string;
  /** First date on which the rule started to hold in the current episode. */
  triggeredOn: IsoDate;
  /** Half-days that make it hold, oldest first; or facts for rules not about single half-days. */
  evidence: EvidenceHalfDay[] | EvidenceFacts;
  /** One sentence saying why, in Dutch and English. */
  explanation: LocalizedText;
}

/** Evaluates the catalog and materialises every signal (evidence and sentences only for signals that hold). */
export function evaluate(
  input: EngineInput,
  catalog: RuleCatalog | CompiledCatalog,
  asOf: IsoDate,
  options: EvaluateOptions = {},
): Signal[] {
  return toSignals(evaluateTable(input, catalog, asOf, options));
}

export function toSignals(table: SignalTable): Signal[] {
  assertCurrent(table);
  const out = new Array<Signal>(table.length);
  for (let i = 0; i < table.length; i++) out[i] = signalAt(table, i);
  return out;
}

/** The evidence half-days of signal i (empty for fact-based signals). */
export function evidenceHalfDays(table: SignalTable, i: number): EvidenceHalfDay[] {
  assertCurrent(table);
  const { rowSlot, rowCode, codes } = table.input;
  const start = table.evidenceStart[i] as number;
  const length = table.evidenceLength[i] as number;
  const out = new Array<EvidenceHalfDay>(length);
  for (let e = 0; e < length; e++) {
    const row = table.evidenceRows[start + e] as number;
    const slot = rowSlot[row] as number;
    out[e] = {
      date: isoDay(slot >> 1),
      half: (slot & 1) === 1 ? 'PM' : 'AM',
      code: codes[rowCode[row] as number]?.code ?? '?',
    };
  }
  return out;
}

export function signalAt(table: SignalTable, i: number): Signal {
  const { pupilId, ruleId, triggeredOn, evidence } = signalWithoutExplanation(table, i);
  return { pupilId, ruleId, triggeredOn, evidence, explanation: explanationAt(table, i, evidence) };
}

/**
 * Facts that change with the calendar alone (another school day passed), not with new evidence: a handled signal
 * must not come back for them, so they are left out of its lasting evidence (see lastingEvidence).
 */
const TIME_FACTS = new Set([
  'schoolDaysWithoutSchool',
  'elapsedSchoolHalfDays',
  'remainingSchoolHalfDays',
  'presentHalfDays',
  'projectedHalfDays',
  'possibleHalfDays',
  'sharePercent',
]);

/**
 * The part of a signal's evidence that only new evidence changes: half-days as they are; facts without the
 * time-driven ones, with a projection's missing half-days (elapsed − present) in their place. The app keys a
 * handled signal's return on this, and refreshes the stored facts silently when only time moved on.
 */
export function lastingEvidence(evidence: Signal['evidence']): Signal['evidence'] {
  if (Array.isArray(evidence)) return evidence;
  const lasting: Record<string, number | string | boolean> = {};
  for (const [key, value] of Object.entries(evidence)) if (!TIME_FACTS.has(key)) lasting[key] = value;
  const elapsed = evidence.elapsedSchoolHalfDays;
  const present = evidence.presentHalfDays;
  if (typeof elapsed === 'number' && typeof present === 'number') lasting.missingHalfDays = elapsed - present;
  return lasting;
}

/**
 * Signal i without its sentences (for a caller that first compares the evidence with what it stored and asks
 * for the explanation only of the signals that changed).
 */
export function signalWithoutExplanation(table: SignalTable, i: number): Omit<Signal, 'explanation'> {
  return { ...signalHeadAt(table, i), evidence: table.factsAt(i) ?? evidenceHalfDays(table, i) };
}

/** Signal i's pupil, rule and first date, without its evidence and sentences. */
export function signalHeadAt(table: SignalTable, i: number): Pick<Signal, 'pupilId' | 'ruleId' | 'triggeredOn'> {
  assertCurrent(table);
  const rule = table.catalog.rules[table.rule[i] as number];
  if (!rule) throw new RangeError(`no signal ${i}`);
  return {
    pupilId: table.input.pupilIds[table.pupil[i] as number] as string,
    ruleId: rule.id,
    triggeredOn: isoDay(table.triggeredDay[i] as number),
  };
}

/** One evidence half-day as JSON.stringify writes an EvidenceHalfDay (the key order of evidenceHalfDays). */
export function evidenceHalfDayJson(slot: number, code: string): string {
  return `{"date":${JSON.stringify(isoDay(slot >> 1))},"half":${(slot & 1) === 1 ? '"PM"' : '"AM"'},"code":${JSON.stringify(code)}}`;
}

/**
 * The evidence of a table's signals as JSON text, exactly JSON.stringify(signalWithoutExplanation(table, i).evidence),
 * without an object per half-day: each (slot, code) half-day is written once (issue 16: a first import stores
 * ~175,000 signals' evidence).
 */
export class EvidenceJson {
  private readonly halfDays = new Map<number, string>();
  constructor(private readonly table: SignalTable) {}

  /** The evidence JSON of signal i; `facts` as table.factsAt(i) gave it. */
  at(i: number, facts: EvidenceFacts | undefined): string {
    if (facts) return JSON.stringify(facts);
    const table = this.table;
    assertCurrent(table);
    const { rowSlot, rowCode, codes } = table.input;
    const start = table.evidenceStart[i] as number;
    const length = table.evidenceLength[i] as number;
    let json = '[';
    for (let e = 0; e < length; e++) {
      const row = table.evidenceRows[start + e] as number;
      const slot = rowSlot[row] as number;
      const code = rowCode[row] as number;
      const key = slot * 256 + code;
      let text = this.halfDays.get(key);
      if (text === undefined) {
        text = evidenceHalfDayJson(slot, codes[code]?.code ?? '?');
        this.halfDays.set(key, text);
      }
      json += e === 0 ? text : `,${text}`;
    }
    return `${json}]`;
  }
}

/** The nl/en sentence of signal i; `evidence` as signalWithoutExplanation gave it (its facts are reused). */
export function explanationAt(table: SignalTable, i: number, evidence: Signal['evidence']): LocalizedText {
  assertCurrent(table);
  const rule = table.catalog.rules[table.rule[i] as number];
  if (!rule) throw new RangeError(`no signal ${i}`);
  return explain(table, i, rule.definition, Array.isArray(evidence) ? undefined : evidence);
}

// --- explanations ----------------------------------------------------------------------------------------------
// Materialising hundreds of thousands of signals must stay cheap: templates are split once, each placeholder is
// computed only when the template uses it, and date strings are cached per day.

const LIST_LIMIT = 10;
const WEEKDAYS_NL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const isoCache = new Map<number, string>();
const belgianCache = new Map<number, string>();
const shortCache = new Map<number, string>();

function cached(cache: Map<number, string>, day: number, format: (day: number) => string): string {
  let text = cache.get(day);
  if (text === undefined) {
    text = format(day);
    if (cache.size > 20_000) cache.clear();
    cache.set(day, text);
  }
  return text;
}

const isoDay = (day: number): string => cached(isoCache, day, isoFromDayNumber);
const belgianDay = (day: number): string => cached(belgianCache, day, belgianFromDayNumber);
const shortDay = (day: number): string => cached(shortCache, day, shortFromDayNumber);

interface CompiledTemplate {
  /** Literal text around the placeholders: parts.length === names.length + 1. */
  parts: string[];
  names: string[];
}

const templateCache = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let compiled = templateCache.get(template);
  if (!compiled) {
    const pieces = template.split(/\{(\w+)\}/);
    compiled = { parts: pieces.filter((_, i) => i % 2 === 0), names: pieces.filter((_, i) => i % 2 === 1) };
    templateCache.set(template, compiled);
  }
  return compiled;
}

function ordinalEn(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function halfDayList(table: SignalTable, i: number, language: 'nl' | 'en', onlyRunStarts: boolean): string {
  const { rowSlot } = table.input;
  const start = table.evidenceStart[i] as number;
  const length = table.evidenceLength[i] as number;
  const calendar = table.input.calendars[table.input.pupilCalendar[table.pupil[i] as number] as number] as
    | CompiledCalendar
    | undefined;
  const am = language === 'nl' ? ' VM' : ' AM';
  const pm = language === 'nl' ? ' NM' : ' PM';
  let text = '';
  let previousRank = -2;
  let shown = 0;
  let total = 0;
  for (let e = 0; e < length; e++) {
    const slot = rowSlot[table.evidenceRows[start + e] as number] as number;
    if (onlyRunStarts && calendar) {
      const rank = calendar.rank(slot);
      const continues = rank === previousRank + 1;
      previousRank = rank;
      if (continues) continue;
    }
    total++;
    if (shown >= LIST_LIMIT) continue;
    text += `${shown > 0 ? ', ' : ''}${shortDay(slot >> 1)}${(slot & 1) === 1 ? pm : am}`;
    shown++;
  }
  return total > shown ? `${text}, …` : text;
}

function codesText(definition: RuleDefinition, language: 'nl' | 'en'): string {
  const codes = 'codes' in definition ? definition.codes : 'absent';
  if (codes === 'absent') return language === 'nl' ? 'afwezig' : 'absent';
  return codes.join('/');
}

function evidenceStartDate(table: SignalTable, i: number): string {
  const row = table.evidenceRows[table.evidenceStart[i] as number];
  if (row === undefined || (table.evidenceLength[i] as number) === 0) return '';
  return belgianDay((table.input.rowSlot[row] as number) >> 1);
}

function shareText(facts: EvidenceFacts | undefined, language: 'nl' | 'en'): string {
  const share = String(facts?.sharePercent ?? 0);
  return language === 'nl' ? share.replace('.', ',') : share;
}

/** The value of one placeholder for signal i. */
function placeholder(
  name: string,
  table: SignalTable,
  i: number,
  definition: RuleDefinition,
  facts: EvidenceFacts | undefined,
  language: 'nl' | 'en',
): string {
  const detail = table.detail[i] as number;
  switch (name) {
    case 'date':
      return belgianDay(table.triggeredDay[i] as number);
    case 'asOf':
      return belgianDay(table.asOfDay);
    case 'codes':
      return codesText(definition, language);
    case 'halfDays':
      return halfDayList(table, i, language, false);
    case 'starts':
      return halfDayList(table, i, language, true);
    case 'start':
      return evidenceStartDate(table, i);
    case 'length':
      return String(detail);
    case 'ordinal': {
      const n =
        definition.kind === 'note-limit'
          ? definition.params.maxSpells + 1
          : Number((definition.params as Record<string, number>).threshold);
      return language === 'nl' ? `${n}e` : ordinalEn(n);
    }
    case 'carriedOver':
      if (definition.kind !== 'count' || detail === 0) return '';
      return language === 'nl'
        ? ` (inclusief ${detail} halve dagen B op een vorige school)`
        : ` (including ${detail} B half-days at a previous school)`;
    case 'absent':
      return definition.kind === 'share' ? String(facts?.absentHalfDays ?? 0) : String(table.evidenceLength[i]);
    case 'slot': {
      const weekday = Math.floor(detail / 2);
      const afternoon = detail % 2 === 1;
      return language === 'nl'
        ? `${WEEKDAYS_NL[weekday]}${afternoon ? 'namiddagen' : 'voormiddagen'}`
        : `${WEEKDAYS_EN[weekday]} ${afternoon ? 'afternoons' : 'mornings'}`;
    }
    case 'present':
      return String(facts?.presentHalfDays ?? '');
    case 'elapsed':
      return String(facts?.elapsedSchoolHalfDays ?? '');
    case 'remaining':
      return String(facts?.remainingSchoolHalfDays ?? '');
    case 'projected':
      return String(facts?.projectedHalfDays ?? '');
    case 'required':
      return String(facts?.requiredHalfDays ?? '');
    case 'possible':
      return String(facts?.possibleHalfDays ?? '');
    case 'share':
      return shareText(facts, language);
    case 'excludedOn':
      return facts ? belgianDay(dayNumber(String(facts.excludedOn))) : '';
    case 'previousYear':
      return facts ? String(facts.previousSchoolYear) : '';
    case 'facts':
      if (definition.kind !== 'prior-year') return '';
      return definition.conditions
        .map((c) => `${facts?.[c.fact] ?? 0} ${c.label[language]}`)
        .join(language === 'nl' ? ' en ' : ' and ');
    default: {
      const value = (definition.params as Record<string, number | boolean>)[name];
      return value === undefined ? `{${name}}` : String(value);
    }
  }
}

function explain(
  table: SignalTable,
  i: number,
  definition: RuleDefinition,
  facts: EvidenceFacts | undefined,
): LocalizedText {
  const longSpell = definition.kind === 'note-limit' && (table.variant[i] as number) === 1;
  const templates =
    longSpell && definition.kind === 'note-limit' ? definition.explanationLongSpell : definition.explanation;
  const render = (language: 'nl' | 'en'): string => {
    const { parts, names } = compileTemplate(templates[language]);
    let text = parts[0] as string;
    for (let n = 0; n < names.length; n++) {
      text += placeholder(names[n] as string, table, i, definition, facts, language) + (parts[n + 1] as string);
    }
    return text;
  };
  return { nl: render('nl'), en: render('en') };
}
