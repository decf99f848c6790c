// The English rule catalog (profile `england`): persistent and severe absence as shares of possible sessions.
import type { RuleCatalog } from './catalog-types.ts';

const DFE_SOURCE =
  'DfE "Working together to improve school attendance" (statutory from 19 August 2024); persistent absence = ' +
  'missing ≥ 10 % of possible sessions, severe absence ≥ 50 % (authorised + unauthorised); a session is one ' +
  'morning or afternoon (shared/domain/sources.md §6.2)';

export const ENGLAND_CATALOG: RuleCatalog = {
  profile: 'england',
  title: { nl: 'Afwezigheidsdrempels Engeland', en: 'Attendance thresholds for England' },
  source: DFE_SOURCE,
  rules: [
    {
      id: 'PERSISTENT_ABSENCE',
      kind: 'share',
      title: { nl: 'Aanhoudend afwezig (≥ 10 %)', en: 'Persistent absence (≥ 10 %)' },
      codes: 'absent',
      params: { percent: 10, minimumPossibleHalfDays: 10 },
      parameters: {
        percent: { origin: 'source' },
        minimumPossibleHalfDays: { origin: 'product-default', min: 0, max: 400, integer: true },
      },
      obligation: 'guidance',
      action: {
        nl: 'Aanhoudend afwezig: bespreek met leerling en ouders, stel een ondersteuningsplan op.',
        en: 'Persistent absence: meet the pupil and parents and agree an attendance support plan.',
      },
      source: DFE_SOURCE,
      priority: 60,
      explanation: {
        nl: '{share} % van de mogelijke halve dagen afwezig ({absent} van {possible}) op {asOf}; ≥ {percent} % sinds {date}',
        en: '{share} % of possible sessions missed ({absent} of {possible}) on {asOf}; ≥ {percent} % since {date}',
      },
    },
    {
      id: 'SEVERE_ABSENCE',
      kind: 'share',
      title: { nl: 'Ernstig afwezig (≥ 50 %)', en: 'Severe absence (≥ 50 %)' },
      codes: 'absent',
      params: { percent: 50, minimumPossibleHalfDays: 10 },
      parameters: {
        percent: { origin: 'source' },
        minimumPossibleHalfDays: { origin: 'product-default', min: 0, max: 400, integer: true },
      },
      obligation: 'guidance',
      action: {
        nl: 'Ernstig afwezig: gezamenlijke aanpak met de lokale overheid en andere diensten.',
        en: 'Severe absence: joint approach with the local authority and other services.',
      },
      source: DFE_SOURCE,
      priority: 90,
      explanation: {
        nl: '{share} % van de mogelijke halve dagen afwezig ({absent} van {possible}) op {asOf}; ≥ {percent} % sinds {date}',
        en: '{share} % of possible sessions missed ({absent} of {possible}) on {asOf}; ≥ {percent} % since {date}',
      },
    },
  ],
};
