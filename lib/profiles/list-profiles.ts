import 'server-only';
// The profiles in the viewer's scope with their Synchronization status, users and users in
// error; and how many are enabled and disabled. Profiles and users the engine removed are left
// out, except by the Removed filter.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { readDatabase } from '@/db/read-replica';
import type { TenantViewer } from '@/lib/auth/viewer';
import { CURSOR_VALUES, type PageSize } from '@/lib/paging/cursor';
import { keysetClause, toKeysetPage, type Direction, type KeysetPage, type KeysetRequest } from '@/lib/paging/keyset';
import { inViewerScope } from '@/lib/scope/profile-scope';
import { effectiveSyncStatusIs, statusColumns } from '@/lib/sync-status/effective-sync-status';

export type ProfileStatusFilter = 'enabled' | 'disabled' | 'removed';

export interface ProfileListQuery {
  status: ProfileStatusFilter | null;
  direction: Direction;
  pageSize: PageSize;
  page: KeysetRequest;
}

export interface ProfileRow {
  id: string;
  name: string;
  syncEnabled: boolean;
  removed: boolean;
  users: number;
  usersInError: number;
}

function scope(viewer: TenantViewer): SQL {
  return inViewerScope(viewer, sql.raw('p.tenant_id'), sql.raw('p.id'));
}

export async function listProfiles(viewer: TenantViewer, query: ProfileListQuery): Promise<KeysetPage<ProfileRow>> {
  const keyset = keysetClause({ sortColumn: sql.raw('p.name'), sortValue: CURSOR_VALUES.text, idColumn: sql.raw('p.id'), direction: query.direction, request: query.page });
  const statusFilter =
    query.status === 'removed'
      ? sql`and p.removed_at is not null`
      : sql`and p.removed_at is null ${query.status ? sql`and p.sync_enabled = ${query.status === 'enabled'}` : sql``}`;
  const rows = await queryRows<{ id: string; name: string; sync_enabled: boolean; removed: boolean; users: number; users_in_error: number }>(
    await readDatabase(),
    sql`select p.id, p.name, p.sync_enabled, p.removed_at is not null as removed,
          (select count(*)::int from users u where u.tenant_id = p.tenant_id and u.profile_id = p.id and u.removed_at is null) as users,
          (select count(*)::int from users u where u.tenant_id = p.tenant_id and u.profile_id = p.id
             and ${effectiveSyncStatusIs(statusColumns('u', 'p'), 'error')}) as users_in_error
        from profiles p
        where ${scope(viewer)} ${statusFilter} ${keyset.where ? sql`and ${keyset.where}` : sql``}
        order by ${keyset.orderBy}
        limit ${query.pageSize + 1}`,
  );
  const mapped = rows.map((r) => ({ id: r.id, name: r.name, syncEnabled: r.sync_enabled, removed: r.removed, users: r.users, usersInError: r.users_in_error }));
  return toKeysetPage(mapped, query.pageSize, keyset.reversed, query.page, (row) => ({ k: row.name, id: row.id }));
}

export async function countProfilesByStatus(viewer: TenantViewer): Promise<{ enabled: number; disabled: number }> {
  const [row] = await queryRows<{ enabled: number; disabled: number }>(
    await readDatabase(),
    sql`select count(*) filter (where p.sync_enabled)::int as enabled, count(*) filter (where not p.sync_enabled)::int as disabled
        from profiles p where ${scope(viewer)} and p.removed_at is null`,
  );
  return { enabled: row?.enabled ?? 0, disabled: row?.disabled ?? 0 };
}
