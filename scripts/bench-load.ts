// npm run bench:load [-- --size small|large --connections 10,50 --duration 30 --runs 3]
// Load on the panel, loopback only and bounded in time: the users list, a user's and a profile's
// statistics and the overview requested by autocannon at each number of connections, while an
// engine posts small batches and an admin downloads a CSV, one after the other. Per run: pages/s,
// p50 and p99, non-2xx answers, the server's peak resident memory, the most requests waiting for
// a pages-pool connection, the batches and downloads done; each figure as the median of the runs
// and its spread. Then the server CPU time per page, each page requested alone 100 times.
// Prints Markdown tables (BENCHMARKS.md).
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { hashToken } from '@/lib/ingest/ingestion-tokens';
import { parseEnv } from '@/config/env';
import { cpuPerPage, residentMb } from './bench/measure';
import { startPanel, type RunningPanel } from './bench/panel-server';
import { ensureScaleDatabase, type Size } from './bench/scale-database';
import { runScript } from './run-script';

const log = (line: string) => console.error(`[bench:load] ${line}`);

interface Targets {
  tenantId: string;
  userId: string;
  profileId: string;
  userEmail: string;
  token: string;
}

async function prepareTargets(url: string): Promise<Targets> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <Row>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0] as Row;
    const { id: tenantId } = await one<{ id: string }>(`select id from tenants where slug = 'scale'`);
    const { id: profileId } = await one<{ id: string }>(`select id from profiles where tenant_id = $1 and engine_id = 'p0'`, [tenantId]);
    const user = await one<{ id: string; email: string }>(`select id, email from users where tenant_id = $1 and email = 'user9001@scale.test'`, [tenantId]);
    // A token of its own for the engine's batches, removed at the end.
    const token = `sap_bench_${randomBytes(24).toString('base64url')}`;
    await client.query(`insert into ingestion_tokens (tenant_id, name, token_hash) values ($1, 'bench:load', $2)`, [tenantId, hashToken(token)]);
    return { tenantId, userId: user.id, profileId, userEmail: user.email, token };
  } finally {
    await client.end();
  }
}

async function removeToken(url: string, token: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`delete from ingestion_tokens where token_hash = $1`, [hashToken(token)]).finally(() => client.end());
}


const pagePaths = (t: Targets) => ({
  'users list': '/users',
  'user statistics': `/users/${t.userId}/statistics`,
  'profile statistics': `/profiles/${t.profileId}/statistics`,
  overview: '/',
});

interface RunFigures {
  pagesPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  peakRssMb: number;
  peakPoolWaiting: number;
  batches: number;
  batchFailures: number;
  downloads: number;
  downloadFailures: number;
}

/** Until `stop` resolves: the engine's batches, one after the other, every 200 ms. */
async function engineLoop(panel: RunningPanel, t: Targets, stop: { stopped: boolean }, out: { ok: number; failed: number }) {
  let n = 0;
  while (!stop.stopped) {
    const sessions = Array.from({ length: 20 }, (_, i) => ({
      id: `load-${Date.now()}-${n}-${i}`,
      userEmail: t.userEmail,
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      endedAt: new Date().toISOString(),
      status: i % 10 === 0 ? 'error' : 'success',
      errorCategory: i % 10 === 0 ? 'Throttling' : null,
      scope: 10,
      changes: 1,
      issues: 0,
      log: 'INFO bench:load\n'.repeat(64),
    }));
    n++;
    const response = await fetch(`${panel.baseUrl}/api/ingest/v1/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessions }),
    }).catch(() => null);
    await response?.arrayBuffer();
    if (response?.ok) out.ok++;
    else out.failed++;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Until `stop` resolves: an admin downloading the user's sessions as CSV, one after the other. */
async function downloadLoop(panel: RunningPanel, t: Targets, stop: { stopped: boolean }, out: { ok: number; failed: number }) {
  while (!stop.stopped) {
    const response = await fetch(`${panel.baseUrl}/api/users/${t.userId}/statistics.csv`, { headers: { cookie: panel.cookie } }).catch(() => null);
    const body = await response?.arrayBuffer().catch(() => null);
    if (response?.ok && body) out.ok++;
    else out.failed++;
  }
}

async function loadRun(panel: RunningPanel, t: Targets, connections: number, durationSeconds: number): Promise<RunFigures> {
  const pid = panel.serverPid()!;
  const stop = { stopped: false };
  const batches = { ok: 0, failed: 0 };
  const downloads = { ok: 0, failed: 0 };
  let peakRssMb = residentMb(pid);
  let peakPoolWaiting = 0;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, residentMb(pid));
    void fetch(`${panel.baseUrl}/api/health`)
      .then((r) => r.json() as Promise<{ load?: { pools?: { pages: { waiting: number } } } }>)
      .then((health) => (peakPoolWaiting = Math.max(peakPoolWaiting, health.load?.pools?.pages.waiting ?? 0)))
      .catch(() => {});
  }, 500);
  const background = [engineLoop(panel, t, stop, batches), downloadLoop(panel, t, stop, downloads)];
  const result = await autocannon({
    url: panel.baseUrl,
    connections,
    duration: durationSeconds,
    timeout: 30,
    headers: { cookie: panel.cookie },
    requests: Object.values(pagePaths(t)).map((path) => ({ method: 'GET' as const, path })),
  });
  stop.stopped = true;
  clearInterval(sampler);
  await Promise.all(background);
  return {
    pagesPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRssMb,
    peakPoolWaiting,
    batches: batches.ok,
    batchFailures: batches.failed,
    downloads: downloads.ok,
    downloadFailures: downloads.failed,
  };
}


const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

runScript(async () => {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'small' },
      connections: { type: 'string', default: '10,50' },
      duration: { type: 'string', default: '30' },
      runs: { type: 'string', default: '3' },
    },
  });
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server: the benchmark uses a scale database beside it.');
  const url = await ensureScaleDatabase(serverUrl, values.size as Size, log);
  const targets = await prepareTargets(url);
  const panel = await startPanel(url, log);
  try {
    console.log(`\n### Server CPU per page (${values.size} scale; each page alone, 100 requests after 10 to warm up)\n`);
    console.log('| page | server CPU per request | wall time per request | HTML bytes |\n|---|---|---|---|');
    for (const [name, path] of Object.entries(pagePaths(targets))) {
      const figures = await cpuPerPage(panel, path, 100);
      console.log(`| ${name} | ${figures.cpuMs.toFixed(1)} ms | ${figures.wallMs.toFixed(1)} ms | ${figures.bytes.toLocaleString('en-US')} |`);
    }
    const runs = Number(values.runs);
    const duration = Number(values.duration);
    console.log(`\n### Under load (${values.size} scale; the four pages round-robin for ${duration} s, with an engine posting 20-session batches every 200 ms and an admin downloading a CSV after another; median of ${runs} runs, spread in brackets)\n`);
    console.log('| connections | pages/s | p50 | p99 | non-2xx / errors | peak RSS | most waiting for a connection | batches (failed) | downloads (failed) |\n|---|---|---|---|---|---|---|---|---|');
    for (const connections of values.connections.split(',').map(Number)) {
      const all: RunFigures[] = [];
      for (let run = 0; run < runs; run++) {
        all.push(await loadRun(panel, targets, connections, duration));
        log(`${connections} connections, run ${run + 1}: ${JSON.stringify(all.at(-1))}`);
      }
      const pick = (key: keyof RunFigures) => all.map((figures) => figures[key]);
      console.log(
        `| ${connections} | ${median(pick('pagesPerSecond')).toFixed(1)} (${spread(pick('pagesPerSecond'), 1)}) | ${median(pick('p50'))} ms (${spread(pick('p50'))}) | ${median(pick('p99'))} ms (${spread(pick('p99'))}) | ${pick('non2xx').join(', ')} / ${pick('errors').join(', ')} | ${median(pick('peakRssMb')).toFixed(0)} MB (${spread(pick('peakRssMb'))}) | ${pick('peakPoolWaiting').join(', ')} | ${pick('batches').join(', ')} (${pick('batchFailures').join(', ')}) | ${pick('downloads').join(', ')} (${pick('downloadFailures').join(', ')}) |`,
      );
    }
  } finally {
    await panel.stop();
    await removeToken(url, targets.token);
  }
});
