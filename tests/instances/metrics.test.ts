// /api/metrics: behind its token, and counting what the issue asks for — requests by route,
// batches and their items, downloads' bytes and records, the pools.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db/client';
import { countDownloadChunk } from '@/lib/exports/stream-response';
import { observeBatch } from '@/lib/metrics/ingest-metrics';
import { serveMetrics } from '@/lib/metrics/metrics-endpoint';
import { routeLabel } from '@/lib/metrics/route-label';
import { createInstanceServer } from '@/lib/server/instance-server';
import { instanceState } from '@/lib/server/instance-state';
import { createTestDatabase, testDrivers, type TestDatabase } from '../support/databases';

const TOKEN = 'metrics-token-of-the-test';
const scrape = (authorization?: string) =>
  serveMetrics(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }), TOKEN);

afterEach(() => {
  setDatabase(undefined);
  instanceState().drain = undefined;
});

/** The value of one series in a scrape, 0 when absent. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('the metrics endpoint', () => {
  it('does not exist without a token, and refuses a scraper without the right one', async () => {
    expect((await serveMetrics(new Request('http://localhost/api/metrics'), undefined)).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token')).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  });

  it.each(testDrivers)('serves the pools of the instance in use, and the process figures [%s]', async (driver) => {
    const database = await createTestDatabase(driver);
    try {
      setDatabase(database.handle);
      const response = await scrape(`Bearer ${TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      expect(text).toMatch(/^sync_admin_process_resident_memory_bytes \d+/m);
      if (driver === 'postgres') {
        for (const pool of ['pages', 'ingest', 'downloads']) expect(text).toMatch(new RegExp(`^sync_admin_db_pool_connections\\{pool="${pool}",state="waiting"\\} 0$`, 'm'));
      } else {
        expect(text).not.toMatch(/^sync_admin_db_pool_connections\{/m);
      }
    } finally {
      await database.drop();
    }
  });
});

describe('what is counted', () => {
  // A scrape reads the pools of the process's database: an embedded one in memory here.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  beforeEach(() => setDatabase(database.handle));
  afterAll(() => database.drop());

  it('times each request under its route, ids replaced, unmatched paths as one series', async () => {
    expect(routeLabel('/users/9f1c2a4e-0b7d-4c1e-9a53-2f1e0c9b7d11/statistics?from=2026-12-01', 200)).toBe('/users/:id/statistics');
    expect(routeLabel('/_next/static/chunks/abc.js', 200)).toBe('/_next/static');
    expect(routeLabel('/no/such/page', 404)).toBe('unmatched');
    const server = createInstanceServer(
      async (_request, response) => {
        response.end('ok');
      },
      { notReadyMs: 0, graceMs: 1_000 },
      () => {},
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const series = 'sync_admin_http_request_duration_seconds_count{route="/profiles/:id/statistics",method="GET",status="2xx"}';
    const before = valueOf(await (await scrape(`Bearer ${TOKEN}`)).text(), series);
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port, path: '/profiles/0d7c1f6e-3b2a-4f5e-8c9d-1a2b3c4d5e6f/statistics', agent: false }, (r) => r.resume().on('end', resolve)).on('error', reject),
      );
    }
    server.close();
    expect(valueOf(await (await scrape(`Bearer ${TOKEN}`)).text(), series) - before).toBe(3);
  });

  it('counts batches by status and the items of those accepted', async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    await observeBatch(async () => Response.json({ profiles: 1, users: 2, sessions: 30, issues: 4 }));
    await observeBatch(async () => Response.json({ error: 'invalid' }, { status: 422 }));
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    const grew = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(grew('sync_admin_ingest_batches_total{status="200"}')).toBe(1);
    expect(grew('sync_admin_ingest_batches_total{status="422"}')).toBe(1);
    expect(grew('sync_admin_ingest_items_total{section="sessions"}')).toBe(30);
    expect(grew('sync_admin_ingest_items_total{section="users"}')).toBe(2);
    expect(grew('sync_admin_ingest_batch_duration_seconds_count')).toBe(2);
  });

  it("counts a download's bytes, and a CSV's records even when a line end straddles two pieces", async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const count = countDownloadChunk('text/csv; charset=utf-8');
    const encoder = new TextEncoder();
    for (const piece of ['a,b\r\n1,2\r', '\n3,"x\ny"\r\n', '4,5\r\n']) count(encoder.encode(piece));
    countDownloadChunk('application/zip')(new Uint8Array(100));
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    const grew = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(grew('sync_admin_download_records_total')).toBe(4);
    expect(grew('sync_admin_download_bytes_total{kind="csv"}')).toBe(24);
    expect(grew('sync_admin_download_bytes_total{kind="zip"}')).toBe(100);
  });
});
