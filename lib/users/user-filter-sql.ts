import 'server-only';
// Which users a users list's filters match, as one SQL condition on `users u` joined to
// `profiles p`: the viewer's scope always, then the profile, the effective status, the engine's
// error reason and the text search. The list, its count, its CSV, the reasons offered and the
// bulk actions all take this one condition, so what an admin acts on is what they saw.
import { sql, type SQL } from 'drizzle-orm';
import type { TenantViewer } from '@/lib/auth/viewer';
import { inViewerScope } from '@/lib/scope/profile-scope';
import { effectiveSyncStatusIs, inDirectory, statusColumns } from '@/lib/sync-status/effective-sync-status';
import type { EffectiveSyncStatus } from '@/lib/sync-status/effective-sync-status-labels';

export interface UserFilter {
  profileId?: string;
  status: EffectiveSyncStatus | null;
  /** The engine's reason of a user "Disabled due to an error" (exact): implies that status. */
  reason?: string | null;
  q: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function userFilterSql(viewer: TenantViewer, filter: UserFilter): SQL {
  const status = statusColumns('u', 'p');
  const conditions: SQL[] = [inViewerScope(viewer, sql.raw('u.tenant_id'), sql.raw('u.profile_id'))];
  if (filter.profileId) conditions.push(sql`u.profile_id = ${filter.profileId}::uuid`);
  // Users the engine removed appear only when the filter asks for them.
  conditions.push(filter.status ? effectiveSyncStatusIs(status, filter.status) : inDirectory(status));
  // A reason is shown only while the user is disabled due to it (user-status-columns.ts): the
  // filter means the same, or it would act on users whose reason is hidden.
  if (filter.reason) conditions.push(sql`(u.sync_error_reason = ${filter.reason} and ${effectiveSyncStatusIs(status, 'error')})`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(sql`(u.name ilike ${pattern} or u.email ilike ${pattern})`);
  }
  return sql.join(conditions, sql` and `);
}
