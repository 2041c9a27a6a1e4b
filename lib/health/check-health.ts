import 'server-only';
// Whether this instance can serve: the database answers and no migration is pending. Asked on a
// connection of its own: busy pools (many downloads, a burst of batches) are a state to report
// with 200, not an outage; 503 only when the database does not answer or is behind.
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { getDatabase, type DatabaseHandle } from '@/db/client';
import { getMigrationState, type MigrationState } from '@/db/migrate';
import { replicaState, type ReplicaState } from '@/db/read-replica';
import { downloadsInProgress } from '@/lib/exports/download-slots';
import { batchesInProgress } from '@/lib/ingest/ingest-slots';
import { logger } from '@/lib/logger';
import { withTimeout } from '@/lib/async/with-timeout';

interface PoolState {
  size: number;
  idle: number;
  waiting: number;
}

export interface ServiceLoad {
  pools?: { pages: PoolState; ingest: PoolState; downloads: PoolState };
  /** With DATABASE_READ_URL: whether reads go to the replica, and its lag (a replica away or
   *  lagging is reported here with 200: reads fall back to the primary). */
  replica?: ReplicaState;
  downloadsInProgress: number;
  batchesInProgress: number;
}

export type HealthReport =
  | { status: 'ok'; database: { driver: string; reachable: true }; migrations: MigrationState; load: ServiceLoad }
  | {
      status: 'unavailable';
      database: { driver: string; reachable: boolean };
      migrations?: MigrationState;
      problem: string;
      load?: ServiceLoad;
    };

const HEALTH_TIMEOUT_MS = 5_000;

const poolState = (pool: Pool): PoolState => ({ size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });

function loadOf(handle: DatabaseHandle): ServiceLoad {
  return {
    ...(handle.driver === 'postgres' ? { pools: { pages: poolState(handle.pool), ingest: poolState(handle.ingestPool), downloads: poolState(handle.streamPool) } } : {}),
    ...(handle.driver === 'postgres' && handle.replica ? { replica: replicaState(handle) } : {}),
    downloadsInProgress: downloadsInProgress(),
    batchesInProgress: batchesInProgress(),
  };
}

export async function checkHealth(openHandle: () => DatabaseHandle): Promise<HealthReport> {
  let driver = 'unknown';
  try {
    const handle = openHandle();
    driver = handle.driver;
    await withTimeout(handle.healthDb.execute(sql`select 1`), HEALTH_TIMEOUT_MS);
    const migrations = await withTimeout(getMigrationState(handle, handle.healthDb), HEALTH_TIMEOUT_MS);
    if (migrations.pending > 0) {
      return {
        status: 'unavailable',
        database: { driver, reachable: true },
        migrations,
        problem: `${migrations.pending} database migration(s) pending: run \`npm run db:migrate\` or \`npm start\``,
        load: loadOf(handle),
      };
    }
    return { status: 'ok', database: { driver, reachable: true }, migrations, load: loadOf(handle) };
  } catch (error) {
    // The database's own error text goes to the server log, never to the client.
    logger().error({ err: error, driver }, 'health check: database unreachable');
    return { status: 'unavailable', database: { driver, reachable: false }, problem: 'database unreachable' };
  }
}

/** The health of this process's own database. */
export function getServiceHealth(): Promise<HealthReport> {
  return checkHealth(getDatabase);
}
