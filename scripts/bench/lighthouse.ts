// Lighthouse (pinned 12.2.3: the last to run on Node 20) on one page of the running panel, in
// Debian's Chromium, signed in by the session cookie: desktop and mobile (Lighthouse's default,
// a throttled mid-range phone) scores and total blocking time. Its CLI runs in a plain Node
// process: under tsx the functions it sends into the page carry helpers the page lacks.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  totalBlockingTimeMs: number;
}

const CLI = path.join(process.cwd(), 'node_modules', 'lighthouse', 'cli', 'index.js');

async function run(url: string, cookie: string, formFactor: 'desktop' | 'mobile'): Promise<LighthouseScores> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      CLI,
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices',
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking',
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  );
  const { categories, audits } = JSON.parse(stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    totalBlockingTimeMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
  };
}

export async function lighthouseScores(url: string, cookie: string): Promise<{ desktop: LighthouseScores; mobile: LighthouseScores }> {
  return { desktop: await run(url, cookie, 'desktop'), mobile: await run(url, cookie, 'mobile') };
}
