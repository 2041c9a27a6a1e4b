// GET /api/users/{id}/statistics.csv[?from=&to=][&ids=…] — the user's sessions as CSV: all, the period, or the selection.
import { sessionsCsv } from '@/lib/exports/sessions-csv';
import { sessionsCoverage } from '@/lib/exports/filenames';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { sessionDownloadSearch } from '@/lib/sessions/session-search';
import { assertSessionsOfUser } from '@/lib/sessions/session-lookup';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: sessionDownloadSearch }, async (request, { viewer, params, search }) => {
  const user = await getUser(viewer, (await params).id);
  if (search.ids) await assertSessionsOfUser(viewer, user.id, search.ids);
  return streamDownload(sessionsCsv(viewer, { owner: { kind: 'user', id: user.id }, ...search }), {
    filename: `sessions ${user.name} ${sessionsCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'user', id: user.id, label: user.name }, request },
  });
});
