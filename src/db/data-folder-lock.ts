// One process per PGlite data folder: PGlite is a single-process database, and a second process on the same
// folder corrupts it for good. The lock is a file beside the folder (`<folder>.lock`) created atomically
// (O_EXCL), holding the pid; a lock whose process is gone is stale and taken over.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export class DataFolderLocked extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`} (aanwezig ${holder.command || '?'}, since ${holder.since})`
      : 'another process';
    super(
      `The data folder ${folder} is in use by ${who}. PGlite allows one process per data folder. ` +
        'Stop that process first, or, while it serves, use its web app or API (for example the import page) ' +
        'instead of the command line.',
    );
    this.name = 'DataFolderLocked';
  }
}

export function lockFilePath(folder: string): string {
  return `${resolve(folder)}.lock`;
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null; // being written right now, or unreadable: treat as held
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
}

/** A lock on this host whose process no longer runs. Locks of other hosts are never taken over. */
function isStale(holder: LockHolder | null): holder is LockHolder {
  return holder !== null && holder.host === hostname() && holder.pid !== process.pid && !isRunning(holder.pid);
}

/** Takes the lock or throws DataFolderLocked. Returns the function that releases it. */
export function lockDataFolder(folder: string, command = process.argv.slice(2, 3).join(' ')): () => void {
  const path = lockFilePath(folder);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  // On a fresh checkout ./data does not exist yet: the lock file sits beside the folder, so make its parent first.
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (attempt > 2 || !isStale(holder)) throw new DataFolderLocked(resolve(folder), holder);
      takeOverStale(path, holder);
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(path)?.pid === process.pid) unlinkSync(path);
  };
  process.on('exit', release);
  return release;
}

/**
 * Moves a stale lock aside (rename is atomic, so of two processes that both saw it stale only one moves it). If
 * what was moved turns out to be a fresh lock another process took in between, it is put back.
 */
function takeOverStale(path: string, stale: LockHolder): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it; try again
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process already holds a new lock; ours stays refused by the next attempt
    }
  }
  unlinkSync(aside);
}
