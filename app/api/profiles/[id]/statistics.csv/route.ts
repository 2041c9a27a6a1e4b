// GET /api/profiles/{id}/statistics.csv[?from=&to=] — the profile's sessions (all, or the period) as CSV.
import { sessionsCoverage } from '@/lib/exports/filenames';
import { sessionsCsv } from '@/lib/exports/sessions-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { getProfile } from '@/lib/profiles/get-profile';
import { profileSessionsSearch } from '@/lib/sessions/session-search';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: profileSessionsSearch }, async (_request, { viewer, params, search, query }) => {
  const profile = await getProfile(viewer, (await params).id);
  return streamDownload(sessionsCsv(viewer, { owner: { kind: 'profile', id: profile.id }, ...search }), {
    filename: `sessions ${profile.name} ${sessionsCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'profile', id: profile.id, label: profile.name }, query },
  });
});
