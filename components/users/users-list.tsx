// The users list of /users and /profiles/{id}/users: filters, table, paging; a bad parameter
// is a message on the page.
import Stack from '@mui/material/Stack';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { single, type SearchParams } from '@/lib/paging/list-params';
import { countUsers, listUsers, recentIssuesSince } from '@/lib/users/list-users';
import { parseUserListParams } from '@/lib/users/parse-user-list-params';
import { UserFilters } from './user-filters';
import { UsersGrid } from './users-grid';

export async function UsersList({ viewer, path, params, profileId, label }: { viewer: TenantViewer; path: string; params: SearchParams; profileId?: string; label: string }) {
  const parsed = parseUserListParams(params);
  const filters = <UserFilters path={path} status={single(params.status) ?? ''} q={single(params.q) ?? ''} sort={single(params.sort) ?? ''} />;
  const problem = (message: string) => <ListProblem controls={filters} message={message} resetHref={path} resetLabel="Show all users" />;
  if (!parsed.ok) return problem(parsed.message);
  const query = { ...parsed.value, profileId, issuesSince: recentIssuesSince() };
  try {
    const [page, total] = await Promise.all([listUsers(viewer, query), countUsers(viewer, query)]);
    return (
      <Stack spacing={2}>
        {filters}
        <UsersGrid rows={page.rows} sort={query.sort} direction={query.direction} showProfile={!profileId} label={label} issuesSince={query.issuesSince.toISOString()} />
        <KeysetPager path={path} params={params} pageSize={query.pageSize} previousCursor={page.previousCursor} nextCursor={page.nextCursor} total={total} noun="users" />
      </Stack>
    );
  } catch (error) {
    if (error instanceof InvalidCursorError) return problem(error.message);
    throw error;
  }
}
