import 'server-only';
// The viewer's scope as a SQL condition: the tenant always, and for profile admins their
// profiles. Fails closed: a viewer without a tenant matches nothing.
import { sql, type SQL } from 'drizzle-orm';
import type { TenantViewer } from '@/lib/auth/viewer';

export function inViewerScope(viewer: TenantViewer, tenantIdColumn: SQL, profileIdColumn: SQL): SQL {
  if (!viewer.tenantId) return sql`false`;
  const tenant = sql`${tenantIdColumn} = ${viewer.tenantId}`;
  if (viewer.profileIds === null) return tenant;
  if (viewer.profileIds.length === 0) return sql`false`;
  return sql`(${tenant} and ${profileIdColumn} in (${sql.join(viewer.profileIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
}

export function isProfileInScope(viewer: TenantViewer, profileId: string): boolean {
  return viewer.profileIds === null || viewer.profileIds.includes(profileId);
}
