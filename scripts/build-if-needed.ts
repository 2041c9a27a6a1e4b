// Builds the Next.js app when the sources changed since the last build (or it never ran).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// What `next build` reads (tests/shell/build-fingerprint.test.ts checks that every top-level
// entry is here or named as not part of the build).
export const BUILD_SOURCES = ['app', 'components', 'lib', 'db', 'domain', 'config', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'tsconfig.json', 'tsconfig.app.json', 'package-lock.json'];
const FINGERPRINT_FILE = path.join('.next', 'source-fingerprint');

function hashTree(hash: ReturnType<typeof createHash>, entry: string): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(entry).sort()) hashTree(hash, path.join(entry, child));
  } else {
    hash.update(entry).update(fs.readFileSync(entry));
  }
}

export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  for (const source of BUILD_SOURCES) hashTree(hash, source);
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  return (
    fs.existsSync(path.join('.next', 'BUILD_ID')) &&
    fs.existsSync(FINGERPRINT_FILE) &&
    fs.readFileSync(FINGERPRINT_FILE, 'utf8') === sourceFingerprint()
  );
}

export async function buildIfNeeded(log: (message: string) => void): Promise<void> {
  if (isBuildCurrent()) return;
  const fingerprint = sourceFingerprint();
  log('Building the app (first start or changed sources)...');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code})`))));
  });
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
}
