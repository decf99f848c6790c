// The absence-code list as data: every registered code maps to one official Discimus code
// (../shared/domain/rules-vlaanderen.md, "Absence codes"; AgODi codes valid from 1 September 2019).

export type OfficialCode = 'B' | 'Z' | 'R' | 'P' | 'H' | 'M' | 'A';

export interface AbsenceCode {
  code: string;
  official: boolean;
  /** The official code this code is reported as; null for lateness (the pupil is present). */
  mapsTo: OfficialCode | null;
  /** Whether a half-day with this code counts as absent (every code except A and L). */
  countsAsAbsent: boolean;
  nl: string;
  en: string;
}

export const ABSENCE_CODES: readonly AbsenceCode[] = [
  {
    code: 'B',
    official: true,
    mapsTo: 'B',
    countsAsAbsent: true,
    nl: 'Problematische afwezigheid',
    en: 'Problematic absence (no valid reason)',
  },
  {
    code: 'Z',
    official: true,
    mapsTo: 'Z',
    countsAsAbsent: true,
    nl: 'Ziekte (verklaring ouders)',
    en: "Illness (parents' note)",
  },
  {
    code: 'R',
    official: true,
    mapsTo: 'R',
    countsAsAbsent: true,
    nl: 'Van rechtswege gewettigd',
    en: 'Justified by law',
  },
  {
    code: 'P',
    official: true,
    mapsTo: 'P',
    countsAsAbsent: true,
    nl: 'Persoonlijke redenen (akkoord directie)',
    en: "Personal reasons (principal's approval)",
  },
  {
    code: 'H',
    official: true,
    mapsTo: 'H',
    countsAsAbsent: true,
    nl: 'Revalidatie tijdens de lestijden',
    en: 'Rehabilitation during school time',
  },
  {
    code: 'M',
    official: true,
    mapsTo: 'M',
    countsAsAbsent: true,
    nl: 'Werkplekleren niet gevolgd (geen schuld leerling)',
    en: 'Workplace learning missed (not the pupil’s fault)',
  },
  {
    code: 'A',
    official: true,
    mapsTo: 'A',
    countsAsAbsent: false,
    nl: 'Afwezig, niet leerplichtige kleuter',
    en: 'Absent, pre-school child not of compulsory age',
  },
  {
    code: 'D',
    official: false,
    mapsTo: 'Z',
    countsAsAbsent: true,
    nl: 'Ziekte (medisch attest) of type 5-school',
    en: 'Illness (medical certificate) or hospital school',
  },
  {
    code: 'T',
    official: false,
    mapsTo: 'R',
    countsAsAbsent: true,
    nl: 'Definitieve uitsluiting',
    en: 'Definitive exclusion',
  },
  {
    code: 'U',
    official: false,
    mapsTo: 'R',
    countsAsAbsent: true,
    nl: 'Tijdelijke uitsluiting',
    en: 'Temporary exclusion',
  },
  {
    code: 'Y',
    official: false,
    mapsTo: 'R',
    countsAsAbsent: true,
    nl: 'Preventieve schorsing',
    en: 'Preventive suspension',
  },
  {
    code: 'C',
    official: false,
    mapsTo: 'R',
    countsAsAbsent: true,
    nl: 'Topsport-, topkunsten- of balletstatuut',
    en: 'Top-sport, top-arts or ballet status',
  },
  { code: 'J', official: false, mapsTo: 'R', countsAsAbsent: true, nl: 'Moederschapsverlof', en: 'Maternity leave' },
  {
    code: 'L',
    official: false,
    mapsTo: null,
    countsAsAbsent: false,
    nl: 'Te laat (aanwezig)',
    en: 'Late arrival (present)',
  },
];

const BY_CODE = new Map(ABSENCE_CODES.map((c) => [c.code, c]));

/** Looks a code up case-insensitively; undefined when the code is not in the list. */
export function findAbsenceCode(text: string): AbsenceCode | undefined {
  return BY_CODE.get(text.trim().toUpperCase());
}

export function isAbsentCode(code: string): boolean {
  return BY_CODE.get(code)?.countsAsAbsent ?? false;
}
