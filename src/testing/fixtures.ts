// Small helpers for integration tests: a school with the preset calendar and files written to a temp folder.
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { importFile } from '../app/import/import.service.ts';
import { createSchool } from '../app/school.service.ts';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import type { Database } from '../db/database.ts';
import { parseSchoolYearId } from '../domain/school-year.ts';

export { tempDir, writeTemp };

export async function schoolWithPupils(
  db: Database,
  pupilsCsv: string,
  options: { institutionNumber?: string; level?: 'basis' | 'secundair'; schoolYear?: string } = {},
): Promise<number> {
  const schoolId = await createSchool(db, SYSTEM_ACTOR, {
    name: `School ${options.institutionNumber ?? '000001'}`,
    institutionNumber: options.institutionNumber ?? '000001',
    calendarLevel: options.level ?? 'secundair',
  });
  const dir = tempDir();
  await importFile(db, SYSTEM_ACTOR, {
    schoolId,
    kind: 'pupils',
    path: writeTemp(dir, 'pupils.csv', pupilsCsv),
    schoolYear: parseSchoolYearId(options.schoolYear ?? '2025-2026') ?? undefined,
  });
  return schoolId;
}
