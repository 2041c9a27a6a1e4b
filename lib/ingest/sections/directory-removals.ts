import 'server-only';
// Users and profiles the engine reports gone (`removed: true`) or reports again after that: the
// removal only marks them (removed_at), so their sessions, issues and logs stay, and each change
// is audited as the sync engine's — the users of a batch as one event listing them
// (audit_event_users), each profile as an event of its own. Users are locked in the order the
// admins' bulk actions lock them (tenant, id), so the two never deadlock.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { Transaction } from '@/db/run-transaction';
import type { AuditAction } from '@/lib/audit/audit-actions';
import { recordAuditEvent, SYNC_ENGINE_ACTOR } from '@/lib/audit/record-audit-event';
import { auditUsersCtes } from '@/lib/audit/users-audit-sql';
import { effectiveSyncStatusSql, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';
import { keyList } from './batch-rows';


async function markUsers(tx: Transaction, tenantId: string, emails: string[], removing: boolean): Promise<void> {
  if (emails.length === 0) return;
  const now = new Date();
  const action: AuditAction = removing ? 'users.engine_remove' : 'users.engine_restore';
  const wasRemoved: SQL = removing ? sql`u.removed_at is null` : sql`u.removed_at is not null`;
  await tx.execute(
    sql`with target as (
          select u.tenant_id, u.id, u.email, u.name, ${effectiveSyncStatusSql(statusColumns('u', 'p'))} as status_before
          ${USERS_WITH_PROFILE}
          where u.tenant_id = ${tenantId}::uuid and u.email in ${keyList(emails)} and ${wasRemoved}
          order by u.tenant_id, u.id
          for update of u
        ),
        changed as (
          update users u set removed_at = ${removing ? now : null}, updated_at = ${now}
          from target t where u.tenant_id = t.tenant_id and u.id = t.id
          returning t.tenant_id, t.id, t.email, t.name, t.status_before
        ),
        ${auditUsersCtes({ tenantId, actor: SYNC_ENGINE_ACTOR, now, action, after: { removed: removing }, users: 'changed' })}
        select 1`,
  );
}

/** Users reported `removed: true`: out of the lists, counts and sync-state from now on. */
export const removeUsers = (tx: Transaction, tenantId: string, emails: string[]) => markUsers(tx, tenantId, emails, true);

/** Users reported present again after a removal: back in every list. */
export const restoreUsers = (tx: Transaction, tenantId: string, emails: string[]) => markUsers(tx, tenantId, emails, false);

async function markProfiles(tx: Transaction, tenantId: string, engineIds: string[], removing: boolean): Promise<void> {
  if (engineIds.length === 0) return;
  const changed = await queryRows<{ id: string; name: string }>(
    tx,
    sql`update profiles set removed_at = ${removing ? new Date() : null}, updated_at = now()
        where tenant_id = ${tenantId}::uuid and engine_id in ${keyList(engineIds)}
          and removed_at is ${removing ? sql`null` : sql`not null`}
        returning id, name`,
  );
  for (const profile of changed) {
    await recordAuditEvent(tx, {
      tenantId,
      actor: SYNC_ENGINE_ACTOR,
      action: removing ? 'profile.engine_remove' : 'profile.engine_restore',
      targetType: 'profile',
      targetId: profile.id,
      targetLabel: profile.name,
      after: { removed: removing },
    });
  }
}

export const removeProfiles = (tx: Transaction, tenantId: string, engineIds: string[]) => markProfiles(tx, tenantId, engineIds, true);
export const restoreProfiles = (tx: Transaction, tenantId: string, engineIds: string[]) => markProfiles(tx, tenantId, engineIds, false);
