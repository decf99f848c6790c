// Use cases of education for sick pupils (issue 14): stays in a hospital, type-5 school or K-dienst (with the
// contact plan's next contact as a reminder), the provisions' checklists (TOAH, Bednet/SIO, School en ziek zijn),
// the record that the parents were informed individually, and the entitlement computed from the register and the
// certificates (domain/medical/entitlement.ts). Reads and changes are audited.
import {
  endStay,
  entitlementFacts,
  findProvision,
  findStay,
  insertProvision,
  insertStay,
  type ProvisionInput,
  type ProvisionRow,
  provisionsOfPupil,
  type SickPupilInformation,
  type StayInput,
  type StayRow,
  sickPupilInformation,
  staysOfPupil,
  updateProvision,
  writeSickPupilInformation,
} from '../../db/care-stay.repository.ts';
import type { Database, Sql } from '../../db/database.ts';
import { certificateStateOfPupils } from '../../db/medical.repository.ts';
import { insertAgreement } from '../../db/pupil-file.repository.ts';
import { addDays } from '../../domain/civil-date.ts';
import { type TuitionEntitlements, tuitionEntitlements } from '../../domain/medical/entitlement.ts';
import { schoolYearOf } from '../../domain/school-year.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { can } from '../policy/policy.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { conflict } from '../pupil-file/file-access.ts';
import { optionalDate } from './optional-date.ts';

const refused = (nl: string, en: string) => new AppError(422, 'sick-pupil-refused', { nl, en });

const date = optionalDate;

export interface SickPupilOverview {
  stays: StayRow[];
  provisions: ProvisionRow[];
  information: SickPupilInformation | null;
  entitlement: TuitionEntitlements;
  mayWrite: boolean;
}

/** The pupil's stays, provisions, information and entitlement (health data: read as certificates are). */
export async function sickPupilOverview(
  db: Sql,
  actor: Actor,
  pupilId: number,
  today: string,
): Promise<SickPupilOverview> {
  const scope = await requirePupilAccess(db, actor, 'certificate.read', pupilId, today);
  const year = schoolYearOf(today);
  const [stays, provisions, information, facts, state] = [
    await staysOfPupil(db, pupilId),
    await provisionsOfPupil(db, pupilId),
    await sickPupilInformation(db, pupilId),
    await entitlementFacts(db, pupilId, scope.schoolId, year.firstDay, today),
    await certificateStateOfPupils(db, scope.schoolId, [pupilId]),
  ];
  const entitlement = tuitionEntitlements({
    register: facts.register,
    schoolHalfDays: facts.schoolHalfDays,
    certificates: state.certificates.filter((c) => c.to >= year.firstDay),
    chronic: information?.chronic ?? false,
    distanceKm: information?.distanceKm ?? null,
    specialEducation: information?.specialEducation ?? false,
    birthDate: scope.pupil.birthDate,
    today,
  });
  await recordAudit(db, actor, { action: 'sick-pupil.read', organisationId: scope.schoolId, pupilIds: [pupilId] });
  return {
    stays,
    provisions,
    information: information ?? null,
    entitlement,
    mayWrite: can(actor, 'sick-pupil.write', scope),
  };
}

const text = (value: string | null | undefined, max: number, label: { nl: string; en: string }, required: boolean) => {
  const v = value?.trim() ?? '';
  if (required && v === '') throw invalidInput({ nl: `Vul in: ${label.nl}.`, en: `Fill in: ${label.en}.` });
  if (v.length > max) throw invalidInput({ nl: `${label.nl}: te lang.`, en: `${label.en}: too long.` });
  return v === '' ? null : v;
};

/**
 * Records a stay; its contact plan's first contact becomes an agreement of the pupil file (a reminder on the
 * reminders panel), due `contactEveryDays` after the start.
 */
export async function recordStay(db: Database, actor: Actor, pupilId: number, input: StayInput, today: string) {
  const { schoolId } = await requirePupilAccess(db, actor, 'sick-pupil.write', pupilId, today);
  const from = date(input.from, 'Van');
  const to = date(input.to, 'Tot');
  if (!from) throw invalidInput({ nl: 'Vul de begindatum van het verblijf in.', en: 'Fill in the start of the stay.' });
  if (to !== null && to < from)
    throw refused('Het ontslag ligt vóór de opname.', 'The discharge lies before the admission.');
  if (!Number.isInteger(input.contactEveryDays) || input.contactEveryDays < 1 || input.contactEveryDays > 90) {
    throw invalidInput({ nl: 'Contact om de 1 tot 90 dagen.', en: 'Contact every 1 to 90 days.' });
  }
  const stay: StayInput = {
    setting: input.setting,
    settingName: text(input.settingName, 200, { nl: 'de voorziening', en: 'the setting' }, true) as string,
    from,
    to,
    contactPlan: text(input.contactPlan, 2000, { nl: 'het contactplan', en: 'the contact plan' }, true) as string,
    contactEveryDays: input.contactEveryDays,
    dischargeInformant: text(
      input.dischargeInformant,
      200,
      { nl: 'wie de ontslagdatum meldt', en: 'who reports the discharge date' },
      true,
    ) as string,
    homeSupport: text(input.homeSupport, 2000, { nl: 'de ondersteuning', en: 'the support' }, false),
  };
  return db.transaction(async (tx) => {
    const dueOn = addDays(from < today ? today : from, stay.contactEveryDays);
    const agreementId = await insertAgreement(tx, {
      pupilId,
      schoolId,
      what: `Contact met ${stay.settingName} volgens het contactplan: ${stay.contactPlan}`.slice(0, 2000),
      who: 'school',
      dueOn,
      checkNote: null,
      status: 'open',
      entryId: null,
      by: actor.userId,
    });
    const id = await insertStay(tx, {
      ...stay,
      pupilId,
      schoolId,
      contactAgreementId: agreementId,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'sick-pupil.stay',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: { stayId: id, setting: stay.setting, from, to },
    });
    return { id };
  });
}

/** Loads a stay (404) and checks the write on its pupil (403): also before a route reads the body. */
export async function requireStayAccess(db: Sql, actor: Actor, stayId: number, today: string) {
  const found = await findStay(db, stayId);
  if (!found) throw notFound({ nl: 'Verblijf', en: 'Stay' });
  const { schoolId } = await requirePupilAccess(db, actor, 'sick-pupil.write', found.pupilId, today);
  return { found, schoolId };
}

/** Loads a provision (404) and checks the write on its pupil (403): also before a route reads the body. */
export async function requireProvisionAccess(db: Sql, actor: Actor, provisionId: number, today: string) {
  const found = await findProvision(db, provisionId);
  if (!found) throw notFound({ nl: 'Voorziening', en: 'Provision' });
  const { schoolId } = await requirePupilAccess(db, actor, 'sick-pupil.write', found.pupilId, today);
  return { found, schoolId };
}

/** Records the discharge date (the stay's end). */
export async function dischargeStay(
  db: Database,
  actor: Actor,
  stayId: number,
  change: { to: string; version: number },
  today: string,
) {
  const { found, schoolId } = await requireStayAccess(db, actor, stayId, today);
  const to = date(change.to, 'Ontslag');
  if (!to || to < found.from)
    throw refused('Het ontslag ligt vóór de opname.', 'The discharge lies before the admission.');
  await db.transaction(async (tx) => {
    if (!(await endStay(tx, stayId, change.version, to))) throw conflict(found, change);
    await recordAudit(tx, actor, {
      action: 'sick-pupil.discharge',
      organisationId: schoolId,
      pupilIds: [found.pupilId],
      detail: { stayId, to },
    });
  });
}

function cleanProvision(p: ProvisionInput): ProvisionInput {
  const cleaned: ProvisionInput = {
    kind: p.kind,
    conditionsCheckedOn: date(p.conditionsCheckedOn, 'Voorwaarden nagegaan'),
    requestSentOn: date(p.requestSentOn, 'Aanvraag verstuurd'),
    answer: p.answer,
    answerOn: date(p.answerOn, 'Antwoord op'),
    startOn: date(p.startOn, 'Start'),
    endOn: date(p.endOn, 'Einde'),
    hoursPerWeek: p.hoursPerWeek,
  };
  // The checklist in order: a request after the conditions, an answer after the request, a start after a yes.
  if (cleaned.requestSentOn && !cleaned.conditionsCheckedOn) {
    throw refused(
      'Ga eerst de voorwaarden na voor je de aanvraag verstuurt.',
      'Check the conditions before sending the request.',
    );
  }
  if (cleaned.answer && !cleaned.requestSentOn)
    throw refused('Een antwoord volgt op een aanvraag.', 'An answer follows a request.');
  if (cleaned.answer && !cleaned.answerOn)
    throw refused('Vul de datum van het antwoord in.', 'Fill in the date of the answer.');
  if (cleaned.startOn && cleaned.answer !== 'toegekend') {
    throw refused('Een voorziening start pas na een toekenning.', 'A provision starts only once granted.');
  }
  if (cleaned.startOn && cleaned.endOn && cleaned.endOn < cleaned.startOn) {
    throw refused('Het einde ligt vóór de start.', 'The end lies before the start.');
  }
  return cleaned;
}

export async function addProvision(db: Database, actor: Actor, pupilId: number, input: ProvisionInput, today: string) {
  const { schoolId } = await requirePupilAccess(db, actor, 'sick-pupil.write', pupilId, today);
  const p = cleanProvision(input);
  return db.transaction(async (tx) => {
    const id = await insertProvision(tx, { ...p, pupilId, schoolId, createdBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'sick-pupil.provision',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: { provisionId: id, ...p },
    });
    return { id };
  });
}

export async function changeProvision(
  db: Database,
  actor: Actor,
  provisionId: number,
  input: ProvisionInput & { version: number },
  today: string,
) {
  const { found, schoolId } = await requireProvisionAccess(db, actor, provisionId, today);
  const p = cleanProvision(input);
  await db.transaction(async (tx) => {
    if (!(await updateProvision(tx, provisionId, input.version, p))) throw conflict(found, input);
    await recordAudit(tx, actor, {
      action: 'sick-pupil.provision',
      organisationId: schoolId,
      pupilIds: [found.pupilId],
      detail: { provisionId, ...p },
    });
  });
}

/** That the parents were informed individually (kleuters included), and the entitlement's inputs. */
export async function writeInformation(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: Omit<SickPupilInformation, 'version'> & { version: number },
  today: string,
) {
  const { schoolId } = await requirePupilAccess(db, actor, 'sick-pupil.write', pupilId, today);
  const informed = {
    parentsInformedOn: date(input.parentsInformedOn, 'Ouders geïnformeerd op'),
    informedHow: text(input.informedHow, 200, { nl: 'hoe', en: 'how' }, false),
    chronic: input.chronic,
    distanceKm: input.distanceKm,
    specialEducation: input.specialEducation,
  };
  await db.transaction(async (tx) => {
    if (!(await writeSickPupilInformation(tx, pupilId, schoolId, input.version, informed)))
      throw conflict({ pupilId }, input);
    await recordAudit(tx, actor, {
      action: 'sick-pupil.information',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: informed,
    });
  });
}
