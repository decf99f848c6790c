// Loads the synthetic demo schools through the real import path and creates the demo logins.

import { rmSync } from 'node:fs';
import type { Database } from '../db/database.ts';
import { findLopByName, insertLop } from '../db/lop.repository.ts';
import {
  findOrganisationByName,
  insertOrganisation,
  linkSchool,
  organisationName,
} from '../db/organisation.repository.ts';
import { firstClassOfSchool } from '../db/pupil.repository.ts';
import { addMembership, findUserByEmail, insertUser } from '../db/user.repository.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { pupilRowsForYear, pupilsCsvLines, registerCsvLines } from '../demo/write-csv.ts';
import { todayIso } from '../domain/civil-date.ts';
import type { Role } from '../domain/roles.ts';
import { parseSchoolYearId } from '../domain/school-year.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { hashPassword } from './auth.service.ts';
import { seedDemoClbInbox } from './clb-inbox/clb-inbox-demo.ts';
import { importFile } from './import/import.service.ts';
import { seedDemoPhase2 } from './pupil-file/phase2-demo.ts';
import { seedDemoFiles } from './pupil-file/pupil-file-demo.ts';
import { applyDerivedCalendars, createSchool } from './school.service.ts';
import { seedDemoSelfscan } from './selfscan/selfscan-demo.ts';
import { tempDir, writeTemp } from './temp-files.ts';

export const DEMO_PASSWORD = 'aanwezig-demo';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
  organisation: string;
}

/**
 * Seeds the demo for `today` (default: the real date): the previous school year complete and the current one up to
 * yesterday, so every role opens on data of the current year.
 */
export async function seedDemo(
  db: Database,
  seed = 2025,
  today = todayIso(),
): Promise<{ schoolIds: number[]; logins: DemoLogin[] }> {
  const demo = generateDemo({ seed, today });
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
      await applyDerivedCalendars(db, schoolId, school.calendarLevel, demo.schoolYears);
      const years = [...new Set(school.pupils.flatMap((p) => p.enrolments.map((e) => e.schoolYear)))].sort();
      for (const year of years) {
        await importFile(db, SYSTEM_ACTOR, {
          schoolId,
          kind: 'pupils',
          path: writeTemp(
            dir,
            `pupils-${school.institutionNumber}-${year}.csv`,
            [...pupilsCsvLines(pupilRowsForYear(school, year))].join(''),
          ),
          schoolYear: parseSchoolYearId(year) ?? undefined,
        });
      }
      await importFile(db, SYSTEM_ACTOR, {
        schoolId,
        kind: 'register',
        path: writeTemp(
          dir,
          `register-${school.institutionNumber}.csv`,
          [...registerCsvLines(school.register)].join(''),
        ),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const logins = await seedDemoAccounts(db, schoolIds);
  if (schoolIds[0] !== undefined) await seedDemoSelfscan(db, schoolIds[0], demo.schoolYears[0]);
  await seedDemoFiles(db, demo.personas, schoolIds, today);
  await seedDemoPhase2(db, demo.personas, schoolIds, today);
  await seedDemoClbInbox(db, demo.personas, schoolIds[1], today);
  return { schoolIds, logins };
}

const DEMO_LOP = 'LOP Secundair Demostad';

/**
 * One demo login per role: the school roles on the first (primary) school, a CLB serving both schools, a region
 * analysing both, a LOP secundair with the secondary school, and admin@ as beheerder of everything (and directie
 * of both schools, so it sees pupils).
 */

async function seedDemoAccounts(db: Database, schoolIds: number[]): Promise<DemoLogin[]> {
  const [firstSchool] = schoolIds;
  if (firstSchool === undefined) return [];
  const clbId =
    (await findOrganisationByName(db, 'clb', 'Demo-CLB'))?.id ?? (await insertOrganisation(db, 'clb', 'Demo-CLB'));
  const regionId =
    (await findOrganisationByName(db, 'region', 'Demoregio'))?.id ??
    (await insertOrganisation(db, 'region', 'Demoregio'));
  for (const schoolId of schoolIds) {
    await linkSchool(db, 'clb', clbId, schoolId);
    await linkSchool(db, 'region', regionId, schoolId);
  }
  // A LOP secundair onderwijs with the secondary demo school (its view of exclusions, docs/decisions/0037).
  const lopId = (await findLopByName(db, DEMO_LOP)) ?? (await insertLop(db, DEMO_LOP, 'secundair'));
  for (const schoolId of schoolIds.slice(1, 2)) await linkSchool(db, 'lop', lopId, schoolId);
  const firstClass = await firstClassOfSchool(db, firstSchool);
  const schoolName = (id: number) => organisationName(db, id);
  const primaryName = await schoolName(firstSchool);
  type Grant = { organisationId: number; role: Role; classNames?: string[] };
  const accounts: { email: string; displayName: string; grants: Grant[]; organisation: string }[] = [
    {
      email: 'admin@aanwezig.demo',
      displayName: 'Demo beheerder',
      organisation: `alle demoscholen, Demo-CLB, Demoregio, ${DEMO_LOP}`,
      grants: [
        ...schoolIds.flatMap((id): Grant[] => [
          { organisationId: id, role: 'beheerder' },
          { organisationId: id, role: 'directie' },
        ]),
        { organisationId: clbId, role: 'beheerder' },
        { organisationId: regionId, role: 'beheerder' },
        { organisationId: lopId, role: 'beheerder' },
      ],
    },
    ...(['secretariaat', 'leerlingbegeleider', 'zorgcoordinator', 'directie'] as const).map((role) => ({
      email: `${role}@aanwezig.demo`,
      displayName: `Demo ${role}`,
      organisation: primaryName,
      grants: [{ organisationId: firstSchool, role }],
    })),
    // A pupil counsellor of the secondary school, where the truant personas (B5_CLB) are: the pupil-file demo.
    ...schoolIds.slice(1, 2).map((id) => ({
      email: 'lbg@aanwezig.demo',
      displayName: 'Demo leerlingbegeleider secundair',
      organisation: 'secundaire demoschool',
      grants: [{ organisationId: id, role: 'leerlingbegeleider' as const }],
    })),
    {
      email: 'leerkracht@aanwezig.demo',
      displayName: 'Demo leerkracht',
      organisation: `${primaryName}, klas ${firstClass ?? '-'}`,
      grants: [{ organisationId: firstSchool, role: 'leerkracht', classNames: firstClass ? [firstClass] : [] }],
    },
    {
      email: 'clb@aanwezig.demo',
      displayName: 'Demo CLB-medewerker',
      organisation: 'Demo-CLB',
      grants: [{ organisationId: clbId, role: 'clb-medewerker' }],
    },
    {
      email: 'clb-arts@aanwezig.demo',
      displayName: 'Demo CLB-arts',
      organisation: 'Demo-CLB',
      grants: [{ organisationId: clbId, role: 'clb-arts' }],
    },
    {
      email: 'analist@aanwezig.demo',
      displayName: 'Demo analist',
      organisation: 'Demoregio',
      grants: [{ organisationId: regionId, role: 'analist' }],
    },
    {
      email: 'lop@aanwezig.demo',
      displayName: 'Demo LOP-medewerker',
      organisation: DEMO_LOP,
      grants: [{ organisationId: lopId, role: 'lop-medewerker' }],
    },
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  for (const account of accounts) {
    const userId =
      (await findUserByEmail(db, account.email))?.id ??
      (await insertUser(db, { email: account.email, displayName: account.displayName, passwordHash }));
    for (const grant of account.grants) await addMembership(db, { userId, ...grant });
    logins.push({
      email: account.email,
      password: DEMO_PASSWORD,
      role: [...new Set(account.grants.map((g) => g.role))].join(', '),
      organisation: account.organisation,
    });
  }
  return logins;
}
