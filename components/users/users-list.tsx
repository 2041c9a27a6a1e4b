// The users list of /users and /profiles/{id}/users: filters, its CSV, the table with its
// selection and bulk actions, paging; a bad parameter is a message on the page. Renders what
// the page loaded (lib/users/load-users-list.ts).
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { withParams, type SearchParams } from '@/lib/search/search-params';
import { describeUserFilter, userFilterQuery } from '@/lib/users/describe-user-filter';
import type { UsersListData } from '@/lib/users/load-users-list';
import { SelectableUsersGrid } from './selectable-users-grid';
import { UserFilters } from './user-filters';

export function UsersList({ data, path, params, showProfile, label }: { data: UsersListData; path: string; params: SearchParams; showProfile: boolean; label: string }) {
  const filters = <UserFilters path={path} params={params} reasons={data.reasons} />;
  if (!data.ok) return <ListProblem controls={filters} message={data.message} resetHref={path} resetLabel="Show all users" />;
  const { query, page, total, columnVisibility } = data;
  // /users -> /api/users.csv, /profiles/{id}/users -> /api/profiles/{id}/users.csv: the list as filtered and ordered.
  const csv = withParams(`/api${path}.csv`, params, { pageSize: null });
  return (
    <Stack spacing={2}>
      {filters}
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button href={csv} variant="outlined" startIcon={<FileDownloadIcon />} download>
          Export to CSV
        </Button>
      </Stack>
      <SelectableUsersGrid
        rows={page.rows}
        sort={query.sort}
        direction={query.direction}
        showProfile={showProfile}
        label={label}
        issuesSince={query.issuesSince.toISOString()}
        columnVisibility={columnVisibility}
        total={total}
        filterQuery={userFilterQuery(query)}
        filterWords={describeUserFilter(query, data.profileId !== null)}
        profileId={data.profileId}
      />
      <KeysetPager path={path} params={params} pageSize={query.pageSize} previousCursor={page.previousCursor} nextCursor={page.nextCursor} total={total} noun="users" />
    </Stack>
  );
}
