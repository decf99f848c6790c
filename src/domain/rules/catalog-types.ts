// Types of a rule catalog: every signal rule as data (kind, codes, numbers, texts, source) for one engine.

/** How binding a rule is; drives priority and the wording of the proposed action. */
type ObligationLevel = 'legal' | 'duty' | 'guidance' | 'practice' | 'regulation' | 'legal-consequence';

export interface LocalizedText {
  nl: string;
  en: string;
}

/**
 * Which registered codes a rule looks at: a list of code letters as registered (e.g. `['Z', 'D']`), or
 * `'absent'` for every code the code table marks as counting as absent (all but `A` and `L` in Flanders).
 */
export type CodeSelector = readonly string[] | 'absent';

/** Where a number comes from: a cited source, or a product choice a school may change. */
export interface ParameterOrigin {
  /** `product-default`: not in the sources, configurable per school within [min, max]. */
  origin: 'source' | 'product-default';
  min?: number;
  max?: number;
  integer?: boolean;
}

interface RuleCommon {
  /** Stable ID used by the engine, API, UI and tests (rules-vlaanderen.md). */
  id: string;
  title: LocalizedText;
  obligation: ObligationLevel;
  /** What the UI proposes when the signal holds. */
  action: LocalizedText;
  /** Citation: seed and line numbers, circular, guidance document. */
  source: string;
  /**
   * Attention-list priority: higher is more urgent. Legal duties first, then legal consequences, then the
   * patterns that predict escalation; the app combines it with pupil facts (age, speed, cooperation).
   */
  priority: number;
  /** One-sentence explanation templates; `{placeholders}` depend on the kind (docs/rules.md). */
  explanation: LocalizedText;
  /** Origin of each numeric or boolean parameter in `params`; only `product-default` ones may be overridden. */
  parameters: Readonly<Record<string, ParameterOrigin>>;
  /**
   * The route that closes a signal with legal weight: the pupil-file kinds (intervention-kinds.ts) whose recorded
   * entry may mark it handled. A free note (or an entry of another kind) is refused on the server. Absent: any
   * recorded follow-up closes it.
   */
  closedBy?: readonly string[];
  /**
   * Who the action names besides the care team: `class-teacher` lets a class teacher (leerkracht) of the pupil's
   * class acknowledge and handle the signal (e.g. ABSENT_10: "de klastitularis polst").
   */
  addressedTo?: readonly 'class-teacher'[];
}

/** ≥ threshold half-days with one of the codes in the current school year (optionally only some months). */
export interface CountRule extends RuleCommon {
  kind: 'count';
  codes: CodeSelector;
  params: { threshold: number };
  /** Calendar months (1–12) the half-day must fall in; all months when absent. */
  months?: readonly number[];
  /** Whether B half-days carried over from a previous school this year (Discimus shares only the count) count. */
  includesCarriedOver?: boolean;
}

/** ≥ threshold half-days with the codes within windowDays consecutive calendar days. */
export interface WindowCountRule extends RuleCommon {
  kind: 'window-count';
  codes: CodeSelector;
  params: { threshold: number; windowDays: number };
}

/**
 * ≥ threshold half-days with the codes whose dates lie within withinSchoolDays consecutive school days (a school
 * day has at least one school half-day): last school day − first school day + 1 ≤ withinSchoolDays.
 */
export interface SchoolWindowCountRule extends RuleCommon {
  kind: 'school-window-count';
  codes: CodeSelector;
  params: { threshold: number; withinSchoolDays: number };
}

/** A run (consecutive school half-days, non-school half-days skipped) of ≥ threshold half-days. */
export interface RunRule extends RuleCommon {
  kind: 'run';
  codes: CodeSelector;
  params: { threshold: number };
}

/** A maximal run of the codes whose first and last dates span ≥ spanDays calendar days. */
export interface SpanRule extends RuleCommon {
  kind: 'span';
  codes: CodeSelector;
  params: { spanDays: number };
}

/** ≥ runs runs of absence starting within withinSchoolDays consecutive school days. */
export interface SpellsRule extends RuleCommon {
  kind: 'spells';
  codes: CodeSelector;
  params: { runs: number; withinSchoolDays: number };
}

/** Absent on ≥ absentAtLeast of the last `occurrences` school occurrences of one weekday + half. */
export interface SlotRule extends RuleCommon {
  kind: 'slot';
  codes: CodeSelector;
  params: { occurrences: number; absentAtLeast: number };
}

/** Absent in the morning on ≥ absentAtLeast of the last lastReturnDays return days (after ≥ 2 days off). */
export interface ReturnDayRule extends RuleCommon {
  kind: 'return-day';
  codes: CodeSelector;
  params: { minimumGapDays: number; lastReturnDays: number; absentAtLeast: number };
}

/** Minimum presence of a pupil of compulsory age in pre-primary (290 half-days), reachable or projected. */
export interface ProjectionRule extends RuleCommon {
  kind: 'projection';
  /** `reachable`: presences + remaining < required. `rate`: presences + remaining × presence rate < required. */
  mode: 'reachable' | 'rate';
  /** Absence codes that count like presences for this test (school allowance: P, R, Z, D). */
  acceptedCodes: readonly string[];
  level: 'kleuter';
  params: { requiredHalfDays: number; compulsoryAge: number; fromElapsedHalfDays: number };
}

/** Definitively excluded and not enrolled elsewhere after schoolDays school days. */
export interface ExclusionRule extends RuleCommon {
  kind: 'exclusion';
  params: { schoolDays: number };
}

/** Parents' notes: a (maxSpells + 1)th separate spell, or a spell spanning more than maxSpanDays days. */
export interface NoteLimitRule extends RuleCommon {
  kind: 'note-limit';
  codes: CodeSelector;
  params: { maxSpells: number; maxSpanDays: number; schoolRegistersCertificatesAsD: boolean };
  /** Explanation when a single spell is too long (`explanation` covers the too-many-spells case). */
  explanationLongSpell: LocalizedText;
}

interface PriorYearCondition {
  codes: CodeSelector;
  threshold: number;
  /** Name of the count in the evidence facts. */
  fact: string;
  /** What is counted, for the explanation (e.g. `halve dagen B`). */
  label: LocalizedText;
}

/** Previous school year: any condition met; optionally only while another rule holds now. */
export interface PriorYearRule extends RuleCommon {
  kind: 'prior-year';
  conditions: readonly PriorYearCondition[];
  /** When set, the rule holds only while this rule holds, and takes its triggeredOn. */
  requiresRule?: string;
  params: Record<string, number>;
}

/** Absent on ≥ percent % of the pupil's possible school half-days so far this school year. */
export interface ShareRule extends RuleCommon {
  kind: 'share';
  codes: CodeSelector;
  params: { percent: number; minimumPossibleHalfDays: number };
}

/**
 * Checks of the register against the recorded medical certificates (src/domain/medical/certificates.ts). The engine
 * does not evaluate them (it sees no certificates): recompute-signals adds them next to the engine's signals.
 */
export interface CertificateRule extends RuleCommon {
  kind: 'certificate';
  /** missing: no certificate where one is needed; doubt: a doubtful certificate; long: a long certificate. */
  check: 'missing' | 'doubt' | 'long';
  params: Record<string, number>;
}

export type RuleDefinition =
  | CountRule
  | WindowCountRule
  | RunRule
  | SpanRule
  | SpellsRule
  | SlotRule
  | ReturnDayRule
  | ProjectionRule
  | ExclusionRule
  | NoteLimitRule
  | PriorYearRule
  | ShareRule
  | SchoolWindowCountRule
  | CertificateRule;

export type RuleKind = RuleDefinition['kind'];

export interface RuleCatalog {
  /** Profile id, e.g. `vlaanderen`. */
  profile: string;
  title: LocalizedText;
  source: string;
  rules: readonly RuleDefinition[];
}
