// What the overview reads for a period, without writing: the period rollup as it stands today.
// The scheduled step (advance-windows.ts) moves the stored periods to a new day shortly after
// 00:00 UTC; until it has run, the stored rows plus the days the move would add, minus the days
// it would drop, are exactly what it will store — so a figure never goes stale waiting for it.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { asOfQuery, movedDaysQuery, windowMove, type WindowedRollup } from './rollup-windows';

/** The day the tenant's stored periods end on (null: never built). */
export async function storedWindowsAsOf(db: Database, tenantId: string): Promise<string | null> {
  const [row] = await queryRows<{ as_of: string | null }>(db, asOfQuery(tenantId, sql``));
  return row?.as_of ?? null;
}

/** A FROM item with the window table's columns for the period of `days` ending `today`. */
export function periodRollupRows(rollup: WindowedRollup, tenantId: string, days: number, asOf: string | null, today: string): SQL {
  if (asOf === today) return sql.raw(rollup.window);
  const move = windowMove(days, asOf, today);
  const keys = sql.raw(rollup.keys.join(', '));
  const values = sql.raw(rollup.values.join(', '));
  const sums = sql.raw(rollup.values.map((v) => `sum(${v})::int as ${v}`).join(', '));
  const stored = move.rebuild
    ? sql``
    : sql`select ${keys}, ${values} from ${sql.raw(rollup.window)} where tenant_id = ${tenantId}::uuid and days = ${days} union all `;
  const current = sql`select ${tenantId}::uuid as tenant_id, ${days}::int as days, ${keys}, ${sums}
    from (${stored}${movedDaysQuery(rollup, tenantId, move.ranges)}) rows group by ${keys}`;
  return sql`(select *${sql.raw(rollup.derived ? `, ${rollup.derived}` : '')} from (${current}) summed)`;
}
