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
import { env, type Env } from '@/lib/env';
import { acquireDataDirLock } from './pglite-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig =
  | { driver: 'postgres'; url: string }
  // dataDir null: in memory (tests).
  | { driver: 'pglite'; dataDir: string | null };

export type DatabaseHandle = {
  readonly db: Database;
  close(): Promise<void>;
} & (
  | { readonly driver: 'postgres'; readonly pool: Pool }
  | { readonly driver: 'pglite'; readonly pglite: PGlite }
);

export function resolveDatabaseConfig(config: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): DatabaseConfig {
  if (config.DATABASE_URL) return { driver: 'postgres', url: config.DATABASE_URL };
  return { driver: 'pglite', dataDir: path.resolve(config.DATA_DIR, 'pglite') };
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.driver === 'postgres') {
    const pool = new Pool({
      connectionString: config.url,
      // Whatever the server's default: node-postgres parses times in ISO, and the CSV export
      // prints timestamps as text (lib/exports/sessions-csv-copy.ts).
      options: '-c DateStyle=ISO,YMD',
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    return { driver: 'postgres', pool, db: drizzlePg(pool, { schema }), close: () => pool.end() };
  }
  let releaseLock = () => {};
  if (config.dataDir) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(`${config.dataDir}.lock`);
  }
  const pglite = new PGlite(config.dataDir ?? undefined);
  return {
    driver: 'pglite',
    pglite,
    db: drizzlePglite(pglite, { schema }) as unknown as Database,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        releaseLock();
      }
    },
  };
}

const GLOBAL_KEY = Symbol.for('sync-admin-panel.database');
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: DatabaseHandle };

/** The process's database, opened at first use. */
export function getDatabase(): DatabaseHandle {
  const holder = globalThis as GlobalWithDatabase;
  holder[GLOBAL_KEY] ??= openDatabase(resolveDatabaseConfig(env()));
  return holder[GLOBAL_KEY];
}

/** Makes an already opened database the process's own (tests and benchmarks open theirs). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDatabase)[GLOBAL_KEY] = handle;
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithDatabase;
  const handle = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  await handle?.close();
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<Row>(db: Pick<Database, 'execute'>, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
