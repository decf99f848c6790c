// Letters to parents (issue 19): the five kinds a school sends again and again, each with a Dutch default text the
// school may replace by its own (letter_template, migration 0027). Texts hold placeholders `{{name}}`; only the
// placeholders listed here exist, so a template with a typo is refused instead of printing "{{voornam}}".

export const LETTER_KINDS = ['unjustified-absence', 'late-often', 'clb-involved', 'invitation', 'toah-bednet'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const isLetterKind = (value: string): value is LetterKind => (LETTER_KINDS as readonly string[]).includes(value);

export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** Every placeholder a template may use, with what it is filled with (shown on the edit page). */
export const LETTER_PLACEHOLDERS = {
  voornaam: 'voornaam van de leerling',
  naam: 'voor- en achternaam van de leerling',
  klas: 'klas van de leerling',
  school: 'naam van de school',
  datum: 'datum van de brief',
  ouders: 'namen van de ouders uit het dossier (of "Beste ouders")',
  ondertekenaar: 'wie de brief maakt',
  periode_van: 'begin van de periode',
  periode_tot: 'einde van de periode',
  aantal_b: 'aantal halve dagen zonder geldige reden (code B) in de periode',
  data_b: 'de data van die halve dagen',
  aantal_te_laat: 'aantal keer te laat (code L) in de periode',
  data_te_laat: 'de data waarop de leerling te laat kwam',
  gesprek_moment: 'dag en uur van het gesprek',
  gesprek_plaats: 'plaats van het gesprek',
} as const;
export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;
export type LetterValues = Record<LetterPlaceholder, string>;

export interface LetterKindInfo {
  nl: string;
  en: string;
  /** Where the seeds describe why the school writes this (../shared/seeds/, file:lines). */
  source: string;
  subject: string;
  body: string;
}

const GREETING = '{{ouders}},\n\n';
const CLOSING = '\n\nMet vriendelijke groeten,\n\n{{ondertekenaar}}\n{{school}}';

export const LETTER_DEFAULTS: Record<LetterKind, LetterKindInfo> = {
  'unjustified-absence': {
    nl: 'Afwezigheid zonder verantwoording (code onbekend)',
    en: 'Absence without justification (code unknown)',
    source: '003:159 (communicatie met ouders vanaf de eerste ongewettigde afwezigheid)',
    subject: 'Afwezigheid van {{voornaam}} zonder verantwoording',
    body: `${GREETING}Tussen {{periode_van}} en {{periode_tot}} was {{naam}} (klas {{klas}}) {{aantal_b}} halve dag(en) afwezig zonder dat we een geldige reden of verantwoording ontvingen: {{data_b}}.\n\nWilt u ons zo snel mogelijk laten weten waarom {{voornaam}} afwezig was, en een attest of verklaring bezorgen als u die hebt? Zonder verantwoording blijft de afwezigheid als ongewettigd (code B) geregistreerd.\n\nAls er iets speelt waarbij we kunnen helpen, neem dan gerust contact met ons op.${CLOSING}`,
  },
  'late-often': {
    nl: 'Herhaald te laat komen',
    en: 'Repeated lateness',
    source: '001:517-531 (verbindende en sanctionerende maatregelen rond te laat komen); catalogus LATE_OFTEN',
    subject: '{{voornaam}} kwam herhaaldelijk te laat',
    body: `${GREETING}Tussen {{periode_van}} en {{periode_tot}} kwam {{naam}} (klas {{klas}}) {{aantal_te_laat}} keer te laat op school: {{data_te_laat}}.\n\nTe laat komen kan een eerste teken zijn dat het op school of thuis moeilijk loopt. We willen daarom graag samen met u en {{voornaam}} bekijken wat er aan de hand is en hoe we kunnen helpen om op tijd te komen.\n\nNeem contact met ons op om een gesprek af te spreken.${CLOSING}`,
  },
  'clb-involved': {
    nl: 'Problematische afwezigheid: het CLB wordt betrokken',
    en: 'Problematic absence: the CLB is involved',
    source: '001:480-498 (melding aan het CLB vanaf 5 B-codes); catalogus B5_CLB',
    subject: 'Afwezigheid van {{voornaam}}: het CLB wordt betrokken',
    body: `${GREETING}{{naam}} (klas {{klas}}) was tussen {{periode_van}} en {{periode_tot}} {{aantal_b}} halve dagen ongewettigd afwezig (code B): {{data_b}}.\n\nVanaf vijf halve dagen problematische afwezigheid is de school verplicht het centrum voor leerlingenbegeleiding (CLB) te betrekken. Dat hebben we gedaan. Het CLB kan contact met u opnemen om samen te bekijken wat {{voornaam}} nodig heeft om weer regelmatig naar school te komen.\n\nWe blijven {{voornaam}} ook zelf verder begeleiden en nodigen u graag uit voor een gesprek.${CLOSING}`,
  },
  invitation: {
    nl: 'Uitnodiging voor een gesprek',
    en: 'Invitation to a conversation',
    source: '002:863-928 (gesprek met de ouders)',
    subject: 'Uitnodiging voor een gesprek over {{voornaam}}',
    body: `${GREETING}We nodigen u graag uit voor een gesprek over {{naam}} (klas {{klas}}).\n\nWanneer: {{gesprek_moment}}\nWaar: {{gesprek_plaats}}\n\nWe willen samen met u bekijken hoe het met {{voornaam}} gaat op school en wat we samen kunnen doen. Past dit moment niet, laat het ons dan weten, dan zoeken we een ander moment.${CLOSING}`,
  },
  'toah-bednet': {
    nl: 'Informatie over TOAH en Bednet',
    en: 'Information about TOAH and Bednet',
    source:
      '001:577, 001:591, 001:767-775 (ouders individueel informeren over onderwijs aan zieke leerlingen); 000:28-31',
    subject: 'Onderwijs voor {{voornaam}} tijdens afwezigheid door ziekte',
    body: `${GREETING}Wanneer een leerling door ziekte of een ongeval langere tijd of vaak niet naar school kan, heeft hij of zij onder voorwaarden recht op onderwijs aan huis of van op afstand. We willen u daarover informeren voor {{naam}} (klas {{klas}}).\n\nTOAH (tijdelijk onderwijs aan huis): een leerkracht komt enkele uren per week aan huis les geven. Daarvoor vraagt u het aan bij de school, met een medisch attest.\n\nBednet (synchroon internetonderwijs): de leerling volgt van thuis uit live de lessen in de klas via een computer.\n\nOok andere flexibele trajecten zijn mogelijk. Wilt u weten of {{voornaam}} hier recht op heeft en hoe u het aanvraagt, neem dan contact met ons op.${CLOSING}`,
  },
};

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Placeholders in a text that do not exist (a template with them is refused). */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER))
    if (!Object.hasOwn(LETTER_PLACEHOLDERS, match[1] as string)) unknown.add(match[1] as string);
  return [...unknown];
}

/** Fills every placeholder of a text with its value. */
export function fillLetter(text: string, values: LetterValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as LetterPlaceholder] : whole,
  );
}

/** Dates of half-days as a reader writes them: "15/09 (vm), 02/10 (nm)"; a long list is cut with "en nog N". */
export function halfDayList(halfDays: readonly { date: string; half: 'AM' | 'PM' }[], shown = 30): string {
  if (halfDays.length === 0) return 'geen';
  const text = halfDays
    .slice(0, shown)
    .map((h) => `${h.date.slice(8, 10)}/${h.date.slice(5, 7)}/${h.date.slice(0, 4)} (${h.half === 'AM' ? 'vm' : 'nm'})`)
    .join(', ');
  return halfDays.length > shown ? `${text} en nog ${halfDays.length - shown}` : text;
}
