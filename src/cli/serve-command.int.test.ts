// `aanwezig serve` as an operator meets it: a bad setting stops the start naming it, the probes answer without a
// session, logs are JSON lines with request ids, and SIGTERM shuts down cleanly and frees the PGlite folder.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFilePath } from '../db/data-folder-lock.ts';
import { tempDir } from '../testing/fixtures.ts';
import { runCommand, startServe } from '../testing/serve-process.ts';

describe('aanwezig serve', () => {
  it('stops the start on PORT=abc with a message naming PORT', async () => {
    const dataDir = join(tempDir(), 'pglite');
    const result = await runCommand(['serve', '--no-demo'], {
      PORT: 'abc',
      AANWEZIG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid setting PORT: expected a port number');
    expect(result.stderr).toContain('got "abc"');
    expect(existsSync(dataDir)).toBe(false); // nothing was opened
  });

  it('answers /healthz and /readyz without a session, logs JSON with request ids, and stops on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'pglite');
    const server = await startServe({ AANWEZIG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', engine: 'pglite' });

      const refused = await fetch(`${server.url}/api/schools?search=Peeters`, {
        headers: { cookie: 'aanwezig_session=secret-token-value', 'x-csrf-token': 'csrf-value' },
      });
      expect(refused.status).toBe(401);
      const requestId = refused.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the log line reach the pipe
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
      const completed = lines.find((l) => l.requestId === requestId && l.msg === 'request completed');
      expect(completed).toMatchObject({ level: 30, res: { statusCode: 401 } });
      const received = lines.find((l) => l.requestId === requestId && l.msg === 'incoming request');
      expect(received.req.url).toBe('/api/schools?search=…');
      expect(server.output()).not.toContain('Peeters');
      expect(server.output()).not.toContain('secret-token-value');
      expect(server.output()).not.toContain('csrf-value');
      expect(existsSync(lockFilePath(dataDir))).toBe(true);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(server.output()).toContain('SIGTERM: shutting down');
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });

  it('exits 1 when a request holds up the shutdown past AANWEZIG_SHUTDOWN_TIMEOUT_SECONDS, and frees the folder', async () => {
    const dataDir = join(tempDir(), 'pglite');
    const server = await startServe({
      AANWEZIG_DATA_DIR: dataDir,
      DATABASE_URL: '',
      AANWEZIG_SHUTDOWN_TIMEOUT_SECONDS: '1',
    });
    // A request whose body never finishes arriving keeps the server from closing.
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"em',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      expect(await server.stop('SIGTERM')).toBe(1);
    } finally {
      socket.destroy();
    }
    expect(server.output()).toContain('shutdown took longer than 1 s');
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });
});
