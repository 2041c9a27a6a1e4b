// /users/{id}/sync-issues?from=&to=&type=&operation=&code= — the user's sync issues (all time by default).
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { Metadata } from 'next';
import { IssueFilters } from '@/components/issues/issue-filters';
import { IssuesGrid } from '@/components/issues/issues-grid';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { loadIssuesList } from '@/lib/issues/load-issues-list';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import { seenErrorCodes } from '@/lib/search/seen-filter-values';
import { withParams, type SearchParams } from '@/lib/search/search-params';
import { getUser } from '@/lib/users/get-user';

export const metadata: Metadata = { title: 'User sync issues' };

export default async function UserSyncIssuesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const user = await orNotFound(getUser(viewer, (await params).id));
  const query = await searchParams;
  const path = `/users/${user.id}/sync-issues`;
  const filters = <IssueFilters params={query} errorCodes={await seenErrorCodes(viewer, null)} now={new Date()} />;
  const data = await loadIssuesList(viewer, { kind: 'user', id: user.id }, query);
  if (!data.ok) return <ListProblem controls={filters} message={data.message} resetHref={path} resetLabel="Show all sync issues" />;
  const csv = withParams(`/api/users/${user.id}/sync-issues.csv`, query, { pageSize: null, sort: null });
  return (
    <Stack spacing={2}>
      {filters}
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button href={csv} variant="outlined" startIcon={<FileDownloadIcon />} download>
          Export to CSV
        </Button>
      </Stack>
      <IssuesGrid rows={data.page.rows} direction={data.direction} label={`Sync issues of ${user.name}`} columnVisibility={await getColumnVisibility(viewer, 'user-sync-issues')} />
      <KeysetPager path={path} params={query} pageSize={data.pageSize} previousCursor={data.page.previousCursor} nextCursor={data.page.nextCursor} total={data.total} noun="sync issues" />
    </Stack>
  );
}
