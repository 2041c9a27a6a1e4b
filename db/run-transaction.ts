// Every transaction of the app runs here: bounded in time on the server, and retried whole when
// PostgreSQL aborts it for a deadlock or a serialization failure (the work is all or nothing, so
// running it again is safe). The limits are set with SET LOCAL (set_config(…, true)): per
// transaction, because a pooler in transaction mode refuses start-up options and would leak
// session settings to other clients.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import type { Database } from './client';
import { isDatabaseUnavailable, sqlState } from './database-errors';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface TransactionLimits {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

const RETRIED_SQLSTATES = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export async function runTransaction<T>(db: Database, limits: TransactionLimits, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const bounded = async (tx: Transaction) => {
    await tx.execute(sql`select set_config('statement_timeout', ${String(limits.statementTimeoutMs)}, true),
      set_config('lock_timeout', ${String(limits.lockTimeoutMs)}, true),
      set_config('idle_in_transaction_session_timeout', ${String(limits.statementTimeoutMs)}, true)`);
    return work(tx);
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionOnOwnConnection(db, bounded);
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= ATTEMPTS || !state || !RETRIED_SQLSTATES.has(state)) throw error;
      // A short, jittered pause lets the transaction that won finish first.
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}

/** On a pool, the transaction's connection is thrown away when the client gave up on it (no
 * answer in time, connection lost): a statement already sent may still run on the server inside
 * that transaction, and the next borrower would commit it with its own work. */
async function transactionOnOwnConnection<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const pool = (db as { $client?: unknown }).$client;
  if (!(pool instanceof Pool)) return db.transaction(work);
  const client = await pool.connect();
  let discard = false;
  try {
    return await (drizzle(client) as unknown as Database).transaction(work);
  } catch (error) {
    // A server's own error (a SQLSTATE: a timeout it enforced, a constraint) leaves the
    // connection clean after the rollback; a failure on the client's side does not.
    discard = isDatabaseUnavailable(error) && sqlState(error) === undefined;
    throw error;
  } finally {
    client.release(discard ? true : undefined);
  }
}
