import 'server-only';
// A user's last Sync now request, for their page: when and by whom, and the session that
// answered it once the engine reported one.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';

export interface LatestSyncRequest {
  requestedAt: string;
  requestedBy: string;
  session: { id: string; startedAt: string } | null;
}

/** For a user already checked to be in the viewer's scope (getUser). */
export async function latestSyncRequest(tenantId: string, userId: string): Promise<LatestSyncRequest | null> {
  const [row] = await queryRows<{ requested_at: Date | string; requested_by_label: string; session_id: string | null; session_started_at: Date | string | null }>(
    getDatabase().db,
    sql`select r.requested_at, r.requested_by_label, r.session_id, r.session_started_at from sync_requests r
        where r.tenant_id = ${tenantId}::uuid and r.user_id = ${userId}::uuid order by r.requested_at desc limit 1`,
  );
  if (!row) return null;
  return {
    requestedAt: new Date(row.requested_at).toISOString(),
    requestedBy: row.requested_by_label,
    session: row.session_id && row.session_started_at ? { id: row.session_id, startedAt: new Date(row.session_started_at).toISOString() } : null,
  };
}
