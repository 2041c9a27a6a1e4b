// Instances starting at once on a new PostgreSQL database: one migrates, the others wait for it,
// and none fails — the lock is a transaction's, so it holds through PgBouncer too.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type DatabaseHandle } from '@/db/client';
import { getMigrationState, migrateDatabase } from '@/db/migrate';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/databases';

describe.runIf(serverUrl)('migrations started by three instances at once', () => {
  let database: TestDatabase;
  let others: DatabaseHandle[];
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    others = [openDatabase({ driver: 'postgres', url: database.url! }), openDatabase({ driver: 'postgres', url: database.url! })];
  });
  afterAll(async () => {
    await Promise.all(others.map((handle) => handle.close()));
    await database.drop();
  });

  it('apply every migration once', async () => {
    await Promise.all([database.handle, ...others].map((handle) => migrateDatabase(handle)));
    const state = await getMigrationState(database.handle);
    expect(state.pending).toBe(0);
    const [row] = await queryRows<{ rows: number; hashes: number }>(
      database.handle.db,
      sql`select count(*)::int as rows, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`,
    );
    expect(row).toEqual({ rows: state.applied, hashes: state.applied });
  });
});
