import 'server-only';
// The engine's feed of Sync now requests (GET /api/ingest/v1/sync-requests): a tenant's
// requests in the order they were committed, after the engine's cursor (the last `seq` it has
// read), with the user's email and the profile's engine id, as sync-state names them.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';

export const FEED_PAGE_MAX = 1_000;

export interface FeedRequest {
  id: string;
  seq: number;
  userEmail: string;
  profileId: string;
  requestedAt: string;
}

export interface FeedPage {
  requests: FeedRequest[];
  /** The cursor to send next: the last request's `seq`, or the one given when there was none. */
  next: number;
}

export async function readSyncRequestFeed(tenantId: string, after: number, limit: number): Promise<FeedPage> {
  const rows = await queryRows<{ id: string; seq: number | string; email: string; engine_id: string; requested_at: Date | string }>(
    getDatabase().db,
    sql`select r.id, r.seq, u.email, p.engine_id, r.requested_at
        from sync_requests r
        join users u on u.tenant_id = r.tenant_id and u.id = r.user_id
        join profiles p on p.tenant_id = u.tenant_id and p.id = u.profile_id
        where r.tenant_id = ${tenantId}::uuid and r.seq > ${after}
        order by r.seq limit ${limit}`,
  );
  const requests = rows.map((r) => ({ id: r.id, seq: Number(r.seq), userEmail: r.email, profileId: r.engine_id, requestedAt: new Date(r.requested_at).toISOString() }));
  return { requests, next: requests.at(-1)?.seq ?? after };
}
