// POST /api/users/{id}/sync-requests — Sync now: asks the sync engine to start a session for
// the user at once. 201 with the request; 404 outside the admin's scope; 409 unless the user's
// Effective synchronization status is Enabled; 429 with Retry-After within a minute of the
// user's last session start or last request.
import { withTenantViewer } from '@/lib/http/with-viewer';
import { requestUserSync } from '@/lib/sync-requests/request-sync';

export const dynamic = 'force-dynamic';

export const POST = withTenantViewer({}, async (_request, { viewer, params }) => {
  const made = await requestUserSync(viewer, (await params).id);
  return Response.json(made, { status: 201, headers: { 'cache-control': 'no-store' } });
});
