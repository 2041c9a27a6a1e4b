import 'server-only';
// The Data Access Layer's first step: who is asking. Resolved from the session cookie and
// then from the database on every request (a revoke, a removed admin or a signed-out session
// counts at once).
import { and, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDatabase, type Database } from '@/db/client';
import { adminProfileScopes, admins, tenants } from '@/db/schema';
import type { AdminRole } from '@/domain/sync-vocabulary';
import { isAdminSessionLive } from './admin-sessions';
import { DEFAULT_TIME_ZONE } from '@/lib/time/zoned-time';
import { readPanelToken } from './session-token';

export interface Viewer {
  adminId: string;
  email: string;
  name: string;
  role: AdminRole;
  tenantId: string | null;
  tenantName: string | null;
  // Tenant admins: whether support granted their tenant panel access.
  panelAccess: boolean;
  // Profile admins: the profiles they may see; null = every profile of the tenant.
  profileIds: string[] | null;
  // The tenant's time zone (IANA), in which every page counts days and shows times; UTC for
  // support, who serves every tenant.
  timeZone: string;
}

export interface TenantViewer extends Viewer {
  role: 'platform_admin' | 'profile_admin';
  tenantId: string;
  tenantName: string;
}

export interface SupportViewer extends Viewer {
  role: 'support';
}

export async function loadViewer(db: Database, adminId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      adminId: admins.id,
      email: admins.email,
      name: admins.name,
      role: admins.role,
      tenantId: admins.tenantId,
      tenantName: tenants.name,
      panelAccess: tenants.panelAccessGranted,
      timeZone: tenants.timeZone,
    })
    .from(admins)
    .leftJoin(tenants, eq(tenants.id, admins.tenantId))
    .where(eq(admins.id, adminId));
  if (!row) return null;
  let profileIds: string[] | null = null;
  if (row.role === 'profile_admin' && row.tenantId) {
    const scope = await db
      .select({ profileId: adminProfileScopes.profileId })
      .from(adminProfileScopes)
      .where(and(eq(adminProfileScopes.tenantId, row.tenantId), eq(adminProfileScopes.adminId, row.adminId)));
    profileIds = scope.map((s) => s.profileId);
  }
  return { ...row, panelAccess: row.role !== 'support' && row.panelAccess === true, profileIds, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE };
}

/** The admin behind this request, or null when anonymous or their session has ended; cached
 * for the request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await readPanelToken(await cookies());
  if (!token?.adminId) return null;
  const db = getDatabase().db;
  const [live, viewer] = await Promise.all([isAdminSessionLive(db, token.adminId, token.sessionId), loadViewer(db, token.adminId)]);
  return live ? viewer : null;
});
