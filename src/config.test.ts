import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: './data/pglite',
      trustedProxies: [],
      logLevel: 'info',
      scheduleTime: '02:30',
      timeZone: 'Europe/Brussels',
      shutdownTimeoutSeconds: 10,
      workers: 1,
      oidc: null,
      mail: null,
      pupilKey: null,
      production: false,
    });
  });

  it('reads the pupil identity key and refuses a short one', () => {
    const key = 'k'.repeat(40);
    expect(loadConfig({ AANWEZIG_PUPIL_KEY: key }).pupilKey).toBe(key);
    expect(() => loadConfig({ AANWEZIG_PUPIL_KEY: 'short' })).toThrow(/AANWEZIG_PUPIL_KEY/);
  });

  it('reads the e-mail settings, and refuses an SMTP server without a From address or public URL', () => {
    const env = {
      AANWEZIG_SMTP_URL: 'smtp://user:secret@mail.school.be:587',
      AANWEZIG_MAIL_FROM: 'Aanwezig <aanwezig@school.be>',
      AANWEZIG_PUBLIC_URL: 'https://aanwezig.school.be/',
    };
    expect(loadConfig({ ...env, AANWEZIG_SMTP_RETRIES: '2', AANWEZIG_SMTP_RETRY_SECONDS: '5' }).mail).toEqual({
      smtpUrl: 'smtp://user:secret@mail.school.be:587',
      from: 'Aanwezig <aanwezig@school.be>',
      publicUrl: 'https://aanwezig.school.be',
      retries: 2,
      retryDelayMs: 5000,
    });
    expect(() => loadConfig({ ...env, AANWEZIG_MAIL_FROM: '' })).toThrow(/^Invalid setting AANWEZIG_MAIL_FROM/);
    expect(() => loadConfig({ ...env, AANWEZIG_PUBLIC_URL: '' })).toThrow(/^Invalid setting AANWEZIG_PUBLIC_URL/);
    expect(() => loadConfig({ ...env, AANWEZIG_SMTP_URL: 'mail.school.be' })).toThrow(
      /^Invalid setting AANWEZIG_SMTP_URL/,
    );
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db:5432/aanwezig',
      AANWEZIG_DATA_DIR: '/var/lib/aanwezig',
      AANWEZIG_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,::1',
      LOG_LEVEL: 'warn',
      AANWEZIG_SCHEDULE_TIME: 'off',
      AANWEZIG_TIME_ZONE: 'UTC',
      AANWEZIG_SHUTDOWN_TIMEOUT_SECONDS: '30',
      AANWEZIG_WORKERS: '4',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@db:5432/aanwezig',
      dataDir: '/var/lib/aanwezig',
      trustedProxies: ['10.0.0.1', '192.168.0.0/16', '::1'],
      logLevel: 'warn',
      scheduleTime: null,
      timeZone: 'UTC',
      shutdownTimeoutSeconds: 30,
      workers: 4,
    });
  });

  it('refuses several server processes on PGlite (one process owns the data folder)', () => {
    expect(() => loadConfig({ AANWEZIG_WORKERS: '2' })).toThrow(
      /AANWEZIG_WORKERS: more than one process needs PostgreSQL/,
    );
    expect(loadConfig({ AANWEZIG_WORKERS: 'auto', DATABASE_URL: 'postgres://db/x' }).workers).toBeGreaterThanOrEqual(1);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: null, port: 3000 });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['AANWEZIG_TRUSTED_PROXIES', '10.0.0.1,everyone'],
    ['AANWEZIG_TRUSTED_PROXIES', '10.0.0.0/40'],
    ['LOG_LEVEL', 'loud'],
    ['AANWEZIG_SCHEDULE_TIME', '25:00'],
    ['AANWEZIG_TIME_ZONE', 'Mars/Olympus'],
    ['AANWEZIG_SHUTDOWN_TIMEOUT_SECONDS', '0'],
    ['AANWEZIG_WORKERS', '0'],
    ['AANWEZIG_WORKERS', 'many'],
  ])('refuses %s=%s with an error naming the setting', (setting, value) => {
    const attempt = () => loadConfig({ [setting]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      new RegExp(`^Invalid setting ${setting}: .*got "${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`),
    );
  });
});
