// For tests that write sessions and issues directly, as batches never do: the day partitions
// their rows need, and the engine-id map rows a batch would have written.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { DAY_PARTITIONED_TABLES } from '@/lib/partitions/day-partitioned-tables';
import { ensureDayPartitions } from '@/lib/partitions/ensure-day-partitions';
import { addDays } from '@/lib/time/zoned-time';

/** Every day partition from `first` through `last` (UTC days, YYYY-MM-DD). */
export async function prepareDays(db: Database, first: string, last: string): Promise<void> {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  await ensureDayPartitions(db, DAY_PARTITIONED_TABLES, days);
}

/** Maps the engine ids of the tenant's sessions and issues written directly. */
export async function mapEngineIds(db: Pick<Database, 'execute'>, tenantId: string): Promise<void> {
  await db.execute(sql`insert into sync_session_engine_ids (tenant_id, engine_id, session_id, started_at)
    select tenant_id, engine_id, id, started_at from sync_sessions where tenant_id = ${tenantId}::uuid on conflict do nothing`);
  await db.execute(sql`insert into sync_issue_engine_ids (tenant_id, engine_id, issue_id, occurred_at)
    select tenant_id, engine_id, id, occurred_at from sync_issues where tenant_id = ${tenantId}::uuid on conflict do nothing`);
}
