import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { adminProfileScopes, admins, auditEvents, profiles, tenants } from '@/db/schema';
import type { SupportViewer, TenantViewer } from '@/lib/auth/viewer';
import { loadViewer } from '@/lib/auth/viewer';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { HttpError } from '@/lib/http/errors';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { setTenantPanelAccess } from '@/lib/support/set-panel-access';
import { addTenantAdmin, getTenantForSupport, removeTenantAdmin } from '@/lib/support/tenant-admins';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';

const ALL_TIME = { from: null, to: null };

describeEachDatabase('support operations and the audit log', (database) => {
  let support: SupportViewer;
  let acmeAdmin: TenantViewer;
  let acmeId: string;
  let globexId: string;
  let salesId: string;

  beforeAll(async () => {
    const { db } = database();
    const acme = await createTenant(db, 'acme-s');
    const globex = await createTenant(db, 'globex-s', false);
    acmeId = acme.id;
    globexId = globex.id;
    const [sales] = await db.insert(profiles).values({ tenantId: acme.id, engineId: 'sales', name: 'Sales' }).returning();
    await db.insert(profiles).values({ tenantId: globex.id, engineId: 'g', name: 'Globex only' });
    salesId = sales!.id;
    const [agent] = await db.insert(admins).values({ tenantId: null, email: 'agent@vendor.test', name: 'Agent', role: 'support' }).returning();
    const [boss] = await db.insert(admins).values({ tenantId: acme.id, email: 'boss@acme.test', name: 'Boss', role: 'platform_admin' }).returning();
    support = (await loadViewer(db, agent!.id)) as SupportViewer;
    acmeAdmin = (await loadViewer(db, boss!.id)) as TenantViewer;
  });

  it('revokes and grants panel access with a reason, each audited with before and after', async () => {
    const { db } = database();
    await expect(setTenantPanelAccess({ by: support, tenantId: acmeId, granted: false, reason: '' })).rejects.toThrow(/reason/);
    expect(await setTenantPanelAccess({ by: support, tenantId: acmeId, granted: false, reason: 'Contract ended' })).toEqual({ changed: true });
    expect(await setTenantPanelAccess({ by: support, tenantId: acmeId, granted: false, reason: 'again' })).toEqual({ changed: false });
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, acmeId));
    expect(tenant!.panelAccessGranted).toBe(false);
    expect((await loadViewer(db, acmeAdmin.adminId))!.panelAccess).toBe(false);
    await setTenantPanelAccess({ by: support, tenantId: acmeId, granted: true, reason: 'Renewed' });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, acmeId)).orderBy(auditEvents.occurredAt);
    expect(events.map((e) => [e.action, e.actorLabel, e.before, e.after, e.reason])).toEqual([
      ['panel_access.revoke', 'agent@vendor.test', { panelAccess: true }, { panelAccess: false }, 'Contract ended'],
      ['panel_access.grant', 'agent@vendor.test', { panelAccess: false }, { panelAccess: true }, 'Renewed'],
    ]);
  });

  it('refuses a tenant admin acting as support', async () => {
    await expect(
      setTenantPanelAccess({ by: acmeAdmin as unknown as SupportViewer, tenantId: acmeId, granted: false, reason: 'sneaky' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(getTenantForSupport(acmeAdmin as unknown as SupportViewer, acmeId)).rejects.toMatchObject({ status: 403 });
  });

  it('adds a profile admin scoped to the tenant\'s own profiles only, and removes them', async () => {
    const { db } = database();
    const [globexProfile] = await db.select().from(profiles).where(eq(profiles.tenantId, globexId));
    await expect(addTenantAdmin(support, acmeId, { email: 'x@acme.test', name: 'X', role: 'profile_admin', profileIds: [] })).rejects.toThrow(
      /at least one profile/,
    );
    await expect(
      addTenantAdmin(support, acmeId, { email: 'x@acme.test', name: 'X', role: 'profile_admin', profileIds: [globexProfile!.id] }),
    ).rejects.toThrow(/does not belong/);
    const { adminId } = await addTenantAdmin(support, acmeId, { email: 'Sales.Lead@acme.test', name: 'Lead', role: 'profile_admin', profileIds: [salesId] });
    await expect(addTenantAdmin(support, acmeId, { email: 'sales.lead@acme.test', name: 'Lead', role: 'platform_admin' })).rejects.toMatchObject({
      status: 409,
    });
    const viewer = await loadViewer(db, adminId);
    expect(viewer).toMatchObject({ role: 'profile_admin', email: 'sales.lead@acme.test', profileIds: [salesId], panelAccess: true });
    const details = await getTenantForSupport(support, acmeId);
    expect(details.admins.find((a) => a.email === 'sales.lead@acme.test')!.profileNames).toEqual(['Sales']);
    await expect(removeTenantAdmin(support, globexId, adminId)).rejects.toMatchObject({ status: 404 });
    await removeTenantAdmin(support, acmeId, adminId);
    expect(await loadViewer(db, adminId)).toBeNull();
    expect(await db.select().from(adminProfileScopes).where(eq(adminProfileScopes.adminId, adminId))).toEqual([]);
  });

  it('shows a platform admin their own tenant\'s audit only, and support only support\'s changes', async () => {
    const acmePage = await listAuditEvents({ viewer: acmeAdmin, range: ALL_TIME, action: null, cursor: null, pageSize: 100 });
    expect(new Set(acmePage.rows.map((r) => r.tenantName))).toEqual(new Set(['acme-s']));
    expect(acmePage.rows.map((r) => r.action)).toEqual(['admin.remove', 'admin.add', 'panel_access.grant', 'panel_access.revoke']);
    await setTenantPanelAccess({ by: support, tenantId: globexId, granted: true, reason: 'Globex signed' });
    const supportPage = await listAuditEvents({ viewer: support, range: ALL_TIME, action: 'panel_access.grant', cursor: null, pageSize: 25 });
    expect(supportPage.rows.map((r) => r.tenantName).sort()).toEqual(['acme-s', 'globex-s']);
    const profileAdmin = { ...acmeAdmin, role: 'profile_admin' as const, profileIds: [salesId] };
    await expect(listAuditEvents({ viewer: profileAdmin, range: ALL_TIME, action: null, cursor: null, pageSize: 25 })).rejects.toBeInstanceOf(HttpError);
  });

  it('pages the audit log by cursor without losing or repeating an event, and rejects a forged cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents({ viewer: acmeAdmin, range: ALL_TIME, action: null, cursor, pageSize: 25 });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(4);
    await expect(listAuditEvents({ viewer: acmeAdmin, range: ALL_TIME, action: null, cursor: 'bm90LWpzb24', pageSize: 25 })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});
