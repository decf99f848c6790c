// Resolves the `--school` option of CLI commands to a school id (default: the only school there is).
import type { Database } from '../db/database.ts';
import { findSchoolByInstitutionNumber, listSchools } from '../db/school.repository.ts';

export class CliError extends Error {}

export async function resolveSchool(db: Database, institutionNumber: string | undefined): Promise<number> {
  if (institutionNumber) {
    const school = await findSchoolByInstitutionNumber(db, institutionNumber);
    if (!school) throw new CliError(`No school with institution number ${institutionNumber}.`);
    return school.id;
  }
  const schools = await listSchools(db, 'all');
  if (schools.length !== 1) {
    const names = schools.map((s) => `${s.institutionNumber} (${s.name})`).join(', ');
    throw new CliError(`Choose a school with --school: ${names || 'none exist'}.`);
  }
  return (schools[0] as { id: number }).id;
}
