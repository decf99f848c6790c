// The labels of the phase-2 route forms' fields (nl/en), keyed by the field names the checks report problems on,
// so the web forms show each problem next to its own field. Grounds and choices live with their workflow.
type Label = { nl: string; en: string };

export const PHASE2_FIELDS = {
  clbInvolvement: { nl: 'Betrokkenheid van het CLB', en: 'CLB involvement' },
  clbConsultation: { nl: 'Overleg met het CLB', en: 'Consultation with the CLB' },
  destination: { nl: 'Aanmelden bij', en: 'Refer to' },
  grounds: { nl: 'Gronden', en: 'Grounds' },
  groundsExplanation: { nl: 'Toelichting bij de gronden (feiten)', en: 'Explanation of the grounds (facts)' },
  integrityAtRisk: {
    nl: 'De integriteit van de jongere of een ouder is in gevaar',
    en: 'The integrity of the young person or a parent is at risk',
  },
  integrityFacts: { nl: 'Wat brengt de integriteit in gevaar?', en: 'What puts integrity at risk?' },
  questionClarification: { nl: 'Elementen uit de vraagverheldering', en: 'Elements of the question clarification' },
  consultOn: { nl: 'Datum van het consult bij de gemandateerde voorziening', en: 'Date of the consultation' },
  consultOutcome: { nl: 'Wat leverde de consultfunctie op?', en: 'What did the consultation yield?' },
  truancyPlanAttached: {
    nl: 'Kopie van het spijbelactieplan toegevoegd',
    en: 'Copy of the truancy action plan attached',
  },
  schoolEfforts: { nl: 'Inspanningen van de school', en: 'Efforts of the school' },
  clbEfforts: { nl: 'Inspanningen van het CLB', en: 'Efforts of the CLB' },
  situation: { nl: 'Waarom verbetert de situatie niet?', en: 'Why does the situation not improve?' },
  reportEntryId: { nl: 'Melding bij AgODi', en: 'AgODi report' },
  receivedOn: { nl: 'Kopie ontvangen op', en: 'Copy received on' },
  copies: { nl: 'Kopie ontvangen door', en: 'Copy received by' },
  copyToSchool: { nl: 'de school', en: 'the school' },
  copyToClb: { nl: 'het CLB', en: 'the CLB' },
  note: { nl: 'Opmerking', en: 'Note' },
  sector: { nl: 'Gevraagde jeugdhulp', en: 'Care requested' },
  submittedOn: { nl: 'A-document ingediend op', en: 'A-document submitted on' },
  motivation: {
    nl: 'Waarom volstaat rechtstreeks toegankelijke hulp niet?',
    en: 'Why is directly accessible help not enough?',
  },
  familyInvolvement: { nl: 'Betrokkenheid van jongere en ouders', en: 'Involvement of the young person and parents' },
  registration: { nl: 'Aanmelding', en: 'Registration' },
  registeredOn: { nl: 'Aangemeld op', en: 'Registered on' },
  policeZone: { nl: 'Politiezone', en: 'Police zone' },
  agreements: { nl: 'Afspraken (spijbelcontract) of reden van heraanmelding', en: 'Agreements or reason' },
  ground: { nl: 'Grond voor de melding', en: 'Ground for the report' },
  unwillingnessFacts: { nl: 'Feiten die de onwil tonen', en: 'Facts that show unwillingness' },
  notPowerlessness: {
    nl: 'Het gaat om onwil, niet om machteloosheid van de ouders',
    en: 'This is unwillingness, not powerlessness of the parents',
  },
  lastKnownAddress: { nl: 'Laatst gekend adres', en: 'Last known address' },
  lastSeenOn: { nl: 'Laatst gezien op', en: 'Last seen on' },
  attemptsSummary: { nl: 'Samenvatting van de contactpogingen', en: 'Summary of the contact attempts' },
  contactAttempts: { nl: 'Contactpogingen bij de ouders', en: 'Contact attempts with the parents' },
} as const satisfies Record<string, Label>;

/** The grounds of a police report (seed 003:414-416). */
export const POLICE_GROUND_CHOICES = [
  {
    id: 'manifest-unwillingness',
    nl: 'Manifeste onwil van de ouders (te onderscheiden van machteloosheid)',
    en: 'Manifest unwillingness of the parents (not powerlessness)',
  },
  {
    id: 'total-unreachability',
    nl: 'Totale onbereikbaarheid van het gezin (fiche onbereikbaarheid)',
    en: 'Total unreachability of the family (unreachability form)',
  },
] as const;
