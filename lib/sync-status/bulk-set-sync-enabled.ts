import 'server-only';
// Enable or disable sync for many users at once: the users an admin ticked, or every user a
// users list's filters match (less those unticked), within the viewer's scope. One statement
// does it all, set-based: it locks the users that would change (in key order, as the engine's
// batches do), switches them, writes one audit event with the filter and the count, and one
// audit_event_users row per user changed. Users the switch would not change (already enabled,
// or already disabled) are left alone and not counted.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { runTransaction } from '@/db/run-transaction';
import { bulkActionLimits } from '@/lib/db-limits';
import { auditUsersCtes } from '@/lib/audit/users-audit-sql';
import { actorOf } from '@/lib/audit/record-audit-event';
import type { AuditAction } from '@/lib/audit/audit-actions';
import type { TenantViewer } from '@/lib/auth/viewer';
import { effectiveSyncStatusIs, effectiveSyncStatusSql, inDirectory, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { describeUserTarget, userTargetSql, type UserTarget } from '@/lib/users/user-target';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';

export interface BulkSyncResult {
  /** Users whose switch changed (and the audit event lists). */
  changed: number;
  /** The audit event, or null when no user needed the change. */
  auditEventId: string | null;
}

export async function bulkSetUsersSyncEnabled({
  viewer,
  target,
  enabled,
  profileName = null,
}: {
  viewer: TenantViewer;
  target: UserTarget;
  enabled: boolean;
  /** The profile whose Users tab the action came from, for the audit event. */
  profileName?: string | null;
}): Promise<BulkSyncResult> {
  const status = statusColumns('u', 'p');
  // Enabling changes a user switched off, or one disabled due to an error (the enable's moment
  // makes the error old); disabling changes a user switched on.
  // Users the engine removed are out of reach: their switch no longer means anything.
  const wouldChange = sql`${inDirectory(status)} and ${enabled ? sql`(not u.sync_enabled or ${effectiveSyncStatusIs(status, 'error')})` : sql`u.sync_enabled`}`;
  const action: AuditAction = enabled ? 'users.bulk_sync_enable' : 'users.bulk_sync_disable';
  const asked = describeUserTarget(target, profileName);
  return runTransaction(getDatabase().db, bulkActionLimits(), async (tx) => {
    // Millisecond precision, like every time the panel pages by and the single-user switch.
    const now = new Date();
    const switched = enabled ? sql`sync_enabled = true, sync_enabled_at = ${now}, sync_enabled_changed_at = ${now}` : sql`sync_enabled = false, sync_enabled_changed_at = ${now}`;
    const [row] = await queryRows<{ changed: number; event_id: string | null }>(
      tx,
      sql`with target as (
            select u.tenant_id, u.id, u.email, u.name, ${effectiveSyncStatusSql(status)} as status_before
            ${USERS_WITH_PROFILE}
            where ${userTargetSql(viewer, target)} and ${wouldChange}
            order by u.tenant_id, u.id
            for update of u
          ),
          changed as (
            update users u set ${switched}, updated_at = ${now}
            from target t where u.tenant_id = t.tenant_id and u.id = t.id
            returning t.tenant_id, t.id, t.email, t.name, t.status_before
          ),
          ${auditUsersCtes({ tenantId: viewer.tenantId, actor: actorOf(viewer), now, action, after: { syncEnabled: enabled, ...asked }, users: 'changed' })}
          select (select count(*)::int from changed) as changed, (select id from event) as event_id`,
    );
    return { changed: row?.changed ?? 0, auditEventId: row?.event_id ?? null };
  });
}
