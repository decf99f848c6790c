// Use cases of medical certificates (issue 14): record and correct a certificate, tell the CLB about a doubt, and
// the CLB doctor's steps (consent, contact with the certifying doctor, outcome, a note at clb-arts). Every change
// recomputes the pupil's signals (CERT_MISSING, CERT_DOUBT, CERT_LONG) and is audited; every read is audited.
import type { Database, Sql } from '../../db/database.ts';
import {
  type CertificateInput,
  type CertificateRow,
  certificatesOfPupil,
  type ExamPeriodRow,
  examPeriodsOfSchool,
  findCertificate,
  insertCertificate,
  insertExamPeriod,
  secondaryPupilsOfSchool,
  updateCertificate,
  updateCertificateRoute,
} from '../../db/medical.repository.ts';
import { findEntry, insertEntry, updateEntry } from '../../db/pupil-file.repository.ts';
import { type DoubtOutcome, ISSUER_KINDS, periodProblem } from '../../domain/medical/certificates.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { AppError, invalidInput, type Messages, notFound } from '../errors.ts';
import { can, requireAccess } from '../policy/policy.ts';
import { requirePupilAccess } from '../pupil-access.ts';
import { conflict, fileVisibility } from '../pupil-file/file-access.ts';
import { recomputeSignals } from '../signals/recompute-signals.ts';
import { optionalDate } from './optional-date.ts';

/** Longest reason or note text. */
export const CERTIFICATE_TEXT_MAX = 2000;

const refused = (messages: Messages) => new AppError(422, 'certificate-refused', messages);

const date = optionalDate;

function cleanCertificate(c: CertificateInput): CertificateInput {
  const from = date(c.from, 'Van');
  const to = date(c.to, 'Tot');
  const receivedOn = date(c.receivedOn, 'Ontvangen op');
  if (!from || !to || !receivedOn) {
    throw invalidInput({
      nl: 'Vul de periode en de datum van ontvangst in.',
      en: 'Fill in the period and the date received.',
    });
  }
  if (!(ISSUER_KINDS as readonly string[]).includes(c.issuerKind)) {
    throw invalidInput({ nl: 'Kies wie het attest uitschreef.', en: 'Choose who issued the certificate.' });
  }
  const cleaned = { ...c, from, to, receivedOn, doubtReason: c.doubtReason?.trim() ? c.doubtReason.trim() : null };
  const problem = periodProblem(cleaned);
  if (problem) throw refused({ nl: problem, en: 'The end of the certificate lies before its start.' });
  if (cleaned.doubt && cleaned.doubtReason === null) {
    throw refused({
      nl: 'Geef bij twijfel de reden op: het CLB heeft ze nodig om de arts te contacteren.',
      en: 'Give the reason for the doubt: the CLB needs it to contact the doctor.',
    });
  }
  if ((cleaned.doubtReason?.length ?? 0) > CERTIFICATE_TEXT_MAX) {
    throw invalidInput({
      nl: `De reden is te lang (ten hoogste ${CERTIFICATE_TEXT_MAX} tekens).`,
      en: 'The reason is too long.',
    });
  }
  return cleaned;
}

/** The pupil's certificates as the actor may see them (the doctor's note only through the visibility rule). */
export async function listCertificates(
  db: Sql,
  actor: Actor,
  pupilId: number,
  today: string,
): Promise<{ certificates: CertificateRow[]; mayWrite: boolean; mayAdvise: boolean }> {
  const scope = await requirePupilAccess(db, actor, 'certificate.read', pupilId, today);
  const certificates = await certificatesOfPupil(db, pupilId, fileVisibility(actor, scope, today));
  await recordAudit(db, actor, {
    action: 'certificate.read',
    organisationId: scope.schoolId,
    pupilIds: [pupilId],
    detail: { certificates: certificates.length },
  });
  return {
    certificates,
    mayWrite: can(actor, 'certificate.write', scope),
    mayAdvise: can(actor, 'certificate.advise', scope),
  };
}

async function afterChange(
  tx: Sql,
  actor: Actor,
  schoolId: number,
  pupilId: number,
  today: string,
  detail: Record<string, unknown>,
  action: string,
) {
  const signals = await recomputeSignals(tx, schoolId, [pupilId], today);
  await recordAudit(tx, actor, {
    action,
    organisationId: schoolId,
    pupilIds: [pupilId],
    detail: { ...detail, signalsWritten: signals.written, signalsCleared: signals.cleared },
  });
}

/** Records a certificate the school received. */
export async function recordCertificate(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: CertificateInput,
  today: string,
): Promise<{ id: number }> {
  const { schoolId } = await requirePupilAccess(db, actor, 'certificate.write', pupilId, today);
  const c = cleanCertificate(input);
  return db.transaction(async (tx) => {
    const id = await insertCertificate(tx, { ...c, pupilId, schoolId, createdBy: actor.userId });
    await afterChange(
      tx,
      actor,
      schoolId,
      pupilId,
      today,
      { certificateId: id, from: c.from, to: c.to, doubt: c.doubt },
      'certificate.record',
    );
    return { id };
  });
}

/** Loads the certificate (404) and checks the action on its pupil (403): also before a route reads the body. */
export async function certificateScope(
  db: Sql,
  actor: Actor,
  action: 'certificate.write' | 'certificate.advise',
  id: number,
  today: string,
) {
  const found = await findCertificate(db, id);
  if (!found) throw notFound({ nl: 'Medisch attest', en: 'Medical certificate' });
  const scope = await requirePupilAccess(db, actor, action, found.pupilId, today);
  return { found, scope };
}

/** Corrects a certificate at the version the editor saw (409 when someone else changed it first). */
export async function changeCertificate(
  db: Database,
  actor: Actor,
  id: number,
  input: CertificateInput & { version: number },
  today: string,
): Promise<void> {
  const { found } = await certificateScope(db, actor, 'certificate.write', id, today);
  const c = cleanCertificate(input);
  await db.transaction(async (tx) => {
    if (!(await updateCertificate(tx, id, input.version, c))) throw conflict(found, input);
    await afterChange(
      tx,
      actor,
      found.schoolId,
      found.pupilId,
      today,
      { certificateId: id, doubt: c.doubt },
      'certificate.change',
    );
  });
}

/** The school tells the CLB team about its doubt (seed 003 §2.1): the first step of the route. */
export async function tellClb(
  db: Database,
  actor: Actor,
  id: number,
  change: { on: string; version: number },
  today: string,
): Promise<void> {
  const { found } = await certificateScope(db, actor, 'certificate.write', id, today);
  const on = date(change.on, 'Gemeld op');
  if (!on) throw invalidInput({ nl: 'Vul de datum in.', en: 'Fill in the date.' });
  if (!found.doubt) {
    throw refused({
      nl: 'Alleen een attest waarover de school twijfelt, wordt aan het CLB gemeld.',
      en: 'Only a certificate the school doubts is reported to the CLB.',
    });
  }
  await db.transaction(async (tx) => {
    if (!(await updateCertificateRoute(tx, id, change.version, { clbToldOn: on }))) throw conflict(found, change);
    await afterChange(
      tx,
      actor,
      found.schoolId,
      found.pupilId,
      today,
      { certificateId: id, clbToldOn: on },
      'certificate.clb-told',
    );
  });
}

export interface DoctorAdvice {
  version: number;
  consentOn: string | null;
  doctorContactedOn: string | null;
  outcome: DoubtOutcome | null;
  outcomeOn: string | null;
  /** The CLB doctor's note: stored at clb-arts, never shown to school roles. */
  note: string | null;
}

/**
 * The CLB doctor's steps of the route, in order: the school told the CLB, the parents consented, the doctor was
 * contacted, the outcome. Each later step requires the earlier ones (checked here, not only in the form).
 */
export async function recordDoctorAdvice(
  db: Database,
  actor: Actor,
  id: number,
  advice: DoctorAdvice,
  today: string,
): Promise<void> {
  const { found, scope } = await certificateScope(db, actor, 'certificate.advise', id, today);
  const consentOn = date(advice.consentOn, 'Toestemming op');
  const contactedOn = date(advice.doctorContactedOn, 'Arts gecontacteerd op');
  const outcomeOn = date(advice.outcomeOn, 'Uitkomst op');
  const note = advice.note?.trim() ? advice.note.trim() : null;
  if ((note?.length ?? 0) > CERTIFICATE_TEXT_MAX) {
    throw invalidInput({
      nl: `De nota is te lang (ten hoogste ${CERTIFICATE_TEXT_MAX} tekens).`,
      en: 'The note is too long.',
    });
  }
  if (!found.doubt || found.clbToldOn === null) {
    throw refused({
      nl: 'De school heeft deze twijfel nog niet aan het CLB gemeld.',
      en: 'The school has not reported this doubt to the CLB yet.',
    });
  }
  if (contactedOn && !consentOn) {
    throw refused({
      nl: 'De CLB-arts contacteert de arts alleen met toestemming: vul eerst de datum van de toestemming in.',
      en: 'The CLB doctor contacts the doctor only with consent: fill in the date of the consent first.',
    });
  }
  if (advice.outcome !== null && (!contactedOn || !outcomeOn)) {
    throw refused({
      nl: 'Een uitkomst volgt op het contact met de arts: vul de datum van het contact en van de uitkomst in.',
      en: 'An outcome follows the contact with the doctor: fill in the date of the contact and of the outcome.',
    });
  }
  await db.transaction(async (tx) => {
    let noteEntryId = found.doctorNoteEntryId;
    if (note !== null) {
      const entry = {
        kind: 'certificate-doubt',
        occurredOn: outcomeOn ?? contactedOn ?? today,
        who: 'CLB-arts',
        what: note,
        effect: null,
        confidentiality: 'clb-arts' as const,
      };
      const existing = noteEntryId === null ? undefined : await findEntry(tx, noteEntryId);
      if (existing) await updateEntry(tx, existing.id, existing.version, entry);
      else {
        noteEntryId = await insertEntry(tx, {
          ...entry,
          details: { certificateId: id },
          pupilId: found.pupilId,
          schoolId: scope.schoolId,
          authorId: actor.userId,
          authorRole: 'clb-arts',
        });
      }
    }
    const ok = await updateCertificateRoute(tx, id, advice.version, {
      consentOn,
      doctorContactedOn: contactedOn,
      outcome: advice.outcome,
      outcomeOn,
      doctorNoteEntryId: noteEntryId,
    });
    if (!ok) throw conflict(found, { ...advice, note: undefined });
    // The audit row names the steps, never the note's text.
    await afterChange(
      tx,
      actor,
      found.schoolId,
      found.pupilId,
      today,
      { certificateId: id, consentOn, contactedOn, outcome: advice.outcome, note: note !== null },
      'certificate.advise',
    );
  });
}

/** The school's exam periods (secondary): illness during them needs a certificate. */
export async function listExamPeriods(db: Sql, actor: Actor, schoolId: number): Promise<ExamPeriodRow[]> {
  requireAccess(actor, 'certificate.read', { schoolId });
  return examPeriodsOfSchool(db, schoolId);
}

export async function addExamPeriod(
  db: Database,
  actor: Actor,
  schoolId: number,
  p: { from: string; to: string; label: string },
  today: string,
): Promise<{ id: number }> {
  requireAccess(actor, 'exam-period.manage', { schoolId });
  const from = date(p.from, 'Van');
  const to = date(p.to, 'Tot');
  const label = p.label.trim();
  if (!from || !to || to < from || label === '' || label.length > 200) {
    throw invalidInput({ nl: 'Vul een naam en een geldige periode in.', en: 'Fill in a name and a valid period.' });
  }
  return db.transaction(async (tx) => {
    const id = await insertExamPeriod(tx, schoolId, { from, to, label });
    await recomputeSignals(tx, schoolId, await secondaryPupilsOfSchool(tx, schoolId, to), today);
    await recordAudit(tx, actor, { action: 'exam-period.add', organisationId: schoolId, detail: { from, to, label } });
    return { id };
  });
}
