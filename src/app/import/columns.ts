// Maps a file's header onto the canonical columns of ../shared/domain/formats.md: the canonical names, the Dutch
// headers of Smartschool and Informat exports (docs/import.md lists them with their sources) and a mapping the user
// chose. The one place that knows which header means which field.
import { createHash } from 'node:crypto';
import type { ImportProblem } from './import-problem.ts';
import { problem } from './import-problem.ts';
import type { ImportKind } from './import-result.ts';

/**
 * The columns of one kind of file. `aliases` are other header names of a field, most specific first (the
 * canonical name always matches). An alternative lets other fields stand in for required ones: when not all of
 * `fields` are found but one of `or` is, the file is read through `or` (e.g. a "Naam" column holding
 * "Achternaam, Voornaam" instead of separate name columns; VM and NM code columns instead of a half column).
 */
export interface ColumnSpec<Name extends string> {
  required: readonly Name[];
  optional: readonly Name[];
  aliases?: Partial<Record<Name, readonly string[]>>;
  alternatives?: readonly { fields: readonly Name[]; or: readonly Name[] }[];
}

export type ColumnIndex<Name extends string> = Record<Name, number>;

/** The field names of a spec. */
export type ColumnField<Spec> = Spec extends ColumnSpec<infer Name> ? Name : never;

/** The columns of a file as an importer reads them: where each field is, and the notices about the header. */
export interface FileColumns<Name extends string> {
  index: ColumnIndex<Name>;
  warnings: ImportProblem[];
}

/** A user's choice: canonical field → a header of the file (as written there). */
export type ColumnMapping = Record<string, string>;

/** The pupil number: Informat's "Stamnummer" (the key of its Smartschool link), Smartschool's "Stamboeknummer". */
const PUPIL_NUMBER = [
  'stamnummer',
  'stamnr',
  'stamboeknummer',
  'stamboeknr',
  'leerlingnummer',
  'leerlingnr',
  'intern nummer',
  'internnummer',
  'studentno',
];

export const PUPIL_COLUMNS = {
  required: ['pupil_id', 'first_name', 'last_name', 'birth_date', 'level'],
  optional: [
    'school_id',
    'grade',
    'class',
    'enrolled_from',
    'enrolled_until',
    'excluded_on',
    'full_name',
    'insz',
    'carried_over_b',
    'carried_over_z',
    'carried_over_p',
  ],
  aliases: {
    pupil_id: PUPIL_NUMBER,
    first_name: ['voornaam', 'roepnaam', 'firstname'],
    last_name: ['achternaam', 'familienaam', 'naam', 'lastname'],
    full_name: ['naam', 'volledige naam', 'naam leerling', 'leerling'],
    birth_date: ['geboortedatum', 'geboorte datum', 'dateofbirth'],
    level: ['niveau', 'onderwijsniveau'],
    grade: ['leerjaar', 'jaar'],
    class: ['klas', 'klascode', 'klasnaam', 'klasgroep'],
    school_id: ['instellingsnummer', 'instellingsnr', 'instituteno'],
    enrolled_from: ['begindatum inschrijving', 'begindatum', 'startdatum', 'inschrijvingsdatum', 'startdate'],
    enrolled_until: ['einddatum inschrijving', 'einddatum', 'uitschrijvingsdatum', 'enddate'],
    excluded_on: ['datum definitieve uitsluiting', 'definitieve uitsluiting', 'uitsluitingsdatum'],
    insz: ['rijksregisternummer', 'rijksregisternr', 'insz-nummer', 'inszn', 'nationaal nummer', 'bisnummer'],
    carried_over_b: ['overgedragen b', 'b vorige school', 'b-codes vorige school'],
    carried_over_z: ['overgedragen z', 'z vorige school', 'z-codes vorige school'],
    carried_over_p: ['overgedragen p', 'p vorige school', 'p-codes vorige school'],
  },
  alternatives: [{ fields: ['first_name', 'last_name'], or: ['full_name'] }],
} as const satisfies ColumnSpec<string>;

export const REGISTER_COLUMNS = {
  required: ['pupil_id', 'date', 'half', 'code'],
  optional: ['note', 'am_code', 'pm_code'],
  aliases: {
    pupil_id: PUPIL_NUMBER,
    date: ['datum', 'dag'],
    half: ['vm/nm', 'dagdeel', 'halve dag', 'voormiddag/namiddag', 'partofday'],
    code: ['afwezigheidscode', 'code afwezigheid', 'afwezigheid'],
    note: ['opmerking', 'motivatie', 'motivering', 'commentaar', 'notitie'],
    am_code: ['vm', 'voormiddag', 'code vm', 'am'],
    pm_code: ['nm', 'namiddag', 'code nm', 'pm'],
  },
  alternatives: [{ fields: ['half', 'code'], or: ['am_code', 'pm_code'] }],
} as const satisfies ColumnSpec<string>;

export const CALENDAR_COLUMNS = {
  required: ['date', 'half', 'school_day'],
  optional: [],
  aliases: {
    date: ['datum', 'dag'],
    half: ['vm/nm', 'dagdeel', 'halve dag'],
    school_day: ['lesdag', 'schooldag'],
  },
} as const satisfies ColumnSpec<string>;

export const COLUMNS_OF_KIND: Record<ImportKind, ColumnSpec<string>> = {
  pupils: PUPIL_COLUMNS,
  register: REGISTER_COLUMNS,
  calendar: CALENDAR_COLUMNS,
};

/** What a header is compared by: lower case, accents and every character but letters and digits dropped. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface ColumnMatch<Name extends string> {
  index: ColumnIndex<Name>;
  /** Problems that reject the file (required columns missing, a mapping naming what is not there). */
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** The required fields no column was found for (empty when the file can be read). */
  missing: Name[];
}

/**
 * Finds the column of every field: first the user's mapping, then the canonical name, then the aliases in order.
 * A column serves one field only. `defaulted` fields may be absent (the importer fills them in).
 */
export function mapColumns<Name extends string>(
  header: readonly string[],
  spec: ColumnSpec<Name>,
  options: { mapping?: ColumnMapping; defaulted?: readonly Name[]; labels?: readonly string[] } = {},
): ColumnMatch<Name> {
  const index = {} as ColumnIndex<Name>;
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const fields = [...spec.required, ...spec.optional];
  const labels = options.labels ?? header;
  for (const name of fields) index[name] = -1;
  if (header.length === 0) return { index, problems: [problem(1, null, 'empty-file')], warnings, missing: [] };
  const keys = header.map(headerKey);
  const claimed = new Set<number>();
  const claim = (name: Name, column: number) => {
    index[name] = column;
    claimed.add(column);
  };
  const find = (candidates: readonly string[]) => {
    for (const candidate of candidates) {
      const column = keys.findIndex((key, i) => key === headerKey(candidate) && key !== '' && !claimed.has(i));
      if (column >= 0) return column;
    }
    return -1;
  };

  for (const [field, chosen] of Object.entries(options.mapping ?? {})) {
    if (!(fields as readonly string[]).includes(field)) {
      problems.push(problem(1, field, 'unknown-field'));
      continue;
    }
    const column = find([chosen]);
    if (column < 0) problems.push(problem(1, field, 'mapped-column-not-found', { value: chosen }));
    else claim(field as Name, column);
  }
  const candidatesOf = (name: Name) => [name, ...(spec.aliases?.[name] ?? [])];
  const alternates = new Set((spec.alternatives ?? []).flatMap((a) => a.or));
  for (const name of fields)
    if (index[name] < 0 && !alternates.has(name)) {
      const column = find(candidatesOf(name));
      if (column >= 0) claim(name, column);
    }
  const excused = new Set<Name>(options.defaulted ?? []);
  for (const alternative of spec.alternatives ?? []) {
    if (alternative.fields.every((name) => index[name] >= 0)) continue;
    // Release what the first way found, so a header both ways know ("naam") can serve the other way.
    const released = alternative.fields.filter((name) => index[name] >= 0 && !options.mapping?.[name]);
    for (const name of released) claimed.delete(index[name]);
    for (const name of alternative.or)
      if (index[name] < 0) {
        const column = find(candidatesOf(name));
        if (column >= 0) claim(name, column);
      }
    if (alternative.or.some((name) => index[name] >= 0)) {
      for (const name of released) index[name] = -1;
      for (const name of alternative.fields) excused.add(name);
    } else for (const name of released) claimed.add(index[name]);
  }
  const missing = spec.required.filter((name) => index[name] < 0 && !excused.has(name));
  for (const name of missing) problems.push(problem(1, name, 'missing-column'));
  header.forEach((name, i) => {
    if (name && !claimed.has(i)) warnings.push(problem(1, labels[i] ?? name, 'unknown-column'));
  });
  return { index, problems, warnings, missing };
}

export function cell(values: readonly string[], index: number): string {
  return index < 0 ? '' : (values[index] ?? '').trim();
}

/** "Achternaam, Voornaam" as some exports write a pupil's name in one column; null without a comma. */
export function splitFullName(text: string): { lastName: string; firstName: string } | null {
  const comma = text.indexOf(',');
  if (comma < 0) return null;
  const lastName = text.slice(0, comma).trim();
  const firstName = text.slice(comma + 1).trim();
  return lastName && firstName ? { lastName, firstName } : null;
}

/** A stable name for a header (the same export gives the same signature): what a remembered mapping is keyed by. */
export function headerSignature(header: readonly string[]): string {
  return createHash('sha256').update(header.map(headerKey).join('|')).digest('hex');
}
