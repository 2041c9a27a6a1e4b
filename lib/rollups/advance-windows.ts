import 'server-only';
// The scheduled step that moves every tenant's period rollups to the new UTC day, so the
// overview's GET only reads. Several app instances may run it at once: each tenant's move
// tries a transaction-level advisory lock and leaves the tenant to the instance holding it,
// and a move to a day already reached does nothing (moveWindowsTo checks as_of under its lock).
import { sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { queryRows, type Database } from '@/db/client';
import type { TransactionLimits } from '@/db/run-transaction';
import { moveWindowsTo, utcToday } from './rollup-windows';

/** Tenants whose stored periods do not end today yet (or were never built). */
async function tenantsBehind(db: Database, today: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select t.id from tenants t left join rollup_windows w on w.tenant_id = t.id
        where w.as_of is distinct from ${today}::date order by t.id`,
  );
  return rows.map((row) => row.id);
}

/** Moves every tenant behind to `today`; answers the tenants this call moved. */
export async function advanceWindows(db: Database, { today = utcToday(), limits }: { today?: string; limits?: TransactionLimits } = {}): Promise<string[]> {
  const moved: string[] = [];
  for (const tenantId of await tenantsBehind(db, today)) {
    const didMove = await moveWindowsTo(db, tenantId, today, {
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
