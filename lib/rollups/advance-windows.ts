import 'server-only';
// The scheduled step that moves every tenant's period rollups to its new day (in its own time
// zone: tenants in Los Angeles move eight hours after those on UTC), so the
// overview's GET only reads. Several app instances may run it at once: each tenant's move
// tries a transaction-level advisory lock and leaves the tenant to the instance holding it,
// and a move to a day already reached does nothing (moveWindowsTo checks as_of under its lock).
import { sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { queryRows, type Database } from '@/db/client';
import type { TransactionLimits } from '@/db/run-transaction';
import { localDay } from './local-day';
import { moveWindowsTo } from './rollup-windows';

/** Tenants whose stored periods do not end on their today yet (or were never built), with it. */
async function tenantsBehind(db: Database, now: Date, today: string | undefined): Promise<{ id: string; today: string }[]> {
  const theirToday = today ? sql`${today}::date` : localDay(sql`${now}::timestamptz`, sql.raw('t.time_zone'));
  return queryRows<{ id: string; today: string }>(
    db,
    sql`select t.id, to_char(${theirToday}, 'YYYY-MM-DD') as today from tenants t left join rollup_windows w on w.tenant_id = t.id
        where w.as_of is distinct from ${theirToday} order by t.id`,
  );
}

/** Moves every tenant behind to its today (or to `today`, in tests); answers the tenants this call moved. */
export async function advanceWindows(db: Database, { now = new Date(), today, limits }: { now?: Date; today?: string; limits?: TransactionLimits } = {}): Promise<string[]> {
  const moved: string[] = [];
  for (const { id: tenantId, today: theirToday } of await tenantsBehind(db, now, today)) {
    const didMove = await moveWindowsTo(db, tenantId, theirToday, {
      limits,
      beforeMove: async (tx) => {
        const [lock] = await queryRows<{ taken: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${ADVISORY_LOCKS.windowMove}, hashtext(${tenantId})) as taken`);
        return lock?.taken === true;
      },
    });
    if (didMove) moved.push(tenantId);
  }
  return moved;
}
