import { sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { GET as userCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { queryRows } from '@/db/client';
import { admins, profiles, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { actAs } from '../support/as-viewer';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';
import { prepareDays } from '../support/day-partitions';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const ROWS = 200_000;
const MB = 1024 * 1024;

describeEachDatabase('streamed downloads', (database, driver) => {
  let userId: string;

  beforeAll(async () => {
    const { db } = database();
    const tenant = await createTenant(db, 'stream');
    const [profile] = await db.insert(profiles).values({ tenantId: tenant.id, engineId: 'p', name: 'P' }).returning();
    const [user] = await db.insert(users).values({ tenantId: tenant.id, email: 'big@x.test', name: 'Big', profileId: profile!.id }).returning();
    userId = user!.id;
    await prepareDays(db, '2026-01-01', '2026-05-20');
    await db.execute(sql`insert into sync_sessions (tenant_id, started_at, engine_id, user_id, profile_id, ended_at, status, scope, changes, issues, message)
      select ${tenant.id}::uuid, timestamptz '2026-01-01' + g * interval '1 minute', 'e' || g, ${userId}::uuid, ${profile!.id}::uuid,
             timestamptz '2026-01-01' + g * interval '1 minute' + interval '30 seconds', 'success', 100, g % 7, 0,
             'A message of some length, to make each row about two hundred bytes long in the CSV file'
      from generate_series(1, ${ROWS}) g`);
    const [boss] = await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@x.test', name: 'Boss', role: 'platform_admin' }).returning();
    actAs((await loadViewer(db, boss!.id)) as TenantViewer);
  }, 300_000);

  it(`exports ${ROWS.toLocaleString('en-US')} rows with server memory growing by less than 64 MB`, async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'run with --expose-gc (vitest.config.mts)').toBeTypeOf('function');
    gc!();
    const before = process.memoryUsage();
    let chunks = 0;
    let peak = 0;
    let bytes = 0;
    let lines = 0;
    const response = await userCsv(new Request(`http://panel.test/api/users/${userId}/statistics.csv`), { params: Promise.resolve({ id: userId }) });
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
      // What the export retains while it runs: heap plus buffers outside it, after a collection,
      // every 10 chunks (a whole export kept in memory would be well over 100 MB here).
      if (++chunks % 10 === 0) {
        gc!();
        const now = process.memoryUsage();
        peak = Math.max(peak, now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers);
      }
    }
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(ROWS * 150);
    console.log(`[${driver}] ${ROWS} rows, ${(bytes / MB).toFixed(1)} MB of CSV, peak memory growth ${(peak / MB).toFixed(1)} MB`);
    expect(peak).toBeLessThan(64 * MB);
  }, 300_000);

  it('frees its database connection at once when the client aborts', async () => {
    const response = await userCsv(new Request(`http://panel.test/api/users/${userId}/statistics.csv`), { params: Promise.resolve({ id: userId }) });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    if (driver !== 'postgres') return;
    const handle = database();
    if (handle.driver !== 'postgres') return;
    // Nothing of this database is still running (but the query asking).
    const active = await queryRows<{ n: number; idle: number }>(
      handle.db,
      sql`select count(*) filter (where state = 'active' and pid <> pg_backend_pid())::int as n, count(*)::int as idle
          from pg_stat_activity where datname = current_database()`,
    );
    expect(active[0]!.n).toBe(0);
    expect(handle.streamPool.totalCount - handle.streamPool.idleCount).toBe(0);
    expect(handle.pool.totalCount - handle.pool.idleCount).toBe(0);
  });
});
