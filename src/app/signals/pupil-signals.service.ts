// Use case: one pupil's signals in a school year, open and handled, with evidence for the heat-map.

import type { Database } from '../../db/database.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { listAttention } from './attention-list.service.ts';

export async function pupilSignals(
  db: Database,
  actor: Actor,
  pupilId: number,
  schoolYear: string | undefined,
  today: string,
) {
  // The pupil as a whole, like the pupil page: a class teacher of another class is refused, not shown nothing.
  const { pupil, enrolments } = await requirePupilAccess(db, actor, 'signal.list', pupilId, today);
  const year = schoolYear ?? enrolments[0]?.schoolYear ?? schoolYearOf(today).id;
  const list = await listAttention(
    db,
    actor,
    { schoolId: pupil.schoolId, pupilId, schoolYear: year, status: 'all', limit: 500 },
    today,
  );
  return { schoolYear: list.schoolYear, asOf: list.asOf, items: list.items };
}
