// npm run bench [-- --sizes small,large --runs 15]
// Measures the panel on the scale databases (`npm run scale -- --size <size> --keep` makes
// them; a missing one is generated first): page server times at each size and their ratio,
// the CSV export of a million sessions against `psql \copy` of the same SELECT, the ZIP of
// 1,000 logs of 300 KB against `zip -q` of the same files, the server's memory growth during
// each download and its time to first byte. Prints Markdown tables (see BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { Client } from 'pg';
import { inlineQuery } from '@/db/copy-out';
import type { TenantViewer } from '@/lib/auth/viewer';
import { sessionsCsvSelect } from '@/lib/exports/sessions-csv-copy';
import { parseEnv } from '@/config/env';
import { measureDownload, measurePagesAlternately, type DownloadMeasure, type Stats } from './bench/measure';
import { findTargets, pages, type Targets } from './bench/bench-targets';
import { startPanel } from './bench/panel-server';
import { ensureScaleDatabase, type Size } from './bench/scale-database';
import { runScript } from './run-script';

const log = (line: string) => console.error(`[bench] ${line}`);

// psql's baselines: the export's own SELECT (lib/exports/sessions-csv-copy.ts, with its labels,
// ISO times and neutralization), and the bare columns of the same rows (PostgreSQL's floor).
const exportViewer = (t: Targets): TenantViewer => ({
  adminId: '00000000-0000-4000-8000-000000000000',
  email: 'bench@scale.test',
  name: 'Bench',
  role: 'platform_admin',
  tenantId: t.tenantId,
  tenantName: 'Scale',
  panelAccess: true,
  profileIds: null,
  timeZone: 'UTC',
});
const CSV_SELECT = (t: Targets) =>
  inlineQuery(
    sessionsCsvSelect(exportViewer(t), {
      owner: { kind: 'profile', id: t.bigProfileId },
      range: { from: new Date(`${t.exportRange.from}T00:00:00Z`), to: new Date(`${t.exportRange.to}T00:00:00Z`) },
    }),
  );
const RAW_SELECT = (t: Targets) => `select s.id, u.id, u.email, s.started_at, s.ended_at, s.status, s.scope, s.changes, s.issues, s.error_category, s.error_source, s.message
  from sync_sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
  where s.tenant_id = '${t.tenantId}' and s.profile_id = '${t.bigProfileId}' and s.started_at >= '${t.exportRange.from}' and s.started_at < '${t.exportRange.to}'
  order by s.started_at, s.id`;

const CSV_ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median total time; the worst first byte and memory growth of the runs. */
const worstOf = (runs: DownloadMeasure[]): DownloadMeasure => ({
  ttfbMs: Math.max(...runs.map((r) => r.ttfbMs)),
  totalMs: median(runs.map((r) => r.totalMs)),
  bytes: runs[0]!.bytes,
  peakGrowthMb: Math.max(...runs.map((r) => r.peakGrowthMb)),
});

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

interface DownloadResult {
  csv: DownloadMeasure & { rows: number; psqlMs: number; psqlRawMs: number; gzip: DownloadMeasure };
  zip: DownloadMeasure & { files: number; zipMs: number };
}

async function measureDownloads(url: string, t: Targets, panel: Awaited<ReturnType<typeof startPanel>>): Promise<DownloadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sap-bench-files-'));
  try {
    const pid = panel.serverPid();
    if (!pid) throw new Error('the server process was not found');
    const csvFile = path.join(dir, 'panel.csv');
    const csvPath = `/api/profiles/${t.bigProfileId}/statistics.csv?from=${t.exportRange.from}&to=${t.exportRange.to}`;
    const copyFile = path.join(dir, 'copy.csv');
    const psqlCopy = (select: string, options: string) =>
      timed(() => execFileSync('psql', [url, '-qAt', '-c', `set datestyle = 'ISO, YMD'`, '-c', `\\copy (${select.replace(/\n/g, ' ')}) to '${copyFile}' with (${options})`]));
    // One run of each varies by up to ±30% on this machine: alternate them, keep the medians (and the
    // worst first byte and memory growth).
    const panelRuns: DownloadMeasure[] = [];
    const psqlRuns: number[] = [];
    const psqlRawRuns: number[] = [];
    for (let round = 0; round < CSV_ROUNDS; round++) {
      panelRuns.push(await measureDownload(panel.baseUrl, csvPath, panel.cookie, pid, { saveTo: csvFile }));
      psqlRuns.push(psqlCopy(CSV_SELECT(t), 'format csv'));
      psqlRawRuns.push(psqlCopy(RAW_SELECT(t), 'format csv, header'));
    }
    const csv = worstOf(panelRuns);
    // A browser asks for gzip, which the server then spends its CPU on (reported apart).
    const csvGzip = await measureDownload(panel.baseUrl, csvPath, panel.cookie, pid, { acceptEncoding: 'gzip' });
    const rows = Number(execFileSync('wc', ['-l', csvFile], { encoding: 'utf8' }).trim().split(' ')[0]) - 1;
    const psqlMs = median(psqlRuns);
    const psqlRawMs = median(psqlRawRuns);

    const zipPath = `/api/users/${t.bigLogsUserId}/statistics.zip?from=${encodeURIComponent(t.window.from)}&to=${encodeURIComponent(t.window.to)}`;
    const zip = await measureDownload(panel.baseUrl, zipPath, panel.cookie, pid);
    // The same files on disk for zip -q: sessions.csv and logs/<id>.log, as the panel's ZIP has them.
    const filesDir = path.join(dir, 'zip-input');
    fs.mkdirSync(path.join(filesDir, 'logs'), { recursive: true });
    const client = new Client({ connectionString: url });
    await client.connect();
    let files = 0;
    try {
      // Each log's chunks in order, concatenated: one DEFLATE stream (lib/logs/log-blocks.ts).
      const { rows: logs } = await client.query<{ session_id: string; deflated: Buffer }>(
        `select l.session_id, string_agg(c.deflated, ''::bytea order by c.chunk_no) as deflated
         from sync_session_logs l join sync_sessions s on s.tenant_id = l.tenant_id and s.id = l.session_id
         join sync_session_log_chunks c on c.tenant_id = l.tenant_id and c.session_started_at = l.session_started_at and c.session_id = l.session_id and c.upload_id = l.upload_id
         where s.tenant_id = $1 and s.user_id = $2 and s.started_at >= $3 and s.started_at < $4
         group by l.session_id`,
        [t.tenantId, t.bigLogsUserId, t.window.from, t.window.to],
      );
      for (const entry of logs) {
        fs.writeFileSync(path.join(filesDir, 'logs', `${entry.session_id}.log`), inflateRawSync(entry.deflated));
        files++;
      }
    } finally {
      await client.end();
    }
    fs.copyFileSync(csvFile, path.join(filesDir, 'sessions.csv'));
    const zipMs = timed(() => execFileSync('zip', ['-q', '-r', path.join(dir, 'baseline.zip'), 'sessions.csv', 'logs'], { cwd: filesDir }));
    return { csv: { ...csv, rows, psqlMs, psqlRawMs, gzip: csvGzip }, zip: { ...zip, files, zipMs } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (s: Stats) => `${s.median.toFixed(0)} / ${s.p95.toFixed(0)}`;

runScript(async () => {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: 'small,large' }, runs: { type: 'string', default: '15' }, 'downloads-only': { type: 'boolean', default: false } },
  });
  const sizes = values.sizes!.split(',') as Size[];
  const runs = Number(values.runs);
  const serverUrl = parseEnv(process.env).DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (the scale databases live beside it).');

  const results: Partial<Record<Size, { pages: [string, Stats][]; downloads?: DownloadResult }>> = {};
  // Both sizes' panels run side by side and take turns for every request of a page: whatever the
  // machine does meanwhile (caches, background work) weighs on both sizes alike.
  const running: { size: Size; url: string; targets: Targets; panel: Awaited<ReturnType<typeof startPanel>> }[] = [];
  try {
    for (const size of sizes) {
      const url = await ensureScaleDatabase(serverUrl, size);
      const targets = await findTargets(url);
      running.push({ size, url, targets, panel: await startPanel(url, log) });
      results[size] = { pages: [] };
    }
    const pageLists = running.map((r) => pages(r.targets));
    for (const [index, [label]] of (values['downloads-only'] ? [] : pageLists[0]!).entries()) {
      const measured = await measurePagesAlternately(
        running.map((r, i) => ({ baseUrl: r.panel.baseUrl, path: pageLists[i]![index]![1], cookie: r.panel.cookie })),
        runs,
      );
      running.forEach((r, i) => {
        log(`${r.size} ${pageLists[i]![index]![0]}: ${ms(measured[i]!)} ms`);
        results[r.size]!.pages.push([label.replace(/\([\d,]+ rows deep\)/, '(25,000 rows deep)'), measured[i]!]);
      });
    }
    for (const r of running) {
      const downloads = await measureDownloads(r.url, r.targets, r.panel);
      log(`${r.size} downloads: ${JSON.stringify(downloads)}`);
      results[r.size]!.downloads = downloads;
    }
  } finally {
    for (const r of running) await r.panel.stop();
  }

  console.log(`\n## Pages (ms, median / p95 of ${runs} runs after 2 warm-ups)\n`);
  console.log(`| page | ${sizes.join(' | ')} | large ÷ small (median) |`);
  console.log(`|---|${sizes.map(() => '---:').join('|')}|---:|`);
  const labels = results[sizes[0]!]!.pages.map(([label]) => label);
  for (const label of labels) {
    const cells = sizes.map((size) => ms(results[size]!.pages.find(([l]) => l === label)![1]));
    const small = results.small?.pages.find(([l]) => l === label)?.[1];
    const large = results.large?.pages.find(([l]) => l === label)?.[1];
    console.log(`| ${label} | ${cells.join(' | ')} | ${small && large ? (large.median / small.median).toFixed(2) : '—'} |`);
  }
  console.log('\n## Downloads\n');
  console.log('| size | what | rows / files | panel | baseline | ratio | first byte | server memory growth |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    const { csv, zip } = results[size]!.downloads!;
    const panelRate = csv.rows / (csv.totalMs / 1000);
    const gzipRate = csv.rows / (csv.gzip.totalMs / 1000);
    for (const [what, psqlMs, rate, measure] of [
      ['CSV (rows/s) vs psql \\copy of the same SELECT', csv.psqlMs, panelRate, csv],
      ['CSV (rows/s) vs psql \\copy of the bare columns', csv.psqlRawMs, panelRate, csv],
      ['CSV gzip-compressed (rows/s) vs psql \\copy of the same SELECT', csv.psqlMs, gzipRate, csv.gzip],
    ] as const) {
      const psqlRate = csv.rows / (psqlMs / 1000);
      console.log(
        `| ${size} | ${what} | ${csv.rows.toLocaleString('en-US')} | ${rate.toFixed(0)} | ${psqlRate.toFixed(0)} | ${(rate / psqlRate).toFixed(2)} | ${measure.ttfbMs.toFixed(0)} ms | ${measure.peakGrowthMb.toFixed(1)} MB |`,
      );
    }
    console.log(
      `| ${size} | ZIP (s) vs zip -q | ${zip.files.toLocaleString('en-US')} | ${(zip.totalMs / 1000).toFixed(2)} | ${(zip.zipMs / 1000).toFixed(2)} | ${(zip.totalMs / zip.zipMs).toFixed(2)} | ${zip.ttfbMs.toFixed(0)} ms | ${zip.peakGrowthMb.toFixed(1)} MB |`,
    );
  }
});
