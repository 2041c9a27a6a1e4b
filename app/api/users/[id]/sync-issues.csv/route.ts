// GET /api/users/{id}/sync-issues.csv[?from=&to=&type=&operation=&code=] — the user's issues, as filtered.
import { issuesCoverage } from '@/lib/exports/filenames';
import { issuesCsv } from '@/lib/exports/issues-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { issueFilterSearch } from '@/lib/issues/issue-search';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: issueFilterSearch }, async (_request, { viewer, params, search, query }) => {
  const user = await getUser(viewer, (await params).id);
  return streamDownload(issuesCsv(viewer, { owner: { kind: 'user', id: user.id }, ...search }), {
    filename: `sync issues ${user.name} ${issuesCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'user', id: user.id, label: user.name }, query },
  });
});
