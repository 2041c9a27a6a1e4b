import 'server-only';
// Makes sure the day partitions a write needs exist, before the write's own transaction: a
// partition is created in a short transaction of its own (plain table, then attached: the
// parent is never locked against reads and writes), so a batch never holds a schema lock. Each
// process remembers the days it saw exist; the scheduled maintenance makes the coming days'
// ahead of time, so a batch normally finds them all remembered and asks nothing.
import { sql } from 'drizzle-orm';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import type { Database } from '@/db/client';
import { runTransaction, type TransactionLimits } from '@/db/run-transaction';
import { ingestLimits } from '@/lib/db-limits';
import type { DayPartitionedTable } from './day-partitioned-tables';
import { addDays } from '@/lib/time/zoned-time';

const known = new WeakMap<Database, Set<string>>();
const knownIn = (db: Database) => known.get(db) ?? known.set(db, new Set()).get(db)!;
const keyOf = (table: string, day: string) => `${table}/${day}`;

/** Consecutive days as [first, last] ranges. */
function dayRanges(days: string[]): [string, string][] {
  const ranges: [string, string][] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = ranges.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else ranges.push([day, day]);
  }
  return ranges;
}

/** limits: a batch's by default (a batch waits no longer for a partition than for its own locks). */
export async function ensureDayPartitions(db: Database, tables: DayPartitionedTable[], days: Iterable<string>, limits: TransactionLimits = ingestLimits()): Promise<void> {
  const seen = knownIn(db);
  const wanted = [...days];
  const missing = tables.flatMap((table) => {
    const absent = wanted.filter((day) => !seen.has(keyOf(table.name, day)));
    return absent.length === 0 ? [] : [{ table: table.name, ranges: dayRanges(absent) }];
  });
  if (missing.length === 0) return;
  await runTransaction(db, limits, async (tx) => {
    // Instances creating the same day take turns; the later finds it there.
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.partitions})`);
    for (const { table, ranges } of missing) {
      for (const [first, last] of ranges) {
        await tx.execute(sql`select day_partitions_ensure(${table}::regclass, ${first}::date, ${last}::date)`);
      }
    }
  });
  for (const { table, ranges } of missing) {
    for (const [first, last] of ranges) for (let day = first; day <= last; day = addDays(day, 1)) seen.add(keyOf(table, day));
  }
}

/** Forgets days whose partitions were dropped (retention), so a later write would ask again. */
export function forgetDayPartitions(db: Database, table: string, days: string[]): void {
  const seen = knownIn(db);
  for (const day of days) seen.delete(keyOf(table, day));
}
