import { describe, expect, it } from 'vitest';
import { hasValidInszCheck, inszDigits, validInsz } from './insz.ts';

// Check digits computed by hand from the rule (KB 3 april 1984 / 25 november 1997, see insz.ts):
// 93051822361: 930518223 mod 97 = 36, 97 − 36 = 61 (the worked example of the sources).
// 15031512345-style numbers from 2000 on: 2150315123 mod 97 = 2150315123 − 97·22168197 = 14 → check 83.
describe('INSZ / rijksregisternummer', () => {
  it('accepts a number born before 2000 with its check digits', () => {
    expect(hasValidInszCheck('93051822361')).toBe(true);
    expect(validInsz('93.05.18-223.61')).toBe('93051822361');
    expect(validInsz(' 930518 223 61 ')).toBe('93051822361');
  });

  it('accepts a number born from 2000 on only with the "2" prefix rule', () => {
    expect(2150315123 % 97).toBe(14);
    expect(hasValidInszCheck('15031512383')).toBe(true);
    // The check digits without the prefix: 150315123 mod 97 = 150315123 − 97·1549640 = 43 → 54.
    expect(150315123 % 97).toBe(43);
    expect(hasValidInszCheck('15031512354')).toBe(true);
    expect(hasValidInszCheck('15031512384')).toBe(false);
  });

  it('rejects wrong check digits, lengths and characters', () => {
    expect(validInsz('93051822362')).toBeNull();
    expect(validInsz('9305182236')).toBeNull();
    expect(validInsz('930518223611')).toBeNull();
    expect(validInsz('93O51822361')).toBeNull();
    expect(validInsz('')).toBeNull();
    expect(inszDigits('93-05-18 223/61')).toBe('93051822361');
  });
});
