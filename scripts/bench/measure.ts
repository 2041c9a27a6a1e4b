// Timing and memory sampling for the benchmark: repeated page requests (median, p95), and
// downloads read to the end with the server's resident memory sampled meanwhile.
import fs from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

export interface Stats {
  median: number;
  p95: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Reads a response body to its end; returns the byte count. */
async function readBody(response: Response): Promise<number> {
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function timedGet(url: string, cookie: string): Promise<{ ttfbMs: number; totalMs: number; bytes: number; status: number; body?: Buffer }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const ttfbMs = performance.now() - started;
  const bytes = await readBody(response);
  return { ttfbMs, totalMs: performance.now() - started, bytes, status: response.status };
}

/** Server time of pages as the client sees it on the same machine: each page warmed up twice,
 * then requested `runs` times, the pages taking turns (the same page of each size side by side,
 * so that the machine's drift hits them alike). */
export async function measurePagesAlternately(pages: { baseUrl: string; path: string; cookie: string }[], runs: number): Promise<(Stats & { bytes: number })[]> {
  const bytes = pages.map(() => 0);
  for (let i = 0; i < 2; i++) {
    for (const [index, page] of pages.entries()) {
      const warm = await timedGet(`${page.baseUrl}${page.path}`, page.cookie);
      if (warm.status !== 200) throw new Error(`${page.path} answered ${warm.status}`);
      bytes[index] = warm.bytes;
    }
  }
  const samples: number[][] = pages.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, page] of pages.entries()) samples[index]!.push((await timedGet(`${page.baseUrl}${page.path}`, page.cookie)).totalMs);
  }
  return samples.map((list, index) => ({ ...stats(list), bytes: bytes[index]! }));
}

export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

export interface DownloadMeasure {
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  peakGrowthMb: number;
}

/** One download read to the end while the server's RSS is sampled every 20 ms. */
/** acceptEncoding: what the client asks for; 'identity' gets the bytes uncompressed, as psql does. */
export async function measureDownload(
  baseUrl: string,
  path: string,
  cookie: string,
  serverPid: number,
  { saveTo, acceptEncoding = 'identity' }: { saveTo?: string; acceptEncoding?: 'identity' | 'gzip' } = {},
): Promise<DownloadMeasure> {
  const baseline = residentMb(serverPid);
  let peak = baseline;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, residentMb(serverPid));
    } catch {
      // the process went away
    }
  }, 20);
  try {
    const started = performance.now();
    // A connection of its own (as psql opens one): a kept-alive socket that the server closed
    // while psql ran would fail the request.
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      http.get(`${baseUrl}${path}`, { agent: false, headers: { cookie, 'accept-encoding': acceptEncoding } }, resolve).on('error', reject);
    });
    const ttfbMs = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
    let bytes = 0;
    const counter = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    // A browser inflates what it asked gzip for: so does this client.
    const sink = saveTo ? fs.createWriteStream(saveTo) : counter;
    if (response.headers['content-encoding'] === 'gzip') await pipeline(response, createGunzip(), sink);
    else await pipeline(response, sink);
    if (saveTo) bytes = fs.statSync(saveTo).size;
    return { ttfbMs, totalMs: performance.now() - started, bytes, peakGrowthMb: peak - baseline };
  } finally {
    clearInterval(sampler);
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** The process's CPU time so far (user and system), from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime: fields 14 and 15 of /proc/<pid>/stat, 12 and 13 after "(comm) ".
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Server CPU time of one page: requested alone, one after the other, after 10 to warm up. */
export async function cpuPerPage(panel: { baseUrl: string; cookie: string; serverPid: () => number | null }, path: string, count: number): Promise<{ cpuMs: number; wallMs: number; bytes: number }> {
  const pid = panel.serverPid()!;
  const get = async () => {
    const response = await fetch(`${panel.baseUrl}${path}`, { headers: { cookie: panel.cookie }, redirect: 'manual' });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return (await response.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < 10; i++) await get();
  const cpuBefore = cpuSeconds(pid);
  const began = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes = await get();
  return { cpuMs: ((cpuSeconds(pid) - cpuBefore) * 1000) / count, wallMs: (performance.now() - began) / count, bytes };
}
