import 'server-only';
// A scrape: the gauges read at this moment (the pools, the replica, the alert queue), then every series.
// Bounded: the queue's size is asked for at most QUEUE_TIMEOUT_MS, and left out when it does not
// answer in time — a scrape must not hang on a database that is away.
import { getDatabase } from '@/db/client';
import { replicaState } from '@/db/read-replica';
import { deliveryQueueSize } from '@/lib/alerts/delivery-queue';
import { withTimeout } from '@/lib/async/with-timeout';
import { logger } from '@/lib/logger';
import { metrics } from './metrics';

const QUEUE_TIMEOUT_MS = 2_000;

export async function collectMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry, poolConnections, queueDepth, replicaLag, replicaInUse } = metrics();
  const handle = getDatabase();
  if (handle.driver === 'postgres') {
    for (const [name, pool] of [['pages', handle.pool], ['ingest', handle.ingestPool], ['downloads', handle.streamPool]] as const) {
      poolConnections.set({ pool: name, state: 'in_use' }, pool.totalCount - pool.idleCount);
      poolConnections.set({ pool: name, state: 'idle' }, pool.idleCount);
      poolConnections.set({ pool: name, state: 'waiting' }, pool.waitingCount);
    }
  }
  if (handle.driver === 'postgres' && handle.replica) {
    const replica = replicaState(handle);
    replicaInUse.set(replica.status === 'in use' ? 1 : 0);
    replicaLag.set('lagSeconds' in replica ? replica.lagSeconds : Number.NaN);
  }
  const queued = await withTimeout(deliveryQueueSize(), QUEUE_TIMEOUT_MS).catch((error: unknown) => {
    logger().warn({ err: error }, 'metrics: the alert queue size could not be read');
    return null;
  });
  // Not read in time: the last value stays.
  if (queued !== null) queueDepth.set(queued);
  return { body: await registry.metrics(), contentType: registry.contentType };
}
