// The kinds of timeline entries in a pupil file, each with its Dutch and English label and the seed it comes from.

interface InterventionKind {
  id: string;
  nl: string;
  en: string;
  /** Where the seeds describe it (file and line numbers in ../shared/seeds/). */
  source: string;
  /** Recorded only through a guided workflow with preconditions (never through the plain entry form). */
  workflow?: boolean;
}

export const INTERVENTION_KINDS = [
  {
    id: 'pupil-conversation',
    nl: 'Gesprek met de leerling',
    en: 'Conversation with the pupil',
    source: '001:370, 001:482',
  },
  {
    id: 'parents-phone',
    nl: 'Contact met ouders (telefoon)',
    en: 'Contact with parents (phone)',
    source: '003:106-108',
  },
  {
    id: 'parents-letter',
    nl: 'Contact met ouders (brief)',
    en: 'Contact with parents (letter)',
    source: '003:106-108',
  },
  {
    id: 'parents-message',
    nl: 'Contact met ouders (bericht)',
    en: 'Contact with parents (message)',
    source: '002:1104-1111',
  },
  { id: 'parents-meeting', nl: 'Gesprek met de ouders', en: 'Meeting with the parents', source: '002:863-928' },
  { id: 'home-visit', nl: 'Huisbezoek', en: 'Home visit', source: '001:402, 003:108' },
  { id: 'care-meeting', nl: 'Zorgoverleg / cel leerlingenbegeleiding', en: 'Pupil-care meeting', source: '001:480' },
  { id: 'clb-consultation', nl: 'Overleg met het CLB', en: 'Consultation with the CLB', source: '003:137, 003:418' },
  {
    id: 'clb-signal',
    nl: 'Signalering aan het CLB',
    en: 'Signal to the CLB',
    source: '001:480-498, 003:114-117',
    workflow: true,
  },
  {
    id: 'clb-referral',
    nl: 'Aanmelding bij het CLB',
    en: 'Referral to the CLB',
    source: '003:177-298',
    workflow: true,
  },
  {
    id: 'truancy-contract',
    nl: 'Spijbelactieplan: aanmelding bij de politie',
    en: 'Truancy action plan: registration with the police',
    source: '001:689-706',
    workflow: true,
  },
  { id: 'police-report', nl: 'Melding bij de politie', en: 'Police report', source: '003:412-436', workflow: true },
  {
    id: 'unreachability-form',
    nl: 'Fiche onbereikbaarheid',
    en: 'Unreachability form',
    source: '003:466-473',
    workflow: true,
  },
  { id: 'naft', nl: 'NAFT / schoolextern traject', en: 'NAFT / school-external trajectory', source: '000:100-108' },
  { id: 'time-out', nl: 'Time-out', en: 'Time-out', source: '000:100-108' },
  {
    id: 'toah',
    nl: 'TOAH (tijdelijk onderwijs aan huis)',
    en: 'TOAH (temporary home tuition)',
    source: '000:28-31, 001:767',
  },
  { id: 'sio-bednet', nl: 'SIO / Bednet', en: 'SIO / Bednet', source: '001:767-775' },
  { id: 'school-and-illness', nl: 'School en ziek zijn', en: 'School and illness', source: '000:64' },
  {
    id: 'hospital-return',
    nl: 'Terugkeer na ziekenhuis of K-dienst',
    en: 'Return after hospital or K-dienst',
    source: '000:38-69',
    workflow: true,
  },
  {
    id: 'm-document-ocj',
    nl: 'M-document OCJ / VK',
    en: 'M-document to OCJ / VK',
    source: '000:134-156, 002:1662-1700, 003:488-490',
    workflow: true,
  },
  {
    id: 'agodi-report',
    nl: 'Melding zorgwekkend dossier AgODi',
    en: 'Worrying-case report to AgODi',
    source: '000:158-165, 003:494-517',
    workflow: true,
  },
  { id: 'class-conversation', nl: 'Klasgesprek', en: 'Class conversation', source: '002:1364-1402, 000:251-263' },
  { id: 'warm-handover', nl: 'Warme overdracht', en: 'Warm handover', source: '003:329-337, 001:89' },
  {
    id: 'school-refusal-signals',
    nl: 'Signalen van schoolweigering',
    en: 'Signals of school refusal',
    source: '002:636-665, 002:713-779',
    workflow: true,
  },
  {
    id: 'perspectives',
    nl: 'Perspectieven van de betrokkenen',
    en: 'Perspectives of those involved',
    source: '002:929-978',
    workflow: true,
  },
  {
    id: 'school-refusal-review',
    nl: 'Wat werd en wordt er ondernomen?',
    en: 'What was and is being done?',
    source: '002:1016-1089, 002:1268-1346',
    workflow: true,
  },
  {
    id: 'return-plan',
    nl: 'Geleidelijk terugkeerplan',
    en: 'Gradual return plan',
    source: '002:1554-1592',
    workflow: true,
  },
  {
    id: 'let-go-of-school',
    nl: 'School loslaten, de jongere niet',
    en: 'Let go of school, not of the pupil',
    source: '002:1648-1660, 002:1742-1885',
    workflow: true,
  },
  {
    id: 'connecting-measure',
    nl: 'Verbindende maatregel (schoolbinding)',
    en: 'Connecting measure (bond with school)',
    source: '001:517-531',
  },
  {
    id: 'sanctioning-measure',
    nl: 'Sanctionerende maatregel (bv. bij te laat komen)',
    en: 'Sanctioning measure (e.g. for lateness)',
    source: '001:517-531',
  },
  { id: 'other', nl: 'Andere maatregel', en: 'Other measure', source: '003:122-124' },
  {
    id: 'agodi-letter-copy',
    nl: 'Kopie van de brief van AgODi aan de ouders',
    en: 'Copy of AgODi’s letter to the parents',
    source: '000:162-165',
    workflow: true,
  },
  {
    id: 'nrtj-a-document',
    nl: 'Niet rechtstreeks toegankelijke jeugdhulp (A-document via de toegangspoort)',
    en: 'Non-directly accessible youth care (A-document through the toegangspoort)',
    source: '000:127-132',
    workflow: true,
  },
  {
    id: 'phase-2-update',
    nl: 'Naar fase 2: wat werd ondernomen (§2.2)',
    en: 'To phase 2: what has been done (§2.2)',
    source: '000:78-90, 002:1268-1346',
    workflow: true,
  },
  {
    id: 'certificate-doubt',
    nl: 'Advies CLB-arts bij twijfel over een attest',
    en: 'CLB doctor’s advice on a doubtful certificate',
    source: '001:550, 001:583, 003 §2.1',
    workflow: true,
  },
  {
    id: 'restart-decision',
    nl: 'Taxatie en beslissing over de schoolopstart',
    en: 'Assessment and decision on restarting school',
    source: '002:1229-1262, 002:1350-1362',
    workflow: true,
  },
] as const satisfies readonly InterventionKind[];

const BY_ID = new Map<string, InterventionKind>(INTERVENTION_KINDS.map((kind) => [kind.id, kind]));

export const interventionKind = (id: string): InterventionKind | undefined => BY_ID.get(id);

/** Kinds a user may record directly; workflow kinds go through their guided workflow and its preconditions. */
export const isFreeKind = (id: string): boolean => {
  const kind = BY_ID.get(id);
  return kind !== undefined && kind.workflow !== true;
};

/** Tracks of the care continuum a file follows (the attention list's tracks that have phases). */
export const FILE_TRACKS = ['ongeoorloofd', 'geoorloofd', 'schoolweigering', 'thuiszitter'] as const;

export const PERSON_RELATIONS = [
  'pupil',
  'parent1',
  'parent2',
  'plus-parent',
  'school-staff',
  'clb',
  'external',
  'other',
] as const;
export const CONTACT_CHANNELS = ['phone', 'letter', 'message', 'email', 'home-visit', 'in-person'] as const;
