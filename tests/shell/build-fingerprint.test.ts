// `npm start` builds again only when what the build reads changed: a top-level file or folder
// left out of its fingerprint (instrumentation.ts was) would let a changed app run on an old build.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_SOURCES } from '@/scripts/build-if-needed';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Not read by `next build`: tooling, tests and documents.
const NOT_BUILT = new Set(['README.md', 'BENCHMARKS.md', 'docs', 'tests', 'scripts', 'package.json', 'drizzle.config.ts', 'vitest.config.mts', 'playwright.config.ts', 'playwright.cluster.config.ts', 'next-env.d.ts']);

describe('the build fingerprint', () => {
  it('covers every top-level entry that the build reads', () => {
    // The repository's own files (not local state such as a data directory or test results).
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const entries = [...new Set(tracked.map((file) => file.split('/')[0]!))].filter((name) => !name.startsWith('.'));
    const unaccounted = entries.filter((name) => !BUILD_SOURCES.includes(name) && !NOT_BUILT.has(name));
    expect(unaccounted).toEqual([]);
  });
});
