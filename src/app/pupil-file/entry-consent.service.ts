// Consents that share a CLB doctor's (clb-arts) entry of the pupil file with named school or CLB roles until a
// date — the same model as for notes (note.service.ts): recorded and revoked by the CLB doctor, audited.
import type { Database } from '../../db/database.ts';
import { consentsOfEntry, insertConsent } from '../../db/note.repository.ts';
import { findEntry } from '../../db/pupil-file.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { forbidden, invalidInput, notFound } from '../errors.ts';
import { checkConsentInput } from '../note.service.ts';
import { requireAccess } from '../policy/policy.ts';

/** Loads the entry and checks that the actor manages consents in its school (before any body is read). */
export async function clbArtsEntry(db: Database, actor: Actor, entryId: number) {
  const entry = await findEntry(db, entryId);
  if (!entry) throw notFound({ nl: 'Maatregel', en: 'Entry' });
  requireAccess(actor, 'consent.manage', { schoolId: entry.schoolId });
  return entry;
}

/** Records the consent of the pupil or the parents to share one clb-arts entry. */
export async function addEntryConsent(
  db: Database,
  actor: Actor,
  entryId: number,
  input: { givenBy: string; purpose: string; sharedWithRoles: string[]; validUntil: string },
  today: string,
): Promise<{ id: number }> {
  const entry = await clbArtsEntry(db, actor, entryId);
  if (actor.userId === null) throw forbidden();
  if (entry.confidentiality !== 'clb-arts')
    throw invalidInput({
      nl: 'Toestemming is enkel nodig voor een maatregel van de CLB-arts.',
      en: 'Consent applies only to a CLB doctor entry.',
    });
  const roles = checkConsentInput(input, today);
  return db.transaction(async (tx) => {
    const id = await insertConsent(tx, {
      pupilId: entry.pupilId,
      noteId: null,
      entryId,
      givenBy: input.givenBy.trim(),
      purpose: input.purpose.trim(),
      sharedWithRoles: roles,
      validUntil: input.validUntil,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'consent.record',
      organisationId: entry.schoolId,
      pupilIds: [entry.pupilId],
      detail: { consentId: id, entryId, sharedWithRoles: roles, validUntil: input.validUntil },
    });
    return { id };
  });
}

/** The consents of one clb-arts entry (valid, expired and revoked), for the CLB doctor. */
export async function listEntryConsents(db: Database, actor: Actor, entryId: number, today: string) {
  const entry = await clbArtsEntry(db, actor, entryId);
  const items = (await consentsOfEntry(db, entryId)).map((c) => ({
    ...c,
    /** Shares the entry today: not revoked and valid until today or later. */
    valid: c.revokedAt === null && c.validUntil >= today,
  }));
  await recordAudit(db, actor, {
    action: 'consent.list',
    organisationId: entry.schoolId,
    pupilIds: [entry.pupilId],
    detail: { entryId },
  });
  return { items };
}
