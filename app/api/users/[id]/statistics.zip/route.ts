// GET /api/users/{id}/statistics.zip?from=&to=[&ids=…] — the period's (or the selection's) logs plus their CSV.
import { sessionsCoverage } from '@/lib/exports/filenames';
import { sessionsZip } from '@/lib/exports/sessions-zip';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { sessionZipSearch } from '@/lib/sessions/session-search';
import { assertSessionsOfUser } from '@/lib/sessions/session-lookup';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: sessionZipSearch }, async (request, { viewer, params, search }) => {
  const user = await getUser(viewer, (await params).id);
  if (search.ids) await assertSessionsOfUser(viewer, user.id, search.ids);
  return streamDownload(sessionsZip(viewer, { owner: { kind: 'user', id: user.id }, ...search }), {
    filename: `sessions ${user.name} ${sessionsCoverage(search)}.zip`,
    contentType: 'application/zip',
    viewer,
    audit: { target: { type: 'user', id: user.id, label: user.name }, request },
  });
});
