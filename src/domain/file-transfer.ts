// The transfer of a pupil's CLB file to the CLB of the new school (warm handover, seed 003 l. 329–337): the
// content categories with their transfer rule as data (mandatory, unless the parents or the adult pupil refuse,
// never), who decides by the pupil's age, and which items of a chosen set go along. Pure; docs/school-changers.md.

/** mandatory: the law makes the transfer compulsory; unless-refused: goes along unless refused; never: never. */
export const TRANSFER_RULES = ['mandatory', 'unless-refused', 'never'] as const;
export type TransferRule = (typeof TRANSFER_RULES)[number];

/** Who reads a transferred item at the receiving CLB: its CLB staff, or only its CLB doctor. */
export type TransferReaders = 'clb' | 'clb-arts';

export const TRANSFER_CATEGORIES = [
  {
    id: 'verslag',
    rule: 'mandatory',
    readers: 'clb',
    nl: 'Verslag (gemeenschappelijk curriculum, individueel aangepast curriculum of opleidingsvorm 4)',
    en: 'Report for specific educational needs (common curriculum, individually adapted curriculum, training form 4)',
    source:
      'seed 004 l. 11662–11674 ("behalve voor gegevens waarvan de regelgeving bepaalt dat ze verplicht overgedragen moeten worden, zoals … een verslag"); Omzendbrief BaO/2014/05 and SO 64 (004 l. 11713–11714)',
  },
  {
    id: 'guidance',
    rule: 'unless-refused',
    readers: 'clb',
    nl: 'Begeleiding: begeleidingsacties, onderwijsbehoeften en geprobeerde ondersteuning',
    en: 'Guidance: guidance actions, educational needs and support tried',
    source:
      'seed 004 l. 11634–11638 ("Scholen mogen informatie doorgeven over begeleidingsacties, onderwijsbehoeften en geprobeerde ondersteuning"), l. 11701–11703; refusable: l. 11662–11666',
  },
  {
    id: 'clb-medical',
    rule: 'unless-refused',
    readers: 'clb-arts',
    nl: 'Medische gegevens van de CLB-arts (vertrouwelijk, enkel voor de CLB-arts)',
    en: 'The CLB doctor’s medical data (confidential, for the CLB doctor only)',
    source:
      'seed 004 l. 11662–11666 (refusable); medical confidentiality as in the pupil file (clb-arts level, docs/security.md): product rule',
  },
  {
    id: 'disciplinary',
    rule: 'never',
    readers: 'clb',
    nl: 'Tuchtmaatregelen, tuchtdossiers en sanctionerende maatregelen',
    en: 'Disciplinary measures, disciplinary files and sanctioning measures',
    source:
      'seed 004 l. 11601–11611 ("tuchtdossiers of tuchtmaatregelen niet overdraagbaar naar een nieuwe school"), l. 11693–11699 ("blijven strikt niet-overdraagbaar")',
  },
] as const satisfies readonly {
  id: string;
  rule: TransferRule;
  readers: TransferReaders;
  nl: string;
  en: string;
  source: string;
}[];

export type TransferCategory = (typeof TRANSFER_CATEGORIES)[number]['id'];
export const TRANSFER_CATEGORY_IDS = TRANSFER_CATEGORIES.map((c) => c.id) as [TransferCategory, ...TransferCategory[]];

const CATEGORY = new Map<string, (typeof TRANSFER_CATEGORIES)[number]>(TRANSFER_CATEGORIES.map((c) => [c.id, c]));
export const transferCategory = (id: TransferCategory) => CATEGORY.get(id) as (typeof TRANSFER_CATEGORIES)[number];

/** The categories the parents or the adult pupil may refuse. */
export const REFUSABLE_CATEGORIES = TRANSFER_CATEGORIES.filter((c) => c.rule === 'unless-refused').map((c) => c.id);
export const isRefusable = (id: string): id is TransferCategory => (REFUSABLE_CATEGORIES as string[]).includes(id);

/**
 * Timeline entry kinds that are disciplinary or sanctioning measures: never transferred, whatever is chosen
 * (seed 004 l. 11693–11699; the kind itself: seed 001 l. 517–531).
 */
export const DISCIPLINARY_ENTRY_KINDS: readonly string[] = ['sanctioning-measure'];

/**
 * Who decides on the transfer: the parents, or the pupil once of age. Seed 004 l. 11662 ("Ouders en meerderjarige
 * leerlingen kunnen de overdracht … weigeren"); of age at 18 (Belgian Civil Code art. 388).
 */
export const TRANSFER_DECIDER_RULE = {
  adultAge: 18,
  source: 'seed 004 l. 11662 ("meerderjarige leerlingen"); age of majority 18: Burgerlijk Wetboek art. 388',
} as const;
export type TransferDecider = 'parents' | 'pupil';

/** Whole years of age on a civil date (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Who decides on a date: the pupil when of age, else the parents. */
export const deciderOn = (birthDate: string, on: string): TransferDecider =>
  ageOn(birthDate, on) >= TRANSFER_DECIDER_RULE.adultAge ? 'pupil' : 'parents';

export type Confidentiality = 'school' | 'school+clb' | 'clb' | 'clb-arts';

/** The category of a timeline entry: disciplinary kinds first, then the CLB doctor's level, else guidance. */
export function categoryOfEntry(kind: string, confidentiality: Confidentiality): TransferCategory {
  if (DISCIPLINARY_ENTRY_KINDS.includes(kind)) return 'disciplinary';
  if (confidentiality === 'clb-arts') return 'clb-medical';
  return 'guidance';
}

/**
 * The category of a document. The sender may mark it as a verslag (mandatory) or as disciplinary; a document
 * attached to a disciplinary entry is disciplinary whatever the mark; a clb-arts document stays the CLB doctor's
 * (clb-medical) even when marked a verslag, so it never reaches other readers than the CLB doctor.
 */
export function categoryOfDocument(d: {
  confidentiality: Confidentiality;
  linkedEntryKind: string | null;
  marked: 'verslag' | 'disciplinary' | null;
}): TransferCategory {
  if (d.marked === 'disciplinary') return 'disciplinary';
  if (d.linkedEntryKind !== null && DISCIPLINARY_ENTRY_KINDS.includes(d.linkedEntryKind)) return 'disciplinary';
  if (d.confidentiality === 'clb-arts') return 'clb-medical';
  return d.marked === 'verslag' ? 'verslag' : 'guidance';
}

export type ExclusionReason = 'never-transferable' | 'refused';

/** Whether an item of a category goes along under the refusal recorded; the reason when it does not. */
export function transferVerdict(
  category: TransferCategory,
  refused: readonly TransferCategory[],
): { included: true } | { included: false; reason: ExclusionReason } {
  const rule = transferCategory(category).rule;
  if (rule === 'never') return { included: false, reason: 'never-transferable' };
  if (rule === 'unless-refused' && refused.includes(category)) return { included: false, reason: 'refused' };
  return { included: true };
}

/** Splits chosen items into what is transferred and what is left out (with the reason). */
export function planTransfer<T extends { category: TransferCategory }>(
  items: readonly T[],
  refused: readonly TransferCategory[],
): { included: T[]; excluded: (T & { reason: ExclusionReason })[] } {
  const included: T[] = [];
  const excluded: (T & { reason: ExclusionReason })[] = [];
  for (const item of items) {
    const verdict = transferVerdict(item.category, refused);
    if (verdict.included) included.push(item);
    else excluded.push({ ...item, reason: verdict.reason });
  }
  return { included, excluded };
}

export interface TransferDecisionInput {
  decidedBy: TransferDecider;
  informedOn: string;
  decidedOn: string;
  refused: readonly string[];
}

export interface TransferDecisionProblem {
  field: string;
  nl: string;
  en: string;
}

/**
 * What is wrong with a recorded decision: the parents informed no later than the decision, no decision in the
 * future, the right party for the pupil's age on the decision date, and only refusable categories refused.
 */
export function transferDecisionProblems(
  input: TransferDecisionInput,
  context: { birthDate: string; today: string },
): TransferDecisionProblem[] {
  const problems: TransferDecisionProblem[] = [];
  if (input.decidedOn > context.today)
    problems.push({
      field: 'decidedOn',
      nl: 'De beslissing kan niet in de toekomst liggen.',
      en: 'The decision cannot lie in the future.',
    });
  if (input.informedOn > input.decidedOn)
    problems.push({
      field: 'informedOn',
      nl: 'De ouders (of de meerderjarige leerling) worden geïnformeerd vóór ze beslissen.',
      en: 'The parents (or the adult pupil) are informed before they decide.',
    });
  const decider = deciderOn(context.birthDate, input.decidedOn);
  if (input.decidedBy !== decider)
    problems.push(
      decider === 'pupil'
        ? {
            field: 'decidedBy',
            nl: `De leerling is meerderjarig (${TRANSFER_DECIDER_RULE.adultAge} jaar): de leerling zelf beslist.`,
            en: `The pupil is of age (${TRANSFER_DECIDER_RULE.adultAge}): the pupil decides.`,
          }
        : {
            field: 'decidedBy',
            nl: 'De leerling is minderjarig: de ouders beslissen.',
            en: 'The pupil is a minor: the parents decide.',
          },
    );
  const wrong = input.refused.filter((c) => !isRefusable(c));
  if (wrong.length > 0)
    problems.push({
      field: 'refused',
      nl: `Niet te weigeren: ${wrong.join(', ')} (verplicht of nooit overgedragen).`,
      en: `Cannot be refused: ${wrong.join(', ')} (mandatory or never transferred).`,
    });
  return problems;
}
