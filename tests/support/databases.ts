// Every database test runs on PGlite, and on PostgreSQL too when DATABASE_URL is set (or on the
// drivers TEST_DRIVERS names): each run in a fresh database of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databaseUrlBeside, runOnServer } from '@/db/server-databases';
import { parseEnv } from '@/config/env';

export type TestDriver = 'pglite' | 'postgres';

export const serverUrl = parseEnv(process.env).DATABASE_URL;
/** PGlite, and PostgreSQL too when DATABASE_URL is set; `TEST_DRIVERS=postgres` runs the server
 *  only (CI's second pass: the PGlite runs already happened in its first). */
export const testDrivers: TestDriver[] = chooseDrivers(process.env.TEST_DRIVERS);

function chooseDrivers(chosen: string | undefined): TestDriver[] {
  if (!chosen) return serverUrl ? ['pglite', 'postgres'] : ['pglite'];
  const drivers = chosen.split(',').map((d) => d.trim());
  const unknown = drivers.filter((d) => d !== 'pglite' && d !== 'postgres');
  if (unknown.length > 0) throw new Error(`TEST_DRIVERS: unknown driver ${unknown.join(', ')} (pglite, postgres)`);
  if (drivers.includes('postgres') && !serverUrl) throw new Error('TEST_DRIVERS names postgres but DATABASE_URL is not set');
  return drivers as TestDriver[];
}

export interface TestDatabase {
  handle: DatabaseHandle;
  url?: string;
  drop(): Promise<void>;
}

const onServer = (statement: string) => runOnServer(serverUrl!, statement);

export async function createTestDatabase(driver: TestDriver, { migrate = true } = {}): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = openDatabase({ driver: 'pglite', dataDir: null });
    if (migrate) await migrateDatabase(handle);
    return { handle, drop: () => handle.close() };
  }
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `sap_test_${randomBytes(6).toString('hex')}`;
  await onServer(`create database ${name}`);
  const url = databaseUrlBeside(serverUrl, name);
  const handle = openDatabase({ driver: 'postgres', url });
  if (migrate) await migrateDatabase(handle);
  return {
    handle,
    url,
    drop: async () => {
      await handle.close();
      await onServer(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Declares the suite once per available driver, each with a fresh migrated database. */
export function describeEachDatabase(title: string, suite: (database: () => DatabaseHandle, driver: TestDriver) => void): void {
  describe.each(testDrivers)(`${title} [%s]`, (driver) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(driver);
      // Data-layer functions open the process's database themselves: let them find this one.
      setDatabase(database.handle);
    });
    afterAll(async () => {
      setDatabase(undefined);
      await database?.drop();
    });
    suite(() => {
      if (!database) throw new Error('test database not ready');
      return database.handle;
    }, driver);
  });
}
