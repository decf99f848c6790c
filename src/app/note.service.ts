// Use cases for notes on a pupil: list the notes the actor may read, add one, record and revoke consents that
// share a CLB doctor's (clb-arts) note with named roles until a date.

import type { Database } from '../db/database.ts';
import { findDocument } from '../db/file-document.repository.ts';
import {
  type ConsentRow,
  consentsOfPupil,
  findConsent,
  findNote,
  insertConsent,
  insertNote,
  type NoteRow,
  notesOfPupil,
  revokeConsentRow,
} from '../db/note.repository.ts';
import { findEntry } from '../db/pupil-file.repository.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { forbidden, invalidInput, notFound } from './errors.ts';
import {
  CONFIDENTIALITY_LEVELS,
  CONSENT_ROLES,
  type Confidentiality,
  mayWriteLevel,
  NOTE_READERS,
} from './policy/notes.policy.ts';
import { can, requireAccess, rolesReaching } from './policy/policy.ts';
import { requirePupilAccess } from './pupil-access.ts';

/** A consent counts from the day it is recorded until and including `validUntil`, unless revoked. */
const consentValid = (consent: ConsentRow, today: string) => consent.revokedAt === null && consent.validUntil >= today;

/** Whether roles (through which the actor reaches the pupil) may read a note, given the pupil's consents. */
export function noteVisible(note: NoteRow, roles: readonly Role[], consents: readonly ConsentRow[], today: string) {
  if (roles.some((role) => NOTE_READERS[note.confidentiality].includes(role))) return true;
  if (note.confidentiality !== 'clb-arts') return false;
  return consents.some(
    (c) => c.noteId === note.id && consentValid(c, today) && c.sharedWithRoles.some((r) => roles.includes(r as Role)),
  );
}

export async function listNotes(db: Database, actor: Actor, pupilId: number, today: string) {
  const scope = await requirePupilAccess(db, actor, 'note.list', pupilId, today);
  const roles = actor.kind === 'system' ? (['clb-arts'] as Role[]) : rolesReaching(actor, 'note.list', scope);
  const [notes, consents] = await Promise.all([notesOfPupil(db, pupilId), consentsOfPupil(db, pupilId)]);
  const visible = notes.filter((note) => noteVisible(note, roles, consents, today));
  const managesConsent = can(actor, 'consent.manage', scope);
  await recordAudit(db, actor, {
    action: 'note.list',
    organisationId: scope.schoolId,
    pupilIds: [pupilId],
    detail: { notes: visible.map((n) => n.id) },
  });
  return visible.map((note) => ({
    ...note,
    consents: managesConsent && note.confidentiality === 'clb-arts' ? consents.filter((c) => c.noteId === note.id) : [],
  }));
}

export async function addNote(
  db: Database,
  actor: Actor,
  pupilId: number,
  input: { confidentiality: string; body: string },
  today: string,
): Promise<{ id: number }> {
  const scope = await requirePupilAccess(db, actor, 'note.write', pupilId, today);
  const level = input.confidentiality as Confidentiality;
  if (!CONFIDENTIALITY_LEVELS.includes(level)) {
    throw invalidInput({ nl: 'Onbekend vertrouwelijkheidsniveau.', en: 'Unknown confidentiality level.' });
  }
  const body = input.body.trim();
  if (body.length === 0 || body.length > 10_000) {
    throw invalidInput({ nl: 'Een notitie telt 1 tot 10 000 tekens.', en: 'A note has 1 to 10,000 characters.' });
  }
  const role = rolesReaching(actor, 'note.write', scope).find((r) => mayWriteLevel(r, level));
  if (!role || actor.userId === null) throw forbidden();
  return db.transaction(async (tx) => {
    const id = await insertNote(tx, {
      pupilId,
      schoolId: scope.schoolId,
      confidentiality: level,
      body,
      authorId: actor.userId as number,
      authorRole: role,
    });
    await recordAudit(tx, actor, {
      action: 'note.write',
      organisationId: scope.schoolId,
      pupilIds: [pupilId],
      detail: { noteId: id, confidentiality: level },
    });
    return { id };
  });
}

export async function addConsent(
  db: Database,
  actor: Actor,
  noteId: number,
  input: { givenBy: string; purpose: string; sharedWithRoles: string[]; validUntil: string },
  today: string,
): Promise<{ id: number }> {
  const note = await findNote(db, noteId);
  if (!note) throw notFound({ nl: 'Notitie', en: 'Note' });
  requireAccess(actor, 'consent.manage', { schoolId: note.schoolId });
  if (actor.userId === null) throw forbidden();
  if (note.confidentiality !== 'clb-arts') {
    throw invalidInput({
      nl: 'Toestemming is enkel nodig voor een notitie van de CLB-arts.',
      en: 'Consent applies only to a CLB doctor note.',
    });
  }
  return storeConsent(db, actor, { pupilId: note.pupilId, schoolId: note.schoolId, noteId }, input, today);
}

export type ConsentInput = { givenBy: string; purpose: string; sharedWithRoles: string[]; validUntil: string };

/**
 * Checks and records a consent to share one clb-arts note, entry or document (exactly one of the ids), with its
 * audit row, in one transaction. The caller has checked access and that the item is clb-arts.
 */
export async function storeConsent(
  db: Database,
  actor: Actor,
  item: { pupilId: number; schoolId: number; noteId?: number; entryId?: number; documentId?: number },
  input: ConsentInput,
  today: string,
): Promise<{ id: number }> {
  const roles = checkConsentInput(input, today);
  const { pupilId, schoolId, ...itemId } = item;
  return db.transaction(async (tx) => {
    const id = await insertConsent(tx, {
      pupilId,
      noteId: item.noteId ?? null,
      entryId: item.entryId ?? null,
      documentId: item.documentId ?? null,
      givenBy: input.givenBy.trim(),
      purpose: input.purpose.trim(),
      sharedWithRoles: roles,
      validUntil: input.validUntil,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'consent.record',
      organisationId: schoolId,
      pupilIds: [pupilId],
      detail: { consentId: id, ...itemId, sharedWithRoles: roles, validUntil: input.validUntil },
    });
    return { id };
  });
}

/**
 * The consent's content: roles from CONSENT_ROLES only, an end date from today on, who consented and for what.
 * Returns the distinct roles.
 */
export function checkConsentInput(
  input: { givenBy: string; purpose: string; sharedWithRoles: string[]; validUntil: string },
  today: string,
): string[] {
  const roles = [...new Set(input.sharedWithRoles)];
  if (roles.length === 0 || roles.some((r) => !CONSENT_ROLES.includes(r as Role))) {
    throw invalidInput({
      nl: `Deel enkel met: ${CONSENT_ROLES.join(', ')}.`,
      en: `Share only with: ${CONSENT_ROLES.join(', ')}.`,
    });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil) || input.validUntil < today) {
    throw invalidInput({ nl: 'Kies een einddatum vanaf vandaag.', en: 'Choose an end date from today on.' });
  }
  if (input.givenBy.trim() === '' || input.purpose.trim() === '') {
    throw invalidInput({ nl: 'Vul in wie toestemming gaf en waarvoor.', en: 'Enter who consented and for what.' });
  }
  return roles;
}

/** Revokes a consent on a note or on a pupil-file entry; the shared text is hidden again at once. */
export async function revokeConsent(db: Database, actor: Actor, consentId: number): Promise<void> {
  const consent = await findConsent(db, consentId);
  const subject = !consent
    ? undefined
    : consent.noteId !== null
      ? await findNote(db, consent.noteId)
      : consent.entryId !== null
        ? await findEntry(db, consent.entryId)
        : consent.documentId !== null
          ? await findDocument(db, consent.documentId)
          : undefined;
  if (!consent || !subject) throw notFound({ nl: 'Toestemming', en: 'Consent' });
  const note = { schoolId: subject.schoolId, pupilId: subject.pupilId };
  requireAccess(actor, 'consent.manage', { schoolId: note.schoolId });
  await db.transaction(async (tx) => {
    await revokeConsentRow(tx, consentId);
    await recordAudit(tx, actor, {
      action: 'consent.revoke',
      organisationId: note.schoolId,
      pupilIds: [note.pupilId],
      detail: { consentId },
    });
  });
}
