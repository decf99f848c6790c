// Every setting of Aanwezig, read from the environment in one place and validated at start: a bad value stops the
// start with a message that names the setting. README.md ("Settings") documents each one.
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { MailSettings } from './app/notifications/mailer.ts';
import { type OidcSettings, oidcSettingsFromEnv } from './app/oidc-settings.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed; empty: none. */
  trustedProxies: string[];
  logLevel: LogLevel;
  /** Daily job (signals, reminders, audit purge): local time HH:MM in timeZone, or null when switched off. */
  scheduleTime: string | null;
  timeZone: string;
  shutdownTimeoutSeconds: number;
  /** Server processes of `serve` (node:cluster); more than one only on PostgreSQL (sessions live in the database). */
  workers: number;
  oidc: OidcSettings | null;
  /** E-mail digests for staff over SMTP (issue 19); null when AANWEZIG_SMTP_URL is unset (no e-mail). */
  mail: MailSettings | null;
  /**
   * The key of the pupil identity hash (HMAC-SHA256 of the INSZ, docs/decisions/0035); null when
   * AANWEZIG_PUPIL_KEY is unset (then a fixed development key is used and `serve` warns).
   */
  pupilKey: string | null;
  /**
   * NODE_ENV=production: a real installation. Then `serve` refuses to start without AANWEZIG_PUPIL_KEY
   * (src/app/pupil-identity.ts); `npm start`, the tests and the demo leave NODE_ENV unset.
   */
  production: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Invalid setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

// An empty variable counts as unset (a compose file's `DATABASE_URL=` means "none").
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

export const portSchema = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a whole port number')
  .min(0, 'expected a port number from 0 to 65535')
  .max(65535, 'expected a port number from 0 to 65535');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

const environmentSchema = z.object({
  PORT: optional(portSchema).default(3000),
  HOST: optional(z.string()).default('127.0.0.1'),
  DATABASE_URL: optional(
    z.string().refine((url) => /^postgres(ql)?:\/\//.test(url) && URL.canParse(url), {
      error: 'expected a postgres:// connection URL',
    }),
  ),
  AANWEZIG_DATA_DIR: optional(z.string()).default('./data/pglite'),
  AANWEZIG_TRUSTED_PROXIES: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .refine((entries) => entries.every(isAddressOrRange), {
        error: 'expected a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.1,192.168.0.0/16)',
      }),
  ).default([]),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` })).default('info'),
  AANWEZIG_SCHEDULE_TIME: optional(
    z.string().regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, { error: 'expected a time HH:MM (24 h) or "off"' }),
  ).default('02:30'),
  AANWEZIG_TIME_ZONE: optional(z.string().refine(isTimeZone, { error: 'expected an IANA time zone' })).default(
    'Europe/Brussels',
  ),
  AANWEZIG_SHUTDOWN_TIMEOUT_SECONDS: optional(
    z.coerce.number({ error: 'expected a number of seconds' }).int('expected whole seconds').min(1).max(600),
  ).default(10),
  AANWEZIG_WORKERS: optional(
    z.union([
      z.literal('auto'),
      z.coerce
        .number({ error: 'expected a number of processes or "auto"' })
        .int('expected whole processes')
        .min(1)
        .max(64),
    ]),
  ).default(1),
  AANWEZIG_SMTP_URL: optional(
    z.string().refine((url) => /^smtps?:\/\//.test(url) && URL.canParse(url), {
      error: 'expected an smtp:// or smtps:// URL (e.g. smtp://user:password@mail.school.be:587)',
    }),
  ),
  AANWEZIG_MAIL_FROM: optional(z.string().min(3).max(300)),
  AANWEZIG_PUBLIC_URL: optional(
    z.string().refine((url) => /^https?:\/\//.test(url) && URL.canParse(url), {
      error: 'expected the http(s):// address users open the app at',
    }),
  ),
  AANWEZIG_SMTP_RETRIES: optional(
    z.coerce.number({ error: 'expected a number of retries' }).int('expected whole retries').min(0).max(10),
  ).default(3),
  AANWEZIG_SMTP_RETRY_SECONDS: optional(
    z.coerce.number({ error: 'expected a number of seconds' }).min(0).max(600),
  ).default(30),
  AANWEZIG_PUPIL_KEY: optional(z.string().min(32, 'expected a secret of at least 32 characters')),
});

function mailSettings(e: z.output<typeof environmentSchema>): MailSettings | null {
  if (!e.AANWEZIG_SMTP_URL) return null;
  if (!e.AANWEZIG_MAIL_FROM)
    throw new ConfigError('AANWEZIG_MAIL_FROM', 'the From address is needed when AANWEZIG_SMTP_URL is set, got none');
  if (!e.AANWEZIG_PUBLIC_URL)
    throw new ConfigError(
      'AANWEZIG_PUBLIC_URL',
      'the links in e-mails need it when AANWEZIG_SMTP_URL is set, got none',
    );
  return {
    smtpUrl: e.AANWEZIG_SMTP_URL,
    from: e.AANWEZIG_MAIL_FROM,
    publicUrl: e.AANWEZIG_PUBLIC_URL.replace(/\/+$/, ''),
    retries: e.AANWEZIG_SMTP_RETRIES,
    retryDelayMs: e.AANWEZIG_SMTP_RETRY_SECONDS * 1000,
  };
}

/** Reads and validates every setting; throws ConfigError naming the first bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    const value = env[setting];
    throw new ConfigError(setting, `${issue?.message ?? 'invalid'}, got ${JSON.stringify(value)}`);
  }
  const e = parsed.data;
  const workers = e.AANWEZIG_WORKERS === 'auto' ? availableParallelism() : e.AANWEZIG_WORKERS;
  if (workers > 1 && !e.DATABASE_URL)
    throw new ConfigError('AANWEZIG_WORKERS', `more than one process needs PostgreSQL (DATABASE_URL), got ${workers}`);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.AANWEZIG_DATA_DIR,
    trustedProxies: e.AANWEZIG_TRUSTED_PROXIES,
    logLevel: e.LOG_LEVEL,
    scheduleTime: e.AANWEZIG_SCHEDULE_TIME === 'off' ? null : e.AANWEZIG_SCHEDULE_TIME,
    timeZone: e.AANWEZIG_TIME_ZONE,
    shutdownTimeoutSeconds: e.AANWEZIG_SHUTDOWN_TIMEOUT_SECONDS,
    workers,
    oidc: oidcSettingsFromEnv(env),
    mail: mailSettings(e),
    pupilKey: e.AANWEZIG_PUPIL_KEY ?? null,
    production: env.NODE_ENV === 'production',
  };
}
