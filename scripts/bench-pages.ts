// npm run bench:pages [-- --size small --runs 100 --no-lighthouse]
// What each list page weighs, signed in as the scale tenant's platform admin: the HTML of the
// page (and gzip-compressed, as `next start` sends it), the RSC payload of a client navigation
// to it, the server CPU time per render (each page alone, `--runs` requests, after a warm-up of
// all pages and before any browser runs), the JavaScript a browser loads for it (transferred and parsed, from Chromium), and
// Lighthouse's desktop and mobile scores with total blocking time. Loopback only, bounded.
// Prints a Markdown table (BENCHMARKS.md, "Page weight").
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { parseEnv } from '@/config/env';
import { findTargets } from './bench/bench-targets';
import { lighthouseScores, type LighthouseScores } from './bench/lighthouse';
import { cpuPerPage } from './bench/measure';
import { startPanel, type RunningPanel } from './bench/panel-server';
import { ensureScaleDatabase, type Size } from './bench/scale-database';
import { runScript } from './run-script';

const log = (line: string) => console.error(`[bench:pages] ${line}`);

type Cookie = Parameters<BrowserContext['addCookies']>[0][number];

interface PageWeight {
  htmlBytes: number;
  htmlGzipBytes: number;
  rscBytes: number;
  cpuMs: number;
  scriptTransferredBytes: number;
  scriptParsedBytes: number;
  desktop: LighthouseScores | null;
  mobile: LighthouseScores | null;
}

async function bodyOf(panel: RunningPanel, path: string, headers: Record<string, string> = {}): Promise<Buffer> {
  // An RSC request is sent on to its cache-busting `_rsc=` address first: follow it, headers kept.
  const response = await fetch(`${panel.baseUrl}${path}`, { headers: { cookie: panel.cookie, ...headers }, redirect: headers.RSC ? 'follow' : 'manual' });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  if (headers.RSC && !response.headers.get('content-type')?.startsWith('text/x-component')) throw new Error(`${path} did not answer with an RSC payload`);
  return Buffer.from(await response.arrayBuffer());
}

/** The scripts a browser loads for the page, with an empty cache (a context of its own): bytes on the wire and parsed. */
async function scriptsOf(browser: Browser, cookies: Cookie[], url: string): Promise<{ transferred: number; parsed: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const scripts: Promise<{ transferred: number; parsed: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push((async () => ({ transferred: (await response.request().sizes()).responseBodySize, parsed: (await response.body()).byteLength }))());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  const all = await Promise.all(scripts);
  return { transferred: all.reduce((sum, s) => sum + s.transferred, 0), parsed: all.reduce((sum, s) => sum + s.parsed, 0) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const scores = (s: LighthouseScores | null) => (s ? `${s.performance} / ${s.accessibility} / ${s.bestPractices}, TBT ${s.totalBlockingTimeMs} ms` : '—');

runScript(async () => {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'small' }, runs: { type: 'string', default: '100' }, 'no-lighthouse': { type: 'boolean', default: false } } });
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server: the benchmark uses a scale database beside it.');
  const url = await ensureScaleDatabase(serverUrl, values.size as Size, log);
  const t = await findTargets(url);
  const pages: [string, string][] = [
    ['users', '/users'],
    ['profiles', '/profiles'],
    ['user statistics', `/users/${t.userId}/statistics`],
    ['profile statistics', `/profiles/${t.bigProfileId}/statistics`],
    ['user sync issues', `/users/${t.issueUserId}/sync-issues`],
    ['overview', '/'],
  ];
  const panel = await startPanel(url, log);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const cookies: Cookie[] = panel.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: panel.baseUrl };
    });
    // The server side first, every page, before any browser runs beside it: each page is
    // requested 20 times round the list first (a server that has run a while has compiled its
    // code; the first page measured would otherwise pay for the warm-up of all).
    for (let round = 0; round < 20; round++) for (const [, path] of pages) await bodyOf(panel, path);
    const serverSide = new Map<string, { html: Buffer; rsc: Buffer; cpuMs: number }>();
    for (const [name, path] of pages) {
      const html = await bodyOf(panel, path);
      // What a client navigation fetches: the page's RSC payload (the `RSC: 1` request of Next's router).
      const rsc = await bodyOf(panel, path, { RSC: '1' });
      const { cpuMs } = await cpuPerPage(panel, path, Number(values.runs));
      serverSide.set(name, { html, rsc, cpuMs });
    }
    const results: [string, PageWeight][] = [];
    for (const [name, path] of pages) {
      const { html, rsc, cpuMs } = serverSide.get(name)!;
      const scripts = await scriptsOf(browser, cookies, `${panel.baseUrl}${path}`);
      const lighthouse = values['no-lighthouse'] ? null : await lighthouseScores(`${panel.baseUrl}${path}`, panel.cookie);
      const weight: PageWeight = {
        htmlBytes: html.byteLength,
        htmlGzipBytes: gzipSync(html).byteLength,
        rscBytes: rsc.byteLength,
        cpuMs,
        scriptTransferredBytes: scripts.transferred,
        scriptParsedBytes: scripts.parsed,
        desktop: lighthouse?.desktop ?? null,
        mobile: lighthouse?.mobile ?? null,
      };
      log(`${name}: ${JSON.stringify(weight)}`);
      results.push([name, weight]);
    }
    console.log(`\n### Page weight (${values.size} scale, 25 rows a page; CPU: ${values.runs} requests after 20 rounds of all pages and 10 of the page to warm up, before any browser ran)\n`);
    console.log('| page | HTML (gzip) | RSC payload | server CPU per render | JavaScript transferred (parsed) | Lighthouse desktop: performance / accessibility / best practices | Lighthouse mobile |');
    console.log('|---|---:|---:|---:|---:|---|---|');
    for (const [name, w] of results) {
      console.log(
        `| ${name} | ${kb(w.htmlBytes)} (${kb(w.htmlGzipBytes)}) | ${kb(w.rscBytes)} | ${w.cpuMs.toFixed(1)} ms | ${kb(w.scriptTransferredBytes)} (${kb(w.scriptParsedBytes)}) | ${scores(w.desktop)} | ${scores(w.mobile)} |`,
      );
    }
  } finally {
    await browser.close();
    await panel.stop();
  }
});
