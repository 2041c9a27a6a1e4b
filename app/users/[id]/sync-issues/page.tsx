// /users/{id}/sync-issues?from=&to=&type=&operation=&code= — the user's sync issues (all time by default).
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { Metadata } from 'next';
import { IssueFilters, issueFilterValues } from '@/components/issues/issue-filters';
import { IssuesGrid } from '@/components/issues/issues-grid';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { countIssues, listIssues } from '@/lib/issues/list-issues';
import { issueListSearch } from '@/lib/issues/issue-search';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { parseSearch } from '@/lib/search/parse-search';
import { withParams, type SearchParams } from '@/lib/search/search-params';
import { getUser } from '@/lib/users/get-user';

export const metadata: Metadata = { title: 'User sync issues' };

export default async function UserSyncIssuesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const user = await orNotFound(getUser(viewer, (await params).id));
  const query = await searchParams;
  const path = `/users/${user.id}/sync-issues`;
  const values = issueFilterValues(query);
  const filters = <IssueFilters path={path} values={values} />;
  const parsed = parseSearch(issueListSearch, query);
  if (!parsed.ok) return <ListProblem controls={filters} message={parsed.message} resetHref={path} resetLabel="Show all sync issues" />;
  const { sort, pageSize, page: pageRequest, ...filterValues } = parsed.value;
  const filter = { owner: { kind: 'user' as const, id: user.id }, ...filterValues };
  try {
    const [page, total] = await Promise.all([listIssues(viewer, filter, { direction: sort.direction, pageSize, page: pageRequest }), countIssues(viewer, filter)]);
    const csv = withParams(`/api/users/${user.id}/sync-issues.csv`, query, { pageSize: null, sort: null });
    return (
      <Stack spacing={2}>
        {filters}
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button href={csv} variant="outlined" startIcon={<FileDownloadIcon />} download>
            Export to CSV
          </Button>
        </Stack>
        <IssuesGrid rows={page.rows} direction={sort.direction} label={`Sync issues of ${user.name}`} />
        <KeysetPager path={path} params={query} pageSize={pageSize} previousCursor={page.previousCursor} nextCursor={page.nextCursor} total={total} noun="sync issues" />
      </Stack>
    );
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return <ListProblem controls={filters} message={error.message} resetHref={path} resetLabel="Show all sync issues" />;
  }
}
