// Data checks on a register row that the seeds imply (issue 14): codes that cannot be right for the pupil's level
// and age. Pure; the import (src/app/import/register-import.ts) reports them. The compulsory age comes from the
// catalog (K5_290.compulsoryAge): leerplicht from 1 September of the calendar year the child turns 5.
//  - `A` (absence of a non-compulsory kleuter) for a kleuter of compulsory age: seed 004 l. 2287 ("Niet-
//    leerplichtige kleuters (code A)"); the engine reads A as not absent, so it would count towards the 290.
//  - `B` for a child not of compulsory age: seed 003 l. 75–81 ("Kleuters jonger dan 5 jaar kunnen niet onwettig
//    of niet-aanvaardbaar afwezig zijn").
//  - A suspension or exclusion code (T, U, Y) for a kleuter: seed 004 l. 2234, 3340, 8173 ("Kleuters kunnen niet
//    geschorst of uitgesloten worden").

/** Internal codes of a disciplinary measure (definitive and temporary exclusion, preventive suspension). */
export const DISCIPLINE_CODES: readonly string[] = ['T', 'U', 'Y'];

export type RegisterDataCheck = 'a-for-compulsory-kleuter' | 'b-for-non-compulsory' | 'discipline-for-kleuter';

/** Of compulsory age in the school year starting in `startYear`: born in or before startYear − compulsoryAge. */
export function ofCompulsoryAge(birthDate: string, startYear: number, compulsoryAge: number): boolean {
  return Number(birthDate.slice(0, 4)) <= startYear - compulsoryAge;
}

/** The check a row fails, or null. */
export function registerDataCheck(
  row: { code: string; level: 'kleuter' | 'lager' | 'secundair'; birthDate: string; schoolYearStart: number },
  compulsoryAge: number,
): RegisterDataCheck | null {
  const compulsory = ofCompulsoryAge(row.birthDate, row.schoolYearStart, compulsoryAge);
  if (row.code === 'A' && row.level === 'kleuter' && compulsory) return 'a-for-compulsory-kleuter';
  if (row.code === 'B' && !compulsory) return 'b-for-non-compulsory';
  if (DISCIPLINE_CODES.includes(row.code) && row.level === 'kleuter') return 'discipline-for-kleuter';
  return null;
}
