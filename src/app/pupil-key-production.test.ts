// In production (NODE_ENV=production) Aanwezig refuses to run without AANWEZIG_PUPIL_KEY, with a message in English
// and Dutch naming the setting; the demo and the tests (NODE_ENV unset or "test") keep the development key.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { requirePupilKeyInProduction } from './pupil-identity.ts';

describe('the pupil key in production', () => {
  it('reads NODE_ENV=production as production, anything else not', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(false);
    expect(loadConfig({}).production).toBe(false);
  });

  it('refuses production without the key, naming the setting in English and Dutch', () => {
    const attempt = () => requirePupilKeyInProduction(loadConfig({ NODE_ENV: 'production' }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Invalid setting AANWEZIG_PUPIL_KEY: in production \(NODE_ENV=production\)/);
    expect(attempt).toThrow(/In productie \(NODE_ENV=production\) is een geheime sleutel van minstens 32 tekens/);
  });

  it('lets production run with a key, and everything else without one', () => {
    const key = 'k'.repeat(40);
    expect(() =>
      requirePupilKeyInProduction(loadConfig({ NODE_ENV: 'production', AANWEZIG_PUPIL_KEY: key })),
    ).not.toThrow();
    expect(() => requirePupilKeyInProduction(loadConfig({}))).not.toThrow();
    expect(() => requirePupilKeyInProduction(loadConfig({ NODE_ENV: 'test' }))).not.toThrow();
  });
});
