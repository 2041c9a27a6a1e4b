// A database from before time partitioning moves to the partitioned layout with every row kept:
// counts and every row's text equal, each row in its day's partition, the engine ids mapped to
// the same rows, a log stored before chunking readable whole, and the golden CSV's bytes unchanged.
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { GET as userCsv } from '@/app/api/users/[id]/statistics.csv/route';
import { queryRows, setDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { actAs } from '../support/as-viewer';
import { createTestDatabase, testDrivers } from '../support/databases';
import { BOB, GOLDEN_BASE, GOLDEN_USER_CSV_SHA256, insertGoldenSessions, JANE, PROFILE, S } from '../support/golden-sessions';
import { migrateUntil } from '../support/migrations-until';
import { storedLogText } from '../support/stored-log';

vi.mock('@/lib/auth/viewer', async (importOriginal) => (await import('../support/as-viewer')).viewerModuleMock(importOriginal));

const BEFORE_PARTITIONS = '0017_demo_inbox';
const TENANT = '00000000-0000-4000-8000-0000000000aa';
const LOG = 'first line\nERROR second line\n';

const TABLES = ['sync_sessions', 'sync_issues', 'sync_session_logs'];
/** Each table's rows as text in key order, and their count. */
async function fingerprint(db: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of TABLES) {
    const columns = table === 'sync_session_logs' ? 'tenant_id, session_id, session_started_at, size_bytes, crc32' : '*';
    const [row] = await queryRows<{ rows: number; md5: string }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as md5
          from (select ${sql.raw(columns)} from ${sql.identifier(table)}) r`,
    );
    out[table] = row!;
  }
  return out;
}

describe.each(testDrivers)('moving a database to time partitions [%s]', (driver) => {
  it('keeps every session, issue and log, maps the engine ids, and gives the golden CSV', async () => {
    const database = await createTestDatabase(driver, { migrate: false });
    try {
      const { handle } = database;
      const db = handle.db;
      await migrateUntil(handle, BEFORE_PARTITIONS);
      await db.execute(sql`insert into tenants (id, slug, name, panel_access_granted) values (${TENANT}::uuid, 'before', 'Before', true)`);
      await insertGoldenSessions(db, TENANT);
      // More days, issues, and a log as it was stored before chunking.
      await db.execute(sql`insert into sync_sessions (tenant_id, started_at, engine_id, user_id, profile_id, status, scope)
        select ${TENANT}::uuid, timestamptz '2026-11-20 23:00:00+00' + g * interval '37 minutes', 'more' || g, ${BOB}::uuid, ${PROFILE}::uuid, 'success', g
        from generate_series(1, 300) g`);
      await db.execute(sql`insert into sync_issues (tenant_id, engine_id, user_id, profile_id, session_id, occurred_at, type, direction, name, operation, error_code)
        select ${TENANT}::uuid, 'issue' || g, ${JANE}::uuid, ${PROFILE}::uuid, ${S(2)}::uuid, timestamptz '2026-11-21 00:00:00+00' + g * interval '71 minutes',
               'email', 'outlook_to_salesforce', 'Mail ' || g, 'create', 1 + g % 5
        from generate_series(1, 100) g`);
      const bytes = Buffer.from(LOG, 'utf8');
      await db.execute(sql`insert into sync_session_logs (tenant_id, session_id, session_started_at, legacy_deflated, size_bytes, crc32)
        values (${TENANT}::uuid, ${S(1)}::uuid, ${new Date(GOLDEN_BASE)}, ${deflateRawSync(bytes)}, ${bytes.length}, ${crc32(bytes)})`);
      const before = await fingerprint(db);
      expect(before.sync_sessions!.rows).toBe(309);

      await migrateDatabase(handle);

      expect(await fingerprint(db)).toEqual(before);
      const misplaced = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from sync_sessions where tableoid::regclass::text <> 'sync_sessions_p' || to_char(started_at at time zone 'UTC', 'YYYYMMDD')`,
      );
      expect(misplaced[0]!.n).toBe(0);
      const unmapped = await queryRows<{ sessions: number; issues: number }>(
        db,
        sql`select (select count(*)::int from sync_sessions s where not exists (select 1 from sync_session_engine_ids m
                      where m.tenant_id = s.tenant_id and m.engine_id = s.engine_id and m.session_id = s.id and m.started_at = s.started_at)) as sessions,
                   (select count(*)::int from sync_issues i where not exists (select 1 from sync_issue_engine_ids m
                      where m.tenant_id = i.tenant_id and m.engine_id = i.engine_id and m.issue_id = i.id and m.occurred_at = i.occurred_at)) as issues`,
      );
      expect(unmapped[0]).toEqual({ sessions: 0, issues: 0 });
      expect(await storedLogText(db, TENANT, S(1))).toBe(LOG);

      setDatabase(handle);
      const [boss] = await queryRows<{ id: string }>(db, sql`insert into admins (tenant_id, email, name, role) values (${TENANT}::uuid, 'boss@before.test', 'Boss', 'platform_admin') returning id`);
      actAs((await loadViewer(db, boss!.id)) as TenantViewer);
      const response = await userCsv(new Request(`http://panel.test/api/users/${JANE}/statistics.csv`), { params: Promise.resolve({ id: JANE }) });
      expect(response.status).toBe(200);
      expect(createHash('sha256').update(new Uint8Array(await response.arrayBuffer())).digest('hex')).toBe(GOLDEN_USER_CSV_SHA256);
    } finally {
      actAs(null);
      setDatabase(undefined);
      await database.drop();
    }
  });
});
