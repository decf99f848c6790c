// A user's own e-mail digest preference (daily, weekly, off) and the log of what was sent to them (issue 19).
import type { Database } from '../../db/database.ts';
import {
  type DigestFrequency,
  notificationLogOf,
  preferenceOf,
  writePreference,
} from '../../db/notification.repository.ts';
import type { Actor } from '../actor.ts';
import { invalidInput, unauthenticated } from '../errors.ts';
import { requireAccess } from '../policy/policy.ts';
import { conflict } from '../pupil-file/file-access.ts';

export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['daily', 'weekly', 'off'];
/** How many of one's own sent digests the settings page lists. */
const LOG_SHOWN = 20;

function ownUser(actor: Actor): number {
  requireAccess(actor, 'notification.preferences');
  if (actor.userId === null) throw unauthenticated();
  return actor.userId;
}

export async function notificationSettings(db: Database, actor: Actor) {
  const userId = ownUser(actor);
  const [preference, log] = await Promise.all([preferenceOf(db, userId), notificationLogOf(db, userId, LOG_SHOWN)]);
  return {
    ...preference,
    log: log.map(({ kind, day, itemCount, outcome, attempts, at }) => ({
      kind,
      day,
      itemCount,
      outcome,
      attempts,
      at,
    })),
  };
}

/** Sets the preference at the version the user saw; a stale version gets 409 with the current one. */
export async function setNotificationFrequency(
  db: Database,
  actor: Actor,
  input: { frequency: string; version: number },
) {
  const userId = ownUser(actor);
  if (!(DIGEST_FREQUENCIES as readonly string[]).includes(input.frequency))
    throw invalidInput(
      { nl: 'Kies dagelijks, wekelijks of uit.', en: 'Choose daily, weekly or off.' },
      { field: 'frequency' },
    );
  const frequency = input.frequency as DigestFrequency;
  if (!(await writePreference(db, userId, frequency, input.version)))
    throw conflict(await preferenceOf(db, userId), { frequency, version: input.version });
  return notificationSettings(db, actor);
}
