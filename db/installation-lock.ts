import 'server-only';
// Work that one starting instance does for all of them (migrating, seeding the demo data): the others wait
// for it, then find it done. The lock is a transaction's (pg_advisory_xact_lock on a connection
// of its own, held while the work runs on the pools), so it also holds through PgBouncer in
// transaction pooling mode, where a session's lock would be held by whichever client got that
// server connection. The embedded database serves one process only: nothing to wait for there.
import type { DatabaseHandle } from './client';

export async function withInstallationLock<T>(handle: DatabaseHandle, key: number, work: () => Promise<T>): Promise<T> {
  return (await underLock(handle, key, 'wait', work)) as T;
}

/** The same, but when another instance holds the lock the work is left to it: answers null. */
export function ifInstallationLockFree<T>(handle: DatabaseHandle, key: number, work: () => Promise<T>): Promise<T | null> {
  return underLock(handle, key, 'try', work);
}

async function underLock<T>(handle: DatabaseHandle, key: number, mode: 'wait' | 'try', work: () => Promise<T>): Promise<T | null> {
  if (handle.driver !== 'postgres') return work();
  const client = await handle.streamPool.connect();
  try {
    await client.query('begin');
    if (mode === 'wait') await client.query('select pg_advisory_xact_lock($1)', [key]);
    else {
      const { rows } = await client.query<{ taken: boolean }>('select pg_try_advisory_xact_lock($1) as taken', [key]);
      if (!rows[0]?.taken) {
        await client.query('rollback');
        return null;
      }
    }
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
