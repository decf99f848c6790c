// Use case: after a definitive exclusion, record (or clear) that the pupil is enrolled in another school, and
// recompute the pupil's signals at once so EXCLUDED_NO_SCHOOL leaves (or rejoins) the attention list.
import type { Database, Sql } from '../db/database.ts';
import { type EnrolmentRow, findEnrolment, updateEnrolledElsewhere } from '../db/pupil.repository.ts';
import { isValidIsoDate } from '../domain/half-day.ts';
import { parseSchoolYearId } from '../domain/school-year.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { AppError, invalidInput, type Messages, notFound } from './errors.ts';
import { requirePupilAccess } from './pupil-access.ts';
import { recomputeSignals } from './signals/recompute-signals.ts';

/** Free-text name of the new school: enough for a school name and its municipality. */
export const ELSEWHERE_SCHOOL_MAX_LENGTH = 200;

export interface EnrolledElsewhereChange {
  /** First day in the other school (YYYY-MM-DD), or null to clear what was recorded. */
  from: string | null;
  /** Name of the other school (optional, free text). */
  school?: string | null;
  /** The enrolment's version the editor saw. */
  version: number;
}

/** 422: the change is well-formed but not allowed for this enrolment. */
const refused = (messages: Messages) => new AppError(422, 'enrolment-elsewhere-refused', messages);

/** Optimistic locking lost: 409 with the enrolment as it is now and the change that was not applied. */
const conflict = (current: unknown, yours: unknown) =>
  new AppError(
    409,
    'conflict',
    {
      nl: 'Iemand anders wijzigde deze inschrijving intussen. Herlaad de pagina en probeer opnieuw; uw wijziging werd niet opgeslagen.',
      en: 'Someone else changed this enrolment in the meantime. Reload the page and try again; your change was not saved.',
    },
    { current, yours },
  );

/** Loads the pupil and checks 'enrolment.elsewhere' on it before anything else (also before a body is read). */
export async function requireEnrolmentElsewhereAccess(
  db: Sql,
  actor: Actor,
  pupilId: number,
  today: string,
): Promise<{ schoolId: number }> {
  const { schoolId } = await requirePupilAccess(db, actor, 'enrolment.elsewhere', pupilId, today);
  return { schoolId };
}

function cleanChange(change: EnrolledElsewhereChange): { from: string | null; school: string | null } {
  if (!Number.isInteger(change.version) || change.version < 1) {
    throw invalidInput({ nl: 'Ongeldige versie.', en: 'Invalid version.' });
  }
  const from = change.from === null || change.from.trim() === '' ? null : change.from.trim();
  if (from !== null && !isValidIsoDate(from)) {
    throw invalidInput({
      nl: `"${from}" is geen datum (JJJJ-MM-DD).`,
      en: `"${from}" is not a date (YYYY-MM-DD).`,
    });
  }
  const school = change.school?.trim() ? change.school.trim() : null;
  if (school !== null && school.length > ELSEWHERE_SCHOOL_MAX_LENGTH) {
    throw invalidInput({
      nl: `De naam van de school is te lang (ten hoogste ${ELSEWHERE_SCHOOL_MAX_LENGTH} tekens).`,
      en: `The school name is too long (at most ${ELSEWHERE_SCHOOL_MAX_LENGTH} characters).`,
    });
  }
  if (from === null && school !== null) {
    throw refused({
      nl: 'Vul ook de datum in vanaf wanneer de leerling in de andere school ingeschreven is.',
      en: 'Also fill in the date from which the pupil is enrolled in the other school.',
    });
  }
  return { from, school };
}

/**
 * Records that a definitively excluded pupil is enrolled in another school from `from` (null clears it), at the
 * enrolment version the editor saw. In one transaction: the change, the pupil's recomputed signals and an audit row.
 */
export async function recordEnrolledElsewhere(
  db: Database,
  actor: Actor,
  pupilId: number,
  schoolYear: string,
  change: EnrolledElsewhereChange,
  today: string,
): Promise<EnrolmentRow> {
  const { schoolId } = await requireEnrolmentElsewhereAccess(db, actor, pupilId, today);
  if (!parseSchoolYearId(schoolYear)) {
    throw invalidInput({
      nl: `"${schoolYear}" is geen schooljaar (JJJJ-JJJJ).`,
      en: `"${schoolYear}" is not a school year (YYYY-YYYY).`,
    });
  }
  const wanted = cleanChange(change);
  return db.transaction(async (tx) => {
    const before = await findEnrolment(tx, pupilId, schoolYear, true);
    if (!before) throw notFound({ nl: `Inschrijving in ${schoolYear}`, en: `Enrolment in ${schoolYear}` });
    if (before.version !== change.version) throw conflict(before, { ...wanted, version: change.version });
    if (wanted.from !== null) {
      if (before.excludedOn === null) {
        throw refused({
          nl: 'Een inschrijving in een andere school wordt alleen bijgehouden voor een definitief uitgesloten leerling.',
          en: 'An enrolment in another school is only recorded for a definitively excluded pupil.',
        });
      }
      if (wanted.from < before.excludedOn) {
        throw refused({
          nl: `De inschrijving in de andere school kan niet vóór de uitsluiting (${before.excludedOn}) beginnen.`,
          en: `The enrolment in the other school cannot start before the exclusion (${before.excludedOn}).`,
        });
      }
    }
    const after = await updateEnrolledElsewhere(tx, { pupilId, schoolYear, version: change.version, ...wanted });
    if (!after) throw conflict(before, { ...wanted, version: change.version });
    const signals = await recomputeSignals(tx, schoolId, [pupilId], today);
    await recordAudit(tx, actor, {
      action: 'enrolment.elsewhere',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: {
        schoolYear,
        from: wanted.from,
        school: wanted.school,
        previousFrom: before.enrolledElsewhereFrom,
        previousSchool: before.enrolledElsewhereSchool,
        signalsWritten: signals.written,
        signalsCleared: signals.cleared,
      },
    });
    return after;
  });
}
