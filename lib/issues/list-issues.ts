import 'server-only';
// Sync issues of a user or a profile, newest first, keyset-paged on the date (the index leads
// with the tenant and the owner); also read in batches by the CSV export. Counts are capped.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';
import { countUpToCap, type CappedCount } from '@/lib/paging/capped-count';
import type { ErrorSource, IssueOperation, IssueType, SyncDirection } from '@/domain/sync-vocabulary';
import type { TenantViewer } from '@/lib/auth/viewer';
import { CURSOR_VALUES } from '@/lib/paging/cursor';
import { keysetClause, toKeysetPage, type Direction as SortDirection, type KeysetPage, type KeysetRequest } from '@/lib/paging/keyset';
import { readInBatches } from '@/lib/paging/read-in-batches';
import { inViewerScope } from '@/lib/scope/profile-scope';
import type { TimeRange } from '@/lib/time/parse-instant';

export interface IssueFilter {
  owner: { kind: 'user' | 'profile'; id: string };
  range: TimeRange;
  type?: IssueType | null;
  operation?: IssueOperation | null;
  code?: number | null;
}

export interface IssueRow {
  id: string;
  /** The session the issue happened in, when the engine said. */
  sessionId: string | null;
  userName: string;
  profileName: string;
  occurredAt: string;
  type: IssueType;
  direction: SyncDirection;
  name: string;
  operation: IssueOperation;
  errorCode: number;
  description: string | null;
  errorSource: ErrorSource | null;
  targetObjectId: string | null;
}

function conditions(viewer: TenantViewer, filter: IssueFilter): SQL {
  // The issue's own profile (the one its user had then) decides the scope.
  const where: SQL[] = [inViewerScope(viewer, sql.raw('i.tenant_id'), sql.raw('i.profile_id'))];
  where.push(filter.owner.kind === 'user' ? sql`i.user_id = ${filter.owner.id}::uuid` : sql`i.profile_id = ${filter.owner.id}::uuid`);
  if (filter.range.from) where.push(sql`i.occurred_at >= ${filter.range.from}`);
  if (filter.range.to) where.push(sql`i.occurred_at < ${filter.range.to}`);
  if (filter.type) where.push(sql`i.type = ${filter.type}`);
  if (filter.operation) where.push(sql`i.operation = ${filter.operation}`);
  if (filter.code !== null && filter.code !== undefined) where.push(sql`i.error_code = ${filter.code}`);
  return sql.join(where, sql` and `);
}

export async function listIssues(viewer: TenantViewer, filter: IssueFilter, paging: { direction: SortDirection; pageSize: number; page: KeysetRequest }): Promise<KeysetPage<IssueRow>> {
  const keyset = keysetClause({ sortColumn: sql.raw('i.occurred_at'), sortValue: CURSOR_VALUES.instant, idColumn: sql.raw('i.id'), direction: paging.direction, request: paging.page });
  const rows = await queryRows<{
    id: string;
    session_id: string | null;
    user_name: string;
    profile_name: string;
    occurred_at: Date | string;
    type: IssueType;
    direction: SyncDirection;
    name: string;
    operation: IssueOperation;
    error_code: number;
    description: string | null;
    error_source: ErrorSource | null;
    target_object_id: string | null;
  }>(
    await readDatabase(),
    sql`select i.id, i.session_id, u.name as user_name, p.name as profile_name, i.occurred_at, i.type, i.direction, i.name, i.operation,
               i.error_code, i.description, i.error_source, i.target_object_id
        from sync_issues i
        join users u on u.tenant_id = i.tenant_id and u.id = i.user_id
        join profiles p on p.tenant_id = i.tenant_id and p.id = i.profile_id
        where ${conditions(viewer, filter)} ${keyset.where ? sql`and ${keyset.where}` : sql``}
        order by ${keyset.orderBy}
        limit ${paging.pageSize + 1}`,
  );
  const mapped: IssueRow[] = rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    userName: r.user_name,
    profileName: r.profile_name,
    occurredAt: new Date(r.occurred_at).toISOString(),
    type: r.type,
    direction: r.direction,
    name: r.name,
    operation: r.operation,
    errorCode: r.error_code,
    description: r.description,
    errorSource: r.error_source,
    targetObjectId: r.target_object_id,
  }));
  return toKeysetPage(mapped, paging.pageSize, keyset.reversed, paging.page, (row) => ({ k: row.occurredAt, id: row.id }));
}

export function readIssuesInBatches(viewer: TenantViewer, filter: IssueFilter, batchSize = 2_000): AsyncGenerator<IssueRow[]> {
  return readInBatches((after) => listIssues(viewer, filter, { direction: 'asc', pageSize: batchSize, page: { after, before: null } }));
}

/** How many issues match, up to the cap ("10,000+"). */
export function countIssues(viewer: TenantViewer, filter: IssueFilter): Promise<CappedCount> {
  return countUpToCap(sql`select 1 from sync_issues i where ${conditions(viewer, filter)}`);
}
