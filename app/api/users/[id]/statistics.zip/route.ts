// GET /api/users/{id}/statistics.zip?from=&to=[&except=…] or ?ids=… — the period's (or the selection's) logs plus their
// CSV; POST takes the same query as a form (a selection too long for a URL).
import type { z } from 'zod';
import { sessionsCoverage } from '@/lib/exports/filenames';
import { sessionsZip } from '@/lib/exports/sessions-zip';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer, type ViewerContext } from '@/lib/http/with-viewer';
import { sessionZipSearch } from '@/lib/sessions/session-search';
import { assertSessionsOfUser } from '@/lib/sessions/session-lookup';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

type Search = z.infer<typeof sessionZipSearch>;

const download = async (_request: Request, { viewer, params, search, query }: ViewerContext<Search>) => {
  const user = await getUser(viewer, (await params).id);
  if (search.ids) await assertSessionsOfUser(viewer, user.id, search.ids);
  return streamDownload(sessionsZip(viewer, { owner: { kind: 'user', id: user.id }, ...search }), {
    filename: `sessions ${user.name} ${sessionsCoverage(search)}.zip`,
    contentType: 'application/zip',
    viewer,
    audit: { target: { type: 'user', id: user.id, label: user.name }, query },
  });
};

export const GET = withTenantViewer({ search: sessionZipSearch }, download);
// The same, with the query in a form body: a selection too long for a URL.
export const POST = withTenantViewer({ search: sessionZipSearch, searchIn: 'form' }, download);
