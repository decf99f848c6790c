// Use cases of partial schooling at the school's request (issue 15): record and change a pupil's arrangement,
// read it with its signals (review date passed, more time away than agreed), and the proposal to record one when
// the register shows a fixed-slot pattern (FIXED_SLOT).
import type { Database, Sql } from '../db/database.ts';
import {
  type ArrangementRow,
  arrangementsOfPupil,
  findArrangement,
  insertArrangement,
  pupilSchoolHalfDays,
  ruleHolds,
  updateArrangement,
} from '../db/partial-schooling.repository.ts';
import { isValidIsoDate } from '../domain/half-day.ts';
import {
  inForceOn,
  isWeekHalfDay,
  PARTIAL_SCHOOLING_LIMITS,
  type PartialSchoolingSignal,
  type PartialSchoolingTerms,
  partialSchoolingSignals,
  type WeekHalfDay,
} from '../domain/monitor/partial-schooling.ts';
import { schoolYearOf } from '../domain/school-year.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { AppError, invalidInput, notFound } from './errors.ts';
import { requirePupilAccess } from './pupil-access.ts';

export interface Arrangement extends ArrangementRow {
  inForce: boolean;
  signals: PartialSchoolingSignal[];
}

export interface PupilPartialSchooling {
  arrangements: Arrangement[];
  /** FIXED_SLOT holds this school year and no arrangement is in force: propose recording one. */
  proposed: boolean;
}

/** The terms as a form sends them (strings trimmed here; booleans required). */
export interface TermsInput {
  requestedBy: string;
  reason: string;
  homeHalfDays: readonly string[];
  since: string;
  reviewOn: string;
  endedOn?: string | null;
  parentsAgreed: boolean;
  clbInvolved: boolean;
  clbDoctorInvolved: boolean;
}

const refused = (nl: string, en: string) => new AppError(422, 'partial-schooling-refused', { nl, en });

function cleanTerms(input: TermsInput): PartialSchoolingTerms {
  const requestedBy = input.requestedBy.trim();
  const reason = input.reason.trim();
  if (requestedBy === '' || reason === '')
    throw refused(
      'Vul in wie de vraag stelde en waarom: een regeling zonder reden kan niet geëvalueerd worden.',
      'Fill in who asked and why: an arrangement without a reason cannot be reviewed.',
    );
  if (requestedBy.length > PARTIAL_SCHOOLING_LIMITS.requestedBy || reason.length > PARTIAL_SCHOOLING_LIMITS.reason)
    throw invalidInput({
      nl: `Te lang: wie ten hoogste ${PARTIAL_SCHOOLING_LIMITS.requestedBy} tekens, reden ten hoogste ${PARTIAL_SCHOOLING_LIMITS.reason}.`,
      en: `Too long: who at most ${PARTIAL_SCHOOLING_LIMITS.requestedBy} characters, reason at most ${PARTIAL_SCHOOLING_LIMITS.reason}.`,
    });
  const halfDays = [...new Set(input.homeHalfDays)];
  if (halfDays.length === 0 || !halfDays.every(isWeekHalfDay))
    throw refused(
      'Kies de halve dagen waarop de leerling thuisblijft (maandag tot vrijdag, voor- of namiddag).',
      'Choose the half-days the pupil stays at home (Monday to Friday, morning or afternoon).',
    );
  const endedOn = input.endedOn?.trim() ? input.endedOn.trim() : null;
  for (const date of [input.since, input.reviewOn, endedOn])
    if (date !== null && !isValidIsoDate(date))
      throw invalidInput({ nl: `"${date}" is geen datum (JJJJ-MM-DD).`, en: `"${date}" is not a date (YYYY-MM-DD).` });
  if (input.reviewOn < input.since)
    throw refused(
      'De evaluatiedatum kan niet vóór de start van de regeling liggen.',
      'The review date cannot lie before the start of the arrangement.',
    );
  if (endedOn !== null && endedOn < input.since)
    throw refused('Het einde kan niet vóór de start liggen.', 'The end cannot lie before the start.');
  return {
    requestedBy,
    reason,
    homeHalfDays: halfDays as WeekHalfDay[],
    since: input.since,
    reviewOn: input.reviewOn,
    endedOn,
    parentsAgreed: input.parentsAgreed,
    clbInvolved: input.clbInvolved,
    clbDoctorInvolved: input.clbDoctorInvolved,
  };
}

async function withSignals(db: Sql, row: ArrangementRow, today: string): Promise<Arrangement> {
  const inForce = inForceOn(row, today);
  const halfDays = inForce ? await pupilSchoolHalfDays(db, row.pupilId, row.schoolId, row.since, today) : [];
  return { ...row, inForce, signals: partialSchoolingSignals(row, halfDays, today) };
}

/** Loads the pupil and checks the action before anything else (also before a request body is read). */
export async function requirePartialSchoolingAccess(db: Sql, actor: Actor, pupilId: number, today: string) {
  return requirePupilAccess(db, actor, 'partial-schooling.manage', pupilId, today);
}

/** A pupil's arrangements with their signals as of today, and whether FIXED_SLOT proposes recording one. */
export async function pupilPartialSchooling(
  db: Sql,
  actor: Actor,
  pupilId: number,
  today: string,
): Promise<PupilPartialSchooling> {
  const { schoolId } = await requirePartialSchoolingAccess(db, actor, pupilId, today);
  const arrangements = await Promise.all(
    (await arrangementsOfPupil(db, pupilId)).map((row) => withSignals(db, row, today)),
  );
  const fixedSlot = await ruleHolds(db, pupilId, schoolYearOf(today).id, 'FIXED_SLOT');
  await recordAudit(db, actor, { action: 'partial-schooling.read', organisationId: schoolId, pupilIds: [pupilId] });
  return { arrangements, proposed: fixedSlot && !arrangements.some((a) => a.inForce) };
}

/** Records a new arrangement (audited). */
export async function recordArrangement(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: TermsInput,
  today: string,
): Promise<Arrangement> {
  const { schoolId } = await requirePartialSchoolingAccess(db, actor, pupilId, today);
  const terms = cleanTerms(input);
  return db.transaction(async (tx) => {
    const row = await insertArrangement(tx, {
      pupilId,
      schoolId,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      terms,
    });
    await recordAudit(tx, actor, {
      action: 'partial-schooling.write',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: { id: row.id, created: true },
    });
    return withSignals(tx, row, today);
  });
}

/** Changes an arrangement (a review: new review date, end, agreement) at the version the editor saw. */
export async function changeArrangement(
  db: Database,
  actor: Actor,
  pupilId: number,
  id: number,
  input: TermsInput & { version: number },
  today: string,
): Promise<Arrangement> {
  const { schoolId } = await requirePartialSchoolingAccess(db, actor, pupilId, today);
  const terms = cleanTerms(input);
  return db.transaction(async (tx) => {
    const before = await findArrangement(tx, pupilId, id);
    if (!before) throw notFound({ nl: 'Regeling', en: 'Arrangement' });
    const after = await updateArrangement(tx, { id, pupilId, version: input.version, terms });
    if (!after)
      throw new AppError(
        409,
        'conflict',
        {
          nl: 'Iemand anders wijzigde deze regeling intussen. Herlaad de pagina en probeer opnieuw; uw wijziging werd niet opgeslagen.',
          en: 'Someone else changed this arrangement in the meantime. Reload the page and try again; your change was not saved.',
        },
        { current: before },
      );
    await recordAudit(tx, actor, {
      action: 'partial-schooling.write',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: { id, version: after.version },
    });
    return withSignals(tx, after, today);
  });
}
