// `aanwezig serve` in production (NODE_ENV=production) without AANWEZIG_PUPIL_KEY: refused at once with status 2,
// a message naming the setting (English and Dutch), and nothing opened; with the key it starts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures.ts';
import { runCommand, startServe } from '../testing/serve-process.ts';

describe('aanwezig serve in production', () => {
  it('refuses to start without AANWEZIG_PUPIL_KEY', async () => {
    const dataDir = join(tempDir(), 'pglite');
    const result = await runCommand(['serve', '--no-demo'], {
      NODE_ENV: 'production',
      AANWEZIG_PUPIL_KEY: '',
      AANWEZIG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid setting AANWEZIG_PUPIL_KEY: in production (NODE_ENV=production)');
    expect(result.stderr).toContain('Aanwezig start niet zonder');
    expect(existsSync(dataDir)).toBe(false); // nothing was opened
  });

  it('starts with the key set', async () => {
    const dataDir = join(tempDir(), 'pglite');
    const server = await startServe({
      NODE_ENV: 'production',
      AANWEZIG_PUPIL_KEY: 'a-production-secret-of-at-least-32-characters',
      AANWEZIG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(server.output()).not.toContain('AANWEZIG_PUPIL_KEY is unset');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });
});
