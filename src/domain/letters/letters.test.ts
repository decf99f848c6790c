import { describe, expect, it } from 'vitest';
import {
  fillLetter,
  halfDayList,
  LETTER_DEFAULTS,
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  type LetterValues,
  unknownPlaceholders,
} from './letters.ts';

const VALUES = Object.fromEntries(Object.keys(LETTER_PLACEHOLDERS).map((k) => [k, `<${k}>`])) as LetterValues;

describe('letters to parents', () => {
  it('every default uses only known placeholders and fills completely', () => {
    for (const kind of LETTER_KINDS) {
      const { subject, body } = LETTER_DEFAULTS[kind];
      expect(unknownPlaceholders(`${subject}\n${body}`), kind).toEqual([]);
      expect(fillLetter(body, VALUES)).not.toContain('{{');
    }
  });

  it('finds unknown placeholders and leaves them unfilled', () => {
    expect(unknownPlaceholders('Beste {{ouders}}, {{voornam}} en {{ klas }} {{x_y}}')).toEqual(['voornam', 'x_y']);
    expect(fillLetter('{{voornaam}} {{ klas }} {{voornam}}', VALUES)).toBe('<voornaam> <klas> {{voornam}}');
  });

  it('lists half-days as Belgian dates with morning or afternoon, cutting a long list', () => {
    expect(halfDayList([])).toBe('geen');
    expect(
      halfDayList(
        [
          { date: '2025-09-15', half: 'AM' },
          { date: '2025-10-02', half: 'PM' },
          { date: '2025-10-03', half: 'PM' },
        ],
        2,
      ),
    ).toBe('15/09/2025 (vm), 02/10/2025 (nm) en nog 1');
  });
});
