// GET /api/users/{id}/statistics.csv[?from=&to=][&ids=…|&except=…] — the user's sessions as CSV: all, the period, the
// selection, or the period except some; POST takes the same query as a form (a selection too long for a URL).
import type { z } from 'zod';
import { sessionsCsv } from '@/lib/exports/sessions-csv';
import { sessionsCoverage } from '@/lib/exports/filenames';
import { streamDownload } from '@/lib/exports/stream-response';
import { withTenantViewer, type ViewerContext } from '@/lib/http/with-viewer';
import { sessionDownloadSearch } from '@/lib/sessions/session-search';
import { assertSessionsOfUser } from '@/lib/sessions/session-lookup';
import { getUser } from '@/lib/users/get-user';

export const dynamic = 'force-dynamic';

type Search = z.infer<typeof sessionDownloadSearch>;

const download = async (_request: Request, { viewer, params, search, query }: ViewerContext<Search>) => {
  const user = await getUser(viewer, (await params).id);
  if (search.ids) await assertSessionsOfUser(viewer, user.id, search.ids);
  return streamDownload(sessionsCsv(viewer, { owner: { kind: 'user', id: user.id }, ...search }), {
    filename: `sessions ${user.name} ${sessionsCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'user', id: user.id, label: user.name }, query },
  });
};

export const GET = withTenantViewer({ search: sessionDownloadSearch }, download);
// The same, with the query in a form body: a selection too long for a URL.
export const POST = withTenantViewer({ search: sessionDownloadSearch, searchIn: 'form' }, download);
