import 'server-only';
// What a users list page shows (/users, /profiles/{id}/users): one page of users with its capped
// count, or the message of a bad parameter or a stale page link. Pages load it;
// components/users/users-list.tsx renders it.
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import type { KeysetPage } from '@/lib/paging/keyset';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import { parseSearch } from '@/lib/search/parse-search';
import type { SearchParams } from '@/lib/search/search-params';
import { countUsers, listUsers, recentIssuesSince, type UserListQuery, type UserRow } from './list-users';
import { listErrorReasons, type ErrorReason } from './error-reasons';
import { userListSearch } from './user-search';

export type UsersListData = { reasons: ErrorReason[]; profileId: string | null } & (
  | { ok: false; message: string }
  | { ok: true; query: UserListQuery & { issuesSince: Date }; page: KeysetPage<UserRow>; total: Awaited<ReturnType<typeof countUsers>>; columnVisibility: Record<string, boolean> }
);

export async function loadUsersList(viewer: TenantViewer, params: SearchParams, profileId?: string): Promise<UsersListData> {
  const parsed = parseSearch(userListSearch, params);
  const about = { profileId: profileId ?? null };
  if (!parsed.ok) return { ...about, reasons: await listErrorReasons(viewer, profileId), ok: false, message: parsed.message };
  const query = { ...parsed.value, profileId, issuesSince: recentIssuesSince() };
  try {
    const [page, total, columnVisibility, reasons] = await Promise.all([
      listUsers(viewer, query),
      countUsers(viewer, query),
      getColumnVisibility(viewer, profileId ? 'profile-users' : 'users'),
      listErrorReasons(viewer, profileId),
    ]);
    return { ...about, reasons, ok: true, query, page, total, columnVisibility };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { ...about, reasons: await listErrorReasons(viewer, profileId), ok: false, message: error.message };
    throw error;
  }
}
