import 'server-only';
// Which users a bulk action takes: those an admin ticked, or every user a users list's filters
// match less those unticked — always within the viewer's scope (user-filter-sql.ts). Bulk
// enable/disable and bulk Sync now resolve their users here, and describe them to the audit.
import { sql, type SQL } from 'drizzle-orm';
import type { TenantViewer } from '@/lib/auth/viewer';
import { userFilterSql, type UserFilter } from './user-filter-sql';

/** Ticked one by one (within a list's profile, if any), or all a filter matches but some. */
export type UserTarget = { kind: 'chosen'; profileId?: string; ids: string[] } | { kind: 'all'; filter: UserFilter; except: string[] };

const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;

/** The target as a condition on `users u` joined to `profiles p`. */
export function userTargetSql(viewer: TenantViewer, target: UserTarget): SQL {
  if (target.kind === 'chosen') {
    if (target.ids.length === 0) return sql`false`;
    return sql`${userFilterSql(viewer, { profileId: target.profileId, status: null, q: null })} and u.id = any(${uuidArray(target.ids)})`;
  }
  const filter = userFilterSql(viewer, target.filter);
  return target.except.length > 0 ? sql`${filter} and not (u.id = any(${uuidArray(target.except)}))` : filter;
}

/** What the audit event says was asked: the filter's fields that were set, or the ticked count. */
export function describeUserTarget(target: UserTarget, profileName: string | null): Record<string, string | number> {
  const described: Record<string, string | number> = {};
  if (profileName) described.profile = profileName;
  if (target.kind === 'chosen') {
    described.selection = `${target.ids.length} ticked`;
    return described;
  }
  described.selection = target.except.length > 0 ? `all matching, except ${target.except.length} unticked` : 'all matching';
  if (target.filter.status) described.status = target.filter.status;
  if (target.filter.reason) described.reason = target.filter.reason;
  if (target.filter.q) described.search = target.filter.q;
  return described;
}
