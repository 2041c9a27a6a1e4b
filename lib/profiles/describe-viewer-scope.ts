import 'server-only';
// A sentence-ready description of what a tenant admin may see.
import { and, eq, inArray } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { profiles } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';

export async function describeViewerScope(viewer: TenantViewer): Promise<string> {
  if (viewer.profileIds === null) return 'every profile and user of your organization';
  if (viewer.profileIds.length === 0) return 'no profile yet (ask a platform admin or support to assign profiles to you)';
  const names = await getDatabase()
    .db.select({ name: profiles.name })
    .from(profiles)
    .where(and(eq(profiles.tenantId, viewer.tenantId), inArray(profiles.id, viewer.profileIds)))
    .orderBy(profiles.name);
  return `the users of the profile${names.length > 1 ? 's' : ''} ${names.map((p) => `"${p.name}"`).join(', ')}`;
}
