// Small helpers for integration tests: a school with the preset calendar and files written to a temp folder.
import { SYSTEM_ACTOR } from '../app/actor.ts';
import { importFile } from '../app/import/import.service.ts';
import { exportRegisterCsv } from '../app/register-export.service.ts';
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

/** The database ids of a school's pupils in the order of their pupil numbers (the CSV's pupil_id). */
export async function pupilIdsByNumber(db: Database, schoolId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    'SELECT id::int AS id FROM pupil WHERE school_id = $1 ORDER BY external_id',
    [schoolId],
  );
  return rows.map((r) => r.id);
}

/** A school's register as its canonical CSV export: what two imports of the same content must agree on. */
export async function exportedRegister(db: Database, schoolId: number): Promise<string> {
  let text = '';
  for await (const chunk of exportRegisterCsv(db, SYSTEM_ACTOR, schoolId)) text += chunk;
  return text;
}
