import 'server-only';
// The engine's ids of sessions and issues, each mapped to its row's id and time (the row's
// place: the time picks the day partition). A new engine id gets a new row id here, inside the
// batch's transaction; a known one keeps its own. The tenant's batches take turns, and the
// map's primary key would refuse a second row for one engine id in any case.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { Transaction } from '@/db/run-transaction';
import type { EngineIdMap } from '@/lib/partitions/day-partitioned-tables';

export interface RowPlace {
  id: string;
  /** The stored time, as text (exact to the microsecond, unlike a Date). */
  at: string;
}

const column = (name: string) => sql.identifier(name);
const engineIdList = (engineIds: string[]) => sql.join(engineIds.map((id) => sql`${id}`), sql`, `);

/** Where the rows of these engine ids are: only those stored. */
async function findRowPlaces(tx: Pick<Transaction, 'execute'>, tenantId: string, map: EngineIdMap, engineIds: string[]): Promise<Map<string, RowPlace>> {
  if (engineIds.length === 0) return new Map();
  const rows = await queryRows<{ engine_id: string; id: string; at: string }>(
    tx,
    sql`select engine_id, ${column(map.rowIdColumn)} as id, ${column(map.timeColumn)}::text as at from ${column(map.table)}
        where tenant_id = ${tenantId}::uuid and engine_id in (${engineIdList(engineIds)})`,
  );
  return new Map(rows.map((row) => [row.engine_id, { id: row.id, at: row.at }]));
}

/** Maps new engine ids (at the reported time) and answers every item's place. */
export async function registerEngineIds(tx: Transaction, tenantId: string, map: EngineIdMap, items: { engineId: string; at: Date }[]): Promise<Map<string, RowPlace>> {
  if (items.length === 0) return new Map();
  const values = sql.join(
    items.map((item) => sql`(${tenantId}::uuid, ${item.engineId}, gen_random_uuid(), ${item.at}::timestamptz)`),
    sql`, `,
  );
  await tx.execute(sql`insert into ${column(map.table)} (tenant_id, engine_id, ${column(map.rowIdColumn)}, ${column(map.timeColumn)})
      values ${values} on conflict do nothing`);
  return findRowPlaces(tx, tenantId, map, items.map((item) => item.engineId));
}
