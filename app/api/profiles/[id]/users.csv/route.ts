// GET /api/profiles/{id}/users.csv[?status=&q=&sort=] — the profile's users, as its Users
// sub-tab filters and orders them, as CSV.
import { usersCoverage } from '@/lib/exports/filenames';
import { streamDownload } from '@/lib/exports/stream-response';
import { usersCsv } from '@/lib/exports/users-csv';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { getProfile } from '@/lib/profiles/get-profile';
import { userExportSearch } from '@/lib/users/user-search';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: userExportSearch }, async (_request, { viewer, params, search, query }) => {
  const profile = await getProfile(viewer, (await params).id);
  return streamDownload(usersCsv(viewer, { ...search, profileId: profile.id }), {
    filename: `users ${profile.name} ${usersCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'profile', id: profile.id, label: profile.name }, query },
  });
});
