// A session cookie opens the panel only while its server-side session is live: sign-out, a
// support revoke of the tenant's access and the removal of the admin end it, for every copy.
import { beforeAll, expect, it, vi } from 'vitest';
import { adminSessions, admins } from '@/db/schema';
import { endAdminSession, forgetOldAdminSessions, isAdminSessionLive, startAdminSession } from '@/lib/auth/admin-sessions';
import { loadViewer, type SupportViewer } from '@/lib/auth/viewer';
import { setTenantPanelAccess } from '@/lib/support/set-panel-access';
import { removeTenantAdmin } from '@/lib/support/tenant-admins';
import { describeEachDatabase } from '../support/databases';
import { createTenant } from '../support/fixtures';

// Support's actions revalidate nothing here.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const EIGHT_HOURS = 8 * 3600;

describeEachDatabase('server-side admin sessions', (database) => {
  let support: SupportViewer;
  let tenantId: string;
  let bossId: string;
  let leadId: string;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db, 'sessions')).id;
    const [agent, boss, lead] = await db
      .insert(admins)
      .values([
        { tenantId: null, email: 'agent@vendor.test', name: 'Agent', role: 'support' },
        { tenantId, email: 'boss@s.test', name: 'Boss', role: 'platform_admin' },
        { tenantId, email: 'lead@s.test', name: 'Lead', role: 'platform_admin' },
      ])
      .returning();
    support = (await loadViewer(db, agent!.id)) as SupportViewer;
    bossId = boss!.id;
    leadId = lead!.id;
  });

  it('is live from sign-in until sign-out, and only for its own admin', async () => {
    const { db } = database();
    const session = await startAdminSession(db, bossId, EIGHT_HOURS);
    const other = await startAdminSession(db, bossId, EIGHT_HOURS);
    expect(await isAdminSessionLive(db, bossId, session)).toBe(true);
    expect(await isAdminSessionLive(db, leadId, session)).toBe(false);
    expect(await isAdminSessionLive(db, bossId, undefined)).toBe(false);
    expect(await isAdminSessionLive(db, bossId, 'not-a-session')).toBe(false);
    await endAdminSession(db, session);
    expect(await isAdminSessionLive(db, bossId, session)).toBe(false);
    // Signing out in one browser leaves the admin's other sessions alone.
    expect(await isAdminSessionLive(db, bossId, other)).toBe(true);
  });

  it('ends when it expires', async () => {
    const { db } = database();
    const session = await startAdminSession(db, bossId, -1);
    expect(await isAdminSessionLive(db, bossId, session)).toBe(false);
  });

  it("ends for all the tenant's admins when support revokes its access, and stays ended after a grant", async () => {
    const { db } = database();
    const boss = await startAdminSession(db, bossId, EIGHT_HOURS);
    const lead = await startAdminSession(db, leadId, EIGHT_HOURS);
    await setTenantPanelAccess({ by: support, tenantId, granted: false, reason: 'Contract ended' });
    expect(await isAdminSessionLive(db, bossId, boss)).toBe(false);
    expect(await isAdminSessionLive(db, leadId, lead)).toBe(false);
    await setTenantPanelAccess({ by: support, tenantId, granted: true, reason: 'Contract renewed' });
    expect(await isAdminSessionLive(db, bossId, boss)).toBe(false);
    expect(await isAdminSessionLive(db, bossId, await startAdminSession(db, bossId, EIGHT_HOURS))).toBe(true);
  });

  it('goes with a removed admin, and old ended sessions are forgotten', async () => {
    const { db } = database();
    const lead = await startAdminSession(db, leadId, EIGHT_HOURS);
    await removeTenantAdmin(support, tenantId, leadId);
    expect(await isAdminSessionLive(db, leadId, lead)).toBe(false);

    const before = (await db.select().from(adminSessions)).length;
    const stale = await startAdminSession(db, bossId, -2 * 86_400);
    expect((await db.select().from(adminSessions)).length).toBe(before + 1);
    await forgetOldAdminSessions(db);
    const left = await db.select().from(adminSessions);
    expect(left.some((s) => s.id === stale)).toBe(false);
    expect(left.some((s) => s.endedAt === null && s.expiresAt.getTime() > Date.now())).toBe(true);
  });
});
