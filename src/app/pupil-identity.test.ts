import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_PUPIL_KEY, pupilIdentityHash, pupilIdentityKey } from './pupil-identity.ts';

describe('pupil identity hash', () => {
  it('is the HMAC-SHA256 of the digits with the key, hex, and never contains the number', () => {
    const key = 'a-test-key-of-at-least-thirty-two-chars';
    const hash = pupilIdentityHash('93051822361', key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHmac('sha256', key).update('93051822361').digest('hex'));
    expect(hash).not.toContain('93051822361');
  });

  it('depends on the key: another key gives another identity', () => {
    expect(pupilIdentityHash('93051822361', 'k'.repeat(32))).not.toBe(pupilIdentityHash('93051822361', 'j'.repeat(32)));
    expect(pupilIdentityHash('93051822361', 'k'.repeat(32))).not.toBe(pupilIdentityHash('93051822460', 'k'.repeat(32)));
  });

  it('uses the development key when AANWEZIG_PUPIL_KEY is unset (tests run without it)', () => {
    expect(process.env.AANWEZIG_PUPIL_KEY ?? '').toBe('');
    expect(pupilIdentityKey()).toBe(DEVELOPMENT_PUPIL_KEY);
  });
});
