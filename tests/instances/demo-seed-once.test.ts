// Two instances started at once in demo mode on one PostgreSQL database: one seeds the demo
// data, the other waits for it and finds it seeded — neither fails, nothing is seeded twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type DatabaseHandle } from '@/db/client';
import { prepareDemo } from '@/lib/demo/prepare-demo';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';

describe.runIf(serverUrl)('the demo seed, started by two instances at once', () => {
  let database: TestDatabase;
  let second: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    second = openDatabase({ driver: 'postgres', url: database.url! });
  });
  afterAll(async () => {
    await second.close();
    await database.drop();
  });

  it('runs once', async () => {
    const options = { seed: 7, acmeUsers: 12, days: 2, endAt: new Date('2026-12-07T12:00:00Z'), panelUrl: 'http://localhost:3000', issuer: 'http://localhost:3001' };
    const results = await Promise.all([prepareDemo(database.handle, options), prepareDemo(second, options)]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    const [row] = await queryRows<{ admins: number; markers: number }>(
      database.handle.db,
      sql`select (select count(*)::int from admins) as admins, (select count(*)::int from instance_metadata where key = 'demo_seed') as markers`,
    );
    expect(row!.markers).toBe(1);
    expect(row!.admins).toBeGreaterThan(0);
  });
});
