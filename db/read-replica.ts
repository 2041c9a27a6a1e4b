import 'server-only';
// Reads that may come from the streaming replica (DATABASE_READ_URL): lists, statistics pages and
// exports ask here for their database. Everything else — writes, the per-request access check,
// the engine's sync-state, single-row lookups — stays on the primary, so a revoke refuses at once
// whatever the replica's lag. The replica serves a read only when all of these hold:
// - its lag, measured every CHECK_INTERVAL_MS by this instance, is at most REPLICA_MAX_LAG_SECONDS
//   (until the first measurement, and while it is away, the primary serves);
// - the request did not write (a server action re-renders its page in the same request);
// - the admin has not written in the last REPLICA_MAX_LAG_SECONDS + a margin: an action sets a
//   short-lived cookie, so the admin reads their own toggle whichever instance serves them next.
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { env } from '@/config/env';
import { withTimeout } from '@/lib/async/with-timeout';
import { logger } from '@/lib/logger';
import { instanceState } from '@/lib/server/instance-state';
import { getDatabase, HANDLE_TIMERS, queryRows, type Database, type DatabaseHandle } from './client';
import { isConnectionFailure } from './database-errors';

const CHECK_INTERVAL_MS = 2_000;
const CHECK_TIMEOUT_MS = 2_000;
/** Covers a check's interval on top of the lag allowed. */
const OWN_WRITE_MARGIN_SECONDS = 5;
export const READ_PRIMARY_COOKIE = 'sap-read-primary';

export type ReplicaState =
  | { status: 'none' }
  | { status: 'unknown' }
  | { status: 'in use'; lagSeconds: number }
  | { status: 'lagging'; lagSeconds: number }
  | { status: 'unreachable' };

interface Monitor {
  state: ReplicaState;
}

const MONITOR = Symbol.for('sync-admin-panel.replica-monitor');
type WithMonitor = DatabaseHandle & { [MONITOR]?: Monitor };

/** Seconds the replica is behind the primary: 0 when it has replayed all the primary had written
 *  when asked (an idle primary is not "lag"), else the time since its last replayed commit. */
export async function measureReplicaLag(handle: DatabaseHandle): Promise<number> {
  if (handle.driver !== 'postgres' || !handle.replica) return 0;
  const [primary] = await queryRows<{ lsn: string }>(handle.db, sql`select pg_current_wal_lsn()::text as lsn`);
  const [replica] = await queryRows<{ recovery: boolean; caught_up: boolean | null; since_replay: number | null }>(
    handle.replica.db,
    sql`select pg_is_in_recovery() as recovery,
               pg_last_wal_replay_lsn() >= ${primary!.lsn}::pg_lsn as caught_up,
               extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as since_replay`,
  );
  // Not a standby at all (a promoted replica, or a test's second database): as current as it gets.
  if (!replica!.recovery || replica!.caught_up) return 0;
  return replica!.since_replay ?? Number.POSITIVE_INFINITY;
}

/** Measures now and records the result: what the monitor does every CHECK_INTERVAL_MS. */
export async function checkReplica(handle: DatabaseHandle): Promise<ReplicaState> {
  const monitor = monitorOf(handle);
  if (!monitor) return { status: 'none' };
  const before = monitor.state.status;
  try {
    const lagSeconds = await withTimeout(measureReplicaLag(handle), CHECK_TIMEOUT_MS);
    monitor.state = lagSeconds <= env().REPLICA_MAX_LAG_SECONDS ? { status: 'in use', lagSeconds } : { status: 'lagging', lagSeconds };
  } catch (error) {
    if (before !== 'unreachable') logger().warn({ err: error }, 'read replica unreachable: reads go to the primary');
    monitor.state = { status: 'unreachable' };
  }
  if (before !== monitor.state.status && monitor.state.status !== 'unreachable') logger().info({ replica: monitor.state }, 'read replica state changed');
  return monitor.state;
}

function monitorOf(handle: DatabaseHandle): Monitor | undefined {
  if (handle.driver !== 'postgres' || !handle.replica) return undefined;
  const holder = handle as WithMonitor;
  if (!holder[MONITOR]) {
    const timer = setInterval(() => void checkReplica(handle), CHECK_INTERVAL_MS);
    timer.unref();
    const timers = holder as { [HANDLE_TIMERS]?: NodeJS.Timeout[] };
    (timers[HANDLE_TIMERS] ??= []).push(timer); // stopped when the handle closes
    holder[MONITOR] = { state: { status: 'unknown' } };
    void checkReplica(handle);
  }
  return holder[MONITOR];
}

/** What this instance last measured (health, readiness and metrics report it). */
export function replicaState(handle: DatabaseHandle = getDatabase()): ReplicaState {
  return monitorOf(handle)?.state ?? { status: 'none' };
}

async function readsOwnWrites(): Promise<boolean> {
  if (instanceState().requests.getStore()?.wrote) return true;
  try {
    const { cookies } = await import('next/headers');
    return (await cookies()).has(READ_PRIMARY_COOKIE);
  } catch {
    return false; // outside a request (scripts, tests)
  }
}

async function replicaForReads(handle: DatabaseHandle) {
  if (handle.driver !== 'postgres' || !handle.replica) return undefined;
  if (replicaState(handle).status !== 'in use') return undefined;
  return (await readsOwnWrites()) ? undefined : handle.replica;
}

/** The replica's database, whose statements go to the primary when the replica cannot be
 *  reached (stopped since the last check): the read succeeds, and the replica is left out until
 *  a check finds it back. Statements through `execute` (queryRows), which every read here uses. */
function replicaWithFallback(handle: DatabaseHandle, replicaDb: Database): Database {
  return new Proxy(replicaDb, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: Parameters<Database['execute']>[0]) => {
        try {
          return await target.execute(query);
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
          const monitor = (handle as WithMonitor)[MONITOR];
          if (monitor && monitor.state.status !== 'unreachable') {
            logger().warn({ err: error }, 'read replica unreachable: reads go to the primary');
            monitor.state = { status: 'unreachable' };
          }
          return handle.db.execute(query);
        }
      };
    },
  });
}

/** The database a list, statistics page or export reads: the replica when it may, else the primary. */
export async function readDatabase(handle: DatabaseHandle = getDatabase()): Promise<Database> {
  const replica = await replicaForReads(handle);
  return replica ? replicaWithFallback(handle, replica.db) : handle.db;
}

/** The pool a download's COPY streams from: the replica's when it may, else the primary's. */
export async function readStreamPool(handle: DatabaseHandle & { driver: 'postgres' }): Promise<Pool> {
  return (await replicaForReads(handle))?.streamPool ?? handle.streamPool;
}

/** After an admin's write: this request and the admin's next ones for a while read the primary. */
export async function markOwnWrite(handle: DatabaseHandle = getDatabase()): Promise<void> {
  const context = instanceState().requests.getStore();
  if (context) context.wrote = true;
  if (handle.driver !== 'postgres' || !handle.replica) return;
  try {
    const { cookies } = await import('next/headers');
    (await cookies()).set(READ_PRIMARY_COOKIE, '1', {
      maxAge: env().REPLICA_MAX_LAG_SECONDS + OWN_WRITE_MARGIN_SECONDS,
      httpOnly: true,
      sameSite: 'lax',
      secure: (env().NEXTAUTH_URL ?? '').startsWith('https:'),
      path: '/',
    });
  } catch {
    // outside a request: nothing to remember
  }
}
