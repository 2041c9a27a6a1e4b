// GET /api/users/{id}/statistics.zip?from=&to=[&ids=…] — the period's (or the selection's) logs plus their CSV.
import { rangeSuffix } from '@/lib/exports/filenames';
import { sessionsZip } from '@/lib/exports/sessions-zip';
import { streamDownload } from '@/lib/exports/stream-response';
import { badRequest } from '@/lib/http/errors';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { parseSessionParams } from '@/lib/sessions/parse-session-params';
import { assertSessionsOfUser } from '@/lib/sessions/session-lookup';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer<{ params: Promise<{ id: string }> }>(async (request, { viewer, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseSessionParams(query, { from: null, to: null });
  if (!parsed.ok) throw badRequest(parsed.message);
  if (!parsed.value.ids && !(parsed.value.range.from && parsed.value.range.to)) throw badRequest('Give a period (from and to) or a selection (ids).');
  const user = await getUser(viewer, (await params).id);
  if (parsed.value.ids) await assertSessionsOfUser(viewer, user.id, parsed.value.ids);
  const suffix = parsed.value.ids ? `selected-${parsed.value.ids.length}` : rangeSuffix(parsed.value.range);
  return streamDownload(sessionsZip(viewer, { owner: { kind: 'user', id: user.id }, ...parsed.value }), {
    filename: `sessions ${user.name} ${suffix}.zip`,
    contentType: 'application/zip', adminId: viewer.adminId,
  });
});
