// The retention drops whole day partitions (sessions, their logs and chunks, issues) older than
// the first kept day, with their engine-id map rows, and trims the daily rollups to what is left:
// the tenant's day the cut falls in (Berlin's midnight is 23:00 UTC) is recounted from its rows.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { applyRetention } from '@/lib/partitions/apply-retention';
import { DAY_PARTITIONED_TABLES } from '@/lib/partitions/day-partitioned-tables';
import { keepWithinRetention } from '@/lib/ingest/retention-filter';
import { batchSchema } from '@/lib/ingest/batch-schema';
import { retentionWindow } from '@/lib/partitions/retention-window';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';
import { directDailyRollups, directStatusRollups, keptDailyRollups, keptStatusRollups } from '../support/rollup-comparison';

// 91 days before 2026-12-07: the first kept day is 2026-09-07.
const NOW = new Date('2026-12-07T12:00:00Z');
const STARTS = ['2026-09-05T10:00:00Z', '2026-09-06T22:30:00Z', '2026-09-06T23:30:00Z', '2026-09-07T00:30:00Z', '2026-09-08T12:00:00Z'];

describeEachDatabase('retention by day partitions', (database) => {
  it('drops the days before the first kept day whole, with their map rows, and keeps the rollups equal to the rows', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await db.execute(sql`update tenants set time_zone = 'Europe/Berlin' where id = ${tenant.id}::uuid`);
    await ingest(db, tenant.id, {
      profiles: [{ id: 'p', name: 'P' }],
      users: [{ email: 'jane@x.test', name: 'Jane', profileId: 'p' }],
      sessions: STARTS.map((startedAt, n) => ({ id: `s${n}`, userEmail: 'jane@x.test', startedAt, status: n % 2 ? 'error' : 'success', log: `log of s${n}\n` })),
      issues: STARTS.map((occurredAt, n) => ({
        id: `i${n}`, userEmail: 'jane@x.test', sessionId: `s${n}`, occurredAt, type: 'email', direction: 'outlook_to_salesforce', name: `Mail ${n}`, operation: 'create', errorCode: 1,
      })),
    });
    const count = async (table: string) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenant.id}::uuid`))[0]!.n;
    expect(await count('sync_sessions')).toBe(5);

    const run = await applyRetention(database(), { now: NOW, retentionDays: 91 });
    expect(run?.firstKeptDay).toBe('2026-09-07');
    expect(run?.dropped.map((d) => [d.table, d.days])).toEqual(DAY_PARTITIONED_TABLES.map((t) => [t.name, ['2026-09-05', '2026-09-06']]));
    for (const table of DAY_PARTITIONED_TABLES) {
      const days = await queryRows<{ day: string }>(db, sql`select to_char(day, 'YYYY-MM-DD') as day from day_partitions(${table.name}::regclass) where day < '2026-09-07'`);
      expect(days, table.name).toEqual([]);
    }
    const kept = await queryRows<{ engine_id: string }>(db, sql`select engine_id from sync_sessions where tenant_id = ${tenant.id}::uuid order by engine_id`);
    expect(kept.map((r) => r.engine_id)).toEqual(['s3', 's4']);
    expect(await count('sync_session_engine_ids')).toBe(2);
    expect(await count('sync_issue_engine_ids')).toBe(2);
    expect(await count('sync_session_logs')).toBe(2);
    expect(await count('sync_issues')).toBe(2);

    // Berlin's 2026-09-07 began at 22:00 UTC the day before: only its rows from 00:00 UTC remain.
    expect(await keptDailyRollups(db, tenant.id)).toEqual(await directDailyRollups(db, tenant.id));
    expect(await keptStatusRollups(db, tenant.id)).toEqual(await directStatusRollups(db, tenant.id));
    const days = await queryRows<{ day: string; sessions: number }>(db, sql`select to_char(day, 'YYYY-MM-DD') as day, sum(sessions)::int as sessions from daily_status_counts where tenant_id = ${tenant.id}::uuid group by day order by day`);
    expect(days).toEqual([{ day: '2026-09-07', sessions: 1 }, { day: '2026-09-08', sessions: 1 }]);

    // Run again: nothing left to drop or trim.
    const again = await applyRetention(database(), { now: NOW, retentionDays: 91 });
    expect(again).toEqual({ firstKeptDay: '2026-09-07', dropped: [], rollupsTrimmed: false });
  });

  it('leaves out of a batch the items before the first kept day or more than a day ahead, and says how many', () => {
    const window = retentionWindow(NOW, 91);
    const batch = batchSchema.parse({
      sessions: [
        { id: 'old', userEmail: 'a@x.test', startedAt: '2026-09-06T23:59:59Z', status: 'success' },
        { id: 'first', userEmail: 'a@x.test', startedAt: '2026-09-07T00:00:00Z', status: 'success' },
        { id: 'tomorrow', userEmail: 'a@x.test', startedAt: '2026-12-08T23:59:59Z', status: 'started' },
        { id: 'ahead', userEmail: 'a@x.test', startedAt: '2026-12-09T00:00:00Z', status: 'started' },
      ],
      issues: [
        { id: 'i', userEmail: 'a@x.test', sessionId: 'old', occurredAt: '2026-09-07T00:00:00Z', type: 'email', direction: 'outlook_to_salesforce', name: 'x', operation: 'create', errorCode: 1 },
      ],
    });
    const kept = keepWithinRetention(batch, window);
    expect(kept.batch.sessions!.map((s) => s.id)).toEqual(['first', 'tomorrow']);
    expect(kept.outsideRetention).toEqual({ sessions: 2, issues: 0 });
    // The issue stays, without the session left out.
    expect(kept.batch.issues![0]!.sessionId).toBeNull();
    expect(kept.sessionDays.sort()).toEqual(['2026-09-07', '2026-12-08']);
  });
});
