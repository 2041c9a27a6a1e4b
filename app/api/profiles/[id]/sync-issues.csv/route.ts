// GET /api/profiles/{id}/sync-issues.csv[?from=&to=&type=&operation=&code=] — the profile's sync
// issues (CSV only: volume), all of them or as filtered.
import { issuesCoverage } from '@/lib/exports/filenames';
import { issuesCsv } from '@/lib/exports/issues-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { issueFilterSearch } from '@/lib/issues/issue-search';
import { getProfile } from '@/lib/profiles/get-profile';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: issueFilterSearch }, async (_request, { viewer, params, search, query }) => {
  const profile = await getProfile(viewer, (await params).id);
  return streamDownload(issuesCsv(viewer, { owner: { kind: 'profile', id: profile.id }, ...search }), {
    filename: `sync issues ${profile.name} ${issuesCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'profile', id: profile.id, label: profile.name }, query },
  });
});
