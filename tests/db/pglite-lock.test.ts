import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { acquireDataDirLock, DataDirLockedError } from '@/db/pglite-lock';

const run = promisify(execFile);
const tempDirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-lock-'));
  tempDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function openFromAnotherProcess(dataDir: string): Promise<string> {
  const { stdout } = await run(
    path.resolve('node_modules/.bin/tsx'),
    ['--conditions=react-server', 'tests/support/fixtures/open-data-dir.ts'],
    { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
  );
  return stdout.trim();
}

describe('embedded database lock', () => {
  it('refuses a second process while the first holds the data directory, naming the holder', async () => {
    const dataDir = tempDir();
    const handle = openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const answer = await openFromAnotherProcess(dataDir);
      expect(answer).toContain('refused: The embedded database is in use by process');
      expect(answer).toContain(String(process.pid));
    } finally {
      await handle.close();
    }
    expect(await openFromAnotherProcess(dataDir)).toBe('opened');
  });

  it('takes over a lock left behind by a process that has ended', () => {
    const lockPath = path.join(tempDir(), 'pglite.lock');
    fs.writeFileSync(lockPath, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'gone', since: 'earlier' }));
    const release = acquireDataDirLock(lockPath);
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('refuses the same process opening it twice', () => {
    const lockPath = path.join(tempDir(), 'pglite.lock');
    const release = acquireDataDirLock(lockPath);
    expect(() => acquireDataDirLock(lockPath)).toThrow(DataDirLockedError);
    release();
  });
});
