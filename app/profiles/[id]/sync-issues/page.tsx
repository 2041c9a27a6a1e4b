// /profiles/{id}/sync-issues[?from=&to=&type=&operation=&code=] — a profile's issues are many:
// they are counted and exported as CSV (with the same filters), not listed.
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { IssueFilters } from '@/components/issues/issue-filters';
import { ListProblem } from '@/components/lists/list-problem';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { orNotFound } from '@/lib/http/or-not-found';
import { countIssues } from '@/lib/issues/list-issues';
import { issueFilterSearch, narrowsIssues } from '@/lib/issues/issue-search';
import { getProfile } from '@/lib/profiles/get-profile';
import { seenErrorCodes } from '@/lib/search/seen-filter-values';
import { parseSearch } from '@/lib/search/parse-search';
import { withParams, type SearchParams } from '@/lib/search/search-params';

export const metadata: Metadata = { title: 'Profile sync issues' };

export default async function ProfileSyncIssuesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const profile = await orNotFound(getProfile(viewer, (await params).id));
  const query = await searchParams;
  const path = `/profiles/${profile.id}/sync-issues`;
  const filters = <IssueFilters params={query} errorCodes={await seenErrorCodes(viewer, profile.id)} now={new Date()} />;
  const parsed = parseSearch(issueFilterSearch, query);
  if (!parsed.ok) return <ListProblem controls={filters} message={parsed.message} resetHref={path} resetLabel="Count all sync issues" />;
  const filtered = narrowsIssues(parsed.value);
  const total = await countIssues(viewer, { owner: { kind: 'profile', id: profile.id }, ...parsed.value });
  return (
    <Stack spacing={2}>
      {filters}
      <Alert severity="info" sx={{ maxWidth: 900 }}>
        Because of their potential volume, a profile&apos;s sync issues are available as a CSV file only. To browse them, open a user&apos;s Sync issues
        sub-tab.
      </Alert>
      <Typography>
        {profile.name} has <strong>{total.count.toLocaleString('en-US')}{total.capped ? '+' : ''}</strong> sync issue{total.count === 1 ? '' : 's'}
        {filtered ? ' matching these filters' : ''}.
      </Typography>
      <div>
        <Button href={withParams(`/api/profiles/${profile.id}/sync-issues.csv`, query, {})} variant="contained" startIcon={<FileDownloadIcon />} download>
          Export To CSV
        </Button>
      </div>
    </Stack>
  );
}
