// A database that stops answering while its connections stay open (a frozen server, a network
// black hole): every page read, download, batch and health check ends within its bound with
// 503 and Retry-After (pages: an error the panel shows as "temporarily unavailable"), never a
// hang or a 500; more requests than connections wait no longer than the pool's acquire timeout;
// and the app serves again by itself when the database answers again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { POST as postBatch } from '@/app/api/ingest/v1/batch/route';
import { GET as userCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { sql } from 'drizzle-orm';
import { databaseLimits, openDatabase, queryRows, setDatabase, type DatabaseHandle } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/database-errors';
import { admins, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { env } from '@/config/env';
import { downloadsInProgress } from '@/lib/exports/download-slots';
import { createIngestionToken } from '@/lib/ingest/ingestion-tokens';
import { listUsers } from '@/lib/users/list-users';
import { actAs } from '../support/as-viewer';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { prepareDays } from '../support/day-partitions';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

// Short bounds for the test (before anything reads the environment).
vi.stubEnv('DB_ACQUIRE_TIMEOUT_MS', '1000');
vi.stubEnv('DB_STATEMENT_TIMEOUT_MS', '1000');
vi.stubEnv('DB_LOCK_TIMEOUT_MS', '1000');
vi.stubEnv('INGEST_STATEMENT_TIMEOUT_MS', '1500');
vi.stubEnv('INGEST_LOCK_TIMEOUT_MS', '1500');
vi.stubEnv('DOWNLOAD_STALL_TIMEOUT_MS', '1500');
// The slowest bound: ingestion's statement (1.5 s) plus its client slack, and a rollback's as
// much again; with room for a busy machine.
const BOUND_MS = 8_000;

describe.runIf(serverUrl)('a database that stops answering [postgres]', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let handle: DatabaseHandle;
  let viewer: TenantViewer;
  let userId: string;
  let token: string;
  let tenantId: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(database.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    handle = openDatabase({ driver: 'postgres', url: url.toString() }, databaseLimits(env()));
    setDatabase(handle);
    const tenant = await createTenant(handle.db, 'frozen');
    tenantId = tenant.id;
    await ingest(handle.db, tenant.id, { profiles: [{ id: 'p', name: 'P' }], users: [{ email: 'u@x.test', name: 'U', profileId: 'p' }] });
    const [boss] = await handle.db.insert(admins).values({ tenantId: tenant.id, email: 'boss@x.test', name: 'Boss', role: 'platform_admin' }).returning();
    viewer = (await loadViewer(handle.db, boss!.id)) as TenantViewer;
    actAs(viewer);
    const [user] = await handle.db.select({ id: users.id, profileId: users.profileId }).from(users);
    userId = user!.id;
    // Enough sessions for a download that is still running when the database stops (written
    // directly, without the app's short bounds).
    await prepareDays(database.handle.db, '2026-01-01', '2026-03-12');
    await database.handle.db.execute(sql`insert into sync_sessions (tenant_id, started_at, engine_id, user_id, profile_id, ended_at, status, scope, changes, issues, message)
      select ${tenant.id}::uuid, timestamptz '2026-01-01' + g * interval '1 minute', 'e' || g, ${user!.id}::uuid, ${user!.profileId}::uuid,
             timestamptz '2026-01-01' + g * interval '1 minute' + interval '30 seconds', 'success', 100, g % 7, 0,
             'A message of some length, to make each row about two hundred bytes long in the CSV file'
      from generate_series(1, 100000) g`);
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
    await ingest(handle.ingestDb, tenantId, { sessions: [{ id: 'warm', userEmail: 'u@x.test', startedAt: '2026-11-26T10:00:00Z', status: 'success' }] });

    proxy.freeze();
    const pages = Array.from({ length: 15 }, () => timed(readPage));
    const [health, batch, csv, write, ...pageResults] = await Promise.all([
      timed(getHealth),
      timed(() => postBatchNow(1)),
      timed(download),
      // A transaction under way when the database stops.
      timed(() => ingest(handle.ingestDb, tenantId, { sessions: [{ id: 'in-flight', userEmail: 'u@x.test', startedAt: '2026-11-26T10:00:00Z', status: 'success' }] })),
      ...pages,
    ]);
    expect(isDatabaseUnavailable(write.error)).toBe(true);
    expect(write.ms).toBeLessThan(BOUND_MS);
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
    // The transaction the client gave up on was not handed back to the pool: nothing of it waits
    // on the server to be committed by the connection's next borrower.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [open] = await queryRows<{ n: number }>(
      database.handle.db,
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    );
    expect(open!.n).toBe(0);
    expect((await postBatchNow(2)).status).toBe(200);
    const after = await download();
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Session ID');
    expect((await readPage()).rows).toHaveLength(1);
  }, 90_000);

  it('ends a download whose database stops in the middle, and frees its slot and connection', async () => {
    const response = await download();
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    for (let read = 0; read < 100_000; ) read += (await reader.read()).value!.byteLength;
    expect(downloadsInProgress()).toBe(1);
    proxy.freeze();
    const began = performance.now();
    let failure: unknown;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (error) {
      failure = error;
    }
    const ms = performance.now() - began;
    proxy.thaw();
    expect(failure, 'the download ended with an error, not as if complete').toBeDefined();
    expect(ms).toBeLessThan(BOUND_MS);
    expect(downloadsInProgress()).toBe(0);
    const streamPool = (handle as Extract<DatabaseHandle, { driver: 'postgres' }>).streamPool;
    expect(streamPool.totalCount - streamPool.idleCount).toBe(0);
  }, 60_000);
});
