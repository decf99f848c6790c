// Use cases for reading pupils: the school overview list and one pupil's school year.

import type { Database } from '../db/database.ts';
import { enrolmentsOfPupil, findPupil, listPupils, type PupilListItem } from '../db/pupil.repository.ts';
import { historyOfPupil, registerOfPupil } from '../db/register.repository.ts';
import { loadCalendar } from '../db/school.repository.ts';
import { parseSchoolYearId, schoolYearOf } from '../domain/school-year.ts';
import { requireSchoolAccess } from './access.ts';
import type { Actor } from './actor.ts';
import { invalidInput, notFound } from './errors.ts';

function schoolYearParam(text: string | undefined, today: string) {
  if (!text) return schoolYearOf(today);
  const year = parseSchoolYearId(text);
  if (!year) {
    throw invalidInput({
      nl: `"${text}" is geen schooljaar (JJJJ-JJJJ).`,
      en: `"${text}" is not a school year (YYYY-YYYY).`,
    });
  }
  return year;
}

export interface PupilListRequest {
  schoolId: number;
  schoolYear?: string;
  className?: string;
  level?: string;
  search?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export async function listSchoolPupils(
  db: Database,
  actor: Actor,
  request: PupilListRequest,
  today: string,
): Promise<{ schoolYear: string; total: number; classes: string[]; codes: string[]; items: PupilListItem[] }> {
  requireSchoolAccess(actor, request.schoolId);
  const year = schoolYearParam(request.schoolYear, today);
  const result = await listPupils(db, {
    schoolId: request.schoolId,
    schoolYear: year.id,
    from: year.firstDay,
    until: year.lastDay,
    className: request.className,
    level: request.level,
    search: request.search,
    sort: request.sort ?? 'lastName',
    order: request.order ?? 'asc',
    limit: Math.min(Math.max(request.limit ?? 50, 1), 500),
    offset: Math.max(request.offset ?? 0, 0),
  });
  return { schoolYear: year.id, ...result };
}

export async function pupilYear(
  db: Database,
  actor: Actor,
  pupilId: number,
  schoolYear: string | undefined,
  today: string,
) {
  const pupil = await findPupil(db, pupilId);
  if (!pupil) throw notFound({ nl: 'Leerling', en: 'Pupil' });
  requireSchoolAccess(actor, pupil.schoolId);
  const enrolments = await enrolmentsOfPupil(db, pupilId);
  const year = schoolYear ? schoolYearParam(schoolYear, today) : schoolYearParam(enrolments[0]?.schoolYear, today);
  const [calendar, register, history] = await Promise.all([
    loadCalendar(db, pupil.schoolId, year.firstDay, year.lastDay),
    registerOfPupil(db, pupilId, year.firstDay, year.lastDay),
    historyOfPupil(db, pupilId, year.firstDay, year.lastDay),
  ]);
  const countsByCode: Record<string, number> = {};
  for (const r of register) countsByCode[r.code] = (countsByCode[r.code] ?? 0) + 1;
  return {
    pupil,
    enrolment: enrolments.find((e) => e.schoolYear === year.id) ?? null,
    schoolYear: year.id,
    schoolYears: enrolments.map((e) => e.schoolYear),
    calendar,
    register,
    countsByCode,
    history,
  };
}
