// A pupil's identity across schools without the national register number: the keyed hash (HMAC-SHA256) of the
// INSZ with the key of AANWEZIG_PUPIL_KEY (docs/decisions/0035, docs/security.md). The same number gives the same
// hash in every school of one installation; without the key the hash cannot be turned back into the number by
// trying the possible numbers of a birth date. The raw number lives only in the import's memory (and the
// uploaded file, deleted when the request ends).
import { createHmac } from 'node:crypto';
import { type Config, ConfigError, loadConfig } from '../config.ts';

/** The key when AANWEZIG_PUPIL_KEY is unset: demo and tests only (README "Settings", docs/security.md). */
export const DEVELOPMENT_PUPIL_KEY = 'aanwezig-development-pupil-key-not-for-production-use';

/**
 * In production (NODE_ENV=production) the key must be set: with the public development key anyone holding the
 * database or a backup could turn the hashes back into national register numbers. `serve` calls this first and
 * exits with status 2 and this message; hashing (a CLI import) refuses the same way.
 */
export function requirePupilKeyInProduction(config: Pick<Config, 'pupilKey' | 'production'>): void {
  if (config.production && config.pupilKey === null)
    throw new ConfigError(
      'AANWEZIG_PUPIL_KEY',
      'in production (NODE_ENV=production) a secret key of at least 32 characters is required, got none. ' +
        'In productie (NODE_ENV=production) is een geheime sleutel van minstens 32 tekens verplicht; ' +
        'Aanwezig start niet zonder (docs/security.md)',
    );
}

let configuredKey: string | undefined;

/** The key in force: AANWEZIG_PUPIL_KEY, or the development key when it is unset (never in production). Read once. */
export function pupilIdentityKey(): string {
  if (configuredKey === undefined) {
    const config = loadConfig();
    requirePupilKeyInProduction(config);
    configuredKey = config.pupilKey ?? DEVELOPMENT_PUPIL_KEY;
  }
  return configuredKey;
}

/** The stored identity: lower-case hex HMAC-SHA256 of the 11 normalised digits. */
export function pupilIdentityHash(inszDigits: string, key: string = pupilIdentityKey()): string {
  return createHmac('sha256', key).update(inszDigits, 'utf8').digest('hex');
}
