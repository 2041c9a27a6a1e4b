import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { syncSessions } from '@/db/schema';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

// On PostgreSQL the batches really run side by side (a pool of connections); keys are taken
// in a fixed order, so they never deadlock, and the sessions' forward-only rule holds.
describeEachDatabase('concurrent batches touching the same sessions', (database) => {
  it('all succeed, and every session ends final whatever the arrival order', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await ingest(db, tenant.id, { profiles: [{ id: 'p', name: 'P' }], users: [{ email: 'u@x.test', name: 'U', profileId: 'p' }] });
    const ids = Array.from({ length: 60 }, (_, i) => `s${String(i).padStart(3, '0')}`);
    const session = (id: string, status: 'started' | 'success' | 'error') => ({
      id,
      userEmail: 'u@x.test',
      startedAt: '2026-11-26T10:00:00Z',
      endedAt: status === 'started' ? null : '2026-11-26T10:01:00Z',
      status,
      log: status === 'started' ? null : `log of ${id} (${status})`,
    });
    const batches = Array.from({ length: 12 }, (_, n) => {
      const status = (['started', 'success', 'error'] as const)[n % 3]!;
      // Each batch lists the sessions in its own order: the writer sorts them.
      const order = n % 2 === 0 ? ids : [...ids].reverse();
      return { sessions: order.map((id) => session(id, status)) };
    });
    const results = await Promise.allSettled(batches.map((batch) => ingest(db, tenant.id, batch)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await db.select({ status: syncSessions.status, hasLog: syncSessions.hasLog }).from(syncSessions).where(eq(syncSessions.tenantId, tenant.id));
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      expect(['success', 'error']).toContain(row.status);
      expect(row.hasLog).toBe(true);
    }
    // A final session never changes again.
    const before = rows.map((r) => r.status).join();
    await ingest(db, tenant.id, { sessions: ids.map((id) => session(id, 'started')) });
    const after = await db.select({ status: syncSessions.status }).from(syncSessions).where(eq(syncSessions.tenantId, tenant.id));
    expect(after.map((r) => r.status).join()).toBe(before);
  });
});
