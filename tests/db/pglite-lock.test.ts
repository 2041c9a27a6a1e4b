import { execFile, spawn } from 'node:child_process';
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

interface Outcome {
  code: number | null;
  output: string;
}

function runFixture(fixture: string, dataDir: string, extraEnv: Record<string, string> = {}, onOutput: (output: string) => void = () => {}) {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', `tests/support/fixtures/${fixture}`], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DATA_DIR_LOCK_HOLDER: '', ...extraEnv },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
    onOutput(output);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return Object.assign(new Promise<Outcome>((resolve) => child.on('exit', (code) => resolve({ code, output }))), { child });
}

/** What `npm start` does with the database (start-like.ts). */
const startLike = (dataDir: string) => runFixture('start-like.ts', dataDir);

describe('two starts on one embedded database', () => {
  it('let no other process in while the start hands the database over to its server', async () => {
    const dataDir = tempDir();
    const other = runFixture('keep-trying.ts', dataDir, { TRY_MS: '30000' });
    // Once the server serves, it holds the lock: the hand-over is over, the other process stops
    // trying (it would take the lock legitimately after the server has ended).
    const start = runFixture('start-like.ts', dataDir, {}, (output) => {
      if (/serving \d+/.test(output)) other.child.kill('SIGTERM');
    });
    const [started, tried] = await Promise.all([start, other]);
    expect(started.output).toMatch(/serving \d+/);
    expect(started.code).toBe(0);
    expect(tried.output).toMatch(/refused all \d+ attempts/);
  }, 60_000);

  // The second start comes at once, or while the first one is starting.
  it.each([0, 1_400])('lets one serve and refuses the other, which exits (second start after %i ms)', async (delay) => {
    const dataDir = tempDir();
    const first = startLike(dataDir);
    await new Promise((resolve) => setTimeout(resolve, delay));
    const second = startLike(dataDir);
    const outcomes = await Promise.all([first, second]);
    const serving = outcomes.filter((o) => o.code === 0 && /serving \d+/.test(o.output));
    const refused = outcomes.filter((o) => o.code === 1 && o.output.includes('The embedded database is in use by process'));
    expect(serving, outcomes.map((o) => o.output).join('\n---\n')).toHaveLength(1);
    expect(refused, outcomes.map((o) => o.output).join('\n---\n')).toHaveLength(1);
  }, 60_000);
});

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
