// `aanwezig serve`: migrate, seed the demo on an empty database, and serve the app until SIGTERM/SIGINT.
import cluster, { type Worker } from 'node:cluster';
import { localDateTime, startDailySchedule } from '../app/daily-schedule.ts';
import { DEMO_PASSWORD, seedDemo } from '../app/demo-seed.ts';
import { createMailer } from '../app/notifications/mailer.ts';
import { requirePupilKeyInProduction } from '../app/pupil-identity.ts';
import { prewarmFirstImportWorker } from '../app/signals/first-import-signals.ts';
import { type Config, loadConfig, portSchema } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createLogger } from '../http/logger.ts';

type Logger = ReturnType<typeof createLogger>;

import { buildServer } from '../http/server.ts';

export async function serveCommand(options: { port?: string; host?: string; demo: boolean }): Promise<void> {
  const config = loadConfig();
  const port = options.port === undefined ? config.port : parsePortOption(options.port);
  const host = options.host ?? config.host;
  requirePupilKeyInProduction(config); // exits 2 naming AANWEZIG_PUPIL_KEY (main.ts)
  const log = createLogger(config.logLevel);
  if (config.pupilKey === null && cluster.isPrimary)
    log.warn(
      'AANWEZIG_PUPIL_KEY is unset: pupil identities (keyed INSZ hashes) use the public development key; set a secret key before importing real pupils (docs/security.md)',
    );
  // Several processes (AANWEZIG_WORKERS, PostgreSQL only): the primary migrates, seeds and runs the daily job; the
  // workers share the port and serve requests (any of them can serve any request: sessions live in the database).
  if (config.workers > 1 && !cluster.isPrimary) return serveWorker(config, log, port, host);
  // Pool errors (a dropped connection nobody was waiting for) go to the same log as the requests.
  const db = await openDatabase(config, { error: (details, message) => log.error(details, message) });
  await migrate(db);
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM organisation')) as [
    { count: number },
  ];
  if (count === 0 && options.demo) {
    console.log('Empty database: creating the demo schools (this takes a few seconds)…');
    await seedDemo(db);
  }
  const app = config.workers > 1 ? null : await buildApp(config, db, log);
  const address = app ? await app.listen({ port, host }) : await forkWorkers(config.workers, log);
  const users = await db.query<{ email: string }>(
    `SELECT email FROM app_user WHERE email LIKE '%@aanwezig.demo' ORDER BY id`,
  );
  if (config.workers > 1) console.log(`Server processes: ${config.workers} (AANWEZIG_WORKERS)`);
  console.log(`\nAanwezig is running at ${address.replace('127.0.0.1', 'localhost')}`);
  console.log(`Database: ${db.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  if (users.length > 0) {
    console.log('Demo logins (password for all: %s):', DEMO_PASSWORD);
    for (const u of users) console.log(`  ${u.email}`);
  }
  const mailer = config.mail ? createMailer(config.mail) : null;
  const mail = mailer && config.mail ? { mailer, publicUrl: config.mail.publicUrl } : undefined;
  const schedule = config.scheduleTime
    ? startDailySchedule({ db, time: config.scheduleTime, timeZone: config.timeZone, log, mail })
    : null;
  onShutdownSignal(config, log, async () => {
    await schedule?.stop(); // no new run; a run in progress finishes (within the time limit)
    mailer?.close();
    await (app ? app.close() : stopWorkers()); // stops accepting, lets running requests finish
    await db.close(); // and, on PGlite, releases the data-folder lock
  });
}

async function buildApp(config: Config, db: Database, log: Logger) {
  // A school's first large register is evaluated in a worker thread: one is kept ready (decision 0042).
  prewarmFirstImportWorker().catch((error: unknown) =>
    log.warn({ err: error }, 'could not start the first-import signals worker ahead (a first import starts its own)'),
  );
  return buildServer({
    db,
    logger: log,
    trustedProxies: config.trustedProxies,
    oidc: config.oidc,
    // The school day is the civil date where the schools are, as for the daily job.
    today: () => localDateTime(new Date(), config.timeZone).date,
  });
}

/** A worker process: serves requests on the shared port until the primary (or a signal) stops it. */
async function serveWorker(config: Config, log: Logger, port: number, host: string) {
  const db = await openDatabase(config, { error: (details, message) => log.error(details, message) });
  const app = await buildApp(config, db, log);
  await app.listen({ port, host });
  onShutdownSignal(config, log, async () => {
    await app.close();
    await db.close();
  });
}

let stopping = false;

/** Starts the workers and resolves with the address once all listen; a worker that dies is replaced. */
function forkWorkers(count: number, log: Logger): Promise<string> {
  return new Promise((resolve, reject) => {
    let listening = 0;
    cluster.on('listening', (_worker, address) => {
      listening += 1;
      if (listening === count) resolve(`http://${address.address}:${address.port}`);
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (listening < count)
        return reject(new Error(`server process ${worker.process.pid} exited (${code ?? signal})`));
      log.error({ pid: worker.process.pid, code, signal }, 'server process exited: starting another');
      cluster.fork();
    });
    for (let i = 0; i < count; i += 1) cluster.fork();
  });
}

/** Asks every worker to finish its running requests and waits until all have exited. */
function stopWorkers(): Promise<void> {
  stopping = true;
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  return Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once('exit', () => resolve());
          w.process.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

function parsePortOption(text: string): number {
  const parsed = portSchema.safeParse(text);
  if (!parsed.success) {
    console.error(`Invalid option --port: ${parsed.error.issues[0]?.message}, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return parsed.data;
}

/**
 * Graceful shutdown: on SIGTERM or SIGINT, close within the time limit and exit 0; past the limit (a request
 * that does not end), or on a second signal, exit 1 at once. The PGlite lock file is removed on exit either way.
 */
export function onShutdownSignal(
  config: Pick<Config, 'shutdownTimeoutSeconds'>,
  log: { info(message: string): void; error(details: object, message: string): void },
  close: () => Promise<void>,
): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.error({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: shutting down (at most ${config.shutdownTimeoutSeconds} s)`);
    const limit = setTimeout(() => {
      log.error({ signal }, `shutdown took longer than ${config.shutdownTimeoutSeconds} s: exiting`);
      process.exit(1);
    }, config.shutdownTimeoutSeconds * 1000);
    limit.unref();
    close().then(
      () => {
        log.info('shut down');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
