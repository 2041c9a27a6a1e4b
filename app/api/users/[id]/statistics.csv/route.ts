// GET /api/users/{id}/statistics.csv[?from=&to=][&ids=…] — the user's sessions as CSV: all, the period, or the selection.
import { sessionsCsv } from '@/lib/exports/sessions-csv';
import { rangeSuffix } from '@/lib/exports/filenames';
import { streamDownload } from '@/lib/exports/stream-response';
import { badRequest } from '@/lib/http/errors';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { parseSessionParams } from '@/lib/sessions/parse-session-params';
import { assertSessionsOfUser } from '@/lib/sessions/session-lookup';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer<{ params: Promise<{ id: string }> }>(async (request, { viewer, params }) => {
  const parsed = parseSessionParams(Object.fromEntries(new URL(request.url).searchParams), { from: null, to: null });
  if (!parsed.ok) throw badRequest(parsed.message);
  const user = await getUser(viewer, (await params).id);
  if (parsed.value.ids) await assertSessionsOfUser(viewer, user.id, parsed.value.ids);
  const suffix = parsed.value.ids ? `selected-${parsed.value.ids.length}` : rangeSuffix(parsed.value.range);
  return streamDownload(sessionsCsv(viewer, { owner: { kind: 'user', id: user.id }, ...parsed.value }), {
    filename: `sessions ${user.name} ${suffix}.csv`,
    contentType: 'text/csv; charset=utf-8',
    adminId: viewer.adminId,
  });
});
