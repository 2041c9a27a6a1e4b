import 'server-only';
// The profiles a viewer may pick from (a rule's profiles): those in their scope and in the
// directory, by name, at most 500.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import type { TenantViewer } from '@/lib/auth/viewer';
import { inViewerScope } from '@/lib/scope/profile-scope';

export function profileChoices(viewer: TenantViewer): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    getDatabase().db,
    sql`select p.id, p.name from profiles p where ${inViewerScope(viewer, sql.raw('p.tenant_id'), sql.raw('p.id'))} and p.removed_at is null order by p.name, p.id limit 500`,
  );
}
