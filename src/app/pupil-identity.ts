// A pupil's identity across schools without the national register number: the keyed hash (HMAC-SHA256) of the
// INSZ with the key of AANWEZIG_PUPIL_KEY (docs/decisions/0035, docs/security.md). The same number gives the same
// hash in every school of one installation; without the key the hash cannot be turned back into the number by
// trying the possible numbers of a birth date. The raw number lives only in the import's memory (and the
// uploaded file, deleted when the request ends).
import { createHmac } from 'node:crypto';
import { loadConfig } from '../config.ts';

/** The key when AANWEZIG_PUPIL_KEY is unset: demo and tests only (README "Settings", docs/security.md). */
export const DEVELOPMENT_PUPIL_KEY = 'aanwezig-development-pupil-key-not-for-production-use';

let configuredKey: string | undefined;

/** The key in force: AANWEZIG_PUPIL_KEY, or the development key when it is unset. Read once. */
export function pupilIdentityKey(): string {
  configuredKey ??= loadConfig().pupilKey ?? DEVELOPMENT_PUPIL_KEY;
  return configuredKey;
}

/** The stored identity: lower-case hex HMAC-SHA256 of the 11 normalised digits. */
export function pupilIdentityHash(inszDigits: string, key: string = pupilIdentityKey()): string {
  return createHmac('sha256', key).update(inszDigits, 'utf8').digest('hex');
}
