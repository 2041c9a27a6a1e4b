import 'server-only';
// After the retention dropped the days before the first kept instant (00:00 UTC of the first
// kept day), each tenant's daily rollups follow: days wholly before it go, and the tenant's day
// the instant falls in (partly dropped, unless the tenant's midnight is UTC's) is recounted from
// the rows left. The period rollups need nothing: their longest period (90 days) ends before the
// first kept instant in every time zone, since at least 91 days are kept. Each tenant under its
// batches' lock, so no batch moves the day while it is recounted. Once per first kept day:
// instance_metadata remembers the last one trimmed to.
import { sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { queryRows, type Database } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { scheduledLimits } from '@/lib/db-limits';
import { localDay } from './local-day';
import { deleteDailyRollupsBefore, recountDailyRollups } from './rebuild-rollups';

const TRIMMED_KEY = 'retention.rollups_trimmed_to';

async function trimTenant(db: Database, tenantId: string, firstKept: Date): Promise<void> {
  await runTransaction(db, scheduledLimits(), async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.ingestion}, hashtext(${tenantId}))`);
    const [tenant] = await queryRows<{ day: string }>(
      tx,
      sql`select to_char(${localDay(sql`${firstKept}::timestamptz`, sql.raw('time_zone'))}, 'YYYY-MM-DD') as day from tenants where id = ${tenantId}::uuid`,
    );
    if (!tenant) return;
    await deleteDailyRollupsBefore(tx, tenantId, tenant.day);
    await recountDailyRollups(tx, tenantId, tenant.day);
  });
}

/** Trims every tenant's daily rollups to the first kept instant, once; true when it did. */
export async function trimRollupsToRetention(db: Database, firstKept: Date): Promise<boolean> {
  const mark = firstKept.toISOString();
  const [done] = await queryRows<{ value: unknown }>(db, sql`select value from instance_metadata where key = ${TRIMMED_KEY}`);
  if (done?.value === mark) return false;
  const tenants = await queryRows<{ id: string }>(db, sql`select id from tenants order by id`);
  for (const { id } of tenants) await trimTenant(db, id, firstKept);
  await db.execute(sql`insert into instance_metadata (key, value) values (${TRIMMED_KEY}, ${JSON.stringify(mark)}::jsonb)
      on conflict (key) do update set value = excluded.value, updated_at = now()`);
  return true;
}
