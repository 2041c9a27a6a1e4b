import 'server-only';
// Applies the committed drizzle-kit migrations (and the data step no SQL can do: chunking logs
// stored before logs were chunked), and tells how many are still pending.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { queryRows, type Database, type DatabaseHandle } from './client';
import { convertLegacyLogs } from '@/lib/logs/convert-legacy-logs';
import { ADVISORY_LOCKS } from './advisory-locks';
import { withInstallationLock } from './installation-lock';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
// Serializes migrations of several app instances starting at once on one PostgreSQL server.
const MIGRATION_LOCK_KEY = ADVISORY_LOCKS.migration;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
    await convertLegacyLogs(handle.db);
    return;
  }
  // One instance migrates while the others wait, under a transaction lock held on a connection
  // of its own (a session lock would not hold through PgBouncer's transaction pooling). The
  // migrations run on the pool without a client-side statement bound: one may take long.
  await withInstallationLock(handle, MIGRATION_LOCK_KEY, async () => {
    await migratePg(drizzlePg(handle.streamPool), config);
    // Under the lock too: one instance converts while the others wait to serve.
    await convertLegacyLogs(handle.ingestDb);
  });
}

export interface MigrationState {
  applied: number;
  pending: number;
}

/** db: where to ask (the health check asks on its own connection); the handle's by default. */
export async function getMigrationState(handle: DatabaseHandle, db: Database = handle.db): Promise<MigrationState> {
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const [table] = await queryRows<{ name: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
  );
  let lastAppliedAt = -1;
  if (table?.name) {
    const [last] = await queryRows<{ created_at: string | number | null }>(
      db,
      sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
    );
    lastAppliedAt = Number(last?.created_at ?? -1);
  }
  // The same rule drizzle's migrator applies: a migration newer than the last applied is pending.
  const pending = known.filter((migration) => migration.folderMillis > lastAppliedAt).length;
  return { applied: known.length - pending, pending };
}
