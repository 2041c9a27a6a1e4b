import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { countProfilesByStatus, listProfiles } from '@/lib/profiles/list-profiles';
import { getProfile } from '@/lib/profiles/get-profile';
import { setProfileSyncEnabled, setUserSyncEnabled } from '@/lib/sync-status/set-sync-enabled';
import { getUser } from '@/lib/users/get-user';
import { countUsers, listUsers, type UserListQuery } from '@/lib/users/list-users';
import { admins, adminProfileScopes, profiles } from '@/db/schema';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest } from '../support/fixtures';

const FIRST_PAGE = { after: null, before: null };
const query = (over: Partial<UserListQuery> = {}): UserListQuery => ({ status: null, q: null, sort: 'name', direction: 'asc', pageSize: 100, page: FIRST_PAGE, ...over });

describeEachDatabase('profiles and users in the data layer', (database) => {
  let platform: TenantViewer;
  let salesAdmin: TenantViewer;
  let otherTenantAdmin: TenantViewer;
  let salesId: string;
  let supportId: string;
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = database();
    const acme = await createTenant(db, 'acme-u');
    const globex = await createTenant(db, 'globex-u');
    await ingest(db, acme.id, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'support', name: 'Support' },
      ],
      users: [
        { email: 'ann@acme.test', name: 'Ann', profileId: 'sales' },
        { email: 'bob@acme.test', name: 'Bob', profileId: 'sales', syncError: { reason: 'Mailbox rejected the credentials', at: '2026-11-26T10:00:00Z' } },
        { email: 'cid@acme.test', name: 'Cid', profileId: 'support' },
      ],
      sessions: [{ id: 's1', userEmail: 'ann@acme.test', startedAt: '2026-11-26T09:00:00Z', endedAt: '2026-11-26T09:01:00Z', status: 'success' }],
    });
    await ingest(db, globex.id, { profiles: [{ id: 'sales', name: 'Sales' }], users: [{ email: 'ann@acme.test', name: 'Globex Ann', profileId: 'sales' }] });
    const rows = await db.select().from(users);
    for (const row of rows) userIds[`${row.tenantId === acme.id ? 'acme' : 'globex'}:${row.email}`] = row.id;
    const profileRows = await db.select().from(profiles).where(eq(profiles.tenantId, acme.id));
    salesId = profileRows.find((p) => p.name === 'Sales')!.id;
    supportId = profileRows.find((p) => p.name === 'Support')!.id;
    const [boss, lead, other] = await db
      .insert(admins)
      .values([
        { tenantId: acme.id, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' },
        { tenantId: acme.id, email: 'lead@acme.test', name: 'Lead', role: 'profile_admin' },
        { tenantId: globex.id, email: 'boss@globex.test', name: 'Globex Boss', role: 'platform_admin' },
      ])
      .returning();
    await db.insert(adminProfileScopes).values({ tenantId: acme.id, adminId: lead!.id, profileId: salesId });
    platform = (await loadViewer(db, boss!.id)) as TenantViewer;
    salesAdmin = (await loadViewer(db, lead!.id)) as TenantViewer;
    otherTenantAdmin = (await loadViewer(db, other!.id)) as TenantViewer;
  });

  it('lists users with both statuses, the error reason and the last session', async () => {
    const page = await listUsers(platform, query());
    expect(page.rows.map((r) => [r.name, r.profileName, r.effectiveStatus, r.syncErrorReason])).toEqual([
      ['Ann', 'Sales', 'enabled', null],
      ['Bob', 'Sales', 'error', 'Mailbox rejected the credentials'],
      ['Cid', 'Support', 'enabled', null],
    ]);
    expect(page.rows[0]).toMatchObject({ lastSessionStatus: 'success', lastSessionStartedAt: '2026-11-26T09:00:00.000Z' });
    expect((await listUsers(platform, query({ status: 'error' }))).rows.map((r) => r.name)).toEqual(['Bob']);
    expect((await listUsers(platform, query({ q: 'CID@' }))).rows.map((r) => r.name)).toEqual(['Cid']);
    expect((await listUsers(platform, query({ q: '%' }))).rows).toEqual([]);
    expect((await listUsers(platform, query({ sort: 'email', direction: 'desc' }))).rows.map((r) => r.email)).toEqual([
      'cid@acme.test',
      'bob@acme.test',
      'ann@acme.test',
    ]);
    expect(await countUsers(platform, { status: null, q: null })).toEqual({ count: 3, capped: false });
  });

  it('keeps a profile admin to their profiles and every admin to their tenant', async () => {
    expect((await listUsers(salesAdmin, query())).rows.map((r) => r.name)).toEqual(['Ann', 'Bob']);
    expect((await listProfiles(salesAdmin, { status: null, direction: 'asc', pageSize: 25, page: FIRST_PAGE })).rows.map((p) => p.name)).toEqual(['Sales']);
    expect(await countProfilesByStatus(salesAdmin)).toEqual({ enabled: 1, disabled: 0 });
    await expect(getUser(salesAdmin, userIds['acme:cid@acme.test']!)).rejects.toMatchObject({ status: 404 });
    await expect(getProfile(salesAdmin, supportId)).rejects.toMatchObject({ status: 404 });
    await expect(setUserSyncEnabled({ viewer: salesAdmin, userId: userIds['acme:cid@acme.test']!, enabled: false })).rejects.toMatchObject({ status: 404 });
    await expect(getUser(otherTenantAdmin, userIds['acme:ann@acme.test']!)).rejects.toMatchObject({ status: 404 });
    await expect(getProfile(otherTenantAdmin, salesId)).rejects.toMatchObject({ status: 404 });
    expect((await listUsers(otherTenantAdmin, query())).rows.map((r) => r.name)).toEqual(['Globex Ann']);
    await expect(getUser(platform, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });

  it('re-enabling a user disabled due to an error shows Enabled with the reason gone, audited', async () => {
    const { db } = database();
    const bob = userIds['acme:bob@acme.test']!;
    expect(await getUser(platform, bob)).toMatchObject({ effectiveStatus: 'error', syncErrorReason: 'Mailbox rejected the credentials' });
    await setUserSyncEnabled({ viewer: salesAdmin, userId: bob, enabled: true });
    expect(await getUser(platform, bob)).toMatchObject({ effectiveStatus: 'enabled', syncErrorReason: null });
    expect((await listUsers(platform, query({ status: 'error' }))).rows).toEqual([]);
    // A newer error counts again.
    await ingest(db, platform.tenantId, { users: [{ email: 'bob@acme.test', name: 'Bob', profileId: 'sales', syncError: { reason: 'Throttled', at: new Date(Date.now() + 60_000).toISOString() } }] });
    expect(await getUser(platform, bob)).toMatchObject({ effectiveStatus: 'error', syncErrorReason: 'Throttled' });
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, platform.tenantId), eq(auditEvents.action, 'user.sync_enable')));
    expect(audit).toMatchObject([{ actorLabel: 'lead@acme.test', targetLabel: 'bob@acme.test', after: { syncEnabled: true } }]);
  });

  it('disabling a profile makes its users Disabled everywhere, and the batch never touches the switch', async () => {
    const { db } = database();
    await setProfileSyncEnabled({ viewer: platform, profileId: salesId, enabled: false });
    expect((await listUsers(platform, query({ status: 'disabled' }))).rows.map((r) => r.name)).toEqual(['Ann', 'Bob']);
    expect((await listProfiles(platform, { status: 'disabled', direction: 'asc', pageSize: 25, page: FIRST_PAGE })).rows.map((p) => p.name)).toEqual(['Sales']);
    await ingest(db, platform.tenantId, { profiles: [{ id: 'sales', name: 'Sales (renamed)' }] });
    expect(await getProfile(platform, salesId)).toMatchObject({ name: 'Sales (renamed)', syncEnabled: false });
    await setProfileSyncEnabled({ viewer: platform, profileId: salesId, enabled: true });
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.targetId, salesId));
    expect(row!.n).toBe(2);
  });
});
