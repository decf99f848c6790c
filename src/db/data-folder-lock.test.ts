import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../app/temp-files.ts';
import { DataFolderLocked, lockDataFolder, lockFilePath } from './data-folder-lock.ts';

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

describe('the PGlite data-folder lock', () => {
  it('writes the pid into <folder>.lock and removes it on release', () => {
    const folder = join(tempDir(), 'pglite');
    const release = lockDataFolder(folder, 'serve');
    expect(JSON.parse(readFileSync(lockFilePath(folder), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'serve',
    });
    release();
    expect(existsSync(lockFilePath(folder))).toBe(false);
  });

  it('locks a folder whose parent does not exist yet (./data on a fresh checkout)', () => {
    const folder = join(tempDir(), 'data', 'pglite');
    const release = lockDataFolder(folder, 'serve');
    expect(existsSync(lockFilePath(folder))).toBe(true);
    release();
  });

  it('refuses a second holder while the first holds it, naming the holder', () => {
    const folder = join(tempDir(), 'pglite');
    const release = lockDataFolder(folder, 'serve');
    try {
      expect(() => lockDataFolder(folder, 'import')).toThrow(DataFolderLocked);
      expect(() => lockDataFolder(folder, 'import')).toThrow(new RegExp(`process ${process.pid} \\(aanwezig serve`));
    } finally {
      release();
    }
  });

  it('takes over a lock whose process has ended', () => {
    const folder = join(tempDir(), 'pglite');
    const pid = deadPid();
    writeFileSync(lockFilePath(folder), JSON.stringify({ pid, host: hostname(), command: 'import', since: 'then' }));
    const release = lockDataFolder(folder, 'serve');
    expect(JSON.parse(readFileSync(lockFilePath(folder), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('never takes over a lock of another host', () => {
    const folder = join(tempDir(), 'pglite');
    const pid = deadPid();
    writeFileSync(lockFilePath(folder), JSON.stringify({ pid, host: 'elsewhere', command: 'serve', since: 'then' }));
    expect(() => lockDataFolder(folder, 'serve')).toThrow(/on elsewhere/);
  });
});
