// npm run bench:logs [-- --log-mb 1024 --runs 15]
// The log viewer at scale, on PostgreSQL (DATABASE_URL's server; the small scale database is
// made when missing): a generated log of --log-mb megabytes streamed to the upload API (time,
// server memory), then the lines API's time to the first screen at the start, the middle and
// the tail of that log and of a 300 KB log of the scale data, the search's time to its first
// match of a text in the first 1 % and its full-scan throughput against `zgrep -ci` over the
// same text gzip'd on disk (both pinned to one core), the server's memory growth throughout,
// and the longest task of a Chromium tab scrolling the big log. Prints Markdown (BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { chromium } from '@playwright/test';
import { Client } from 'pg';
import { parseEnv } from '@/config/env';
import { hashToken } from '@/lib/ingest/ingestion-tokens';
import { BIG_LOGS_EMAIL } from '@/lib/scale/generate-scale';
import { residentMb, stats, type Stats } from './bench/measure';
import { startPanel, type RunningPanel } from './bench/panel-server';
import { ensureScaleDatabase } from './bench/scale-database';
import { runScript, ScriptProblem } from './run-script';

const log = (line: string) => console.error(`[bench:logs] ${line}`);
const EARLY_NEEDLE = 'needle-early-7f3a';
const ABSENT = 'zz-no-such-text-zz';

/** The big log, the same bytes every time: ~100-byte lines, a WARN and an ERROR now and then,
 * and EARLY_NEEDLE once at 0.5 % of the text. Yielded in pieces of about 1 MB. */
function* bigLogPieces(totalBytes: number): Generator<Buffer> {
  let written = 0;
  let line = 0;
  let needlePlaced = false;
  while (written < totalBytes) {
    const parts: string[] = [];
    let size = 0;
    while (size < 1 << 20 && written + size < totalBytes) {
      line++;
      const clock = `2026-11-30T${String(10 + Math.floor(line / 3_600_000) % 10).padStart(2, '0')}:${String(Math.floor(line / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(line / 1000) % 60).padStart(2, '0')}.${String(line % 1000).padStart(3, '0')}Z`;
      const id = ((line * 2654435761) % 4294967296).toString(16).padStart(8, '0');
      let text: string;
      if (!needlePlaced && written + size >= totalBytes * 0.005) {
        text = `${clock} INFO  worker-${line % 8} Contacts: ${EARLY_NEEDLE} seen in record ${id}`;
        needlePlaced = true;
      } else if (line % 200_003 === 0) text = `${clock} ERROR worker-${line % 8} Salesforce rejected record 0015g${id}: "REQUIRED_FIELD_MISSING: Name" (attempt ${line % 3})`;
      else if (line % 50_000 === 0) text = `${clock} WARN  worker-${line % 8} Emails: retrying after HTTP ${[429, 503, 504][line % 3]}, attempt ${line % 4}`;
      else text = `${clock} INFO  worker-${line % 8} ${['Emails', 'Events', 'Contacts', 'Tasks'][line % 4]}: mapped record ${id} (${['create', 'update', 'delete'][line % 3]}) in ${line % 97} ms, step ${line}`;
      parts.push(text, '\n');
      size += text.length + 1;
    }
    const piece = Buffer.from(parts.join(''));
    written += piece.length;
    yield piece;
  }
}

interface Timed {
  ms: number;
  body: Buffer;
}

function get(panel: RunningPanel, urlPath: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(`${panel.baseUrl}${urlPath}`, { agent: false, headers: { cookie: panel.cookie } }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${urlPath} answered ${response.statusCode}: ${Buffer.concat(parts).toString().slice(0, 200)}`));
          else resolve({ ms: performance.now() - started, body: Buffer.concat(parts) });
        });
      })
      .on('error', reject);
  });
}

/** Samples the server's resident memory every 250 ms until stopped; returns the growth over the start. */
function memorySampler(pid: number): () => number {
  const baseline = residentMb(pid);
  let peak = baseline;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentMb(pid));
    } catch {
      // gone
    }
  }, 250);
  return () => {
    clearInterval(timer);
    return peak - baseline;
  };
}

async function upload(panel: RunningPanel, token: string, engineId: string, totalBytes: number): Promise<{ ms: number; facts: { lines: number; sizeBytes: number; firstErrorLine: number | null } }> {
  const started = performance.now();
  const response = await fetch(`${panel.baseUrl}/api/ingest/v1/sessions/${engineId}/log`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body: Readable.toWeb(Readable.from(bigLogPieces(totalBytes))) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  const body = await response.json();
  if (response.status !== 200) throw new ScriptProblem(`the upload answered ${response.status}: ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, facts: body };
}

/** A search request read as it streams: the time to its first match, and where it ended. On a
 * connection of its own: a kept-alive socket the server closed meanwhile would fail it. */
function searchOnce(panel: RunningPanel, sessionId: string, query: string, from: number): Promise<{ firstMatchMs: number | null; totalMs: number; next: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const url = `${panel.baseUrl}/api/sessions/${sessionId}/log/search?${new URLSearchParams({ q: query, from: String(from) })}`;
    http
      .get(url, { agent: false, headers: { cookie: panel.cookie } }, (response) => {
        if (response.statusCode !== 200) return reject(new ScriptProblem(`search answered ${response.statusCode}`));
        let firstMatchMs: number | null = null;
        let next: number | null = null;
        let pending = '';
        response.setEncoding('utf8');
        response.on('data', (part: string) => {
          pending += part;
          let newline = pending.indexOf('\n');
          while (newline !== -1) {
            const event = JSON.parse(pending.slice(0, newline));
            pending = pending.slice(newline + 1);
            if ('end' in event) next = event.next;
            else firstMatchMs ??= performance.now() - started;
            newline = pending.indexOf('\n');
          }
        });
        response.on('end', () => resolve({ firstMatchMs, totalMs: performance.now() - started, next }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function fullScan(panel: RunningPanel, sessionId: string): Promise<{ ms: number; requests: number }> {
  const started = performance.now();
  let from: number | null = 1;
  let requests = 0;
  while (from !== null) {
    requests++;
    from = (await searchOnce(panel, sessionId, ABSENT, from)).next;
  }
  return { ms: performance.now() - started, requests };
}

const pin = (pid: number, cpus: string) => execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });

/** The longest main-thread task of a tab opening the log and scrolling it every way. */
async function scrollInChromium(panel: RunningPanel, sessionId: string): Promise<{ longestMs: number; over50: number; over200: number }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies(panel.cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: panel.baseUrl })));
    const page = await context.newPage();
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${panel.baseUrl}/sessions/${sessionId}/log`);
    const region = page.getByRole('region', { name: 'Log lines' });
    await region.waitFor();
    // Load is not the question: count what happens while scrolling.
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    const box = (await region.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 120; i++) {
      await page.mouse.wheel(0, i % 40 < 30 ? 900 : -600);
      await page.waitForTimeout(25);
    }
    await region.focus();
    for (const key of ['End', 'PageUp', 'PageUp', 'Home', 'PageDown', 'PageDown', 'PageDown']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
    }
    await page.getByRole('button', { name: 'Tail' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: /^First error/ }).click();
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return { longestMs: Math.max(0, ...tasks), over50: tasks.length, over200: tasks.filter((ms) => ms > 200).length };
  } finally {
    await browser.close();
  }
}

const fmt = (s: Stats) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;

runScript(async () => {
  const { values } = parseArgs({ options: { 'log-mb': { type: 'string', default: '1024' }, runs: { type: 'string', default: '15' }, reuse: { type: 'boolean', default: false } } });
  const logBytes = Number(values['log-mb']) * 1024 * 1024;
  const runs = Number(values.runs);
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new ScriptProblem('Set DATABASE_URL to a PostgreSQL server (the scale database is made beside it).');
  const url = await ensureScaleDatabase(serverUrl, 'small', log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-bench-logs-'));
  const client = new Client({ connectionString: url });
  await client.connect();
  // The same text gzip'd on disk for zgrep, written first: its write-back is over by the time
  // anything is timed.
  log('writing the gzip file for zgrep');
  const gz = path.join(dir, 'big.log.gz');
  await pipeline(Readable.from(bigLogPieces(logBytes)), createGzip(), fs.createWriteStream(gz));
  execFileSync('sync');
  const panel = await startPanel(url, log);
  try {
    const pid = panel.serverPid()!;
    const { rows: tenants } = await client.query<{ id: string }>(`select id from tenants where slug = 'scale'`);
    const tenantId = tenants[0]!.id;
    const token = `sap_bench_${Date.now()}`;
    await client.query(`insert into ingestion_tokens (tenant_id, name, token_hash) values ($1, 'bench logs', $2)`, [tenantId, hashToken(token)]);
    const engineId = `bench-log-${logBytes}`;
    const startedAt = new Date(Date.UTC(2026, 10, 30, 10));
    const batch = { sessions: [{ id: engineId, userEmail: BIG_LOGS_EMAIL, startedAt: startedAt.toISOString(), endedAt: new Date(startedAt.getTime() + 3_600_000).toISOString(), status: 'error', errorCategory: 'Validation', errorSource: 'crm', message: 'bench' }] };
    const posted = await fetch(`${panel.baseUrl}/api/ingest/v1/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    if (posted.status !== 200) throw new ScriptProblem(`the batch answered ${posted.status}: ${await posted.text()}`);

    let stopMemory = memorySampler(pid);
    // --reuse: the log a previous run uploaded (its figures are not measured again).
    const { rows: kept } = await client.query<{ line_count: string; size_bytes: string }>(
      `select l.line_count, l.size_bytes from sync_session_logs l join sync_sessions s on s.tenant_id = l.tenant_id and s.id = l.session_id where s.tenant_id = $1 and s.engine_id = $2`,
      [tenantId, engineId],
    );
    const reused = values.reuse && kept[0] ? { ms: Number.NaN, facts: { lines: Number(kept[0].line_count), sizeBytes: Number(kept[0].size_bytes), firstErrorLine: null } } : null;
    if (!reused) log(`uploading a ${values['log-mb']} MB log`);
    const uploaded = reused ?? (await upload(panel, token, engineId, logBytes));
    const uploadGrowth = stopMemory();
    // The previous run's upload of this session was replaced whole: what the database keeps is one log.
    log(`uploaded in ${(uploaded.ms / 1000).toFixed(1)} s: ${uploaded.facts.lines} lines`);
    const { rows: sessions } = await client.query<{ id: string }>(`select id from sync_sessions where tenant_id = $1 and engine_id = $2`, [tenantId, engineId]);
    const bigId = sessions[0]!.id;
    const { rows: small } = await client.query<{ session_id: string; line_count: string; size_bytes: string }>(
      `select l.session_id, l.line_count, l.size_bytes from sync_session_logs l join sync_sessions s on s.tenant_id = l.tenant_id and s.id = l.session_id
       join users u on u.tenant_id = s.tenant_id and u.id = s.user_id where u.email = $1 and l.size_bytes = 300000 limit 1`,
      [BIG_LOGS_EMAIL],
    );
    if (!small[0]) throw new ScriptProblem('no 300 KB log in the scale database');
    const smallId = small[0].session_id;
    const smallLines = Number(small[0].line_count);

    // What the upload left to PostgreSQL (the replaced upload's rows to vacuum, its WAL to write
    // out) is done before the reads are timed: they measure the viewer, not the aftermath.
    await client.query('checkpoint');
    await client.query('vacuum sync_session_log_chunks');
    log('reading the first screen of lines');
    stopMemory = memorySampler(pid);
    const screens: { label: string; path: string }[] = [
      { label: `${values['log-mb']} MB log, start`, path: `/api/sessions/${bigId}/log/lines?from=1&count=200` },
      { label: `${values['log-mb']} MB log, middle`, path: `/api/sessions/${bigId}/log/lines?from=${Math.floor(uploaded.facts.lines / 2)}&count=200` },
      { label: `${values['log-mb']} MB log, tail`, path: `/api/sessions/${bigId}/log/lines?tail=200` },
      { label: '300 KB log, start', path: `/api/sessions/${smallId}/log/lines?from=1&count=200` },
      { label: '300 KB log, middle', path: `/api/sessions/${smallId}/log/lines?from=${Math.floor(smallLines / 2)}&count=200` },
      { label: '300 KB log, tail', path: `/api/sessions/${smallId}/log/lines?tail=200` },
    ];
    const samples = screens.map(() => [] as number[]);
    for (let i = 0; i < 3; i++) for (const screen of screens) await get(panel, screen.path);
    for (let i = 0; i < runs; i++) for (const [index, screen] of screens.entries()) samples[index]!.push((await get(panel, screen.path)).ms);
    const lineStats = samples.map(stats);
    const linesGrowth = stopMemory();

    log('searching');
    stopMemory = memorySampler(pid);
    const firstMatch = [] as number[];
    for (let i = 0; i < 5; i++) firstMatch.push((await searchOnce(panel, bigId, EARLY_NEEDLE, 1)).firstMatchMs ?? Number.NaN);
    pin(pid, '0');
    const coldScan = await fullScan(panel, bigId);
    const scans: number[] = [];
    let scanRequests = 0;
    const zgreps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const scan = await fullScan(panel, bigId);
      scans.push(scan.ms);
      scanRequests = scan.requests;
      const started = performance.now();
      try {
        execFileSync('taskset', ['-c', '0', 'zgrep', '-ci', ABSENT, gz], { stdio: 'ignore' });
      } catch {
        // zgrep exits 1 when nothing matches: that is the point
      }
      zgreps.push(performance.now() - started);
    }
    pin(pid, '0-1');
    const searchGrowth = stopMemory();
    const scanMs = stats(scans).median;
    const zgrepMs = stats(zgreps).median;
    const mbPerS = (ms: number) => logBytes / 1024 / 1024 / (ms / 1000);

    log('scrolling in Chromium');
    const scrolling = await scrollInChromium(panel, bigId);

    const lines = [
      `### Log viewer (${values['log-mb']} MB log of ${uploaded.facts.lines.toLocaleString('en-US')} lines; 300 KB log of ${smallLines.toLocaleString('en-US')} lines; ${runs} runs)`,
      '',
      '| measure | figure | target |',
      '|---|---|---|',
      `| upload of the ${values['log-mb']} MB log (plain, streamed) | ${(uploaded.ms / 1000).toFixed(1)} s (${mbPerS(uploaded.ms).toFixed(0)} MB/s), server memory +${uploadGrowth.toFixed(0)} MB | memory < 64 MB |`,
      ...screens.map((screen, i) => `| first screen (200 lines), ${screen.label}: median / p95 | ${fmt(lineStats[i]!)} ms | < 150 ms |`),
      `| worst ratio ${values['log-mb']} MB ÷ 300 KB (medians, same place) | ${Math.max(...[0, 1, 2].map((i) => lineStats[i]!.median / lineStats[i + 3]!.median)).toFixed(2)} | ≤ 1.5 |`,
      `| server memory growth while reading lines | +${linesGrowth.toFixed(0)} MB | < 64 MB |`,
      `| search, first match of a text at 0.5 % of the log: median / p95 of 5 | ${fmt(stats(firstMatch))} ms | < 300 ms |`,
      `| full scan, no match, server pinned to one core: the first (the log's pages not yet in memory) | ${(coldScan.ms / 1000).toFixed(1)} s = ${mbPerS(coldScan.ms).toFixed(0)} MB/s | |`,
      `| full scan, no match (${scanRequests} requests), server pinned to one core: median of 3 more | ${(scanMs / 1000).toFixed(1)} s = ${mbPerS(scanMs).toFixed(0)} MB/s | ≥ 0.8 × zgrep |`,
      `| \`taskset -c 0 zgrep -ci\` of the same text gzip'd | ${(zgrepMs / 1000).toFixed(1)} s = ${mbPerS(zgrepMs).toFixed(0)} MB/s; panel ÷ zgrep = ${(zgrepMs / scanMs).toFixed(2)} | |`,
      `| server memory growth while searching | +${searchGrowth.toFixed(0)} MB | < 64 MB |`,
      `| Chromium, scrolling the ${values['log-mb']} MB log (wheel, keys, Tail, First error): longest task | ${scrolling.longestMs.toFixed(0)} ms (${scrolling.over50} over 50 ms, ${scrolling.over200} over 200 ms) | none over 200 ms |`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await panel.stop();
    await client.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
