// Loads the synthetic demo schools through the real import path and creates the demo logins.
import { rmSync } from 'node:fs';
import type { Database } from '../db/database.ts';
import { addMembership, findUserByEmail, insertUser } from '../db/user.repository.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { parseSchoolYearId } from '../domain/school-year.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { hashPassword } from './auth.service.ts';
import { importFile } from './import/import.service.ts';
import { createSchool } from './school.service.ts';
import { tempDir, writeTemp } from './temp-files.ts';

export const DEMO_PASSWORD = 'aanwezig-demo';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
  organisation: string;
}

const csvField = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export async function seedDemo(db: Database, seed = 2025): Promise<{ schoolIds: number[]; logins: DemoLogin[] }> {
  const demo = generateDemo({ seed });
  const dir = tempDir('aanwezig-demo-');
  const schoolIds: number[] = [];
  try {
    for (const school of demo.schools) {
      const schoolId = await createSchool(db, SYSTEM_ACTOR, {
        name: school.name,
        institutionNumber: school.institutionNumber,
        calendarLevel: school.calendarLevel,
      });
      schoolIds.push(schoolId);
      const years = [...new Set(school.pupils.flatMap((p) => p.enrolments.map((e) => e.schoolYear)))].sort();
      for (const year of years) {
        const lines = [
          'pupil_id,first_name,last_name,birth_date,level,grade,class,enrolled_from,enrolled_until,excluded_on',
        ];
        for (const p of school.pupils) {
          const e = p.enrolments.find((x) => x.schoolYear === year);
          if (!e) continue;
          lines.push(
            [
              p.pupilId,
              p.firstName,
              p.lastName,
              p.birthDate,
              e.level,
              e.grade,
              e.className,
              e.enrolledFrom,
              e.enrolledUntil,
              e.excludedOn,
            ]
              .map(csvField)
              .join(','),
          );
        }
        await importFile(db, SYSTEM_ACTOR, {
          schoolId,
          kind: 'pupils',
          path: writeTemp(dir, `pupils-${school.institutionNumber}-${year}.csv`, `${lines.join('\n')}\n`),
          schoolYear: parseSchoolYearId(year) ?? undefined,
        });
      }
      const register = ['pupil_id,date,half,code,note'];
      for (const r of school.register)
        register.push([r.pupilId, r.date, r.half, r.code, r.note ?? ''].map(csvField).join(','));
      await importFile(db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: writeTemp(dir, `register-${school.institutionNumber}.csv`, `${register.join('\n')}\n`),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const logins: DemoLogin[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const adminEmail = 'admin@aanwezig.demo';
  if (!(await findUserByEmail(db, adminEmail))) {
    const adminId = await insertUser(db, { email: adminEmail, displayName: 'Demo beheerder', passwordHash });
    for (const schoolId of schoolIds)
      await addMembership(db, { userId: adminId, organisationId: schoolId, role: 'beheerder' });
  }
  logins.push({
    email: adminEmail,
    password: DEMO_PASSWORD,
    role: 'beheerder',
    organisation: 'alle demoscholen',
  });
  return { schoolIds, logins };
}
