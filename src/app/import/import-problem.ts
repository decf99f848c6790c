// Problems found while reading an import file: row, column and a reason in Dutch and English.
import { formatBelgianDate } from '../../domain/half-day.ts';

export interface ImportProblem {
  /** Row in the file as a spreadsheet numbers it (the header is row 1); null for a problem with the file. */
  row: number | null;
  column: string | null;
  code: ImportProblemCode;
  messages: { nl: string; en: string };
}

export type ImportProblemCode =
  | 'unreadable-file'
  | 'empty-file'
  | 'missing-column'
  | 'unknown-column'
  | 'required'
  | 'invalid-date'
  | 'invalid-half'
  | 'unknown-code'
  | 'unknown-pupil'
  | 'not-a-school-half-day'
  | 'outside-enrolment'
  | 'conflicting-duplicate'
  | 'duplicate-row'
  | 'invalid-level'
  | 'invalid-grade'
  | 'invalid-school-day'
  | 'wrong-school'
  | 'invalid-enrolment-period'
  | 'outside-school-year'
  | 'register-on-free-half-day'
  | 'too-many-problems'
  | 'too-long'
  | 'invalid-pupil-id'
  | 'decoded-as-windows-1252'
  | 'unknown-field'
  | 'mapped-column-not-found'
  | 'invalid-full-name'
  | 'a-for-compulsory-kleuter'
  | 'b-for-non-compulsory'
  | 'discipline-for-kleuter'
  | 'invalid-insz'
  | 'duplicate-insz'
  | 'invalid-count';

type Args = Record<string, string | number>;

const MESSAGES: Record<ImportProblemCode, (a: Args) => { nl: string; en: string }> = {
  'unreadable-file': (a) => ({
    nl: `Het bestand kan niet gelezen worden als CSV of Excel (${a.reason}).`,
    en: `The file cannot be read as CSV or XLSX (${a.reason}).`,
  }),
  'empty-file': () => ({ nl: 'Het bestand bevat geen kopregel.', en: 'The file has no header row.' }),
  'missing-column': (a) => ({
    nl: `De verplichte kolom "${a.column}" ontbreekt.`,
    en: `The required column "${a.column}" is missing.`,
  }),
  'unknown-column': (a) => ({
    nl: `De kolom "${a.column}" is onbekend en wordt genegeerd.`,
    en: `The column "${a.column}" is unknown and ignored.`,
  }),
  required: (a) => ({ nl: `"${a.column}" is verplicht.`, en: `"${a.column}" is required.` }),
  'invalid-date': (a) => ({
    nl: `"${a.value}" is geen geldige datum (JJJJ-MM-DD of DD/MM/JJJJ).`,
    en: `"${a.value}" is not a valid date (YYYY-MM-DD or DD/MM/YYYY).`,
  }),
  'invalid-half': (a) => ({
    nl: `"${a.value}" is geen halve dag (VM/NM of AM/PM).`,
    en: `"${a.value}" is not a half-day (AM/PM or VM/NM).`,
  }),
  'unknown-code': (a) => ({
    nl: `"${a.value}" is geen gekende afwezigheidscode.`,
    en: `"${a.value}" is not a known absence code.`,
  }),
  'unknown-pupil': (a) => ({
    nl: `Leerling "${a.value}" is niet gekend in deze school.`,
    en: `Pupil "${a.value}" is not known in this school.`,
  }),
  'not-a-school-half-day': (a) => ({
    nl: `${formatBelgianDate(String(a.date))} ${a.half === 'AM' ? 'VM' : 'NM'} is geen schoolhalve dag volgens de kalender.`,
    en: `${a.date} ${a.half} is not a school half-day in the calendar.`,
  }),
  'outside-enrolment': (a) => ({
    nl: `Leerling "${a.pupil}" is op ${formatBelgianDate(String(a.date))} niet ingeschreven.`,
    en: `Pupil "${a.pupil}" is not enrolled on ${a.date}.`,
  }),
  'conflicting-duplicate': (a) => ({
    nl: `Dezelfde leerling en halve dag staan ook op rij ${a.other} met een andere code.`,
    en: `The same pupil and half-day also appear on row ${a.other} with a different code.`,
  }),
  'duplicate-row': (a) => ({
    nl: `"${a.value}" komt meer dan eens voor in het bestand (ook op rij ${a.other}).`,
    en: `"${a.value}" occurs more than once in the file (also on row ${a.other}).`,
  }),
  'invalid-level': (a) => ({
    nl: `"${a.value}" is geen onderwijsniveau (kleuter, lager of secundair).`,
    en: `"${a.value}" is not a level (kleuter, lager or secundair).`,
  }),
  'invalid-grade': (a) => ({
    nl: `"${a.value}" is geen geldig leerjaar voor ${a.level}.`,
    en: `"${a.value}" is not a valid grade for ${a.level}.`,
  }),
  'invalid-school-day': (a) => ({
    nl: `"${a.value}" moet 1 (lesdag) of 0 (geen lesdag) zijn.`,
    en: `"${a.value}" must be 1 (school half-day) or 0 (no school).`,
  }),
  'wrong-school': (a) => ({
    nl: `Deze rij hoort bij school "${a.value}", niet bij de gekozen school.`,
    en: `This row belongs to school "${a.value}", not to the selected school.`,
  }),
  'invalid-enrolment-period': () => ({
    nl: 'De einddatum van de inschrijving ligt voor de begindatum.',
    en: 'The enrolment ends before it starts.',
  }),
  'outside-school-year': (a) => ({
    nl: `${formatBelgianDate(String(a.value))} valt buiten schooljaar ${a.schoolYear}.`,
    en: `${a.value} is outside school year ${a.schoolYear}.`,
  }),
  'register-on-free-half-day': (a) => ({
    nl: `Er staan ${a.count} afwezigheden op deze halve dag; ze kan geen vrije halve dag worden.`,
    en: `${a.count} register rows exist on this half-day; it cannot become a non-school half-day.`,
  }),
  'too-long': (a) => ({
    nl: `"${a.column}" is te lang: ${a.length} tekens, hoogstens ${a.max} toegelaten.`,
    en: `"${a.column}" is too long: ${a.length} characters, at most ${a.max} allowed.`,
  }),
  'invalid-pupil-id': (a) => ({
    nl: `"${a.value}" is geen geldig leerlingnummer (letters A-Z, cijfers, punt, koppel- of liggend streepje; hoogstens ${a.max} tekens; begint met een letter of cijfer).`,
    en: `"${a.value}" is not a valid pupil number (letters A-Z, digits, dot, hyphen or underscore; at most ${a.max} characters; starting with a letter or digit).`,
  }),
  'decoded-as-windows-1252': () => ({
    nl: 'Het bestand is geen UTF-8 en werd gelezen als Windows-1252 (wat Excel bewaart als "CSV"). Controleer namen met accenten; bewaar het liefst als "CSV UTF-8".',
    en: 'The file is not UTF-8 and was read as Windows-1252 (what Excel saves as "CSV"). Check names with accents; preferably save it as "CSV UTF-8".',
  }),
  'unknown-field': (a) => ({
    nl: `"${a.column}" is geen veld van dit soort bestand.`,
    en: `"${a.column}" is not a field of this kind of file.`,
  }),
  'mapped-column-not-found': (a) => ({
    nl: `De kolom "${a.value}" die voor "${a.column}" gekozen werd, staat niet in het bestand.`,
    en: `The column "${a.value}" chosen for "${a.column}" is not in the file.`,
  }),
  'invalid-full-name': (a) => ({
    nl: `"${a.value}" is geen naam in de vorm "Achternaam, Voornaam".`,
    en: `"${a.value}" is not a name written as "Last name, First name".`,
  }),
  'a-for-compulsory-kleuter': (a) => ({
    nl: `Code A (afwezigheid van een niet-leerplichtige kleuter) bij leerling "${a.pupil}", een leerplichtige kleuter, in rij(en) ${a.rows}: A telt niet als afwezig en zou ten onrechte meetellen voor de 290 halve dagen. Registreer de echte reden (Z, R, P, B …).`,
    en: `Code A (absence of a non-compulsory pre-primary pupil) for pupil "${a.pupil}", a pre-primary pupil of compulsory age, in row(s) ${a.rows}: A does not count as absent and would wrongly count towards the 290 half-days. Register the actual reason (Z, R, P, B …).`,
  }),
  'b-for-non-compulsory': (a) => ({
    nl: `Code B (problematische afwezigheid) bij leerling "${a.pupil}", die nog niet leerplichtig is: een kleuter jonger dan 5 kan niet onwettig afwezig zijn. Gebruik code A.`,
    en: `Code B (problematic absence) for pupil "${a.pupil}", who is not of compulsory school age yet: a child under 5 cannot be unlawfully absent. Use code A.`,
  }),
  'discipline-for-kleuter': (a) => ({
    nl: `Code ${a.value} (schorsing of uitsluiting) bij kleuter "${a.pupil}": kleuters kunnen niet geschorst of uitgesloten worden.`,
    en: `Code ${a.value} (suspension or exclusion) for pre-primary pupil "${a.pupil}": pre-primary pupils cannot be suspended or excluded.`,
  }),
  // The number itself is never repeated in a message: problems are shown, logged and stored with the import.
  'invalid-insz': () => ({
    nl: 'Het rijksregisternummer (INSZ) is ongeldig: 11 cijfers met de juiste controlecijfers verwacht.',
    en: 'The national register number (INSZ) is invalid: 11 digits with the right check digits expected.',
  }),
  'duplicate-insz': (a) => ({
    nl: `Hetzelfde rijksregisternummer (INSZ) staat ook op rij ${a.other}.`,
    en: `The same national register number (INSZ) is also on row ${a.other}.`,
  }),
  'invalid-count': (a) => ({
    nl: `"${a.value}" is geen aantal halve dagen (een geheel getal vanaf 0).`,
    en: `"${a.value}" is not a number of half-days (a whole number from 0).`,
  }),
  'too-many-problems': (a) => ({
    nl: `Meer dan ${a.limit} problemen: het nakijken werd gestopt.`,
    en: `More than ${a.limit} problems: checking stopped.`,
  }),
};

/** A value quoted in a message is cut here: a rejected 200 MB cell must not come back 10,000 times. */
const QUOTED_VALUE_MAX = 80;

const quoted = (args: Args): Args =>
  Object.fromEntries(
    Object.entries(args).map(([key, value]) => [
      key,
      typeof value === 'string' && value.length > QUOTED_VALUE_MAX ? `${value.slice(0, QUOTED_VALUE_MAX)}…` : value,
    ]),
  );

export function problem(
  row: number | null,
  column: string | null,
  code: ImportProblemCode,
  args: Args = {},
): ImportProblem {
  return { row, column, code, messages: MESSAGES[code]({ column: column ?? '', ...quoted(args) }) };
}

/** What the column-mapping step needs when required columns were not found: the file's headers and the fields. */
export interface ColumnChoice {
  /** The file's headers as written there. */
  headers: string[];
  /** Fields the file must provide (canonical names). */
  required: string[];
  /** Fields it may provide. */
  optional: string[];
  /** Required fields no header was found for. */
  missing: string[];
}

/** Thrown inside the import transaction so nothing is written; carries every problem found. */
export class ImportRejected extends Error {
  constructor(
    readonly problems: ImportProblem[],
    /** Set when the columns could not be mapped: what a column-mapping form offers. */
    readonly columns?: ColumnChoice,
  ) {
    super(`Import rejected: ${problems.length} problem(s)`);
  }
}

/** Collects problems up to a limit so a file of garbage cannot exhaust memory. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private stopped = false;

  constructor(private readonly limit = 10_000) {}

  add(p: ImportProblem): void {
    if (this.stopped) return;
    if (this.items.length >= this.limit) {
      this.items.push(problem(null, null, 'too-many-problems', { limit: this.limit }));
      this.stopped = true;
      return;
    }
    this.items.push(p);
  }

  get full(): boolean {
    return this.stopped;
  }

  get length(): number {
    return this.items.length;
  }
}
