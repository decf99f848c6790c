// `aanwezig serve`: migrate, seed the demo on an empty database, and serve the app.
import { DEMO_PASSWORD, seedDemo } from '../app/demo-seed.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { buildServer, parseTrustedProxies } from '../http/server.ts';

export async function serveCommand(options: { port: string; host: string; demo: boolean }): Promise<void> {
  const db = await openDatabase();
  await migrate(db);
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM organisation')) as [
    { count: number },
  ];
  if (count === 0 && options.demo) {
    console.log('Empty database: creating the demo schools (this takes a few seconds)…');
    await seedDemo(db);
  }
  const app = await buildServer({
    db,
    logger: process.env.AANWEZIG_LOG === '1',
    // Bridge until the config module (src/config.ts) reads it: proxies whose X-Forwarded-For is believed.
    trustedProxies: parseTrustedProxies(process.env.AANWEZIG_TRUSTED_PROXIES),
  });
  const address = await app.listen({ port: Number(options.port), host: options.host });
  const users = await db.query<{ email: string }>(
    `SELECT email FROM app_user WHERE email LIKE '%@aanwezig.demo' ORDER BY id`,
  );
  console.log(`\nAanwezig is running at ${address.replace('127.0.0.1', 'localhost')}`);
  console.log(
    `Database: ${db.engine === 'pglite' ? `PGlite in ${process.env.AANWEZIG_DATA_DIR ?? './data/pglite'}` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  if (users.length > 0) {
    console.log('Demo logins (password for all: %s):', DEMO_PASSWORD);
    for (const u of users) console.log(`  ${u.email}`);
  }
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
