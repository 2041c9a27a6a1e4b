import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { admins, profiles, syncSessionEngineIds, syncSessions, tenants, users } from '@/db/schema';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

describeEachDatabase('schema constraints', (database) => {
  it('lets two tenants use the same engine ids and emails, but not one tenant twice', async () => {
    const { db } = database();
    const acme = await createTenant(db);
    const globex = await createTenant(db);
    for (const tenant of [acme, globex]) {
      await db.insert(profiles).values({ tenantId: tenant.id, engineId: 'sales', name: 'Sales' });
    }
    await expect(db.insert(profiles).values({ tenantId: acme.id, engineId: 'sales', name: 'Again' })).rejects.toThrow();
    const [acmeSales] = await db.select().from(profiles).where(eq(profiles.tenantId, acme.id));
    await db.insert(users).values({ tenantId: acme.id, email: 'jane@x.test', name: 'Jane', profileId: acmeSales!.id });
    await expect(
      db.insert(users).values({ tenantId: acme.id, email: 'jane@x.test', name: 'Jane 2', profileId: acmeSales!.id }),
    ).rejects.toThrow();
  });

  it('refuses a user pointing at another tenant\'s profile (tenant-scoped foreign keys)', async () => {
    const { db } = database();
    const acme = await createTenant(db);
    const globex = await createTenant(db);
    const [globexProfile] = await db.insert(profiles).values({ tenantId: globex.id, engineId: 'p', name: 'P' }).returning();
    await expect(
      db.insert(users).values({ tenantId: acme.id, email: 'a@x.test', name: 'A', profileId: globexProfile!.id }),
    ).rejects.toThrow();
  });

  it('keeps sessions, their logs and issues in the partition of their day, and each engine id once in its map', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await ingest(db, tenant.id, {
      profiles: [{ id: 'p', name: 'P' }],
      users: [{ email: 'jane@x.test', name: 'Jane', profileId: 'p' }],
      sessions: [{ id: 's1', userEmail: 'jane@x.test', startedAt: '2026-11-26T23:59:59Z', status: 'success', log: 'hello' }],
      issues: [
        { id: 'i1', userEmail: 'jane@x.test', sessionId: 's1', occurredAt: '2026-11-27T00:00:01Z', type: 'email', direction: 'outlook_to_salesforce', name: 'Re: hello', operation: 'create', errorCode: 1 },
      ],
    });
    const partitionsOf = async (table: string) =>
      (await queryRows<{ partition: string }>(db, sql`select distinct tableoid::regclass::text as partition from ${sql.identifier(table)} where tenant_id = ${tenant.id}::uuid`)).map((r) => r.partition);
    expect(await partitionsOf('sync_sessions')).toEqual(['sync_sessions_p20261126']);
    expect(await partitionsOf('sync_session_logs')).toEqual(['sync_session_logs_p20261126']);
    expect(await partitionsOf('sync_session_log_chunks')).toEqual(['sync_session_log_chunks_p20261126']);
    expect(await partitionsOf('sync_issues')).toEqual(['sync_issues_p20261127']);
    const [session] = await db.select().from(syncSessions).where(eq(syncSessions.tenantId, tenant.id));
    // The engine's id is unique per tenant in its map, whatever the session's day.
    await expect(
      db.insert(syncSessionEngineIds).values({ tenantId: tenant.id, engineId: 's1', sessionId: randomUUID(), startedAt: new Date('2026-11-20T00:00:00Z') }),
    ).rejects.toThrow();
    // A day without a partition takes no row: nothing lands anywhere else.
    await expect(
      db.insert(syncSessions).values({ tenantId: tenant.id, engineId: 's2', startedAt: new Date('2001-01-01T00:00:00Z'), status: 'started', userId: session!.userId, profileId: session!.profileId }),
    ).rejects.toThrow();
  });

  it('keeps one support agent per email and one admin per tenant and email', async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await db.insert(admins).values({ tenantId: null, email: 'agent@vendor.test', name: 'A', role: 'support' });
    await expect(db.insert(admins).values({ tenantId: null, email: 'agent@vendor.test', name: 'B', role: 'support' })).rejects.toThrow();
    await db.insert(admins).values({ tenantId: tenant.id, email: 'boss@x.test', name: 'Boss', role: 'platform_admin' });
    await expect(
      db.insert(admins).values({ tenantId: tenant.id, email: 'boss@x.test', name: 'Boss', role: 'profile_admin' }),
    ).rejects.toThrow();
  });

  it('leads every primary key and index of tenant data with tenant_id', async () => {
    const { db } = database();
    const tenantTables = ['profiles', 'users', 'sync_sessions', 'sync_session_logs', 'sync_issues', 'audit_events', 'admin_preferences', 'admin_profile_scopes'];
    const result = (await db.execute(sql`
      select t.relname as table_name, i.relname as index_name, a.attname as first_column
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where t.relname in (${sql.join(tenantTables.map((name) => sql`${name}`), sql`, `)})`)) as unknown as {
      rows: { table_name: string; index_name: string; first_column: string }[];
    };
    expect(new Set(result.rows.map((row) => row.table_name))).toEqual(new Set(tenantTables));
    for (const row of result.rows) expect(`${row.index_name}: ${row.first_column}`).toBe(`${row.index_name}: tenant_id`);
    expect(await db.select().from(tenants)).toBeDefined();
  });
});

describe('schema module', () => {
  it('describes statuses as Postgres enums', async () => {
    const schema = await import('@/db/schema');
    expect(schema.syncSessionStatus.enumValues).toEqual(['ready', 'started', 'success', 'skipped', 'canceled', 'error']);
  });
});
