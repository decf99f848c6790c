// Resolves the `--school` option of CLI commands to a school id (default: the only school there is).
import { schoolForCommand } from '../app/school.service.ts';
import type { Database } from '../db/database.ts';

export class CliError extends Error {}

export async function resolveSchool(db: Database, institutionNumber: string | undefined): Promise<number> {
  const found = await schoolForCommand(db, institutionNumber);
  if ('schoolId' in found) return found.schoolId;
  if ('unknown' in found) throw new CliError(`No school with institution number ${found.unknown}.`);
  const names = found.choices.map((s) => `${s.institutionNumber} (${s.name})`).join(', ');
  throw new CliError(`Choose a school with --school: ${names || 'none exist'}.`);
}
