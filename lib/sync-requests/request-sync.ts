import 'server-only';
// "Sync now": an admin asks the sync engine to start a session for users at once. A user can be
// asked for only while their Effective synchronization status is Enabled, and not again until a
// minute after the later of their last session's start and their last request (the engine is
// busy with them, or was just asked). Requests are numbered per tenant in the order they are
// committed — a tenant's requests take turns on an advisory lock — so the engine's feed
// (sync-request-feed.ts) can page by that number without passing one committed late.
import { sql, type SQL } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { ADVISORY_LOCKS } from '@/db/advisory-locks';
import { runTransaction, type Transaction } from '@/db/run-transaction';
import { bulkActionLimits, interactiveLimits } from '@/lib/db-limits';
import { actorOf, recordAuditEvent } from '@/lib/audit/record-audit-event';
import { auditUsersCtes } from '@/lib/audit/users-audit-sql';
import type { TenantViewer } from '@/lib/auth/viewer';
import { HttpError, tooManyRequests } from '@/lib/http/errors';
import { effectiveSyncStatusIs, statusColumns } from '@/lib/sync-status/effective-sync-status';
import { EFFECTIVE_SYNC_STATUS_LABELS } from '@/lib/sync-status/effective-sync-status-labels';
import { wallClock } from '@/lib/time/zoned-time';
import { getUser } from '@/lib/users/get-user';
import { describeUserTarget, userTargetSql, type UserTarget } from '@/lib/users/user-target';
import { USERS_WITH_PROFILE } from '@/lib/users/user-status-columns';

/** How long after a user's last session start or last request a new request waits. */
export const SYNC_REQUEST_PAUSE_MS = 60_000;

/** The later of the user's (`u`) last session start and last request: what the pause counts from. */
const lastSyncActivity = sql`greatest(
  (select s.started_at from sync_sessions s where s.tenant_id = u.tenant_id and s.user_id = u.id order by s.started_at desc, s.id desc limit 1),
  (select r.requested_at from sync_requests r where r.tenant_id = u.tenant_id and r.user_id = u.id order by r.requested_at desc limit 1))`;

/** Users (`u`, `p`) a request may be made for at `now`: Enabled, and their pause over. */
function readyForRequest(now: Date): SQL {
  return sql`${effectiveSyncStatusIs(statusColumns('u', 'p'), 'enabled')}
    and coalesce(${lastSyncActivity}, '-infinity'::timestamptz) <= ${new Date(now.getTime() - SYNC_REQUEST_PAUSE_MS)}`;
}

interface Inserted {
  requested: number;
  /** One of the requests made (the only one, when one user was asked for). */
  requestId: string | null;
  auditEventId: string | null;
}

/**
 * Inserts a request for each user `which` selects and is ready, numbered after the tenant's
 * last. With `bulkAudit`, the same statement records one event counting them and listing them;
 * a single user's request is audited by the caller, like every change of one user.
 */
async function insertRequests(tx: Transaction, viewer: TenantViewer, which: SQL, now: Date, bulkAudit?: Record<string, string | number>): Promise<Inserted> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.syncRequests}, hashtext(${viewer.tenantId}))`);
  const actor = actorOf(viewer);
  const audited = bulkAudit
    ? sql`, ${auditUsersCtes({ tenantId: viewer.tenantId, actor, now, action: 'users.bulk_sync_request', after: bulkAudit, users: 'asked' })}
        select (select id from inserted limit 1) as request_id, (select id from event) as event_id, (select count(*)::int from inserted) as requested`
    : sql` select (select id from inserted limit 1) as request_id, null::uuid as event_id, (select count(*)::int from inserted) as requested`;
  const [row] = await queryRows<{ request_id: string | null; event_id: string | null; requested: number }>(
    tx,
    sql`with last as (select coalesce(max(seq), 0) as seq from sync_requests where tenant_id = ${viewer.tenantId}::uuid),
        ready as (
          select u.tenant_id, u.id, u.email, u.name ${USERS_WITH_PROFILE}
          where ${which} and ${readyForRequest(now)}
        ),
        inserted as (
          insert into sync_requests (tenant_id, seq, user_id, requested_at, requested_by_admin_id, requested_by_label)
          select r.tenant_id, (select seq from last) + row_number() over (order by r.id), r.id, ${now}, ${actor.adminId}::uuid, ${actor.label}
          from ready r
          returning id, user_id
        ),
        asked as (select r.tenant_id, r.id, r.email, r.name, 'enabled' as status_before from inserted i join ready r on r.id = i.user_id)${audited}`,
  );
  return { requested: row?.requested ?? 0, requestId: row?.request_id ?? null, auditEventId: row?.event_id ?? null };
}

export interface SyncRequestMade {
  id: string;
  requestedAt: string;
}

/**
 * Sync now for one user of the viewer's scope: the request, or why not — 404 outside the scope,
 * 409 unless Enabled, 429 (with the seconds to wait) within the pause.
 */
export async function requestUserSync(viewer: TenantViewer, userId: string): Promise<SyncRequestMade> {
  const user = await getUser(viewer, userId);
  if (user.effectiveStatus !== 'enabled') {
    throw new HttpError(409, `Sync now needs the user's Effective synchronization status to be Enabled; it is ${EFFECTIVE_SYNC_STATUS_LABELS[user.effectiveStatus]}.`);
  }
  return runTransaction(getDatabase().db, interactiveLimits(), async (tx) => {
    const now = new Date();
    const which = sql`u.tenant_id = ${viewer.tenantId}::uuid and u.id = ${user.id}::uuid`;
    const made = await insertRequests(tx, viewer, which, now);
    if (made.requestId) {
      await recordAuditEvent(tx, { tenantId: viewer.tenantId, actor: actorOf(viewer), action: 'user.sync_request', targetType: 'user', targetId: user.id, targetLabel: user.email, after: { syncRequested: 'now' } });
      return { id: made.requestId, requestedAt: now.toISOString() };
    }
    const [pause] = await queryRows<{ until: Date | string | null }>(tx, sql`select ${lastSyncActivity} + interval '1 millisecond' * ${SYNC_REQUEST_PAUSE_MS} as until from users u where u.tenant_id = ${viewer.tenantId}::uuid and u.id = ${user.id}::uuid`);
    const until = pause?.until ? new Date(pause.until) : now;
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    throw tooManyRequests(`Sync was requested or a session started less than a minute ago: Sync now is possible again at ${wallClock(until, viewer.timeZone).slice(11, 19)} ${viewer.timeZone} (in ${seconds} s).`, seconds);
  });
}

export interface BulkSyncRequests {
  requested: number;
  auditEventId: string | null;
}

/** Sync now for the users a list selected: those Enabled and past their pause; the others are left out. */
export async function requestUsersSync(viewer: TenantViewer, target: UserTarget, profileName: string | null = null): Promise<BulkSyncRequests> {
  return runTransaction(getDatabase().db, bulkActionLimits(), async (tx) => {
    const made = await insertRequests(tx, viewer, userTargetSql(viewer, target), new Date(), describeUserTarget(target, profileName));
    return { requested: made.requested, auditEventId: made.auditEventId };
  });
}
