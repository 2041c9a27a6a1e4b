import 'server-only';
// One page of users in the viewer's scope (all of them, or one profile's), with their
// statuses, recent issues and last session. Keyset-paged; counts are capped.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';
import { countUpToCap, type CappedCount } from '@/lib/paging/capped-count';
import type { TenantViewer } from '@/lib/auth/viewer';
import { keysetClause, toKeysetPage, type Direction, type KeysetPage, type KeysetRequest } from '@/lib/paging/keyset';
import { CURSOR_VALUES, type PageSize } from '@/lib/paging/cursor';
import { readInBatches } from '@/lib/paging/read-in-batches';
import type { SessionStatus } from '@/domain/sync-vocabulary';
import { userFilterSql, type UserFilter } from './user-filter-sql';
import { toUserStatus, userStatusColumns, USERS_WITH_PROFILE, type UserStatus, type UserStatusRow } from './user-status-columns';

export const USER_SORT_KEYS = ['name', 'email'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

export interface UserListQuery extends UserFilter {
  sort: UserSortKey;
  direction: Direction;
  /** A page's size; an export reads larger batches. */
  pageSize: PageSize | number;
  page: KeysetRequest;
  // Issues are counted from this moment (default: RECENT_ISSUES_DAYS ago).
  issuesSince?: Date;
}

export interface UserRow extends UserStatus {
  recentIssues: number;
  lastSessionStartedAt: string | null;
  lastSessionStatus: SessionStatus | null;
}

export const RECENT_ISSUES_DAYS = 3;

export function recentIssuesSince(now = Date.now()): Date {
  return new Date(now - RECENT_ISSUES_DAYS * 86_400_000);
}
const ISSUE_COUNT_CAP = 1_000;

/** Up to `limit` users whose name or email contains `q`, by name: what a user picker suggests. */
export async function suggestUsers(viewer: TenantViewer, query: { profileId: string; q: string | null }, limit = 10): Promise<UserSuggestion[]> {
  return queryRows<UserSuggestion>(
    await readDatabase(),
    sql`select u.id, u.name, u.email from users u where ${userFilterSql(viewer, { ...query, status: null })} order by u.name, u.id limit ${limit}`,
  );
}

export interface UserSuggestion {
  id: string;
  name: string;
  email: string;
}

export async function listUsers(viewer: TenantViewer, query: UserListQuery): Promise<KeysetPage<UserRow>> {
  const sortColumn = sql.raw(query.sort === 'email' ? 'u.email' : 'u.name');
  const keyset = keysetClause({ sortColumn, sortValue: CURSOR_VALUES.text, idColumn: sql.raw('u.id'), direction: query.direction, request: query.page });
  const since = query.issuesSince ?? recentIssuesSince();
  const rows = await queryRows<UserStatusRow & { recent_issues: number; last_started_at: Date | string | null; last_status: SessionStatus | null }>(
    await readDatabase(),
    sql`select ${userStatusColumns},
          (select count(*)::int from (select 1 from sync_issues i
             where i.tenant_id = u.tenant_id and i.user_id = u.id and i.occurred_at >= ${since}
             limit ${ISSUE_COUNT_CAP}) recent) as recent_issues,
          last_session.started_at as last_started_at, last_session.status as last_status
        ${USERS_WITH_PROFILE}
        left join lateral (select s.started_at, s.status from sync_sessions s
           where s.tenant_id = u.tenant_id and s.user_id = u.id order by s.started_at desc, s.id desc limit 1) last_session on true
        where ${userFilterSql(viewer, query)} ${keyset.where ? sql`and ${keyset.where}` : sql``}
        order by ${keyset.orderBy}
        limit ${query.pageSize + 1}`,
  );
  const mapped: UserRow[] = rows.map((row) => ({
    ...toUserStatus(row),
    recentIssues: row.recent_issues,
    lastSessionStartedAt: row.last_started_at ? new Date(row.last_started_at).toISOString() : null,
    lastSessionStatus: row.last_status,
  }));
  return toKeysetPage(mapped, query.pageSize, keyset.reversed, query.page, (row) => ({ k: query.sort === 'email' ? row.email : row.name, id: row.id }));
}

/** Every user of the query, in its order, in batches: the users CSV reads this, never all at once. */
export function readUsersInBatches(viewer: TenantViewer, query: Omit<UserListQuery, 'page' | 'pageSize'>, batchSize = 1_000): AsyncGenerator<UserRow[]> {
  return readInBatches((after) => listUsers(viewer, { ...query, pageSize: batchSize, page: { after, before: null } }));
}

/** How many users match, up to the cap ("10,000+"). */
export function countUsers(viewer: TenantViewer, query: Omit<UserListQuery, 'page' | 'sort' | 'direction' | 'pageSize'>): Promise<CappedCount> {
  return countUpToCap(sql`select 1 ${USERS_WITH_PROFILE} where ${userFilterSql(viewer, query)}`);
}
