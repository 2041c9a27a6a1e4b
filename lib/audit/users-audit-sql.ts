import 'server-only';
// How a statement that changes many users records it: one audit event (the action, the filter
// and the count; the target "9 users") and one audit_event_users row per user, in the same
// statement as the change. `users` names a CTE of the statement with the users changed
// (tenant_id, id, email, name, status_before); the CTEs added are `event` and `listed`. Bulk
// enable/disable and bulk Sync now record themselves so (lib/sync-status, lib/sync-requests), and
// so do the users the sync engine removes or brings back (lib/ingest/sections/directory-removals.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { AuditAction } from './audit-actions';
import type { AuditActor } from './record-audit-event';

export function auditUsersCtes({
  tenantId,
  actor,
  now,
  action,
  after,
  users,
}: {
  tenantId: string;
  actor: AuditActor;
  now: Date;
  action: AuditAction;
  after: Record<string, unknown>;
  users: string;
}): SQL {
  const changed = sql.raw(users);
  return sql`event as (
      insert into audit_events (tenant_id, occurred_at, actor_admin_id, actor_label, action, target_type, target_label, after)
      select ${tenantId}::uuid, ${now}, ${actor.adminId}::uuid, ${actor.label}, ${action}, 'users',
             count(*) || case count(*) when 1 then ' user' else ' users' end,
             ${JSON.stringify(after)}::jsonb || jsonb_build_object('users', count(*))
      from ${changed} having count(*) > 0
      returning tenant_id, occurred_at, id
    ),
    listed as (
      insert into audit_event_users (tenant_id, event_occurred_at, event_id, email, user_id, name, status_before)
      select e.tenant_id, e.occurred_at, e.id, c.email, c.id, c.name, c.status_before from event e cross join ${changed} c
    )`;
}
