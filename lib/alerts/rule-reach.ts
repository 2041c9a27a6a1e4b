import 'server-only';
// Which profiles a rule sees: what its owner may see now (the one scope rule of the panel, so a
// profile admin's rule never sees another profile's users, and an admin who loses access takes
// their rules' reach with them), narrowed to the rule's chosen profiles. A rule nobody owns (a
// suggestion not taken on yet) sees nothing.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loadViewer, type TenantViewer } from '@/lib/auth/viewer';
import { viewerAccess } from '@/lib/auth/viewer-access';
import { inViewerScope } from '@/lib/scope/profile-scope';
import type { AlertRule } from './alert-rule';

/** The rule's owner as a tenant viewer of the rule's tenant now; null when they no longer are one. */
async function ownerNow(db: Database, rule: AlertRule): Promise<TenantViewer | null> {
  if (!rule.ownerAdminId) return null;
  const access = viewerAccess(await loadViewer(db, rule.ownerAdminId));
  return access.kind === 'tenant' && access.viewer.tenantId === rule.tenantId ? access.viewer : null;
}

/** A condition on `tenantColumn` / `profileColumn` (a user's or a profile's). */
export async function ruleReach(db: Database, rule: AlertRule, tenantColumn: SQL, profileColumn: SQL): Promise<SQL> {
  const owner = await ownerNow(db, rule);
  if (!owner) return sql`false`;
  const inOwnerScope = inViewerScope(owner, tenantColumn, profileColumn);
  if (rule.profileIds === null) return inOwnerScope;
  if (rule.profileIds.length === 0) return sql`false`;
  return sql`(${inOwnerScope} and ${profileColumn} in (${sql.join(rule.profileIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
}

/** For rules about the whole organisation (its engine): whether the owner still watches it. */
export async function ruleWatchesTenant(db: Database, rule: AlertRule): Promise<SQL> {
  return (await ownerNow(db, rule)) ? sql`true` : sql`false`;
}
