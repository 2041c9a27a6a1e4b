import 'server-only';
// Whether this instance can serve: the database answers and no migration is pending.
import { sql } from 'drizzle-orm';
import { getDatabase, type DatabaseHandle } from '@/db/client';
import { getMigrationState, type MigrationState } from '@/db/migrate';
import { logger } from '@/lib/logger';

export type HealthReport =
  | { status: 'ok'; database: { driver: string; reachable: true }; migrations: MigrationState }
  | {
      status: 'unavailable';
      database: { driver: string; reachable: boolean };
      migrations?: MigrationState;
      problem: string;
    };

const HEALTH_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

export async function checkHealth(openHandle: () => DatabaseHandle): Promise<HealthReport> {
  let driver = 'unknown';
  try {
    const handle = openHandle();
    driver = handle.driver;
    await withTimeout(handle.db.execute(sql`select 1`), HEALTH_TIMEOUT_MS);
    const migrations = await withTimeout(getMigrationState(handle), HEALTH_TIMEOUT_MS);
    if (migrations.pending > 0) {
      return {
        status: 'unavailable',
        database: { driver, reachable: true },
        migrations,
        problem: `${migrations.pending} database migration(s) pending: run \`npm run db:migrate\` or \`npm start\``,
      };
    }
    return { status: 'ok', database: { driver, reachable: true }, migrations };
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
