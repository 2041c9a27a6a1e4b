import 'server-only';
// The retention: every day partition older than the first kept day is dropped, whole, with the
// engine-id map rows that point into it, and the daily rollups are trimmed to what remains. One
// instance at a time (a tried lock; the others leave it to that one); every step can be
// repeated, so a run cut off anywhere is finished by the next.
// On PostgreSQL a partition is detached CONCURRENTLY: readers and writers of the table are never
// blocked (a long download only delays the detach). The map rows go in batches by the
// partition's own key, before the partition: a batch cannot bring them back, since the engine's
// items older than the first kept day are not stored (retention-window.ts).
import { sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { queryRows, type Database, type DatabaseHandle } from '@/db/client';
import { ifInstallationLockFree } from '@/db/installation-lock';
import { trimRollupsToRetention } from '@/lib/rollups/trim-to-retention';
import { DAY_PARTITIONED_TABLES, type EngineIdMap } from './day-partitioned-tables';
import { forgetDayPartitions } from './ensure-day-partitions';
import { retentionWindow } from './retention-window';
import { dayStart } from './utc-days';

const MAP_ROWS_PER_DELETE = 20_000;

export interface RetentionRun {
  firstKeptDay: string;
  dropped: { table: string; days: string[] }[];
  rollupsTrimmed: boolean;
}

export async function expiredPartitions(db: Database, table: string, firstKeptDay: string): Promise<{ partition: string; day: string }[]> {
  return queryRows<{ partition: string; day: string }>(
    db,
    sql`select partition_name as partition, to_char(day, 'YYYY-MM-DD') as day from day_partitions(${table}::regclass)
        where day < ${firstKeptDay}::date order by day`,
  );
}

/** Deletes the map rows of the partition's rows, a batch at a time in the partition's key order. */
async function deleteEngineIds(db: Database, partition: string, engineIds: EngineIdMap): Promise<void> {
  const rows = sql.identifier(partition);
  const time = sql.identifier(engineIds.timeColumn);
  let after: { tenant_id: string; time: string; id: string } | undefined;
  for (;;) {
    const past = after ? sql`where (tenant_id, ${time}, id) > (${after.tenant_id}::uuid, ${after.time}::timestamptz, ${after.id}::uuid)` : sql``;
    const [last] = await queryRows<{ tenant_id: string; time: string; id: string }>(
      db,
      sql`with batch as (
            select tenant_id, ${time} as time, id, engine_id from ${rows} ${past}
            order by tenant_id, ${time}, id limit ${MAP_ROWS_PER_DELETE}
          ), gone as (
            delete from ${sql.identifier(engineIds.table)} m using batch b
            where m.tenant_id = b.tenant_id and m.engine_id = b.engine_id and m.${sql.identifier(engineIds.rowIdColumn)} = b.id
          )
          select tenant_id, time::text as time, id from batch order by tenant_id desc, time desc, id desc limit 1`,
    );
    if (!last) return;
    after = last;
  }
}

async function dropPartition(handle: DatabaseHandle, table: string, partition: string): Promise<void> {
  const db = handle.ingestDb;
  const parent = sql.identifier(table);
  const child = sql.identifier(partition);
  if (handle.driver === 'postgres') {
    const [state] = await queryRows<{ pending: boolean }>(db, sql`select inhdetachpending as pending from pg_inherits where inhrelid = ${partition}::regclass`);
    // A detach cut off halfway is finished, not started again.
    if (state?.pending) await db.execute(sql`alter table ${parent} detach partition ${child} finalize`);
    else if (state) await db.execute(sql`alter table ${parent} detach partition ${child} concurrently`);
  } else {
    await db.execute(sql`alter table ${parent} detach partition ${child}`);
  }
  await db.execute(sql`drop table ${child}`);
}

/** The engine-id map rows of every partition before the first kept day (first: see above). */
export async function deleteExpiredEngineIds(db: Database, firstKeptDay: string): Promise<void> {
  for (const table of DAY_PARTITIONED_TABLES) {
    if (!table.engineIds) continue;
    for (const { partition } of await expiredPartitions(db, table.name, firstKeptDay)) await deleteEngineIds(db, partition, table.engineIds);
  }
}

/** Detaches and drops every partition before the first kept day; answers what went. */
export async function dropExpiredPartitions(handle: DatabaseHandle, firstKeptDay: string): Promise<RetentionRun['dropped']> {
  const db = handle.ingestDb;
  const dropped: RetentionRun['dropped'] = [];
  for (const table of DAY_PARTITIONED_TABLES) {
    const expired = await expiredPartitions(db, table.name, firstKeptDay);
    for (const { partition } of expired) await dropPartition(handle, table.name, partition);
    const days = expired.map((p) => p.day);
    forgetDayPartitions(db, table.name, days);
    if (days.length > 0) dropped.push({ table: table.name, days });
  }
  return dropped;
}

/** Applies the retention now; null when another instance is applying it. */
export function applyRetention(handle: DatabaseHandle, options: { now?: Date; retentionDays?: number } = {}): Promise<RetentionRun | null> {
  return ifInstallationLockFree(handle, ADVISORY_LOCKS.retention, async () => {
    const { firstKeptDay } = retentionWindow(options.now, options.retentionDays);
    await deleteExpiredEngineIds(handle.ingestDb, firstKeptDay);
    const dropped = await dropExpiredPartitions(handle, firstKeptDay);
    const rollupsTrimmed = await trimRollupsToRetention(handle.ingestDb, dayStart(firstKeptDay));
    return { firstKeptDay, dropped, rollupsTrimmed };
  });
}
