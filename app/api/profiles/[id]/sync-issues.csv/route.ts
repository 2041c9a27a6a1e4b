// GET /api/profiles/{id}/sync-issues.csv — all the profile's sync issues (CSV only: volume).
import { issuesCsv } from '@/lib/exports/issues-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { getProfile } from '@/lib/profiles/get-profile';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer<{ params: Promise<{ id: string }> }>(async (_request, { viewer, params }) => {
  const profile = await getProfile(viewer, (await params).id);
  return streamDownload(issuesCsv(viewer, { owner: { kind: 'profile', id: profile.id }, range: { from: null, to: null } }), {
    filename: `sync issues ${profile.name} all.csv`,
    contentType: 'text/csv; charset=utf-8',
  });
});
