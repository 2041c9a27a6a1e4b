import 'server-only';
// Sync sessions of a user or a profile, newest first by default, keyset-paged in the order
// chosen (./session-order). Also read in batches by the exports, oldest first.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';
import { countUpToCap, type CappedCount } from '@/lib/paging/capped-count';
import type { ErrorSource, SessionStatus } from '@/domain/sync-vocabulary';
import type { TenantViewer } from '@/lib/auth/viewer';
import type { PageSize } from '@/lib/paging/cursor';
import { readInBatches } from '@/lib/paging/read-in-batches';
import { toKeysetPage, type Direction, type KeysetPage, type KeysetRequest } from '@/lib/paging/keyset';
import { segmentedKeyset } from '@/lib/paging/segmented-keyset';
import { sessionConditions, type SessionFilter } from './session-filters';
import { sessionOrder, type SessionSortKey } from './session-order';

export interface SessionRow {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  startedAt: string;
  endedAt: string | null;
  status: SessionStatus;
  scope: number | null;
  changes: number | null;
  issues: number | null;
  errorCategory: string | null;
  errorSource: ErrorSource | null;
  message: string | null;
  hasLog: boolean;
}

export interface RawSession {
  id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  started_at: Date | string;
  ended_at: Date | string | null;
  status: SessionStatus;
  scope: number | null;
  changes: number | null;
  issues: number | null;
  error_category: string | null;
  error_source: ErrorSource | null;
  message: string | null;
  has_log: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toSessionRow(raw: RawSession): SessionRow {
  return {
    id: raw.id,
    userId: raw.user_id,
    userName: raw.user_name,
    userEmail: raw.user_email,
    startedAt: iso(raw.started_at),
    endedAt: raw.ended_at ? iso(raw.ended_at) : null,
    status: raw.status,
    scope: raw.scope,
    changes: raw.changes,
    issues: raw.issues,
    errorCategory: raw.error_category,
    errorSource: raw.error_source,
    message: raw.message,
    hasLog: raw.has_log,
  };
}

export async function listSessions(
  viewer: TenantViewer,
  filter: SessionFilter,
  paging: { sort?: SessionSortKey; direction: Direction; pageSize: PageSize | number; page: KeysetRequest },
): Promise<KeysetPage<SessionRow>> {
  const order = sessionOrder(paging.sort ?? 'startedAt', paging.direction, filter);
  const keyset = segmentedKeyset({ segments: order.segments, keyDirection: order.keyDirection, idColumn: sql.raw('s.id'), request: paging.page });
  const limit = paging.pageSize + 1;
  const conditions = sessionConditions(viewer, filter);
  // One branch per segment, each an index range cut at limit rows; the outer sort sees at most
  // (segments x limit) rows.
  const branches = keyset.branches.map(
    (branch) => sql`(select s.id, s.user_id, s.started_at, s.ended_at, s.status, s.scope, s.changes, s.issues, s.error_category,
                            s.error_source, s.message, s.has_log, ${branch.rank}::int as segment_rank, ${branch.key} as sort_key
                     from sync_sessions s
                     where ${conditions} ${branch.where ? sql`and ${branch.where}` : sql``}
                     order by ${branch.orderBy}
                     limit ${limit})`,
  );
  const rows = await queryRows<RawSession>(
    await readDatabase(),
    sql`select page.*, u.name as user_name, u.email as user_email
        from (select * from (${sql.join(branches, sql` union all `)}) segments order by ${keyset.outerOrderBy} limit ${limit}) page
        join users u on u.tenant_id = ${viewer.tenantId}::uuid and u.id = page.user_id
        order by ${keyset.outerOrderBy}`,
  );
  const segmentByName = new Map(order.segments.map((segment) => [segment.name, segment]));
  return toKeysetPage(rows.map(toSessionRow), paging.pageSize, keyset.reversed, paging.page, (row) => {
    const name = order.segmentOf(row);
    return { s: name, k: segmentByName.get(name)!.keyOf(row), id: row.id };
  });
}

/** How many sessions the filter matches, up to the cap ("10,000+"): an index range of at most
 *  COUNT_CAP + 1 entries, whatever the table's size. */
export function countSessions(viewer: TenantViewer, filter: SessionFilter): Promise<CappedCount> {
  return countUpToCap(sql`select 1 from sync_sessions s where ${sessionConditions(viewer, filter)}`);
}

/** Every session of the filter, oldest first, in batches: exports read this, never all at once. */
export function readSessionsInBatches(viewer: TenantViewer, filter: SessionFilter, batchSize = 2_000): AsyncGenerator<SessionRow[]> {
  return readInBatches((after) => listSessions(viewer, filter, { direction: 'asc', pageSize: batchSize, page: { after, before: null } }));
}
