// Consents that share a CLB doctor's (clb-arts) entry or document of the pupil file with named school or CLB
// roles until a date — the same model as for notes (note.service.ts): recorded and revoked by the CLB doctor,
// audited. A shared item is read-only for the roles it is shared with.
import type { Database } from '../../db/database.ts';
import { findDocument } from '../../db/file-document.repository.ts';
import { consentsOfFileItem } from '../../db/note.repository.ts';
import { findEntry } from '../../db/pupil-file.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { forbidden, invalidInput, notFound } from '../errors.ts';
import { storeConsent } from '../note.service.ts';
import { requireAccess } from '../policy/policy.ts';

export type ConsentItem = 'entry' | 'document';

const NAMES = {
  entry: { nl: 'Maatregel', en: 'Entry' },
  document: { nl: 'Document', en: 'Document' },
} as const;

/** Loads the entry or document and checks that the actor manages consents in its school (before any body). */
export async function requireConsentItem(db: Database, actor: Actor, item: ConsentItem, id: number) {
  const found = item === 'entry' ? await findEntry(db, id) : await findDocument(db, id);
  if (!found) throw notFound(NAMES[item]);
  requireAccess(actor, 'consent.manage', { schoolId: found.schoolId });
  return { pupilId: found.pupilId, schoolId: found.schoolId, confidentiality: found.confidentiality };
}

/** Records the consent of the pupil or the parents to share one clb-arts entry or document. */
export async function addFileConsent(
  db: Database,
  actor: Actor,
  item: ConsentItem,
  id: number,
  input: { givenBy: string; purpose: string; sharedWithRoles: string[]; validUntil: string },
  today: string,
): Promise<{ id: number }> {
  const subject = await requireConsentItem(db, actor, item, id);
  if (actor.userId === null) throw forbidden();
  if (subject.confidentiality !== 'clb-arts')
    throw invalidInput({
      nl: 'Toestemming is enkel nodig voor iets van de CLB-arts.',
      en: 'Consent applies only to what the CLB doctor keeps.',
    });
  const target = item === 'entry' ? { entryId: id } : { documentId: id };
  return storeConsent(db, actor, { pupilId: subject.pupilId, schoolId: subject.schoolId, ...target }, input, today);
}

/** The consents of one clb-arts entry or document (valid, expired and revoked), for the CLB doctor. */
export async function listFileConsents(db: Database, actor: Actor, item: ConsentItem, id: number, today: string) {
  const subject = await requireConsentItem(db, actor, item, id);
  const items = (await consentsOfFileItem(db, item, id)).map((c) => ({
    ...c,
    /** Shares the item today: not revoked and valid until today or later. */
    valid: c.revokedAt === null && c.validUntil >= today,
  }));
  await recordAudit(db, actor, {
    action: 'consent.list',
    organisationId: subject.schoolId,
    pupilIds: [subject.pupilId],
    detail: { [`${item}Id`]: id },
  });
  return { items };
}
