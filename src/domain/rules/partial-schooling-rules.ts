// The rules about partial schooling at the school's request (issue 15): data like the engine's catalog, but
// evaluated over a recorded arrangement (src/domain/monitor/partial-schooling.ts) instead of the register alone.
// Documented in docs/rules.md ("Partial schooling at the school's request") with their sources.
import type { LocalizedText, ParameterOrigin } from './catalog-types.ts';

export interface PartialSchoolingRule {
  id: 'PARTIAL_REVIEW_DUE' | 'PARTIAL_MORE_THAN_AGREED';
  title: LocalizedText;
  action: LocalizedText;
  source: string;
  params: Readonly<Record<string, number>>;
  parameters: Readonly<Record<string, ParameterOrigin>>;
}

export const PARTIAL_SCHOOLING_RULES = {
  PARTIAL_REVIEW_DUE: {
    id: 'PARTIAL_REVIEW_DUE',
    title: {
      nl: 'Deeltijds thuis: evaluatiedatum voorbij',
      en: 'Partial schooling: review date passed',
    },
    action: {
      nl: 'Evalueer de regeling met ouders en CLB: terug naar voltijds, of een nieuwe evaluatiedatum met reden.',
      en: 'Review the arrangement with the parents and the CLB: back to full time, or a new review date with a reason.',
    },
    source: 'seed 004 l. 3186–3200 (duur van twee weken tot meer dan een schooljaar), l. 2810 (opbouw naar voltijds)',
    // The signal holds from the day after the review date: no tolerance.
    params: { graceDays: 0 },
    parameters: { graceDays: { origin: 'product-default', min: 0, max: 30, integer: true } },
  },
  PARTIAL_MORE_THAN_AGREED: {
    id: 'PARTIAL_MORE_THAN_AGREED',
    title: {
      nl: 'Deeltijds thuis: meer afwezig dan afgesproken',
      en: 'Partial schooling: more time away than agreed',
    },
    action: {
      nl: 'Het register toont afwezigheid buiten de afgesproken halve dagen: bespreek met ouders en CLB of de regeling nog klopt.',
      en: 'The register shows absence outside the agreed half-days: discuss with the parents and the CLB whether the arrangement still holds.',
    },
    source:
      'seed 004 l. 3186–3200 (van twee à drie tot zeven à acht halve dagen per week), l. 1516–1520 (geregistreerd als Z, P of aanwezig); drempel: productkeuze',
    // At least `extraHalfDays` absent school half-days outside the agreed half-days within the last
    // `windowSchoolDays` school days (since the arrangement began).
    params: { extraHalfDays: 2, windowSchoolDays: 20 },
    parameters: {
      extraHalfDays: { origin: 'product-default', min: 1, max: 10, integer: true },
      windowSchoolDays: { origin: 'product-default', min: 5, max: 60, integer: true },
    },
  },
} as const satisfies Record<string, PartialSchoolingRule>;
