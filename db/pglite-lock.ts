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

function holdLock(lockPath: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return release;
}

/**
 * Creates the lock file whole or not at all (EEXIST): the owner is written to a file of this
 * process's own, then linked to the lock's name. A lock created empty and written after (`wx`)
 * could be read torn by another process in between, taken for a dead one's and taken over.
 */
function claimLock(lockPath: string, me: LockOwner): void {
  const claim = `${lockPath}.${process.pid}.claim`;
  fs.writeFileSync(claim, JSON.stringify(me));
  try {
    fs.linkSync(claim, lockPath);
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

/**
 * Takes the lock or throws DataDirLockedError; returns the function that releases it.
 * adoptFrom: the pid of the process that holds the lock for this one (`npm start` keeps it
 * while it hands the database over to the server it spawned, so that no other process can
 * slip in between); the lock passes to this process in one atomic rename.
 */
export function acquireDataDirLock(lockPath: string, { adoptFrom }: { adoptFrom?: number } = {}): () => void {
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1, 3).join(' ') || 'node',
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      claimLock(lockPath, me);
      return holdLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (adoptFrom !== undefined && owner?.pid === adoptFrom && owner.host === me.host) {
        const handedOver = `${lockPath}.${process.pid}`;
        fs.writeFileSync(handedOver, JSON.stringify(me));
        fs.renameSync(handedOver, lockPath);
        return holdLock(lockPath);
      }
      if (owner && owner.pid !== process.pid && owner.host === me.host && isAlive(owner.pid)) {
        throw new DataDirLockedError(lockPath, owner);
      }
      if (owner && owner.pid === process.pid) {
        throw new DataDirLockedError(lockPath, owner);
      }
      // A lock left by a process that has ended (or unreadable): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
