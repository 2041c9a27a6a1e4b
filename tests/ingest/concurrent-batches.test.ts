import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { syncSessions } from '@/db/schema';
import { utcDay } from '@/lib/partitions/utc-days';
import { addDays } from '@/lib/time/zoned-time';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { directDailyRollups, keptDailyRollups } from '../support/rollup-comparison';

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

// Day partitions and the engine-id maps under parallel batches: days no batch has written yet
// (their partitions made by whichever batch comes first, the others finding them), sessions
// reported at once by several batches, issues moving between days.
describeEachDatabase('concurrent batches over new days', (database) => {
  it('make each day partition once and keep one row per engine id, in the day it belongs to', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await ingest(db, tenant.id, { profiles: [{ id: 'p', name: 'P' }], users: [{ email: 'u@x.test', name: 'U', profileId: 'p' }] });
    // Six days from 40 days ago: no other test here writes there, so their partitions do not exist yet.
    const first = addDays(utcDay(new Date()), -40);
    const day = (n: number) => addDays(first, n % 6);
    const sessions = Array.from({ length: 40 }, (_, i) => ({ id: `nd${i}`, userEmail: 'u@x.test', startedAt: `${day(i)}T23:59:00Z`, status: 'success' as const }));
    const issue = (i: number, shift: number) => ({
      id: `ni${i}`, userEmail: 'u@x.test', sessionId: `nd${i}`, occurredAt: `${day(i + shift)}T12:00:00Z`, type: 'email' as const,
      direction: 'outlook_to_salesforce' as const, name: `Mail ${i}`, operation: 'create' as const, errorCode: 1,
    });
    const batches = Array.from({ length: 8 }, (_, n) => ({ sessions, issues: sessions.map((_, i) => issue(i, n % 3)) }));
    const results = await Promise.allSettled(batches.map((batch) => ingest(db, tenant.id, batch)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from sync_sessions where tenant_id = ${tenant.id}::uuid) as sessions,
                 (select count(*)::int from sync_session_engine_ids where tenant_id = ${tenant.id}::uuid) as session_ids,
                 (select count(*)::int from sync_issues where tenant_id = ${tenant.id}::uuid) as issues,
                 (select count(*)::int from sync_issue_engine_ids where tenant_id = ${tenant.id}::uuid) as issue_ids,
                 (select count(*)::int from sync_issues i join sync_issue_engine_ids m on m.tenant_id = i.tenant_id and m.issue_id = i.id
                    and m.occurred_at = i.occurred_at where i.tenant_id = ${tenant.id}::uuid) as issues_where_mapped,
                 (select count(*)::int from day_partitions('sync_sessions'::regclass) where day between ${first}::date and ${addDays(first, 5)}::date) as days`,
    );
    expect(counts).toEqual({ sessions: 40, session_ids: 40, issues: 40, issue_ids: 40, issues_where_mapped: 40, days: 6 });
    const misplaced = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from sync_issues where tenant_id = ${tenant.id}::uuid
          and tableoid::regclass::text <> 'sync_issues_p' || to_char(occurred_at at time zone 'UTC', 'YYYYMMDD')`,
    );
    expect(misplaced[0]!.n).toBe(0);
    expect(await keptDailyRollups(db, tenant.id)).toEqual(await directDailyRollups(db, tenant.id));
  });
});
