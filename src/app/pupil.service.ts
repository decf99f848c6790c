// Use cases for reading pupils: the school overview list and one pupil's school year.

import type { Database } from '../db/database.ts';
import { listPupils, PUPIL_SORT_KEYS, type PupilListItem } from '../db/pupil.repository.ts';
import { historyOfPupil, registerOfPupil } from '../db/register.repository.ts';
import { loadCalendar } from '../db/school.repository.ts';
import { carriedOverOfPupil } from '../db/school-changer.repository.ts';
import { parseSchoolYearId, schoolYearOf } from '../domain/school-year.ts';
import { can, requireAccess } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { forbidden, invalidInput } from './errors.ts';
import { requirePupilAccess } from './pupil-access.ts';

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

/** Whether a sort key from a request is one the pupil list knows: a column or `code:X` (one absence code). */
export const isPupilSort = (sort: string): boolean =>
  (PUPIL_SORT_KEYS as readonly string[]).includes(sort) || /^code:[A-Z]$/.test(sort);

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
  const access = requireAccess(actor, 'pupil.list', { schoolId: request.schoolId });
  const year = schoolYearParam(request.schoolYear, today);
  // A class teacher sees the pupils of their classes this school year; class names of other years are other pupils.
  if (access.classNames !== 'all' && year.id !== schoolYearOf(today).id) throw forbidden();
  const result = await listPupils(db, {
    schoolId: request.schoolId,
    classNames: access.classNames === 'all' ? undefined : access.classNames,
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
  // One audit row per list read, naming every pupil on the returned page (docs/security.md).
  if (result.items.length > 0) {
    await recordAudit(db, actor, {
      action: 'pupil.list',
      organisationId: request.schoolId,
      pupilIds: result.items.map((p) => p.id),
      detail: { schoolYear: year.id, offset: request.offset ?? 0 },
    });
  }
  return { schoolYear: year.id, ...result };
}

export async function pupilYear(
  db: Database,
  actor: Actor,
  pupilId: number,
  schoolYear: string | undefined,
  today: string,
) {
  const scope = await requirePupilAccess(db, actor, 'pupil.read', pupilId, today);
  const { pupil, enrolments } = scope;
  const year = schoolYear ? schoolYearParam(schoolYear, today) : schoolYearParam(enrolments[0]?.schoolYear, today);
  const [calendar, register, history, carriedOver] = await Promise.all([
    loadCalendar(db, pupil.schoolId, year.firstDay, year.lastDay),
    registerOfPupil(db, pupilId, year.firstDay, year.lastDay),
    historyOfPupil(db, pupilId, year.firstDay, year.lastDay),
    carriedOverOfPupil(db, pupilId, year.id),
  ]);
  await recordAudit(db, actor, {
    action: 'pupil.read',
    organisationId: pupil.schoolId,
    pupilIds: [pupil.id],
    detail: { schoolYear: year.id },
  });
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
    carriedOver,
    /** What the page may offer to change (the server checks again on every write). */
    permissions: { enrolmentElsewhere: can(actor, 'enrolment.elsewhere', scope) },
  };
}
