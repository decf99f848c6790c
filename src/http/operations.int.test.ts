// Logging and probes in process: a 500 is always logged with its request id, secrets and names are not, and
// /readyz reports a database that is unreachable or not fully migrated.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../db/database.ts';
import { createTestDatabase, testEngines } from '../testing/test-database.ts';
import { createLogger } from './logger.ts';
import { buildServer } from './server.ts';

function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe.each(testEngines())('operations on %s', (engine) => {
  it('logs a 500 at error level with its request id and without cookies, CSRF tokens or query values', async () => {
    const t = await createTestDatabase(engine);
    const { lines, logger } = memoryLog();
    const app = await buildServer({ db: t.db, logger });
    await t.drop(); // every query now fails: the session lookup becomes a 500
    const response = await app.inject({
      method: 'GET',
      url: '/api/schools?search=Janssens',
      headers: { cookie: 'aanwezig_session=secret-session', 'x-csrf-token': 'secret-csrf', authorization: 'Bearer x' },
    });
    await app.close();
    expect(response.statusCode).toBe(500);
    const id = response.headers['x-request-id'];
    const error = lines.find((l) => l.level === 50 && l.requestId === id);
    expect(error).toBeDefined();
    expect(error?.err).toHaveProperty('stack');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('Janssens');
    expect(text).not.toContain('secret-session');
    expect(text).not.toContain('secret-csrf');
  });

  it('keeps a well-formed X-Request-Id from a proxy and replaces a malformed one', async () => {
    const t = await createTestDatabase(engine);
    const app = await buildServer({ db: t.db });
    try {
      const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'proxy-1234-abcd' } });
      expect(kept.headers['x-request-id']).toBe('proxy-1234-abcd');
      const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\nforged' } });
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await app.close();
      await t.drop();
    }
  });

  it('answers /readyz 503 with the pending migrations on a database that is not migrated', async () => {
    const db = await openPglite(undefined);
    const app = await buildServer({ db });
    try {
      const response = await app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json().pending).toContain('0001_foundation.sql');
      await db.close();
      const down = await app.inject({ url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ database: 'unreachable' });
    } finally {
      await app.close();
    }
  });
});
