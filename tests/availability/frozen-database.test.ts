// A database that stops answering while its connections stay open (a frozen server, a network
// black hole): every page read, download, batch and health check ends within its bound with
// 503 and Retry-After (pages: an error the panel shows as "temporarily unavailable"), never a
// hang or a 500; more requests than connections wait no longer than the pool's acquire timeout;
// and the app serves again by itself when the database answers again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { GET as userCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { databaseLimits, openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/database-errors';
import { admins, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { env } from '@/lib/env';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { listUsers } from '@/lib/users/list-users';
import { actAs } from '../support/as-viewer';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

// Short bounds for the test (before anything reads the environment).
vi.stubEnv('DB_ACQUIRE_TIMEOUT_MS', '1000');
vi.stubEnv('DB_STATEMENT_TIMEOUT_MS', '1000');
vi.stubEnv('DB_LOCK_TIMEOUT_MS', '1000');
vi.stubEnv('INGEST_STATEMENT_TIMEOUT_MS', '1500');
vi.stubEnv('INGEST_LOCK_TIMEOUT_MS', '1500');
// The slowest bound: ingestion's statement (1.5 s) plus its client slack, and a rollback's as much again.
const BOUND_MS = 6_000;

describe.runIf(serverUrl)('a database that stops answering [postgres]', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let handle: DatabaseHandle;
  let viewer: TenantViewer;
  let userId: string;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(database.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    handle = openDatabase({ driver: 'postgres', url: url.toString() }, databaseLimits(env()));
    setDatabase(handle);
    const tenant = await createTenant(handle.db, 'frozen');
    await ingest(handle.db, tenant.id, { profiles: [{ id: 'p', name: 'P' }], users: [{ email: 'u@x.test', name: 'U', profileId: 'p' }] });
    const [boss] = await handle.db.insert(admins).values({ tenantId: tenant.id, email: 'boss@x.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(handle.db, boss!.id)) as TenantViewer;
    actAs(viewer);
    userId = (await handle.db.select({ id: users.id }).from(users))[0]!.id;
    token = (await createIngestionToken('command-line', { tenantId: tenant.id, name: 'engine' })).token;
  }, 60_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    setDatabase(undefined);
    proxy?.thaw();
    await handle?.close();
    await proxy?.close();
    await database?.drop();
  });

  const postBatchNow = (n: number) =>
    postBatch(
      new Request('http://panel.test/api/ingest/v1/batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ sessions: [{ id: `s${n}`, userEmail: 'u@x.test', startedAt: '2026-11-26T10:00:00Z', status: 'success' }] }),
      }),
    );
  const download = () => userCsv(new Request(`http://panel.test/api/users/${userId}/statistics.csv`), { params: Promise.resolve({ id: userId }) });
  const readPage = () => listUsers(viewer, { status: null, q: null, sort: 'name', direction: 'asc', pageSize: 25, page: { after: null, before: null } });

  /** Runs the request and says how it ended and how long it took. */
  async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
    const began = performance.now();
    try {
      const value = await run();
      return { ms: performance.now() - began, value };
    } catch (error) {
      return { ms: performance.now() - began, error };
    }
  }

  it('answers 503 within its bounds while frozen, and serves again when it answers', async () => {
    // Serving before: every kind of request answers.
    expect((await getHealth()).status).toBe(200);
    expect((await postBatchNow(0)).status).toBe(200);
    const before = await download();
    expect(before.status).toBe(200);
    await before.text();
    expect((await readPage()).rows).toHaveLength(1);

    proxy.freeze();
    const pages = Array.from({ length: 15 }, () => timed(readPage));
    const [health, batch, csv, ...pageResults] = await Promise.all([timed(getHealth), timed(() => postBatchNow(1)), timed(download), ...pages]);

    console.log(`[frozen] health ${health.ms.toFixed(0)} ms, batch ${batch.ms.toFixed(0)} ms, download ${csv.ms.toFixed(0)} ms, pages up to ${Math.max(...pageResults.map((p) => p.ms)).toFixed(0)} ms`);
    expect(health.value?.status).toBe(503);
    expect(health.ms).toBeLessThan(BOUND_MS);
    for (const answer of [batch, csv]) {
      expect(answer.value?.status).toBe(503);
      expect(Number(answer.value?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await answer.value?.json()).toEqual({ error: expect.stringContaining('temporarily unavailable') });
      expect(answer.ms).toBeLessThan(BOUND_MS);
    }
    // More page reads than connections: each ends within the statement or the acquire bound.
    for (const page of pageResults) {
      expect(page.error).toBeDefined();
      expect(isDatabaseUnavailable(page.error)).toBe(true);
      expect(page.ms).toBeLessThan(BOUND_MS);
    }

    proxy.thaw();
    // Recovery by itself: within a few seconds every kind of request answers again.
    let healthy = false;
    for (let i = 0; i < 40 && !healthy; i++) {
      healthy = (await getHealth()).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(healthy).toBe(true);
    expect((await postBatchNow(2)).status).toBe(200);
    const after = await download();
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Session ID');
    expect((await readPage()).rows).toHaveLength(1);
  }, 90_000);
});
