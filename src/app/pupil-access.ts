// The access preamble of every use case about one pupil: load the pupil, work out this year's classes (a class
// teacher's reach), check the action on that scope, and hand the loaded pupil on so nothing is read twice.
import type { Sql } from '../db/database.ts';
import { type EnrolmentRow, enrolmentsOfPupil, findPupil, type PupilRow } from '../db/pupil.repository.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import type { Actor } from './actor.ts';
import { notFound } from './errors.ts';
import { type Action, requireAccess } from './policy/policy.ts';
import type { Scope } from './policy/predicates.ts';

export interface PupilScope extends Scope {
  schoolId: number;
  classNames: string[];
  pupil: PupilRow;
  /** The pupil's enrolments, newest school year first. */
  enrolments: EnrolmentRow[];
  /** This year's class, else the class of the latest enrolment. */
  className: string | null;
}

/** The pupil's classes in the current school year: what a class teacher's reach is compared with. */
export function currentClasses(enrolments: readonly EnrolmentRow[], today: string): string[] {
  const current = schoolYearOf(today).id;
  return enrolments.filter((e) => e.schoolYear === current && e.className).map((e) => e.className as string);
}

/** Loads the pupil (404 when unknown) and checks the action on it (its school and this year's classes), or 403. */
export async function requirePupilAccess(
  db: Sql,
  actor: Actor,
  action: Action,
  pupilId: number,
  today: string,
): Promise<PupilScope> {
  const pupil = await findPupil(db, pupilId);
  if (!pupil) throw notFound({ nl: 'Leerling', en: 'Pupil' });
  const enrolments = await enrolmentsOfPupil(db, pupilId);
  const classNames = currentClasses(enrolments, today);
  requireAccess(actor, action, { schoolId: pupil.schoolId, classNames });
  const latest = [...enrolments].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))[0];
  return {
    schoolId: pupil.schoolId,
    classNames,
    pupil,
    enrolments,
    className: classNames[0] ?? latest?.className ?? null,
  };
}
