// npm run bench:cluster [-- --duration 20 --runs 3 --connections 10]
// The local cluster (npm run cluster) under load, loopback only and bounded in time:
// 1. pages/s and latency through HAProxy with two instances, then with one (the other stopped
//    by SIGTERM): autocannon on the users and profiles lists, a user's statistics and the
//    overview; each figure the median of the runs and their spread;
// 2. a list page's latency (requested one after the other) while two clients download a
//    profile's statistics CSV again and again: with the replica serving lists and exports, and
//    with the replica stopped (everything on the primary); and with no download as the baseline.
// Prints Markdown tables (BENCHMARKS.md). On two cores no gain from a second instance or the
// replica is expected: they share the same cores; the tables show the spread and that nothing fails.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { Client } from 'pg';
import { startLocalCluster, type LocalCluster } from './cluster/local-cluster';
import { stopProcess } from './cluster/processes';
import { stats } from './bench/measure';
import { runScript } from './run-script';

const log = (line: string) => console.error(`[bench:cluster] ${line}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

async function signIn(cluster: LocalCluster): Promise<string> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${cluster.url}/`);
    await page.getByRole('button', { name: 'Sign in with Demo SSO' }).click();
    await page.getByLabel('Email').fill('admin@acme.test');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === cluster.url && !url.pathname.startsWith('/login'));
    return (await context.cookies(cluster.url)).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

async function targets(cluster: LocalCluster): Promise<{ userId: string; profileId: string }> {
  const client = new Client({ connectionString: cluster.primaryUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ user_id: string; profile_id: string }>(
      `select u.id as user_id, p.id as profile_id from users u join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
        join tenants t on t.id = u.tenant_id where t.slug = 'acme' and p.name = 'Sales' order by u.email limit 1`,
    );
    return { userId: rows[0]!.user_id, profileId: rows[0]!.profile_id };
  } finally {
    await client.end();
  }
}

interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, cookie: string, paths: string[], connections: number, duration: number): Promise<LoadRun> {
  const result = await autocannon({ url, connections, duration, timeout: 30, headers: { cookie }, requests: paths.map((path) => ({ method: 'GET' as const, path })) });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

function loadRow(label: string, runs: LoadRun[]): string {
  const rps = runs.map((r) => r.rps);
  const p50 = runs.map((r) => r.p50);
  const p99 = runs.map((r) => r.p99);
  return `| ${label} | ${median(rps).toFixed(1)} (${spread(rps, 1)}) | ${median(p50)} ms (${spread(p50)}) | ${median(p99)} ms (${spread(p99)}) | ${runs.map((r) => r.non2xx).join(', ')} / ${runs.map((r) => r.errors).join(', ')} |`;
}

/** A page's latency, requested one after the other `count` times, while `downloaders` clients download `exportPath` in a loop. */
async function pageLatencyDuringExports(cluster: LocalCluster, cookie: string, pagePath: string, exportPath: string, downloaders: number, count: number) {
  let stopped = false;
  let exportBytes = 0;
  let exportsDone = 0;
  let failures = 0;
  let downloadFailures = 0;
  const startedAt = Date.now();
  const loops = Array.from({ length: downloaders }, async () => {
    while (!stopped) {
      const response = await fetch(`${cluster.url}${exportPath}`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) {
        downloadFailures += 1;
        continue;
      }
      exportBytes += bytes;
      exportsDone += 1;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, downloaders > 0 ? 2_000 : 0));
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await fetch(`${cluster.url}${pagePath}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) failures += 1;
    samples.push(performance.now() - t0);
  }
  stopped = true;
  await Promise.all(loops);
  const seconds = (Date.now() - startedAt) / 1000;
  return { ...stats(samples), exportsDone, exportMbPerSecond: exportBytes / 1024 / 1024 / seconds, failures, downloadFailures };
}

runScript(async () => {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '20' }, runs: { type: 'string', default: '3' }, connections: { type: 'string', default: '10' } } });
  const duration = Number(values.duration);
  const runs = Number(values.runs);
  const connections = Number(values.connections);
  const cluster = await startLocalCluster({ log });
  try {
    const cookie = await signIn(cluster);
    const { userId, profileId } = await targets(cluster);
    const paths = ['/users', '/profiles', `/users/${userId}/statistics`, '/'];
    // Warm both instances (first renders compile and fill caches).
    await load(cluster.url, cookie, paths, 4, 5);

    const two: LoadRun[] = [];
    for (let i = 0; i < runs; i++) two.push(await load(cluster.url, cookie, paths, connections, duration));
    log(`two instances: ${JSON.stringify(two)}`);

    const exportPath = `/api/profiles/${profileId}/statistics.csv`;
    const baseline = await pageLatencyDuringExports(cluster, cookie, '/users', exportPath, 0, 60);
    // Two downloads at once: one admin's limit on an instance (DOWNLOADS_PER_ADMIN).
    const withReplica = await pageLatencyDuringExports(cluster, cookie, '/users', exportPath, 2, 60);
    cluster.stopReplica();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const withoutReplica = await pageLatencyDuringExports(cluster, cookie, '/users', exportPath, 2, 60);
    await cluster.startReplica();

    const app2 = cluster.instances.find((i) => i.name === 'app2')!;
    await stopProcess(app2.process, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const one: LoadRun[] = [];
    for (let i = 0; i < runs; i++) one.push(await load(cluster.url, cookie, paths, connections, duration));
    log(`one instance: ${JSON.stringify(one)}`);

    console.log(`\n### Through HAProxy, ${connections} connections, ${duration} s, ${runs} runs (median (spread))\n`);
    console.log('| instances | pages/s | p50 | p99 | non-2xx / errors per run |');
    console.log('|---|---|---|---|---|');
    console.log(loadRow('two', two));
    console.log(loadRow('one (the other stopped by SIGTERM)', one));
    console.log(`\n### The users list (60 requests one after the other) while 2 clients download a profile's statistics CSV in a loop\n`);
    console.log('| case | median | p95 | CSV downloads done (MB/s) | failed pages / downloads |');
    console.log('|---|---|---|---|---|');
    const row = (label: string, r: Awaited<ReturnType<typeof pageLatencyDuringExports>>) =>
      console.log(`| ${label} | ${r.median.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.exportsDone} (${r.exportMbPerSecond.toFixed(1)}) | ${r.failures} / ${r.downloadFailures} |`);
    row('no download (baseline)', baseline);
    row('downloads, with the replica', withReplica);
    row('downloads, replica stopped (all on the primary)', withoutReplica);
  } finally {
    await cluster.stop();
  }
});
