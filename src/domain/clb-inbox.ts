// The CLB inbox: what a school sent to its CLB (a CLB signal or a CLB referral), the statuses the CLB moves it
// through, its outcomes, and the prompt that asks the school to signal again (seed 003 §2.2).

/** signal and referral come from the school; transfer: a file sent by the previous school's CLB (seed 003:329-337). */
export const CLB_CASE_KINDS = ['signal', 'referral', 'transfer'] as const;
export type ClbCaseKind = (typeof CLB_CASE_KINDS)[number];

/** received → in-progress (the CLB proposes a plan van aanpak) → closed (with an outcome); seed 003:305-321. */
export const CLB_CASE_STATUSES = ['received', 'in-progress', 'closed'] as const;
export type ClbCaseStatus = (typeof CLB_CASE_STATUSES)[number];

/** The next status of each status; a closed case stays closed (a new signal opens a new case). */
export const NEXT_CLB_STATUS: Readonly<Record<ClbCaseStatus, ClbCaseStatus | null>> = {
  received: 'in-progress',
  'in-progress': 'closed',
  closed: null,
};

/** The plan van aanpak's outcomes (seed 003:313-321). */
export const CLB_CASE_OUTCOMES = [
  {
    id: 'clb-guidance',
    nl: 'Verdere CLB-begeleiding',
    en: 'Further CLB guidance',
    source: '003:315',
  },
  {
    id: 'external-referral',
    nl: 'Doorverwijzing naar externe hulpverlening',
    en: 'Referral to external help',
    source: '003:315-317',
  },
  {
    id: 'no-further-request',
    nl: 'Geen verdere hulpvraag: dossier afgesloten',
    en: 'No further request for help: case closed',
    source: '003:319-321',
  },
] as const;
export type ClbCaseOutcome = (typeof CLB_CASE_OUTCOMES)[number]['id'];

export const isClbCaseOutcome = (value: string): value is ClbCaseOutcome =>
  CLB_CASE_OUTCOMES.some((o) => o.id === value);

/**
 * The prompt to signal again: the CLB closed the school's CLB signal and new `B` half-days were registered after
 * the closing date. Not a rule of the register engine (it needs the CLB's closing date); computed from the inbox
 * and the register for the pupil file (docs/rules.md "Signals from the pupil file").
 */
export const CLB_RESIGNAL = {
  id: 'CLB_RESIGNAL',
  codes: ['B'],
  /** `B` half-days dated after the closing date that raise the prompt. */
  threshold: 1,
  title: { nl: 'Opnieuw signaleren aan het CLB', en: 'Signal to the CLB again' },
  action: {
    nl: 'Het CLB sloot de signalering af en er zijn nieuwe B-halve dagen: signaleer opnieuw aan het CLB.',
    en: 'The CLB closed the signal and there are new B half-days: signal to the CLB again.',
  },
  source:
    'seed 003:319-321 ("De school signaleert wanneer er bijkomende afwezigheden zijn"), 003:323-326; seed 001:480 ("Vanaf 5 B-codes meldt de school de afwezigheden aan het CLB")',
} as const;
