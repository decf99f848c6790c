// Shared access helpers of the pupil file: an item's access check, the confidentiality levels a reader sees and the
// role a writer writes a level with, the 409 conflict carrying the current version, and a transaction view.
import type { Sql } from '../../db/database.ts';
import type { Visibility } from '../../db/file-visibility.sql.ts';
import { pupilOfFileItem } from '../../db/pupil-file.repository.ts';
import type { Role } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { CONFIDENTIALITY_LEVELS, type Confidentiality, mayWriteLevel, NOTE_READERS } from '../policy/notes.policy.ts';
import { type Action, rolesReaching } from '../policy/policy.ts';
import type { Scope } from '../policy/predicates.ts';
import { type PupilScope, requirePupilAccess } from '../pupil-access.ts';

const rolesFor = (actor: Actor, action: Action, scope: Scope): Role[] =>
  actor.kind === 'system' ? ['clb-arts', 'zorgcoordinator'] : rolesReaching(actor, action, scope);

/** Confidentiality levels of entries the actor reads in this file (the notes' model: NOTE_READERS). */
export function readableLevels(actor: Actor, scope: Scope): Confidentiality[] {
  const roles = rolesFor(actor, 'file.read', scope);
  return CONFIDENTIALITY_LEVELS.filter((level) => NOTE_READERS[level].some((role) => roles.includes(role)));
}

/** The roles through which the actor reads this file: a consent naming one of them shares a clb-arts entry or document. */
export function consentSharing(actor: Actor, scope: Scope, today: string) {
  return { roles: rolesFor(actor, 'file.read', scope), today };
}

/**
 * What the actor sees of the file's confidential items (entries, documents): the levels it reads and the roles a
 * consent may name. Every read path (timeline, documents, exports, edit history) filters with this and the one
 * SQL rule of db/file-visibility.sql.ts.
 */
export const fileVisibility = (actor: Actor, scope: Scope, today: string): Visibility => ({
  levels: readableLevels(actor, scope),
  sharedWith: consentSharing(actor, scope, today),
});

/** Levels the actor may write: only levels it can read itself. */
export function writableLevels(actor: Actor, scope: Scope): Confidentiality[] {
  const roles = rolesFor(actor, 'file.write', scope);
  return CONFIDENTIALITY_LEVELS.filter((level) => roles.some((role) => mayWriteLevel(role, level)));
}

/** The role through which the actor writes an entry of this level, or 403. */
export function writerRole(actor: Actor, action: Action, scope: Scope, level: Confidentiality): Role {
  const role = rolesFor(actor, action, scope).find((r) => mayWriteLevel(r, level));
  if (!role) throw forbidden();
  return role;
}

/** Optimistic locking lost: 409 with the item as it is now and the change that was not applied. */
export const conflict = (current: unknown, yours: unknown) =>
  new AppError(
    409,
    'conflict',
    {
      nl: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de huidige versie; uw wijziging werd niet opgeslagen maar blijft behouden om opnieuw te proberen.',
      en: 'Someone else changed this in the meantime. Review the current version; your change was not saved but is kept so you can try again.',
    },
    { current, yours },
  );

/** The access check for an item of a file (person, entry, agreement), before its request body is even read. */
export async function requireItemAccess(
  db: Sql,
  actor: Actor,
  action: Action,
  item: 'person' | 'entry' | 'agreement',
  id: number,
  today: string,
): Promise<PupilScope> {
  const pupilId = await pupilOfFileItem(db, item, id);
  if (pupilId === undefined) throw notFound({ nl: 'Onderdeel van het dossier', en: 'File item' });
  return requirePupilAccess(db, actor, action, pupilId, today);
}
