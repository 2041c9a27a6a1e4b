import 'server-only';
// The scheduled partition work: the coming days' partitions made ahead (so batches find theirs
// and never create one), then the retention applied.
import type { DatabaseHandle } from '@/db/client';
import { scheduledLimits } from '@/lib/db-limits';
import { applyRetention, type RetentionRun } from './apply-retention';
import { DAY_PARTITIONED_TABLES } from './day-partitioned-tables';
import { ensureDayPartitions } from './ensure-day-partitions';
import { DAYS_AHEAD } from './retention-window';
import { utcDay } from './utc-days';
import { addDays } from '@/lib/time/zoned-time';

export async function maintainPartitions(handle: DatabaseHandle, now: Date = new Date()): Promise<RetentionRun | null> {
  const today = utcDay(now);
  const coming = Array.from({ length: DAYS_AHEAD + 2 }, (_, n) => addDays(today, n));
  await ensureDayPartitions(handle.ingestDb, DAY_PARTITIONED_TABLES, coming, scheduledLimits());
  return applyRetention(handle, { now });
}
