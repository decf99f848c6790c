// Use case: after a definitive exclusion, record what the school did as its level requires (issue 15): opvang in
// primary education (obligatory unless not feasible), help finding a new school in secondary education (seed 004
// l. 2306–2345). The same people as the enrolment elsewhere ('enrolment.elsewhere'); versioned and audited.
import type { Database, Sql } from '../db/database.ts';
import {
  type ExclusionSupportRow,
  findExclusionSupport,
  updateExclusionSupport,
} from '../db/thuiszitter.repository.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { AppError, notFound } from './errors.ts';
import { requirePupilAccess } from './pupil-access.ts';

const refused = (nl: string, en: string) => new AppError(422, 'exclusion-support-refused', { nl, en });

export async function requireExclusionSupportAccess(db: Sql, actor: Actor, pupilId: number, today: string) {
  return requirePupilAccess(db, actor, 'enrolment.elsewhere', pupilId, today);
}

export async function exclusionSupport(
  db: Sql,
  actor: Actor,
  pupilId: number,
  schoolYear: string,
  today: string,
): Promise<ExclusionSupportRow> {
  await requireExclusionSupportAccess(db, actor, pupilId, today);
  const row = await findExclusionSupport(db, pupilId, schoolYear);
  if (!row) throw notFound({ nl: `Inschrijving in ${schoolYear}`, en: `Enrolment in ${schoolYear}` });
  return row;
}

export async function recordExclusionSupport(
  db: Database,
  actor: Actor,
  pupilId: number,
  schoolYear: string,
  change: { opvang: boolean | null; searchHelp: boolean | null; version: number },
  today: string,
): Promise<ExclusionSupportRow> {
  const { schoolId } = await requireExclusionSupportAccess(db, actor, pupilId, today);
  return db.transaction(async (tx) => {
    const before = await findExclusionSupport(tx, pupilId, schoolYear);
    if (!before) throw notFound({ nl: `Inschrijving in ${schoolYear}`, en: `Enrolment in ${schoolYear}` });
    if (before.excludedOn === null)
      throw refused(
        'Opvang en hulp bij het zoeken naar een school worden alleen bijgehouden na een definitieve uitsluiting.',
        'Opvang and help finding a school are only recorded after a definitive exclusion.',
      );
    const primary = before.level !== 'secundair';
    if ((primary && change.searchHelp !== null) || (!primary && change.opvang !== null))
      throw refused(
        primary
          ? 'In het basisonderwijs is opvang de plicht van de school, niet het helpen zoeken naar een school: registreer de opvang.'
          : 'In het secundair helpen school en CLB een nieuwe school zoeken; opvang is geen plicht: registreer de hulp.',
        primary
          ? 'In primary education the duty is opvang, not helping to find a school: record the opvang.'
          : 'In secondary education school and CLB help find a new school; opvang is no duty: record the help.',
      );
    const after = await updateExclusionSupport(tx, { pupilId, schoolYear, ...change });
    if (!after)
      throw new AppError(
        409,
        'conflict',
        {
          nl: 'Iemand anders wijzigde deze inschrijving intussen. Herlaad de pagina en probeer opnieuw; uw wijziging werd niet opgeslagen.',
          en: 'Someone else changed this enrolment in the meantime. Reload the page and try again; your change was not saved.',
        },
        { current: before },
      );
    await recordAudit(tx, actor, {
      action: 'enrolment.exclusion-support',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: { schoolYear, opvang: change.opvang, searchHelp: change.searchHelp },
    });
    return after;
  });
}
