// The Belgian identification number of a person (rijksregisternummer; the INSZ is the same number, or the
// bisnummer for a person not in the national register): its shape and check digits. Pure: the number itself is
// never stored (src/app/pupil-identity.ts turns it into a keyed hash at once, docs/decisions/0035).
//
// Rule (KB 3 april 1984 on the composition of the identification number of the Rijksregister, amended by KB
// 25 november 1997 for births from 2000): 11 digits YYMMDD (birth date; in a bisnummer the month is raised by 20
// or 40, month and day may be 00) + 3 digits day counter + 2 check digits. The check digits are 97 minus the
// remainder of the first 9 digits divided by 97; for a person born in or after 2000 a "2" is put before the 9
// digits first. Sources: https://nl.wikipedia.org/wiki/Rijksregisternummer (section "Samenstelling"),
// https://www.westerlo.be/artikel/rijksregisternummer ("Controle").

/** The 11 digits of a number as written in school software ("12.03.15-123.45", "120315 123 45"), or null. */
export function inszDigits(text: string): string | null {
  const digits = text.trim().replace(/[\s.\-/]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** Whether 11 digits carry the right check digits (for a birth before or from 2000). */
export function hasValidInszCheck(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const body = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const before2000 = 97 - (Number(body) % 97);
  const from2000 = 97 - (Number(`2${body}`) % 97);
  return check === before2000 || check === from2000;
}

/** The normalised 11 digits of a valid number, or null (wrong length, characters or check digits). */
export function validInsz(text: string): string | null {
  const digits = inszDigits(text);
  return digits !== null && hasValidInszCheck(digits) ? digits : null;
}
