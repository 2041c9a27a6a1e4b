import 'server-only';
// The one database module: PGlite (embedded) without DATABASE_URL, a pg Pool with it.
// One instance per process, kept on globalThis (pages and route handlers are bundled apart),
// opened lazily at first use so that `next build` never opens it.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { env, parseEnv, type Env } from '@/config/env';
import { acquireDataDirLock } from './pglite-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig =
  | { driver: 'postgres'; url: string; /** A streaming replica for lists, statistics and exports (db/read-replica.ts). */ readUrl?: string }
  // dataDir null: in memory (tests).
  | { driver: 'pglite'; dataDir: string | null };

/**
 * Connections and time bounds of a PostgreSQL handle. Each purpose has its own pool, so that no
 * kind of request can take the connections another needs: pages and admin actions, the sync
 * engine's batches, and downloads (a slow reader holds its COPY's connection). Per instance.
 */
export interface DatabaseLimits {
  poolSize: number;
  ingestPoolSize: number;
  downloadPoolSize: number;
  /** How long a request waits for a free connection (and for a new one to connect). */
  acquireTimeoutMs: number;
  /** Client-side bound of one statement on the page and ingestion pools: a frozen server or a
   * network black hole never answers, so the server's own statement_timeout cannot fire there.
   * Absent: unbounded (the handles tests and benchmarks open; getDatabase() is bounded). */
  queryTimeoutMs?: number;
  ingestQueryTimeoutMs?: number;
}


// The client-side bound leaves the server's own limit time to answer first.
const CLIENT_SLACK_MS = 1_000;

/** The app server's limits, from the environment (docs/operations.md). */
export function databaseLimits(config: Env = env()): DatabaseLimits {
  return {
    poolSize: config.DB_POOL_SIZE,
    ingestPoolSize: config.DB_INGEST_POOL_SIZE,
    downloadPoolSize: config.DB_DOWNLOAD_POOL_SIZE,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    queryTimeoutMs: Math.max(config.DB_STATEMENT_TIMEOUT_MS, config.DB_LOCK_TIMEOUT_MS) + CLIENT_SLACK_MS,
    ingestQueryTimeoutMs: Math.max(config.INGEST_STATEMENT_TIMEOUT_MS, config.INGEST_LOCK_TIMEOUT_MS) + CLIENT_SLACK_MS,
  };
}

/** The default pool sizes without statement bounds: the handles tests and benchmarks open. */
export const UNBOUNDED_LIMITS: DatabaseLimits = { ...databaseLimits(parseEnv({})), queryTimeoutMs: undefined, ingestQueryTimeoutMs: undefined };

export type DatabaseHandle = {
  /** Pages, route handlers and admin actions. */
  readonly db: Database;
  /** The sync engine's batches. */
  readonly ingestDb: Database;
  /** /api/health: on PostgreSQL one connection of its own, so it answers while the pools are busy. */
  readonly healthDb: Database;
  close(options?: { keepDataDirLock?: boolean }): Promise<void>;
} & (
  | {
      readonly driver: 'postgres';
      /** Where it connects: what a library with its own connections (the alerts' job queue) uses. */
      readonly url: string;
      readonly pool: Pool;
      readonly ingestPool: Pool;
      /** Statements without a client-side time bound: downloads' COPY (bounded by their reader's
       * idle time instead, lib/exports/stream-response.ts) and migrations. */
      readonly streamPool: Pool;
      /** DATABASE_READ_URL's pools: reads go there through db/read-replica.ts only. */
      readonly replica?: ReplicaHandle;
    }
  | { readonly driver: 'pglite'; readonly pglite: PGlite }
);

export interface ReplicaHandle {
  readonly url: string;
  readonly pool: Pool;
  readonly db: Database;
  /** Downloads' COPY on the replica, unbounded like the primary's stream pool. */
  readonly streamPool: Pool;
}

export function resolveDatabaseConfig(config: Pick<Env, 'DATABASE_URL' | 'DATABASE_READ_URL' | 'DATA_DIR'>): DatabaseConfig {
  if (config.DATABASE_URL) return { driver: 'postgres', url: config.DATABASE_URL, readUrl: config.DATABASE_READ_URL };
  return { driver: 'pglite', dataDir: path.resolve(config.DATA_DIR, 'pglite') };
}

function openPool(url: string, max: number, acquireTimeoutMs: number, queryTimeoutMs?: number): Pool {
  const pool = new Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
    // A peer that vanished is noticed in about a minute, not after Linux's default two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
    ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  // Nor may a client in use: its error reaches the caller through its query.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Background checks kept on a handle (db/read-replica.ts's replica monitor): stopped when it closes. */
export const HANDLE_TIMERS = Symbol.for('sync-admin-panel.handle-timers');
function stopMonitors(handle: DatabaseHandle): void {
  for (const timer of (handle as { [HANDLE_TIMERS]?: NodeJS.Timeout[] })[HANDLE_TIMERS] ?? []) clearInterval(timer);
}

/** The replica gets the primary's page and download pool sizes: it serves those reads instead. */
function openReplica(url: string, limits: DatabaseLimits): ReplicaHandle {
  const pool = openPool(url, limits.poolSize, limits.acquireTimeoutMs, limits.queryTimeoutMs);
  return { url, pool, db: drizzlePg(pool, { schema }), streamPool: openPool(url, limits.downloadPoolSize, limits.acquireTimeoutMs) };
}

export function openDatabase(config: DatabaseConfig, limits: DatabaseLimits = UNBOUNDED_LIMITS, options: { adoptLockFrom?: number } = {}): DatabaseHandle {
  if (config.driver === 'postgres') {
    const pool = openPool(config.url, limits.poolSize, limits.acquireTimeoutMs, limits.queryTimeoutMs);
    const ingestPool = openPool(config.url, limits.ingestPoolSize, limits.acquireTimeoutMs, limits.ingestQueryTimeoutMs);
    const streamPool = openPool(config.url, limits.downloadPoolSize, limits.acquireTimeoutMs);
    const healthPool = openPool(config.url, 1, limits.acquireTimeoutMs, limits.queryTimeoutMs);
    const replica = config.readUrl ? openReplica(config.readUrl, limits) : undefined;
    const handle: DatabaseHandle = {
      driver: 'postgres',
      url: config.url,
      pool,
      ingestPool,
      streamPool,
      db: drizzlePg(pool, { schema }),
      ingestDb: drizzlePg(ingestPool, { schema }),
      healthDb: drizzlePg(healthPool, { schema }),
      replica,
      close: async () => {
        stopMonitors(handle);
        await Promise.all([pool.end(), ingestPool.end(), streamPool.end(), healthPool.end(), replica?.pool.end(), replica?.streamPool.end()]);
      },
    };
    return handle;
  }
  let releaseLock = () => {};
  if (config.dataDir) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(`${config.dataDir}.lock`, { adoptFrom: options.adoptLockFrom });
  }
  const pglite = new PGlite(config.dataDir ?? undefined);
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    driver: 'pglite',
    pglite,
    db,
    ingestDb: db,
    healthDb: db,
    close: async ({ keepDataDirLock = false } = {}) => {
      try {
        await pglite.close();
      } finally {
        if (!keepDataDirLock) releaseLock();
      }
    },
  };
}

const GLOBAL_KEY = Symbol.for('sync-admin-panel.database');
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: DatabaseHandle };

/** The process's database, opened at first use. */
export function getDatabase(): DatabaseHandle {
  const holder = globalThis as GlobalWithDatabase;
  const config = env();
  holder[GLOBAL_KEY] ??= openDatabase(resolveDatabaseConfig(config), databaseLimits(config), { adoptLockFrom: config.DATA_DIR_LOCK_HOLDER });
  return holder[GLOBAL_KEY];
}

/** Makes an already opened database the process's own (tests and benchmarks open theirs). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDatabase)[GLOBAL_KEY] = handle;
}

export async function closeDatabase(options?: { keepDataDirLock?: boolean }): Promise<void> {
  const holder = globalThis as GlobalWithDatabase;
  const handle = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  await handle?.close(options);
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<Row>(db: Pick<Database, 'execute'>, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
