// GET /api/profiles/{id}/sync-issues.csv[?from=&to=&type=&operation=&code=] — the profile's sync
// issues (CSV only: volume), all of them or as filtered.
import { rangeSuffix } from '@/lib/exports/filenames';
import { issuesCsv } from '@/lib/exports/issues-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { badRequest } from '@/lib/http/errors';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { parseIssueParams } from '@/lib/issues/parse-issue-params';
import { getProfile } from '@/lib/profiles/get-profile';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer<{ params: Promise<{ id: string }> }>(async (request, { viewer, params }) => {
  const parsed = parseIssueParams(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) throw badRequest(parsed.message);
  const profile = await getProfile(viewer, (await params).id);
  return streamDownload(issuesCsv(viewer, { owner: { kind: 'profile', id: profile.id }, ...parsed.value }), {
    filename: `sync issues ${profile.name} ${rangeSuffix(parsed.value.range)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    adminId: viewer.adminId,
  });
});
