// Enable sync / Disable sync for many users: only the users the selection names and the viewer
// may reach change, in one audited event whose users can be listed; the engine sees the change
// in its next sync state; two admins acting at once count each user once.
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { admins, auditEvents, auditEventUsers, users } from '@/db/schema';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { getBulkAuditEvent } from '@/lib/audit/audit-event-users';
import { auditUsersCsv } from '@/lib/exports/audit-users-csv';
import { getSyncState, type SyncState } from '@/lib/ingest/sync-state';
import { bulkSetUsersSyncEnabled } from '@/lib/sync-status/bulk-set-sync-enabled';
import { listUsers } from '@/lib/users/list-users';
import { listErrorReasons } from '@/lib/users/error-reasons';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

const CREDENTIALS = 'Mailbox rejected the credentials';
const QUOTA = 'Salesforce API quota exceeded';
const at = '2026-11-26T10:00:00Z';

describeEachDatabase('bulk enable and disable', (database, driver) => {
  let tenantId: string;
  let boss: TenantViewer;
  let lead: TenantViewer;
  let salesId: string;
  let supportId: string;

  const statusOf = async (email: string) =>
    (await listUsers(boss, { status: null, q: email, sort: 'name', direction: 'asc', pageSize: 25, page: { after: null, before: null } })).rows[0]!.effectiveStatus;
  const idOf = async (email: string) => (await database().db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.email, email))))[0]!.id;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    salesId = '';
    await ingest(db, tenantId, {
      profiles: [
        { id: 'sales', name: 'Sales' },
        { id: 'support', name: 'Support' },
      ],
      users: [],
    });
    salesId = await profileIdOf(db, tenantId, 'sales');
    supportId = await profileIdOf(db, tenantId, 'support');
    ({ boss, lead } = await bossAndLead(db, tenantId, salesId));
  });

  // Every test starts from the same users: four with the credentials error (two per profile),
  // one with a quota error, two healthy.
  beforeEach(async () => {
    const { db } = database();
    await db.update(users).set({ syncEnabled: true, syncEnabledAt: null }).where(eq(users.tenantId, tenantId));
    await ingest(db, tenantId, {
      users: [
        { email: 'a1@t.test', name: 'A1', profileId: 'sales', syncError: { reason: CREDENTIALS, at } },
        { email: 'a2@t.test', name: 'A2', profileId: 'sales', syncError: { reason: CREDENTIALS, at } },
        { email: 'b1@t.test', name: 'B1', profileId: 'support', syncError: { reason: CREDENTIALS, at } },
        { email: 'b2@t.test', name: 'B2', profileId: 'support', syncError: { reason: CREDENTIALS, at } },
        { email: 'q1@t.test', name: 'Q1', profileId: 'sales', syncError: { reason: QUOTA, at } },
        { email: 'h1@t.test', name: 'H1', profileId: 'sales' },
        { email: 'h2@t.test', name: 'H2', profileId: 'support' },
      ],
    });
  });

  it('enables every user disabled due to one reason, and only them, as one audit event listing them', async () => {
    expect(await listErrorReasons(boss)).toEqual([
      { reason: CREDENTIALS, users: 4 },
      { reason: QUOTA, users: 1 },
    ]);
    const result = await bulkSetUsersSyncEnabled({ viewer: boss, enabled: true, target: { kind: 'all', filter: { status: 'error', reason: CREDENTIALS, q: null }, except: [] } });
    expect(result.changed).toBe(4);
    for (const email of ['a1@t.test', 'a2@t.test', 'b1@t.test', 'b2@t.test']) expect(await statusOf(email)).toBe('enabled');
    expect(await statusOf('q1@t.test')).toBe('error');
    expect(await listErrorReasons(boss)).toEqual([{ reason: QUOTA, users: 1 }]);

    const [event] = await database().db.select().from(auditEvents).where(eq(auditEvents.id, result.auditEventId!));
    expect(event).toMatchObject({ action: 'users.bulk_sync_enable', targetType: 'users', targetLabel: '4 users', actorLabel: boss.email });
    expect(event!.after).toEqual({ syncEnabled: true, selection: 'all matching', status: 'error', reason: CREDENTIALS, users: 4 });
    const listed = await database().db.select().from(auditEventUsers).where(eq(auditEventUsers.eventId, result.auditEventId!));
    expect(listed.map((u) => [u.email, u.statusBefore]).sort()).toEqual([
      ['a1@t.test', 'error'],
      ['a2@t.test', 'error'],
      ['b1@t.test', 'error'],
      ['b2@t.test', 'error'],
    ]);
    // The list as a platform admin downloads it, by email.
    const csv = [];
    for await (const part of auditUsersCsv(boss, await getBulkAuditEvent(boss, result.auditEventId!))) csv.push(part);
    const lines = csv.join('').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('User ID,Name,Email,Effective synchronization status before');
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['a1@t.test', 'a2@t.test', 'b1@t.test', 'b2@t.test']);
    expect(lines[1]).toContain(',Disabled due to an error');
    await expect(getBulkAuditEvent(lead, result.auditEventId!)).rejects.toMatchObject({ status: 403 });
    // Another tenant's platform admin does not find it.
    const other = await createTenant(database().db);
    const [stranger] = await database().db.insert(admins).values({ tenantId: other.id, email: `boss@${other.id.slice(0, 8)}.test`, name: 'Stranger', role: 'platform_admin' }).returning();
    await expect(getBulkAuditEvent((await loadViewer(database().db, stranger!.id)) as TenantViewer, result.auditEventId!)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps a profile admin to their profiles, whatever the filter or the ids say', async () => {
    const crafted = await bulkSetUsersSyncEnabled({ viewer: lead, enabled: true, target: { kind: 'all', filter: { profileId: supportId, status: 'error', q: null }, except: [] } });
    expect(crafted).toEqual({ changed: 0, auditEventId: null });
    const ids = await Promise.all(['a1@t.test', 'b1@t.test'].map(idOf));
    expect((await bulkSetUsersSyncEnabled({ viewer: lead, enabled: true, target: { kind: 'chosen', ids } })).changed).toBe(1);
    expect(await statusOf('a1@t.test')).toBe('enabled');
    expect(await statusOf('b1@t.test')).toBe('error');
    const all = await bulkSetUsersSyncEnabled({ viewer: lead, enabled: true, target: { kind: 'all', filter: { status: 'error', reason: CREDENTIALS, q: null }, except: [] } });
    expect(all.changed).toBe(1);
    expect(await statusOf('b2@t.test')).toBe('error');
  });

  it('leaves out the unticked, and counts only the users the switch changes', async () => {
    const except = [await idOf('h1@t.test')];
    const result = await bulkSetUsersSyncEnabled({ viewer: boss, enabled: false, target: { kind: 'all', filter: { profileId: salesId, status: null, q: null }, except } });
    // a1, a2, q1 of Sales (h1 unticked).
    expect(result.changed).toBe(3);
    expect(await statusOf('h1@t.test')).toBe('enabled');
    expect(await statusOf('q1@t.test')).toBe('disabled');
    // Disabled already: nothing to change, no audit event.
    expect(await bulkSetUsersSyncEnabled({ viewer: boss, enabled: false, target: { kind: 'chosen', ids: [await idOf('q1@t.test')] } })).toEqual({ changed: 0, auditEventId: null });
    // Healthy users are already enabled: enabling them changes nothing either.
    expect((await bulkSetUsersSyncEnabled({ viewer: boss, enabled: true, target: { kind: 'chosen', ids: [await idOf('h2@t.test')] } })).changed).toBe(0);
  });

  it('is in the sync state the engine reads next', async () => {
    const state = async () => JSON.parse((await getSyncState(tenantId)).body) as SyncState;
    const before = await state();
    await bulkSetUsersSyncEnabled({ viewer: boss, enabled: false, target: { kind: 'all', filter: { status: null, q: 'h' }, except: [] } });
    const after = await state();
    expect(after.users.filter((u) => !u.syncEnabled).map((u) => u.email)).toEqual(['h1@t.test', 'h2@t.test']);
    expect(before.users.every((u) => u.syncEnabled)).toBe(true);
  });

  it.runIf(driver === 'postgres')('counts each user once when two admins enable the same users at the same moment', async () => {
    const filter = { kind: 'all' as const, filter: { status: 'error' as const, q: null }, except: [] };
    const results = await Promise.all(Array.from({ length: 6 }, () => bulkSetUsersSyncEnabled({ viewer: boss, enabled: true, target: filter })));
    expect(results.reduce((sum, r) => sum + r.changed, 0)).toBe(5);
    const events = results.flatMap((r) => (r.auditEventId ? [r.auditEventId] : []));
    let listed = 0;
    for (const id of events) listed += (await database().db.select().from(auditEventUsers).where(eq(auditEventUsers.eventId, id))).length;
    expect(listed).toBe(5);
  });
});
