// GET /api/users.csv[?status=&q=&sort=] — every user in the admin's scope, as the Users list
// filters and orders them, as CSV.
import { usersCoverage } from '@/lib/exports/filenames';
import { streamDownload } from '@/lib/exports/stream-response';
import { usersCsv } from '@/lib/exports/users-csv';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { userExportSearch } from '@/lib/users/user-search';

export const dynamic = 'force-dynamic';

export const GET = withTenantViewer({ search: userExportSearch }, async (_request, { viewer, search, query }) =>
  streamDownload(usersCsv(viewer, search), {
    filename: `users ${usersCoverage(search)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    viewer,
    audit: { target: { type: 'tenant', id: viewer.tenantId, label: 'Users' }, query },
  }),
);
