// GET /api/profiles/{id}/statistics.csv[?from=&to=] — the profile's sessions (all, or the period) as CSV.
import { rangeSuffix } from '@/lib/exports/filenames';
import { sessionsCsv } from '@/lib/exports/sessions-csv';
import { streamDownload } from '@/lib/exports/stream-response';
import { badRequest } from '@/lib/http/errors';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { getProfile } from '@/lib/profiles/get-profile';
import { parseSessionParams } from '@/lib/sessions/parse-session-params';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer<{ params: Promise<{ id: string }> }>(async (request, { viewer, params }) => {
  const parsed = parseSessionParams(Object.fromEntries(new URL(request.url).searchParams), { from: null, to: null });
  if (!parsed.ok) throw badRequest(parsed.message);
  if (parsed.value.ids) throw badRequest('A profile export takes a period, not a selection.');
  const profile = await getProfile(viewer, (await params).id);
  return streamDownload(sessionsCsv(viewer, { owner: { kind: 'profile', id: profile.id }, ...parsed.value }), {
    filename: `sessions ${profile.name} ${rangeSuffix(parsed.value.range)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    adminId: viewer.adminId,
  });
});
