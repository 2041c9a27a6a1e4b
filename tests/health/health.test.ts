import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { openDatabase, setDatabase } from '@/db/client';
import { checkHealth } from '@/lib/health/check-health';
import { createTestDatabase, testDrivers } from '../support/databases';

afterEach(() => {
  setDatabase(undefined);
});

describe.each(testDrivers)('GET /api/health [%s]', (driver) => {
  it('answers 200 with the migration state when the database is ready', async () => {
    const database = await createTestDatabase(driver);
    try {
      setDatabase(database.handle);
      const response = await GET();
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        database: { driver, reachable: true },
        migrations: { pending: 0 },
      });
    } finally {
      await database.drop();
    }
  });

  it('answers 503 naming the pending migrations when the schema is behind the code', async () => {
    const database = await createTestDatabase(driver);
    try {
      await database.handle.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      setDatabase(database.handle);
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ status: 'unavailable', database: { reachable: true }, migrations: { pending: 1 } });
      expect(body.problem).toMatch(/1 database migration\(s\) pending/);
    } finally {
      await database.drop();
    }
  });

  it('answers 503 on a database that was never migrated', async () => {
    const database = await createTestDatabase(driver, { migrate: false });
    try {
      const report = await checkHealth(() => database.handle);
      expect(report.status).toBe('unavailable');
      expect(report.migrations?.applied).toBe(0);
    } finally {
      await database.drop();
    }
  });
});

describe('GET /api/health with an unreachable database', () => {
  it('answers 503 without the driver\'s error text', async () => {
    const handle = openDatabase({ driver: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    try {
      setDatabase(handle);
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        database: { driver: 'postgres', reachable: false },
        problem: 'database unreachable',
      });
    } finally {
      await handle.close();
    }
  });
});
