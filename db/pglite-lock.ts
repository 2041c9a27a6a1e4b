// PGlite has no lock of its own: two processes on one data directory silently lose
// committed rows. One process holds the directory; a second is refused with the holder named.
import fs from 'node:fs';
import os from 'node:os';

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database is in use by process ${owner.pid} (${owner.command}, since ${owner.since}). ` +
        `Only one process may open it: stop that process first, or set DATABASE_URL to use a PostgreSQL server. ` +
        `Lock file: ${lockPath}`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DataDirLockedError; returns the function that releases it. */
export function acquireDataDirLock(lockPath: string): () => void {
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1, 3).join(' ') || 'node',
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner && owner.pid !== process.pid && owner.host === me.host && isAlive(owner.pid)) {
        throw new DataDirLockedError(lockPath, owner);
      }
      if (owner && owner.pid === process.pid) {
        throw new DataDirLockedError(lockPath, owner);
      }
      // A lock left by a process that has ended (or a torn file): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
