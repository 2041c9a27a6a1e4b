import 'server-only';
// Which profiles a rule sees: what its owner may see now (the one scope rule of the panel, so a
// profile admin's rule never sees another profile's users, and an admin who loses access takes
// their rules' reach with them), narrowed to the rule's chosen profiles.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loadViewer } from '@/lib/auth/viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';
import { inViewerScope } from '@/lib/scope/profile-scope';
import type { AlertRule } from './alert-rule';

/** A condition on `u.tenant_id` / `u.profile_id` (users) or `p.tenant_id` / `p.id` (profiles). */
export async function ruleReach(db: Database, rule: AlertRule, tenantColumn: SQL, profileColumn: SQL): Promise<SQL> {
  const access = viewerAccess(await loadViewer(db, rule.ownerAdminId));
  if (access.kind !== 'tenant' || access.viewer.tenantId !== rule.tenantId) return sql`false`;
  const owner = inViewerScope(access.viewer, tenantColumn, profileColumn);
  if (rule.profileIds === null) return owner;
  if (rule.profileIds.length === 0) return sql`false`;
  return sql`(${owner} and ${profileColumn} in (${sql.join(rule.profileIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
}
