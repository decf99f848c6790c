import { describe, expect, it } from 'vitest';
import { headerKey, mapColumns, PUPIL_COLUMNS, REGISTER_COLUMNS, splitFullName } from './columns.ts';

const lower = (header: string[]) => header.map((h) => h.toLowerCase());

describe('column map', () => {
  it('compares headers without case, accents, spaces or punctuation', () => {
    expect(headerKey(' Begindatum inschrijving ')).toBe(headerKey('begindatum_inschrijving'));
    expect(headerKey('Stamnr.')).toBe('stamnr');
    expect(headerKey('VM/NM')).toBe('vmnm');
    expect(headerKey('Geboortédatum')).toBe('geboortedatum');
  });

  it('reads "Naam" as the last name beside "Voornaam", and as "Achternaam, Voornaam" alone', () => {
    const both = mapColumns(lower(['Stamnummer', 'Naam', 'Voornaam', 'Geboortedatum', 'Niveau']), PUPIL_COLUMNS);
    expect(both.problems).toEqual([]);
    expect([both.index.last_name, both.index.first_name, both.index.full_name]).toEqual([1, 2, -1]);
    const alone = mapColumns(lower(['Stamboeknummer', 'Naam', 'Geboortedatum', 'Niveau']), PUPIL_COLUMNS);
    expect(alone.problems).toEqual([]);
    expect([alone.index.last_name, alone.index.first_name, alone.index.full_name]).toEqual([-1, -1, 1]);
    expect(splitFullName('Van den Broeck, Anne-Sophie')).toEqual({
      lastName: 'Van den Broeck',
      firstName: 'Anne-Sophie',
    });
    expect(splitFullName('Anne-Sophie Van den Broeck')).toBeNull();
  });

  it('a level left to a default is not missing; without the default it is', () => {
    const header = lower(['Stamnummer', 'Naam', 'Voornaam', 'Geboortedatum']);
    expect(mapColumns(header, PUPIL_COLUMNS, { defaulted: ['level'] }).missing).toEqual([]);
    expect(mapColumns(header, PUPIL_COLUMNS).missing).toEqual(['level']);
  });

  it('reads a register with Dagdeel and Code, or with VM and NM code columns', () => {
    const long = mapColumns(lower(['Datum', 'Stamnummer', 'Dagdeel', 'Code']), REGISTER_COLUMNS);
    expect([long.index.date, long.index.pupil_id, long.index.half, long.index.code]).toEqual([0, 1, 2, 3]);
    const wide = mapColumns(lower(['Stamnummer', 'Datum', 'VM', 'NM']), REGISTER_COLUMNS);
    expect(wide.problems).toEqual([]);
    expect([wide.index.half, wide.index.code, wide.index.am_code, wide.index.pm_code]).toEqual([-1, -1, 2, 3]);
    expect(mapColumns(lower(['Stamnummer', 'Datum']), REGISTER_COLUMNS).missing).toEqual(['half', 'code']);
  });

  it('a mapping wins over the known headers and a column serves one field', () => {
    const header = lower(['Nummer', 'Stamnummer', 'Datum', 'Dagdeel', 'Code']);
    const mapped = mapColumns(header, REGISTER_COLUMNS, { mapping: { pupil_id: 'NUMMER' } });
    expect(mapped.index.pupil_id).toBe(0);
    expect(mapped.warnings.map((w) => w.column)).toEqual(['stamnummer']);
    const unknown = mapColumns(header, REGISTER_COLUMNS, { mapping: { leerling: 'Nummer' } });
    expect(unknown.problems.map((p) => p.code)).toEqual(['unknown-field']);
  });
});
