// A rule catalog compiled against a code table: code sets as bit masks and every number as a plain field.
import type { AbsenceCode } from '../absence-codes.ts';
import type { CodeSelector, RuleCatalog, RuleDefinition, RuleKind } from './catalog-types.ts';

export interface CompiledCondition {
  mask: number;
  threshold: number;
  fact: string;
}

/** Numbers the engine reads in its loops; fields a kind does not use stay 0. */
export interface CompiledRule {
  /** Position in the catalog (and in SignalTable.rule). */
  index: number;
  id: string;
  kind: RuleKind;
  /** Numeric kind for a fast switch in the engine (KIND_CODES). */
  kindCode: number;
  definition: RuleDefinition;
  /** Code ids (bit = 1 << id) the rule counts. */
  mask: number;
  /** The code ids in mask, so the engine can sum a pupil's per-code counts before scanning rows. */
  maskCodes: Int32Array;
  /** Index of mask in CompiledCatalog.masks (rules sharing a code set share one per-pupil count). */
  maskIndex: number;
  threshold: number;
  windowDays: number;
  spanDays: number;
  runs: number;
  withinSchoolDays: number;
  occurrences: number;
  absentAtLeast: number;
  minimumGapDays: number;
  lastReturnDays: number;
  requiredHalfDays: number;
  compulsoryAge: number;
  fromElapsedHalfDays: number;
  rateMode: boolean;
  schoolDays: number;
  maxSpells: number;
  maxSpanDays: number;
  enabled: boolean;
  percent: number;
  minimumPossibleHalfDays: number;
  /** Bit (1 << month) per allowed month; 0 = every month. */
  monthsMask: number;
  includesCarriedOver: boolean;
  /** Index of the rule that must hold too (prior-year), or -1. */
  requiresRule: number;
  conditions: CompiledCondition[];
}

/** Numeric codes of the rule kinds; the engine switches on these. */
export const KIND_CODES: Readonly<Record<RuleKind, number>> = {
  count: 0,
  'window-count': 1,
  run: 2,
  span: 3,
  spells: 4,
  slot: 5,
  'return-day': 6,
  projection: 7,
  exclusion: 8,
  'note-limit': 9,
  'prior-year': 10,
  share: 11,
  'school-window-count': 12,
  certificate: 13,
};

export interface CompiledCatalog {
  catalog: RuleCatalog;
  codes: readonly AbsenceCode[];
  rules: CompiledRule[];
  /** Rule indexes in evaluation order: a rule comes after the rule it requires. */
  evaluationOrder: Int32Array;
  /** Rule indexes sorted by rule id: the output order within a pupil. */
  outputOrder: Int32Array;
  /** Bit mask of the codes that count as absent. */
  absentMask: number;
  /** Distinct code masks of the rules; maskCodes[i] lists the code ids of masks[i]. */
  masks: Int32Array;
  maskCodes: Int32Array[];
}

export class CatalogCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogCompileError';
  }
}

function codeMask(selector: CodeSelector, codes: readonly AbsenceCode[]): number {
  let mask = 0;
  codes.forEach((code, id) => {
    const selected = selector === 'absent' ? code.countsAsAbsent : selector.includes(code.code);
    if (selected) mask |= 1 << id;
  });
  return mask;
}

const cache = new WeakMap<RuleCatalog, WeakMap<readonly AbsenceCode[], CompiledCatalog>>();

/** Compiles (and caches) a catalog for a code table; rejects catalogs that reference unknown rules. */
export function compileCatalog(catalog: RuleCatalog, codes: readonly AbsenceCode[]): CompiledCatalog {
  let byCodes = cache.get(catalog);
  if (!byCodes) {
    byCodes = new WeakMap();
    cache.set(catalog, byCodes);
  }
  const cached = byCodes.get(codes);
  if (cached) return cached;
  const absentMask = codeMask('absent', codes);
  const indexById = new Map(catalog.rules.map((r, i) => [r.id, i]));
  if (indexById.size !== catalog.rules.length) throw new CatalogCompileError('rule ids must be unique');
  const rules = catalog.rules.map((definition, index) => compileRule(definition, index, codes, absentMask, indexById));
  const masks: number[] = [];
  const maskCodes: Int32Array[] = [];
  for (const rule of rules) {
    let at = masks.indexOf(rule.mask);
    if (at < 0) {
      at = masks.length;
      masks.push(rule.mask);
      maskCodes.push(rule.maskCodes);
    }
    rule.maskIndex = at;
  }
  const outputOrder = Int32Array.from(
    rules.map((r) => r.index).sort((a, b) => ((rules[a]?.id ?? '') < (rules[b]?.id ?? '') ? -1 : 1)),
  );
  const evaluationOrder: number[] = [];
  const placed = new Set<number>();
  const place = (index: number, path: Set<number>): void => {
    if (placed.has(index)) return;
    if (path.has(index)) throw new CatalogCompileError('rules require each other in a cycle');
    const rule = rules[index] as CompiledRule;
    if (rule.requiresRule >= 0) place(rule.requiresRule, new Set([...path, index]));
    placed.add(index);
    evaluationOrder.push(index);
  };
  for (const index of outputOrder) place(index, new Set());
  const compiled: CompiledCatalog = {
    catalog,
    codes,
    rules,
    evaluationOrder: Int32Array.from(evaluationOrder),
    outputOrder,
    absentMask,
    masks: Int32Array.from(masks),
    maskCodes,
  };
  byCodes.set(codes, compiled);
  return compiled;
}

function compileRule(
  definition: RuleDefinition,
  index: number,
  codes: readonly AbsenceCode[],
  absentMask: number,
  indexById: Map<string, number>,
): CompiledRule {
  const rule: CompiledRule = {
    index,
    id: definition.id,
    kind: definition.kind,
    kindCode: KIND_CODES[definition.kind],
    definition,
    mask: 0,
    maskCodes: new Int32Array(0),
    maskIndex: 0,
    threshold: 0,
    windowDays: 0,
    spanDays: 0,
    runs: 0,
    withinSchoolDays: 0,
    occurrences: 0,
    absentAtLeast: 0,
    minimumGapDays: 0,
    lastReturnDays: 0,
    requiredHalfDays: 0,
    compulsoryAge: 0,
    fromElapsedHalfDays: 0,
    rateMode: false,
    schoolDays: 0,
    maxSpells: 0,
    maxSpanDays: 0,
    enabled: true,
    percent: 0,
    minimumPossibleHalfDays: 0,
    monthsMask: 0,
    includesCarriedOver: false,
    requiresRule: -1,
    conditions: [],
  };
  switch (definition.kind) {
    case 'count':
      rule.mask = codeMask(definition.codes, codes);
      rule.threshold = definition.params.threshold;
      rule.includesCarriedOver = definition.includesCarriedOver === true;
      for (const month of definition.months ?? []) rule.monthsMask |= 1 << month;
      break;
    case 'window-count':
      rule.mask = codeMask(definition.codes, codes);
      rule.threshold = definition.params.threshold;
      rule.windowDays = definition.params.windowDays;
      break;
    case 'run':
      rule.mask = codeMask(definition.codes, codes);
      rule.threshold = definition.params.threshold;
      break;
    case 'span':
      rule.mask = codeMask(definition.codes, codes);
      rule.spanDays = definition.params.spanDays;
      break;
    case 'spells':
      rule.mask = codeMask(definition.codes, codes);
      rule.runs = definition.params.runs;
      rule.withinSchoolDays = definition.params.withinSchoolDays;
      break;
    case 'slot':
      rule.mask = codeMask(definition.codes, codes);
      rule.occurrences = definition.params.occurrences;
      rule.absentAtLeast = definition.params.absentAtLeast;
      break;
    case 'return-day':
      rule.mask = codeMask(definition.codes, codes);
      rule.minimumGapDays = definition.params.minimumGapDays;
      rule.lastReturnDays = definition.params.lastReturnDays;
      rule.absentAtLeast = definition.params.absentAtLeast;
      break;
    case 'projection':
      // Half-days that count against the minimum: absent, and not among the accepted codes.
      rule.mask = absentMask & ~codeMask(definition.acceptedCodes, codes);
      rule.requiredHalfDays = definition.params.requiredHalfDays;
      rule.compulsoryAge = definition.params.compulsoryAge;
      rule.fromElapsedHalfDays = definition.params.fromElapsedHalfDays;
      rule.rateMode = definition.mode === 'rate';
      break;
    case 'exclusion':
      rule.schoolDays = definition.params.schoolDays;
      break;
    case 'note-limit':
      rule.mask = codeMask(definition.codes, codes);
      rule.maxSpells = definition.params.maxSpells;
      rule.maxSpanDays = definition.params.maxSpanDays;
      rule.enabled = definition.params.schoolRegistersCertificatesAsD;
      break;
    case 'prior-year': {
      rule.conditions = definition.conditions.map((c) => ({
        mask: codeMask(c.codes, codes),
        threshold: c.threshold,
        fact: c.fact,
      }));
      if (definition.requiresRule !== undefined) {
        const required = indexById.get(definition.requiresRule);
        if (required === undefined) {
          throw new CatalogCompileError(`${definition.id} requires unknown rule ${definition.requiresRule}`);
        }
        rule.requiresRule = required;
      }
      break;
    }
    case 'school-window-count':
      rule.mask = codeMask(definition.codes, codes);
      rule.threshold = definition.params.threshold;
      rule.withinSchoolDays = definition.params.withinSchoolDays;
      break;
    case 'share':
      rule.mask = codeMask(definition.codes, codes);
      rule.percent = definition.params.percent;
      rule.minimumPossibleHalfDays = definition.params.minimumPossibleHalfDays;
      break;
    case 'certificate':
      rule.enabled = false;
      break;
  }
  const maskCodes: number[] = [];
  for (let id = 0; id < codes.length; id++) if ((rule.mask & (1 << id)) !== 0) maskCodes.push(id);
  rule.maskCodes = Int32Array.from(maskCodes);
  return rule;
}
